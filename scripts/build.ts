/**
 * Builds the single self-contained binary: main.ts, every worker and piscina's own worker
 * bootstrap as entrypoints, the wasm grammars embedded through their `type: "file"` imports.
 * Usage: bun scripts/build.ts [--target bun-linux-x64] [--outfile dist/kmpdata]
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { BunPlugin } from "bun";

const root = resolve(import.meta.dir, "..");

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/**
 * Source patches to piscina (pinned), each applied to exactly one occurrence: if the text is not
 * found exactly once, piscina changed and the build fails rather than ship a binary that breaks.
 */
const PISCINA_PATCHES: { file: RegExp; from: string; to: string; why: string }[] = [
  {
    // The one expression piscina uses to find its worker; replaced by a global main.ts sets.
    file: /piscina[\\/]dist[\\/]index\.js$/,
    from: "(0, node_path_1.resolve)(__dirname, 'worker.js')",
    to: "(globalThis.__KMPDATA_PISCINA_WORKER__ || (0, node_path_1.resolve)(__dirname, 'worker.js'))",
    why: "piscina's worker file is inside the binary, not next to index.js",
  },
  {
    // Piscina.move() marks a result with a module-local symbol; our worker bundle and piscina's
    // worker bundle each hold their own copy of the module, so the mark was never recognised and
    // moved buffers were cloned. A registered symbol is the same in every bundle.
    file: /piscina[\\/]dist[\\/]symbols\.js$/,
    from: "Symbol('Piscina.kMovable')",
    to: "Symbol.for('Piscina.kMovable')",
    why: "Piscina.move() from a worker bundle must be recognised by piscina's worker bundle",
  },
];

const piscinaPatch: BunPlugin = {
  name: "piscina-patches",
  setup(build) {
    for (const patch of PISCINA_PATCHES) {
      build.onLoad({ filter: patch.file }, (args) => {
        const text = readFileSync(args.path, "utf8");
        const hits = text.split(patch.from).length - 1;
        if (hits !== 1) {
          throw new Error(
            `piscina patch no longer applies (${patch.why}): expected exactly one ${patch.from} in ${args.path}, ` +
              `found ${hits}. piscina was upgraded; re-check BUILD-NOTES.md before changing the pin.`,
          );
        }
        return { contents: text.replace(patch.from, patch.to), loader: "js" };
      });
    }
  },
};

const workers = readdirSync(join(root, "workers"))
  .filter((f) => f.endsWith(".ts"))
  .map((f) => join(root, "workers", f));

const target = arg("--target");
const outfile = arg("--outfile") ?? join(root, "dist", "kmpdata");

const result = await Bun.build({
  entrypoints: [join(root, "main.ts"), ...workers],
  root,
  compile: target ? { outfile, target: target as Bun.Build.CompileTarget } : { outfile },
  minify: true,
  sourcemap: "none",
  plugins: [piscinaPatch],
  throw: false,
});
if (!result.success) {
  for (const log of result.logs) console.error(log);
  process.exit(1);
}
console.log(`built ${outfile}${target ? ` (${target})` : ""}`);
