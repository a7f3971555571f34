/**
 * End to end on the embedded sample corpus: real Blocks from extract's in-process API, then the
 * pairs stage. Every pair type must appear, every target must have a real body, and no file (the
 * sample has fewer repositories than repo grouping needs) may sit in two splits.
 */
import { afterAll, describe, expect, test } from "bun:test";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { silentLogger } from "../../src/log.ts";
import { runPairs } from "../../src/pairs/index.ts";
import { SPLITS } from "../../src/pairs/split.ts";
import { PAIR_TYPES, type Pair } from "../../src/types.ts";
import { cfg, sampleBlocks, sampleReady as ready, writeBlocks } from "./support.ts";

const tmp = mkdtempSync(join(tmpdir(), "kmpdata-pairs-e2e-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe.skipIf(!ready)("pairs on the embedded sample", () => {
  test("all seven pair types, real bodies everywhere, no file in two splits", async () => {
    const blocks = await sampleBlocks();
    writeBlocks(tmp, blocks);
    const ctx = { log: silentLogger, progress: { mode: "off" as const }, signal: new AbortController().signal };
    await runPairs(tmp, cfg({ minTargetLines: 3 }), ctx);
    const byId = new Map(blocks.map((b) => [b.id, b]));
    const pairs: [string, Pair][] = SPLITS.flatMap((s) =>
      readFileSync(join(tmp, "training_pairs", `${s}.jsonl`), "utf8").split("\n").filter(Boolean).map((l) => [s, JSON.parse(l) as Pair] as [string, Pair]),
    );
    const types = new Set(pairs.map(([, p]) => p.pair_type));
    expect([...types].sort()).toEqual([...PAIR_TYPES].sort());

    const fileSplit = new Map<string, string>();
    for (const [split, p] of pairs) {
      const key = `${p.repo}/${p.path}`;
      expect(fileSplit.get(key) ?? split).toBe(split);
      fileSplit.set(key, split);
      const ids = p.meta.source_block_ids as string[];
      const target = byId.get(ids[ids.length - 1]!)!;
      expect(target).toBeDefined();
      if (p.pair_type === "gradle") {
        expect(target.gradle!.targets.length).toBeGreaterThan(0);
      } else if (target.kind === "file") {
        expect(blocks.some((b) => b.path === target.path && b.repo === target.repo && b.kind !== "file" && b.has_body)).toBe(true);
      } else {
        expect(target.has_body || target.members.some((m) => m.has_body)).toBe(true);
        expect(target.body_ranges.length).toBeGreaterThan(0);
      }
      expect(p.input_text.length).toBeGreaterThan(0);
    }
    const stats = JSON.parse(readFileSync(join(tmp, "training_pairs", "pairs_stats.json"), "utf8"));
    expect(stats.kept_total).toBe(pairs.length);
    // The sample's 4 repositories: grouped by repo, each split holds some, no repo in two splits.
    expect(stats.grouping.by).toBe("repo");
    const repoSplit = new Map<string, string>();
    for (const split of ["train", "val", "test"]) {
      const rows = readFileSync(join(tmp, "training_pairs", `${split}.jsonl`), "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l));
      expect(rows.length).toBeGreaterThan(0);
      for (const r of rows) {
        expect(repoSplit.get(r.repo) ?? split).toBe(split);
        repoSplit.set(r.repo, split);
      }
    }
  });
});
