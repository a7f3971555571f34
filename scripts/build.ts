/**
 * Builds the single self-contained binary: main.ts, every worker and piscina's own worker
 * bootstrap as entrypoints, the wasm grammars embedded through their `type: "file"` imports.
 * Usage: bun scripts/build.ts [--target bun-linux-x64] [--outfile dist/kmpdata]
 */
import { readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { piscinaPatch } from "./piscina-patches.ts";

const root = resolve(import.meta.dir, "..");

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

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
  // Bytecode precompiled into the binary: start-up no longer parses the JS (the o200k vocabulary
  // module alone took ~0.5 s per thread that loads it); ESM needs format "esm" for it.
  bytecode: true,
  format: "esm",
  sourcemap: "none",
  plugins: [piscinaPatch],
  throw: false,
});
if (!result.success) {
  for (const log of result.logs) console.error(log);
  process.exit(1);
}
console.log(`built ${outfile}${target ? ` (${target})` : ""}`);
