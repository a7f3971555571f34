/**
 * End to end on the embedded sample corpus: real Blocks from extract's in-process API, then the
 * pairs stage. Every pair type must appear, every target must have a real body, and no file (the
 * sample has fewer repositories than repo grouping needs) may sit in two splits.
 */
import { afterAll, describe, expect, test } from "bun:test";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { silentLogger } from "../../src/log.ts";
import { runPairs } from "../../src/pairs/index.ts";
import { SPLITS } from "../../src/pairs/split.ts";
import { PAIR_TYPES, type Block, type Pair } from "../../src/types.ts";
import { cfg, writeBlocks } from "./support.ts";

const API = join(import.meta.dir, "..", "..", "src", "extract", "api.ts");
const SAMPLE = join(import.meta.dir, "..", "..", "src", "sample", "projects");
// Runs as soon as the extract API and the sample projects are in the tree.
const ready = existsSync(API) && existsSync(SAMPLE);

const tmp = mkdtempSync(join(tmpdir(), "kmpdata-pairs-e2e-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function sampleBlocks(): Promise<Block[]> {
  const { extractKotlinSource } = (await import(API)) as { extractKotlinSource: (s: string, f: { repo?: string; path: string }) => Promise<Block[]> };
  const { sampleFiles, sampleProjectNames } = await import("../../src/sample/index.ts");
  const blocks: Block[] = [];
  for (const project of sampleProjectNames()) {
    const files = sampleFiles(project);
    for (const path of Object.keys(files).sort()) {
      if (!path.endsWith(".kt") && !path.endsWith(".kts")) continue;
      blocks.push(...(await extractKotlinSource(files[path]!, { repo: `sample/${project}`, path })));
    }
  }
  // all_blocks.jsonl order: repo, path, start line.
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return blocks.sort((a, b) => cmp(a.repo, b.repo) || cmp(a.path, b.path) || a.start_line - b.start_line);
}

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
