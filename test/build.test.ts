import { describe, expect, test } from "bun:test";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { applyPatch, PISCINA_PATCHES } from "../scripts/piscina-patches.ts";

const PISCINA_DIST = join(import.meta.dir, "..", "node_modules", "piscina", "dist");

describe("the build's piscina patches", () => {
  for (const patch of PISCINA_PATCHES) {
    const file = ["index.js", "symbols.js", "worker.js", "common.js"].map((f) => join(PISCINA_DIST, f)).find((f) => patch.file.test(f))!;

    test(`${patch.why}: applies exactly once to the installed piscina`, () => {
      expect(file).toBeDefined();
      const text = readFileSync(file, "utf8");
      const patched = applyPatch(text, patch, file);
      expect(patched).not.toBe(text);
      expect(patched.split(patch.to).length - 1).toBe(1);
    });

    test(`${patch.why}: fails the build loudly when piscina's text changes`, () => {
      const text = readFileSync(file, "utf8");
      expect(() => applyPatch(text.replace(patch.from, "somethingElse"), patch, file)).toThrow(/no longer applies/);
      expect(() => applyPatch(text + patch.from, patch, file)).toThrow(/found 2/);
    });
  }
});
