/**
 * The pairs stage: data/raw_blocks/all_blocks.jsonl → data/training_pairs/{train,val,test}.jsonl
 * and pairs_stats.json.
 *
 * Pass 1 streams the blocks one repository at a time (the file is sorted by repo, and expect/actual
 * and interface matching never cross repositories) to the worker pool, a few repositories in flight,
 * so memory follows the largest repositories; kept pairs go to a spool file, in file order, and only
 * per-file counts stay in memory. The groups are then assigned to
 * splits, and pass 2 streams the spool into the three split files.
 */
import { requireFinished } from "../marker.ts";
import { existsSync, readFileSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { KmpError, missingInput } from "../errors.ts";
import { countLines, hashFile, JsonlWriter, readJsonl, stableHash, writeJsonAtomic } from "../io.ts";
import type { PairsOptions } from "../options.ts";
import { WorkerPool, type SerializedError } from "../pool.ts";
import { createProgress } from "../progress.ts";
import type { Stage, StageContext, StageSummary } from "../stage.ts";
import { PAIR_TYPES, type Pair, type Repo } from "../types.ts";
import { repoRuns } from "./blocks.ts";
import type { CarriedRepo } from "../fused/carry.ts";
import { PairMaker, type RepoMeta } from "./maker.ts";
import { assignSplits, groupingFor, groupKey, SPLITS, type SplitName } from "./split.ts";
import { buildStats } from "./stats.ts";
import { DEFAULT_PAIRS_CONFIG, type PairsConfig } from "./types.ts";
import { makeRepoPairs, type PairsResult, type PairsTask } from "./worker.ts";
import { askAll, type AskStats } from "./describe/ask.ts";
import { DescriptionCache } from "./describe/cache.ts";
import { DescribeClient } from "./describe/client.ts";
import { TEMPLATE_VERSION, templateText, type DescribeRequest } from "./describe/template.ts";

export const PAIRS_DIR = "training_pairs";
const BLOCKS_FILE = ["raw_blocks", "all_blocks.jsonl"] as const;
const REPOS_FILE = ["metadata", "repos.jsonl"] as const;

export function pairsConfig(opts: PairsOptions, seed: number): PairsConfig {
  return {
    ...DEFAULT_PAIRS_CONFIG,
    seed,
    minTargetLines: opts.minTargetLines,
    maxTargetLines: opts.maxTargetLines,
    excludeTests: opts.excludeTests,
    contextTokens: opts.contextTokens,
    maxInputTokens: opts.maxInputTokens,
    tokenizer: opts.tokenizer,
    maxRowsPerFile: opts.maxRowsPerFile,
    maxFileLines: opts.maxFileLines,
    minAnswerTokens: opts.minAnswerTokens,
    ...(opts.describe ? { describe: { model: opts.describe.model, template: TEMPLATE_VERSION, all: opts.describe.all, max: opts.describe.max } } : {}),
  };
}

/** Where the model's answers are kept (see describe/cache.ts). */
export function descriptionsCachePath(dataDir: string): string {
  return join(dataDir, "cache", "descriptions.jsonl");
}

export async function readRepoMeta(path: string): Promise<Map<string, RepoMeta>> {
  const out = new Map<string, RepoMeta>();
  if (!existsSync(path)) return out;
  for await (const r of readJsonl<Repo>(path)) out.set(r.full_name, { license: r.license, commit: r.commit });
  return out;
}

export interface PairsRunResult {
  files: Record<SplitName, { path: string; records: number }>;
  statsPath: string;
  kept: number;
  /** Worker thread ids that made pairs (none when made in place). */
  workerThreads: number[];
}

export interface PairsRunOptions {
  /** Worker threads making the repositories' pairs; 0 (the default): in this thread, one repository at a time. */
  threads?: number;
  /** A fused run's repositories, already made from the blocks file by extract's workers. */
  carried?: Iterable<CarriedRepo> | null;
  /** Where the split files go (the pipeline's staging folder); default `<dataDir>/training_pairs`. */
  outDir?: string;
  /** A merge of shards: the blocks the carried repositories were made from (there is no blocks file). */
  carriedBlocks?: number;
  /** --describe-with: the endpoint, the answers cache and how to ask (cfg.describe says what shapes the rows). */
  describe?: DescribeRun | null;
}

export interface DescribeRun {
  client: DescribeClient;
  cache: DescriptionCache;
  concurrency: number;
}

/** Past `threads` repositories in flight, no more are sent while their lines add up to this much. */
const MAX_IN_FLIGHT_BYTES = 64 << 20;

type Outcome = { ok: true; value: PairsResult } | { ok: false; error: unknown };

interface RepoRunner {
  run(task: PairsTask, transfer: ArrayBuffer[]): Promise<Outcome>;
  destroy(): Promise<void>;
}

const inPlace: RepoRunner = {
  async run(task) {
    // A turn of the event loop first, so a Ctrl-C (the signal) is seen between repositories.
    await new Promise((resolve) => setImmediate(resolve));
    try {
      return { ok: true, value: await makeRepoPairs(task) };
    } catch (error) {
      return { ok: false, error };
    }
  },
  async destroy() {},
};

/** A worker's failure as the error it was (message and stack), to fail the step as in place. */
function rethrown(error: unknown): unknown {
  if (error instanceof Error || typeof error !== "object" || error === null) return error;
  const e = error as SerializedError;
  const err = new Error(e.message);
  err.name = e.name;
  if (e.stack) err.stack = e.stack;
  return err;
}

/** Resolves when the signal aborts (at once if it has); `off` removes the listener. */
function onAbort(signal: AbortSignal): { aborted: Promise<null>; off: () => void } {
  let off = () => {};
  const aborted = new Promise<null>((resolve) => {
    if (signal.aborted) return resolve(null);
    const listener = () => resolve(null);
    signal.addEventListener("abort", listener, { once: true });
    off = () => signal.removeEventListener("abort", listener);
  });
  return { aborted, off };
}

/**
 * --describe-with, first pass: every repository's planned rows, for the descriptions they need
 * (nothing is written). Null when interrupted.
 */
async function collectRequests(
  blocksPath: string,
  totalBlocks: number,
  cfg: PairsConfig,
  repoMeta: Map<string, RepoMeta>,
  runner: RepoRunner,
  threads: number,
  ctx: Pick<StageContext, "log" | "progress" | "signal">,
): Promise<Map<string, DescribeRequest[]> | null> {
  const progress = createProgress("pairs: finding declarations to describe", totalBlocks, "blocks", ctx.log, ctx.progress);
  const out = new Map<string, DescribeRequest[]>();
  const window: { repo: string; blocks: number; outcome: Promise<Outcome> }[] = [];
  const take = async () => {
    const head = window.shift()!;
    const outcome = await head.outcome;
    if (!outcome.ok) throw rethrown(outcome.error);
    if (outcome.value.failure) throw new KmpError(outcome.value.failure.code, outcome.value.failure.message);
    const list = out.get(head.repo) ?? [];
    list.push(...(outcome.value.requests ?? []));
    out.set(head.repo, list);
    progress.tick(head.blocks, head.repo);
  };
  try {
    for (const run of repoRuns(blocksPath)) {
      if (ctx.signal.aborted) break;
      const task: PairsTask = { path: blocksPath, repo: run.repo, firstLine: run.firstLine, bytes: run.bytes, cfg, meta: repoMeta.get(run.repo) ?? null, collect: true };
      window.push({ repo: run.repo, blocks: run.blocks, outcome: runner.run(task, [run.bytes.buffer as ArrayBuffer]) });
      while (window.length >= Math.max(1, threads * 2)) await take();
    }
    while (window.length > 0) await take();
  } finally {
    progress.stop();
  }
  if (ctx.signal.aborted) return null;
  const n = [...out.values()].reduce((a, l) => a + l.length, 0);
  ctx.log.debug(`pairs: ${n} declarations to describe in ${out.size} repositories`);
  return out;
}

/** The stage's work, callable without the pipeline (tests, benchmarks). */
export async function runPairs(
  dataDir: string,
  cfg: PairsConfig,
  ctx: Pick<StageContext, "log" | "progress" | "signal">,
  opts: PairsRunOptions = {},
): Promise<PairsRunResult | null> {
  const blocksPath = join(dataDir, ...BLOCKS_FILE);
  // A merge of shards carries every repository and has no blocks file.
  const merged = opts.carriedBlocks !== undefined;
  if (!merged && !existsSync(blocksPath)) throw missingInput(blocksPath, "extract");
  if (!merged && !statSync(blocksPath).isFile()) throw new KmpError("E_BAD_INPUT", `${blocksPath} is not a file: remove it and rerun \`kmpdata extract --force\``);
  const outDir = opts.outDir ?? join(dataDir, PAIRS_DIR);
  const repoMeta = await readRepoMeta(join(dataDir, ...REPOS_FILE));
  const maker = new PairMaker(cfg);
  const totalBlocks = merged ? opts.carriedBlocks! : countLines(blocksPath);
  const threads = opts.threads ?? 0;
  const carried = opts.carried ?? null;
  const runner: RepoRunner = threads > 0 && !carried ? new WorkerPool<PairsTask, PairsResult>("pairs", threads) : inPlace;
  const workerThreads = new Set<number>();

  // --describe-with: a first pass finds the declarations the rows will describe, the endpoint is
  // asked for those the cache lacks, and the pairs are then made with the answers.
  let answers: Map<string, Record<string, string>> | null = null;
  let asked: AskStats | undefined;
  if (cfg.describe && opts.describe) {
    if (carried) throw new Error("a fused run cannot describe: the pipeline runs extract and pairs apart with --describe-with");
    try {
      const requests = await collectRequests(blocksPath, totalBlocks, cfg, repoMeta, runner, threads, ctx);
      if (requests === null) {
        await runner.destroy();
        return null;
      }
      const all = [...requests.values()].flat();
      asked = await askAll(all, opts.describe.cache, opts.describe.client, { model: cfg.describe.model, concurrency: opts.describe.concurrency, max: cfg.describe.max, seed: cfg.seed }, ctx);
      answers = new Map();
      for (const [repo, list] of requests) {
        const known: Record<string, string> = {};
        for (const r of list) {
          const a = opts.describe.cache.get(r.key);
          if (a) known[r.key] = a.answer;
        }
        answers.set(repo, known);
      }
    } catch (e) {
      await runner.destroy();
      throw e;
    }
  }
  const progress = createProgress("pairs", totalBlocks, "blocks", ctx.log, ctx.progress);

  // Pass 1: pairs per repository into the spool; counts per (repo, file) and type. Repositories are
  // made in the workers, several at once, and written strictly in file order: the same bytes
  // whatever the threads.
  const spool = new JsonlWriter<Pair>(join(outDir, `.spool.tmp-${process.pid}.jsonl`));
  const fileCounts = new Map<string, { repo: string; counts: number[] }>();
  const reposSeen = new Set<string>();
  let blocks = 0;
  let fragmentedRepos = 0;
  let busyMs = 0;
  const started = performance.now();
  const write = (result: PairsResult, run: { repo: string; blocks: number }) => {
    if (threads > 0 || carried) workerThreads.add(result.threadId);
    busyMs += result.busyMs;
    // Kept rows' lines, a run of neighbours at a time (dropped rows leave gaps).
    let from = 0;
    let to = 0;
    let records = 0;
    for (const row of maker.accept(result)) {
      const [start, end] = row.pair!.line!;
      if (start !== to) {
        spool.writeBytes(result.jsonl.subarray(from, to), records);
        from = start;
        records = 0;
      }
      to = end;
      records++;
      const key = groupKey("file", row.repo, row.path);
      let entry = fileCounts.get(key);
      if (!entry) fileCounts.set(key, (entry = { repo: row.repo, counts: PAIR_TYPES.map(() => 0) }));
      entry.counts[PAIR_TYPES.indexOf(row.pair_type)]!++;
    }
    spool.writeBytes(result.jsonl.subarray(from, to), records);
    progress.tick(run.blocks, run.repo);
  };
  const window: { run: { repo: string; blocks: number }; bytes: number; outcome: Promise<Outcome> }[] = [];
  let windowBytes = 0;
  const abort = onAbort(ctx.signal);
  /** Writes the oldest repository in flight once it is made; false when aborted first. */
  const writeOldest = async (): Promise<boolean> => {
    const head = window.shift()!;
    windowBytes -= head.bytes;
    const outcome = await Promise.race([head.outcome, abort.aborted]);
    if (outcome === null) return false;
    if (!outcome.ok) throw rethrown(outcome.error);
    if (outcome.value.failure) throw new KmpError(outcome.value.failure.code, outcome.value.failure.message);
    write(outcome.value, head.run);
    return true;
  };
  const maxInFlight = Math.max(1, threads * 2);
  try {
    // A fused run made every repository already: take them in order.
    for (const { run, result } of carried ?? []) {
      if (ctx.signal.aborted) break;
      blocks += run.blocks;
      if (reposSeen.has(run.repo)) fragmentedRepos++;
      reposSeen.add(run.repo);
      write(result, run);
    }
    dispatch: for (const run of carried ? [] : repoRuns(blocksPath)) {
      if (ctx.signal.aborted) break;
      blocks += run.blocks;
      if (reposSeen.has(run.repo)) fragmentedRepos++;
      reposSeen.add(run.repo);
      const task: PairsTask = { path: blocksPath, repo: run.repo, firstLine: run.firstLine, bytes: run.bytes, cfg, meta: repoMeta.get(run.repo) ?? null, answers: answers?.get(run.repo) };
      window.push({ run: { repo: run.repo, blocks: run.blocks }, bytes: run.bytes.length, outcome: runner.run(task, [run.bytes.buffer as ArrayBuffer]) });
      windowBytes += run.bytes.length;
      while (window.length >= maxInFlight || (window.length >= threads && windowBytes > MAX_IN_FLIGHT_BYTES)) {
        if (!(await writeOldest())) break dispatch;
      }
    }
    while (window.length > 0 && !ctx.signal.aborted) if (!(await writeOldest())) break;
    spool.commit();
    const seconds = (performance.now() - started) / 1000;
    ctx.log.debug(
      carried
        ? `pairs: ${reposSeen.size} ${reposSeen.size === 1 ? "repository" : "repositories"} carried from extract's workers (fused run; ${(busyMs / 1000).toFixed(2)}s of their work)`
        : `pairs: ${reposSeen.size} repositories made in ${seconds.toFixed(2)}s: ${(busyMs / 1000).toFixed(2)}s of work ${threads > 0 ? `in ${workerThreads.size} workers` : "in place"}`,
    );
  } catch (e) {
    spool.abort();
    throw e;
  } finally {
    abort.off();
    progress.stop();
    await runner.destroy();
  }
  try {
    if (ctx.signal.aborted) return null;
    if (blocks === 0) throw new KmpError("E_NO_BLOCKS", `${blocksPath} holds no blocks: check the extract step's output (kmpdata extract --force)`);
    if (fragmentedRepos > 0) ctx.log.warn(`pairs: ${fragmentedRepos} repositories were not contiguous in all_blocks.jsonl; cross-file matching was done per run of blocks`);
    const kept = spool.count;
    if (kept === 0) throw new KmpError("E_NO_PAIRS", `no pair survived the quality filter (see ${join(outDir, "pairs_stats.json")} after a rerun); check --min-target-lines/--max-target-lines`);

    // Split assignment over groups (repositories, or files when there are too few repositories).
    const grouping = groupingFor(reposSeen.size, cfg.minReposForRepoGrouping);
    const groups = new Map<string, number[]>();
    for (const [fileKey, { repo, counts }] of fileCounts) {
      const key = grouping === "repo" ? repo : fileKey;
      const acc = groups.get(key);
      if (acc) counts.forEach((n, i) => (acc[i]! += n));
      else groups.set(key, [...counts]);
    }
    const assignment = assignSplits(groups, cfg.split, cfg.seed);

    // Pass 2: the spool into the split files, in generation order.
    const writers = Object.fromEntries(SPLITS.map((s) => [s, new JsonlWriter<Pair>(join(outDir, `${s}.jsonl`))])) as Record<SplitName, JsonlWriter<Pair>>;
    const byType = Object.fromEntries(SPLITS.map((s) => [s, PAIR_TYPES.map(() => 0)])) as Record<SplitName, number[]>;
    try {
      for await (const pair of readJsonl<Pair>(spool.path)) {
        const split = assignment.get(groupKey(grouping, pair.repo, pair.path))!;
        writers[split].write(pair);
        byType[split][PAIR_TYPES.indexOf(pair.pair_type)]!++;
      }
      for (const s of SPLITS) writers[s].commit();
    } catch (e) {
      for (const s of SPLITS) writers[s].abort();
      throw e;
    }
    const groupsPerSplit = Object.fromEntries(SPLITS.map((s) => [s, 0])) as Record<SplitName, number>;
    for (const s of assignment.values()) groupsPerSplit[s]++;
    const statsPath = join(outDir, "pairs_stats.json");
    writeJsonAtomic(
      statsPath,
      buildStats({ cfg, blocks, repos: reposSeen.size, fragmentedRepos, counts: maker.counts, grouping, groups: groups.size, groupsPerSplit, byType, asked }),
    );
    const files = Object.fromEntries(SPLITS.map((s) => [s, { path: writers[s].path, records: writers[s].count }])) as PairsRunResult["files"];
    return { files, statsPath, kept, workerThreads: [...workerThreads].sort((a, b) => a - b) };
  } finally {
    rmSync(spool.path, { force: true });
  }
}

/** What the pairs step reads, hashed: the blocks and the repositories' metadata. */
export async function pairsInputFingerprint(dataDir: string): Promise<string> {
  const blocks = join(dataDir, ...BLOCKS_FILE);
  const repos = join(dataDir, ...REPOS_FILE);
  const isFile = (p: string) => existsSync(p) && statSync(p).isFile();
  return stableHash(isFile(blocks) ? await hashFile(blocks) : "missing", isFile(repos) ? await hashFile(repos) : "none");
}

export const pairsStage: Stage<PairsOptions> = {
  name: "pairs",
  // 3: meta.target_parses on rows whose target is clean source text (prepare skips parsing them)
  version: "3",
  outputDir: (dataDir) => join(dataDir, PAIRS_DIR),
  inputFingerprint: (ctx) => pairsInputFingerprint(ctx.global.dataDir),
  // With --describe-with the answers cache shapes the rows too: a run that added answers is redone.
  outputOptions: (ctx, opts) => {
    const cfg = pairsConfig(opts, ctx.global.seed);
    if (!opts.describe) return cfg;
    const cache = descriptionsCachePath(ctx.global.dataDir);
    return { ...cfg, describe_cache: existsSync(cache) && !opts.describe.refresh ? stableHash(readFileSync(cache, "utf8")) : "none" };
  },
  async run(ctx, opts): Promise<StageSummary> {
    // One thread: in place. A single worker would only add its start-up to the same serial work
    // (the main thread has little to do meanwhile: reading and writing are a few per cent of the step).
    const threads = ctx.global.threads > 1 ? ctx.global.threads : 0;
    const cfg = pairsConfig(opts, ctx.global.seed);
    requireFinished(join(ctx.global.dataDir, "raw_blocks"), "extract", join(ctx.global.dataDir, ...BLOCKS_FILE));
    const d = opts.describe ?? null;
    let describe: DescribeRun | null = null;
    if (d) {
      ctx.log.debug(templateText());
      const cache = new DescriptionCache(descriptionsCachePath(ctx.global.dataDir), d.refresh);
      if (cache.damagedLines > 0) ctx.log.warn(`pairs: ${cache.damagedLines} damaged lines in ${cache.path} skipped (a run killed mid-write); those answers are asked again`);
      const client = new DescribeClient({ baseUrl: d.baseUrl, model: d.model, apiKey: d.apiKey, timeoutSec: d.timeoutSec, maxRetries: 4 });
      describe = { client, cache, concurrency: d.concurrency };
    }
    const result = await runPairs(ctx.global.dataDir, cfg, ctx, { threads, carried: ctx.carry?.pairsFor(cfg), outDir: ctx.outDir, describe });
    if (!result) return { outputs: [], summary: "interrupted" };
    const f = result.files;
    return {
      outputs: [...SPLITS.map((s) => f[s]), { path: result.statsPath, records: 1 }],
      summary: `${result.kept.toLocaleString("en-US")} pairs (train ${f.train.records}, val ${f.val.records}, test ${f.test.records})`,
      workerThreads: result.workerThreads,
    };
  },
};
