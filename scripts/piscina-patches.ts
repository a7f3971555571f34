/**
 * The build's patches to piscina (pinned in package.json), kept apart from scripts/build.ts so a
 * test can check each still applies to the installed piscina, exactly once.
 */
import { readFileSync } from "node:fs";
import type { BunPlugin } from "bun";

/**
 * Source patches to piscina (pinned), each applied to exactly one occurrence: if the text is not
 * found exactly once, piscina changed and the build fails rather than ship a binary that breaks.
 */
export const PISCINA_PATCHES: { file: RegExp; from: string; to: string; why: string }[] = [
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

export type PiscinaPatch = (typeof PISCINA_PATCHES)[number];

/** The patched text; throws unless `patch.from` occurs exactly once. */
export function applyPatch(text: string, patch: PiscinaPatch, path: string): string {
  const hits = text.split(patch.from).length - 1;
  if (hits !== 1) {
    throw new Error(
      `piscina patch no longer applies (${patch.why}): expected exactly one ${patch.from} in ${path}, ` +
        `found ${hits}. piscina was upgraded; re-check BUILD-NOTES.md before changing the pin.`,
    );
  }
  return text.replace(patch.from, patch.to);
}

export const piscinaPatch: BunPlugin = {
  name: "piscina-patches",
  setup(build) {
    for (const patch of PISCINA_PATCHES) {
      build.onLoad({ filter: patch.file }, (args) => ({ contents: applyPatch(readFileSync(args.path, "utf8"), patch, args.path), loader: "js" }));
    }
  },
};
