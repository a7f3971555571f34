/** Splits: grouped (repo, or file when repos are few), stratified per pair type, byte-identical for a seed. */
import { afterAll, describe, expect, test } from "bun:test";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { KmpError } from "../../src/errors.ts";
import { silentLogger } from "../../src/log.ts";
import { runPairs } from "../../src/pairs/index.ts";
import { assignSplits, SPLITS } from "../../src/pairs/split.ts";
import type { Block, Pair } from "../../src/types.ts";
import { block, cfg, writeBlocks } from "./support.ts";

const tmp = mkdtempSync(join(tmpdir(), "kmpdata-pairs-split-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const ctx = { log: silentLogger, progress: { mode: "off" as const }, signal: new AbortController().signal };

/** A repository with `files` files, each holding a function and a class (distinct bodies throughout). */
function corpusRepo(r: number, files: number): Block[] {
  const repo = `owner${String(r).padStart(2, "0")}/lib`;
  const out: Block[] = [];
  for (let f = 0; f < files; f++) {
    const path = `shared/src/commonMain/kotlin/p/F${f}.kt`;
    out.push(
      block(`fun compute${f}(x: Int): Int ⟦{\n    val y = x * ${r + 2}\n    return y + ${f}\n}⟧`, { repo, path, name: `compute${f}`, params: [{ name: "x", type: "Int" }], return_type: "Int" }),
      block(`class Counter${f} {\n    private var n = ${r}\n    fun next(): Int ⟦{\n        n += ${f + 1}\n        return n\n    }⟧\n}`, {
        repo,
        path,
        name: `Counter${f}`,
        kind: "class",
        members: [{ kind: "function", name: "next", signature: "fun next(): Int", has_body: true, is_abstract: false }],
      }),
    );
  }
  return out;
}

function readPairs(dir: string, split: string): Pair[] {
  return readFileSync(join(dir, "training_pairs", `${split}.jsonl`), "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l) as Pair);
}

describe("assignSplits", () => {
  // 400 groups of varying size and type mix.
  const groups = new Map<string, number[]>();
  for (let g = 0; g < 400; g++) groups.set(`g${g}`, [g % 3, (g * 7) % 5, 1 + (g % 4), g % 11 === 0 ? 6 : 0]);

  test("every group goes to one split; each type keeps roughly 90/5/5", () => {
    const a = assignSplits(groups, [0.9, 0.05, 0.05], 1);
    expect(a.size).toBe(groups.size);
    for (let t = 0; t < 4; t++) {
      const total = [...groups.values()].reduce((s, g) => s + g[t]!, 0);
      const per = Object.fromEntries(SPLITS.map((s) => [s, 0]));
      for (const [k, s] of a) per[s]! += groups.get(k)![t]!;
      expect(per.train! / total).toBeGreaterThan(0.85);
      expect(per.train! / total).toBeLessThan(0.95);
      expect(per.val! / total).toBeGreaterThan(0.02);
      expect(per.test! / total).toBeGreaterThan(0.02);
    }
  });

  test("deterministic for a seed, different across seeds", () => {
    const a = JSON.stringify([...assignSplits(groups, [0.9, 0.05, 0.05], 5)]);
    expect(JSON.stringify([...assignSplits(groups, [0.9, 0.05, 0.05], 5)])).toBe(a);
    expect(JSON.stringify([...assignSplits(groups, [0.9, 0.05, 0.05], 6)])).not.toBe(a);
  });
});

describe("runPairs splits", () => {
  const many = Array.from({ length: 30 }, (_, r) => corpusRepo(r, 3)).flat();

  test("with enough repositories no repository is in two splits, and the same seed gives byte-identical files", async () => {
    const dirs = [join(tmp, "a"), join(tmp, "b")];
    for (const d of dirs) {
      writeBlocks(d, many);
      await runPairs(d, cfg({ seed: 3 }), ctx);
    }
    for (const f of ["train.jsonl", "val.jsonl", "test.jsonl", "pairs_stats.json"]) {
      expect(readFileSync(join(dirs[1]!, "training_pairs", f), "utf8")).toBe(readFileSync(join(dirs[0]!, "training_pairs", f), "utf8"));
    }
    const owner = new Map<string, string>();
    for (const s of SPLITS) {
      for (const p of readPairs(dirs[0]!, s)) {
        expect(owner.get(p.repo) ?? s).toBe(s);
        owner.set(p.repo, s);
      }
    }
    expect(new Set(owner.values()).size).toBe(3);
    const stats = JSON.parse(readFileSync(join(dirs[0]!, "training_pairs", "pairs_stats.json"), "utf8"));
    expect(stats.grouping.by).toBe("repo");
    expect(stats.kept_total).toBe(SPLITS.reduce((n, s) => n + readPairs(dirs[0]!, s).length, 0));
  });

  test("a different seed changes the split", async () => {
    const d = join(tmp, "c");
    writeBlocks(d, many);
    await runPairs(d, cfg({ seed: 4 }), ctx);
    expect(readFileSync(join(d, "training_pairs", "test.jsonl"), "utf8")).not.toBe(readFileSync(join(tmp, "a", "training_pairs", "test.jsonl"), "utf8"));
  });

  test("with few repositories pairs are grouped by file, and the stats say so", async () => {
    const d = join(tmp, "few");
    writeBlocks(d, [corpusRepo(0, 25), corpusRepo(1, 25)].flat());
    await runPairs(d, cfg(), ctx);
    const owner = new Map<string, string>();
    for (const s of SPLITS) {
      for (const p of readPairs(d, s)) {
        const key = `${p.repo}/${p.path}`;
        expect(owner.get(key) ?? s).toBe(s);
        owner.set(key, s);
      }
    }
    expect(new Set(owner.values()).size).toBe(3);
    const stats = JSON.parse(readFileSync(join(d, "training_pairs", "pairs_stats.json"), "utf8"));
    expect(stats.grouping.by).toBe("file");
    expect(stats.grouping.note).toContain("grouped by file");
  });

  test("missing or empty input is a user error", async () => {
    await expect(runPairs(join(tmp, "none"), cfg(), ctx)).rejects.toMatchObject({ code: "E_NO_INPUT" });
    const d = join(tmp, "empty");
    writeBlocks(d, []);
    const err = await runPairs(d, cfg(), ctx).catch((e) => e);
    expect(err).toBeInstanceOf(KmpError);
    expect(err.code).toBe("E_NO_BLOCKS");
  });
});
