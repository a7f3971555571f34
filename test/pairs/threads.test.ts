/**
 * The pairs step in the worker pool: whatever the threads (0 = in place), the split files and
 * pairs_stats.json are the same bytes — on the embedded sample, and on a fixture with repositories
 * that repeat each other's code (duplicates across repositories), secrets, a repository in two
 * runs and blank lines. A bad line fails as in place; an abort stops the run.
 */
import { afterAll, describe, expect, test } from "bun:test";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { KmpError } from "../../src/errors.ts";
import { Logger, silentLogger } from "../../src/log.ts";
import { runPairs } from "../../src/pairs/index.ts";
import { SPLITS } from "../../src/pairs/split.ts";
import type { PairsConfig } from "../../src/pairs/types.ts";
import type { Block } from "../../src/types.ts";
import { block, cfg, sampleBlocks, sampleReady } from "./support.ts";

const tmp = mkdtempSync(join(tmpdir(), "kmpdata-pairs-threads-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const OUTPUTS = [...SPLITS.map((s) => `${s}.jsonl`), "pairs_stats.json"];
const ctx = () => ({ log: silentLogger, progress: { mode: "off" as const }, signal: new AbortController().signal });
let dirs = 0;

/** A data dir holding exactly these all_blocks.jsonl lines. */
function dataDir(lines: string[]): string {
  const d = join(tmp, `d${++dirs}`);
  mkdirSync(join(d, "raw_blocks"), { recursive: true });
  writeFileSync(join(d, "raw_blocks", "all_blocks.jsonl"), lines.join("\n") + "\n");
  return d;
}

/** Runs pairs with each thread count on its own copy of the lines; the outputs of each run, by file. */
async function outputsPerThreads(lines: string[], c: PairsConfig, threads: number[]): Promise<Map<number, Record<string, Buffer>>> {
  const out = new Map<number, Record<string, Buffer>>();
  for (const t of threads) {
    const d = dataDir(lines);
    const result = await runPairs(d, c, ctx(), { threads: t });
    expect(result).not.toBeNull();
    if (t > 0) expect(result!.workerThreads.length).toBeGreaterThan(0);
    out.set(t, Object.fromEntries(OUTPUTS.map((f) => [f, readFileSync(join(d, "training_pairs", f))])));
  }
  return out;
}

function expectSameBytes(runs: Map<number, Record<string, Buffer>>): void {
  const base = runs.get(0)!;
  for (const [t, files] of runs) {
    for (const f of OUTPUTS) {
      // toEqual on Buffers compares bytes; the label says which run and file differ.
      expect({ threads: t, file: f, same: files[f]!.equals(base[f]!) }).toEqual({ threads: t, file: f, same: true });
    }
  }
}

/** Everything pairs_stats.json reports that must add up, against the split files. */
function expectStatsAddUp(files: Record<string, Buffer>): void {
  const stats = JSON.parse(files["pairs_stats.json"]!.toString("utf8"));
  const sum = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);
  const rows = SPLITS.map((s) => files[`${s}.jsonl`]!.toString("utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l)));
  const all = rows.flat();
  expect(stats.kept_total).toBe(all.length);
  expect(sum(stats.kept)).toBe(stats.kept_total);
  SPLITS.forEach((s, i) => {
    expect(stats.splits[s].pairs).toBe(rows[i]!.length);
    expect(sum(stats.splits[s].by_type)).toBe(rows[i]!.length);
  });
  for (const [type, n] of Object.entries(stats.kept)) expect(all.filter((p) => p.pair_type === type).length).toBe(n as number);
  expect(stats.test_pairs_kept).toBe(all.filter((p) => p.is_test).length);
  expect(sum(stats.dropped)).toBe(stats.dropped_total);
  const byType: Record<string, number> = {};
  for (const reasons of Object.values(stats.dropped_by_type) as Record<string, number>[]) for (const [r, n] of Object.entries(reasons)) byType[r] = (byType[r] ?? 0) + n;
  for (const [r, n] of Object.entries(stats.dropped)) expect(byType[r] ?? 0).toBe(n as number);
  // Rows per file: n rows from each of k files, over all files, is every kept row.
  expect(Object.entries(stats.rows_per_file).reduce((a, [n, k]) => a + Number(n) * (k as number), 0)).toBe(stats.kept_total);
  // Rows whose prompt has a context section are among those that measured context (and show no more).
  const measured = all.filter((p) => p.meta.context_declarations !== undefined);
  expect(stats.context.kept_with_context).toBeLessThanOrEqual(measured.length);
  expect(stats.context.declarations_shown).toBeLessThanOrEqual(measured.reduce((a, p) => a + (p.meta.context_declarations as number), 0));
  // Secrets: kept pairs' redactions are what the rows say; a pair dropped for secrets is one drop.
  expect(stats.secrets.secrets_redacted).toBe(all.reduce((a, p) => a + (p.meta.secrets_redacted as number), 0));
  expect(stats.secrets.pairs_redacted).toBe(all.filter((p) => (p.meta.secrets_redacted as number) > 0).length);
  expect(stats.secrets.pairs_dropped).toBe(stats.dropped.secrets);
  expect(stats.secrets.redactions.length + stats.secrets.redactions_not_listed).toBe(sum(stats.secrets.by_rule));
  expect(sum(stats.secrets.by_rule)).toBe(stats.secrets.secrets_redacted + stats.secrets.secrets_in_dropped_pairs);
  // Description sources count kept description rows only.
  expect(sum(stats.description_sources)).toBeLessThanOrEqual(stats.kept_total);
}

const renamed = (blocks: Block[], repo: string) => blocks.map((b) => ({ ...b, repo }));

/**
 * Several repositories: the sample's four, a copy of one under another name (every target a
 * duplicate of an earlier repository's), a repository with secrets (one pair redacted, one dropped),
 * one repository in two runs, and blank lines between blocks.
 */
async function severalRepos(): Promise<string[]> {
  const sample = await sampleBlocks();
  const repos = [...new Set(sample.map((b) => b.repo))];
  const of = (r: string) => sample.filter((b) => b.repo === r);
  const secrets = [
    block('fun client(): Client ⟦{\n    val apiKey = "RCztUjAwyuh1vauWv1zh"\n    return Client(apiKey)\n}⟧', { name: "client", repo: "acme/secrets", path: "shared/src/commonMain/kotlin/com/acme/app/Client.kt" }),
    block(
      'fun creds() ⟦{\n    val apiKey = "RCztUjAwyuh1vauWv1zh"\n    val password = "zbL#GVi!YXjU2JgJ"\n    val authToken = "AKIAUJZDEGXDNCF32EPF"\n    val secret = "24caf4941d4072014b3ce107f80e222f"\n    use(apiKey, password, authToken, secret)\n}⟧',
      { name: "creds", repo: "acme/secrets", path: "shared/src/commonMain/kotlin/com/acme/app/Creds.kt" },
    ),
  ];
  const first = of(repos[0]!);
  const half = Math.floor(first.length / 2);
  const runs: Block[][] = [
    first.slice(0, half),
    of(repos[1]!),
    first.slice(half), // repos[0] again: not contiguous
    secrets,
    ...repos.slice(2).map(of),
    renamed(of(repos[1]!), "copy/of-second"),
    renamed(of(repos[2]!), "copy/of-third"),
  ];
  const lines: string[] = [];
  runs.forEach((run, i) => {
    run.forEach((b, j) => {
      lines.push(JSON.stringify(b));
      if (j === 1 && i % 2 === 0) lines.push("", "   ");
    });
  });
  return lines;
}

describe.skipIf(!sampleReady)("pairs with --threads 0 (in place), 1, 2 and 3", () => {
  test("the embedded sample: byte-identical splits and pairs_stats.json", async () => {
    const lines = (await sampleBlocks()).map((b) => JSON.stringify(b));
    const runs = await outputsPerThreads(lines, cfg({ minTargetLines: 3 }), [0, 1, 2, 3]);
    expectSameBytes(runs);
    expectStatsAddUp(runs.get(0)!);
  });

  test("several repositories with duplicates across them, secrets, a repository in two runs, blank lines: byte-identical", async () => {
    const lines = await severalRepos();
    const runs = await outputsPerThreads(lines, cfg({ minTargetLines: 3 }), [0, 1, 2, 3]);
    expectSameBytes(runs);
    const files = runs.get(0)!;
    expectStatsAddUp(files);
    const stats = JSON.parse(files["pairs_stats.json"]!.toString("utf8"));
    expect(stats.input.repos).toBe(7);
    expect(stats.input.repos_not_contiguous).toBe(1);
    expect(stats.grouping.by).toBe("repo");
    expect(stats.dropped.duplicate).toBeGreaterThan(0);
    expect(stats.dropped.secrets).toBe(1);
    expect(stats.secrets.pairs_redacted).toBeGreaterThan(0);
    const blocks = lines.filter((l) => l.trim() !== "").length;
    expect(stats.input.blocks).toBe(blocks);
  });

  test("a line that is not JSON fails the step naming its line, in a worker as in place", async () => {
    const lines = (await sampleBlocks()).map((b) => JSON.stringify(b));
    // Late in a repository, so the main thread's look at its first keys passes and the worker parses it.
    const bad = lines.length - 3;
    lines[bad] = lines[bad]!.slice(0, 200);
    const errors: string[] = [];
    for (const threads of [0, 2]) {
      const d = dataDir(lines);
      const err = await runPairs(d, cfg(), ctx(), { threads }).catch((e: Error) => e);
      // Advice, not a bug: a KmpError (one line, exit 4) from a worker as from the main thread.
      expect(err).toBeInstanceOf(KmpError);
      expect((err as KmpError).exitCode).toBe(4);
      errors.push((err as Error).message.replace(d, "<data>"));
    }
    expect(errors[0]).toMatch(new RegExp(`^<data>/raw_blocks/all_blocks\\.jsonl:${bad + 1}: not valid JSON`));
    expect(errors[1]).toBe(errors[0]!);
  });

  test("a record that is no block, random bytes, or a folder in place of the file: one line, exit 4, in a worker as in place", async () => {
    const lines = (await sampleBlocks()).map((b) => JSON.stringify(b));
    for (const threads of [0, 2]) {
      for (const [bad, why] of [["{}", /:1: not a block record/], ['{"repo":"a/b","path":1}', /:1: not a block record/], ["\u0007\u0001garbage", /:1: not valid JSON/]] as const) {
        const err = await runPairs(dataDir([bad, ...lines]), cfg(), ctx(), { threads }).catch((e: Error) => e);
        expect(err).toBeInstanceOf(KmpError);
        expect((err as KmpError).exitCode).toBe(4);
        expect((err as Error).message).toMatch(why);
      }
    }
    const d = join(tmp, "folder");
    mkdirSync(join(d, "raw_blocks", "all_blocks.jsonl"), { recursive: true });
    const err = await runPairs(d, cfg(), ctx(), {}).catch((e: Error) => e);
    expect(err).toBeInstanceOf(KmpError);
    expect((err as Error).message).toContain("is not a file");
  });

  test("an abort stops the run: null, no split files, the pool gone", async () => {
    const lines = await severalRepos();
    const d = dataDir(lines);
    const controller = new AbortController();
    // Aborted as the first repository is written (progress lines report every tick).
    const said: string[] = [];
    const log = new Logger({
      level: "info",
      format: "text",
      write: (line) => {
        said.push(line);
        controller.abort();
      },
    });
    const started = performance.now();
    const result = await runPairs(d, cfg({ minTargetLines: 3 }), { log, progress: { mode: "lines", intervalMs: 0 }, signal: controller.signal }, { threads: 2 });
    expect(result).toBeNull();
    expect(controller.signal.aborted).toBe(true);
    expect(existsSync(join(d, "training_pairs", "train.jsonl"))).toBe(false);
    // The last progress line: fewer blocks written than the file holds.
    const [, done, total] = /pairs: (\d+)\/(\d+) blocks/.exec(said.at(-1)!)!;
    expect(Number(done)).toBeLessThan(Number(total));
    expect(performance.now() - started).toBeLessThan(20_000);
  });
});
