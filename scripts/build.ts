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

/** The one expression piscina uses to find its worker; replaced by a global main.ts sets. */
const PISCINA_WORKER_EXPR = "(0, node_path_1.resolve)(__dirname, 'worker.js')";

const piscinaPatch: BunPlugin = {
  name: "piscina-worker-path",
  setup(build) {
    build.onLoad({ filter: /piscina[\\/]dist[\\/]index\.js$/ }, (args) => {
      const text = readFileSync(args.path, "utf8");
      const hits = text.split(PISCINA_WORKER_EXPR).length - 1;
      if (hits !== 1) {
        throw new Error(
          `piscina patch no longer applies: expected exactly one ${PISCINA_WORKER_EXPR} in ${args.path}, ` +
            `found ${hits}. piscina was upgraded; re-check BUILD-NOTES.md before changing the pin.`,
        );
      }
      const patched = text.replace(
        PISCINA_WORKER_EXPR,
        `(globalThis.__KMPDATA_PISCINA_WORKER__ || ${PISCINA_WORKER_EXPR})`,
      );
      return { contents: patched, loader: "js" };
    });
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
