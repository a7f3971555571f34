/**
 * Past one machine. `kmpdata run --shard i/n` (one copy per Kubernetes Indexed Job pod, Slurm
 * array task or CI matrix job) scrapes and extracts only its repositories, in a work folder of its
 * own, and writes `<data-dir>/shards/<i>-of-<n>/`: each repository's pairs and their compact
 * analyses, its repositories' metadata and stats, marker last. `kmpdata merge` then takes every
 * shard's repositories in the order one `kmpdata run` would, and runs the pairs step (run-wide
 * duplicates, grouped splits) and prepare (dedup, balance, sampling) over them: the final files are
 * the same bytes as one run over the same repositories.
 */
import { closeSync, copyFileSync, existsSync, openSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { KmpError } from "../errors.ts";
import { readJsonl, stableHash, writeJsonAtomic } from "../io.ts";
import { MARKER_FILE, optionsFingerprint, readMarker } from "../marker.ts";
import type { PipelineOptions } from "../options.ts";
import { runStep, type StepResult } from "../pipeline.ts";
import type { Stage, StageContext, StageSummary } from "../stage.ts";
import { blocksDir, extractStage, runExtract } from "../extract/index.ts";
import { pairsConfig, pairsStage, runPairs } from "../pairs/index.ts";
import { minHashConfig } from "../prepare/minhash.ts";
import { prepareStage } from "../prepare/index.ts";
import type { AnalysisSettings } from "../prepare/carried.ts";
import { freshSpoolPath, RunCarry } from "../fused/carry.ts";
import { createStaging, discardStaging } from "../publish.ts";
import { createProgress } from "../progress.ts";
import { CANDIDATES_FILE, scrapeStage } from "../scrape/index.ts";
import { INDEX_FILE, readShardEntry, RESULTS_FILE, ShardCarry, type ShardEntry } from "./carry.ts";
import { shardName, type ShardSpec } from "./spec.ts";

export const SHARDS_DIR = "shards";
export const SHARD_FILE = "shard.json";

/** What a shard says of itself (shard.json). */
export interface ShardInfo {
  shard: ShardSpec;
  repos: number;
  pairs: number;
  blocks: number;
  /** Clones that failed (not refilled from another shard's part). */
  clone_failures: number;
  pairs_config: unknown;
  analysis: AnalysisSettings;
}

export function shardDir(dataDir: string, s: ShardSpec): string {
  return join(dataDir, SHARDS_DIR, shardName(s));
}

function analysisSettings(opts: PipelineOptions, seed: number): AnalysisSettings {
  return { permutations: minHashConfig(opts.prepare.nearDupThreshold, opts.prepare.minhashPerms, seed).permutations, seed, tokenizer: opts.prepare.tokenizer };
}

/** The options a shard's rows depend on: its extract options, the pairs config and the analysis settings. */
export function shardOptions(ctx: StageContext, opts: PipelineOptions, spec: ShardSpec) {
  const seed = ctx.global.seed;
  // No local path of the work dir: a shard retried on another machine (another work dir) is the same shard.
  const e = opts.extract;
  return {
    shard: spec,
    scrape: e.reposDir === null ? scrapeStage.outputOptions(ctx, opts.scrape) : null,
    extract: { reposDir: e.reposDir, maxFileBytes: e.maxFileBytes, licenses: e.licenses ?? { kind: "any" } },
    pairs: pairsConfig(opts.pairs, seed),
    analysis: analysisSettings(opts, seed),
  };
}

/** The step that makes a shard's output from the repositories in its work folder. */
function shardStage(spec: ShardSpec, dataDir: string, opts: PipelineOptions): Stage<null> {
  return {
    name: "extract",
    version: `shard-${extractStage.version}-${pairsStage.version}`,
    outputDir: () => shardDir(dataDir, spec),
    inputFingerprint: (ctx) => extractStage.inputFingerprint(ctx, { ...opts.extract, shard: spec }),
    outputOptions: (ctx) => shardOptions(ctx, opts, spec),
    async run(ctx): Promise<StageSummary> {
      const seed = ctx.global.seed;
      const cfg = pairsConfig(opts.pairs, seed);
      const out = ctx.outDir!;
      const work = ctx.global.dataDir;
      const sink = new ShardCarry(cfg, analysisSettings(opts, seed), out);
      // extract's own blocks file is scratch here: the shard keeps the rows made from it.
      const scratch = createStaging(blocksDir(work));
      let extracted: StageSummary;
      try {
        extracted = await runExtract({ ...ctx, carry: sink, outDir: scratch }, { ...opts.extract, shard: spec });
        sink.finish();
        copyFileSync(join(scratch, "extraction_stats.json"), join(out, "extraction_stats.json"));
      } catch (e) {
        sink.abort();
        throw e;
      } finally {
        discardStaging(scratch);
      }
      const meta = join(work, "metadata");
      let cloneFailures = 0;
      if (existsSync(join(meta, "repos.jsonl"))) copyFileSync(join(meta, "repos.jsonl"), join(out, "repos.jsonl"));
      if (existsSync(join(meta, "scrape_stats.json"))) {
        copyFileSync(join(meta, "scrape_stats.json"), join(out, "scrape_stats.json"));
        const failed = (JSON.parse(readFileSync(join(meta, "scrape_stats.json"), "utf8")) as { failed?: Record<string, number> }).failed ?? {};
        cloneFailures = Object.values(failed).reduce((a, b) => a + b, 0);
      }
      const blocks = extracted.outputs[0]?.records ?? 0;
      const info: ShardInfo = { shard: spec, repos: sink.repos, pairs: sink.pairs, blocks, clone_failures: cloneFailures, pairs_config: cfg, analysis: analysisSettings(opts, seed) };
      writeJsonAtomic(join(out, SHARD_FILE), info);
      return {
        outputs: [{ path: join(out, INDEX_FILE), records: sink.repos }, { path: join(out, RESULTS_FILE), records: sink.pairs }],
        summary: `shard ${shardName(spec)}: ${sink.pairs.toLocaleString("en-US")} pairs from ${sink.repos} ${sink.repos === 1 ? "repository" : "repositories"} (${blocks.toLocaleString("en-US")} blocks)`,
      };
    },
  };
}

/**
 * One shard: scrape (its part of the search's candidates, or of the sample) and extract in
 * `workDir`, then its output under `<data-dir>/shards/`. A finished shard is not redone (its marker
 * matches the options; --force redoes it); a killed one resumes per repository.
 */
export async function runShard(ctx: StageContext, opts: PipelineOptions, spec: ShardSpec, workDir: string): Promise<StepResult[]> {
  const dataDir = ctx.global.dataDir;
  const out = shardDir(dataDir, spec);
  const work: StageContext = { ...ctx, global: { ...ctx.global, dataDir: workDir } };
  const done = readMarker(out);
  if (!ctx.global.force && done && done.options_fingerprint === optionsFingerprint(shardOptions(work, opts, spec))) {
    ctx.log.info(`shard ${shardName(spec)}: finished already (${out}); --force redoes it`);
    return [];
  }
  const results: StepResult[] = [];
  if (opts.extract.reposDir === null) results.push(...(await runShardScrape(ctx, opts.scrape, spec, workDir)));
  results.push(await runStep(work, shardStage(spec, dataDir, opts), null));
  return results;
}

/** `kmpdata scrape --shard i/n`: only the clones of this shard, into its work folder. */
export async function runShardScrape(ctx: StageContext, opts: PipelineOptions["scrape"], spec: ShardSpec, workDir: string): Promise<StepResult[]> {
  const work: StageContext = { ...ctx, global: { ...ctx.global, dataDir: workDir } };
  const candidates = opts.source === "github" && opts.reposFile === null ? join(ctx.global.dataDir, "metadata", CANDIDATES_FILE) : null;
  return [await runStep(work, scrapeStage, { ...opts, shard: spec, candidatesFile: candidates })];
}

export interface MergeOptions {
  /** n; null: the one count the shards folder holds. */
  shards: number | null;
  allowMissing: boolean;
}

/** What the card says of a merged run. */
export interface ShardsFacts {
  count: number;
  merged: number;
  missing: string[];
  repos: number;
  clone_failures: number;
}

function findCount(root: string, wanted: number | null): number {
  const counts = new Set<number>();
  if (existsSync(root)) for (const name of readdirSync(root)) {
    const m = /^(\d+)-of-(\d+)$/.exec(name);
    if (m) counts.add(Number(m[2]));
  }
  if (wanted !== null) return wanted;
  if (counts.size === 0) throw new KmpError("E_NO_INPUT", `${root} holds no shard output: run \`kmpdata run --shard i/n\` for every i first`);
  if (counts.size > 1) throw new KmpError("E_USAGE", `${root} holds shards of ${[...counts].sort((a, b) => a - b).join(" and ")}: pass --shards <n>`);
  return [...counts][0]!;
}

/** Every shard's repositories, merged into the order one run takes them, then pairs and prepare over them. */
export async function runMerge(ctx: StageContext, opts: PipelineOptions, m: MergeOptions): Promise<StepResult[]> {
  const dataDir = ctx.global.dataDir;
  const root = join(dataDir, SHARDS_DIR);
  const n = findCount(root, m.shards);
  const specs = Array.from({ length: n }, (_, index) => ({ index, count: n }));
  const missing = specs.filter((s) => !existsSync(join(shardDir(dataDir, s), MARKER_FILE)));
  const names = (l: ShardSpec[]) => l.map(shardName).join(", ");
  if (missing.length === n) throw new KmpError("E_NO_INPUT", `no shard of ${n} finished (${root}): run \`kmpdata run --shard i/${n}\` for every i first`);
  if (missing.length > 0 && !m.allowMissing) {
    throw new KmpError(
      "E_BAD_INPUT",
      `shard${missing.length > 1 ? "s" : ""} ${names(missing)} did not finish (no ${MARKER_FILE}): run ${missing.length > 1 ? "them" : "it"} (kmpdata run --shard ${missing[0]!.index}/${n} …) or pass --allow-missing`,
    );
  }
  if (missing.length > 0) ctx.log.warn(`merge: shard${missing.length > 1 ? "s" : ""} ${names(missing)} missing: merging ${n - missing.length} of ${n} (--allow-missing; the card says so)`);
  const present = specs.filter((s) => !missing.includes(s));

  // The shards must have made their rows as this merge would have.
  const seed = ctx.global.seed;
  const cfg = pairsConfig(opts.pairs, seed);
  const analysis = analysisSettings(opts, seed);
  const infos = present.map((s) => JSON.parse(readFileSync(join(shardDir(dataDir, s), SHARD_FILE), "utf8")) as ShardInfo);
  present.forEach((s, k) => {
    const info = infos[k]!;
    if (JSON.stringify(info.pairs_config) !== JSON.stringify(cfg) || JSON.stringify(info.analysis) !== JSON.stringify(analysis)) {
      throw new KmpError(
        "E_USAGE",
        `shard ${shardName(s)} was made with other pairs or prepare options (or --seed) than this merge: merge with the flags the shards ran with, or rerun them with --force`,
      );
    }
  });

  const entries: { e: ShardEntry; shard: number }[] = [];
  for (const [k, s] of present.entries()) for await (const e of readJsonl<ShardEntry>(join(shardDir(dataDir, s), INDEX_FILE))) entries.push({ e, shard: k });
  // One run takes repositories by folder name (extract's listing order).
  entries.sort((a, b) => (a.e.folder < b.e.folder ? -1 : a.e.folder > b.e.folder ? 1 : a.e.repo < b.e.repo ? -1 : a.e.repo > b.e.repo ? 1 : 0));
  for (let i = 1; i < entries.length; i++) {
    if (entries[i]!.e.folder === entries[i - 1]!.e.folder) throw new KmpError("E_BAD_INPUT", `${entries[i]!.e.folder} is in two shards (${shardName(present[entries[i - 1]!.shard]!)} and ${shardName(present[entries[i]!.shard]!)}): were they made with the same n?`);
  }

  const carry = new RunCarry(cfg, analysis, freshSpoolPath(dataDir));
  const fds = present.map((s) => openSync(join(shardDir(dataDir, s), RESULTS_FILE), "r"));
  const progress = createProgress("merge: reading shards", entries.length, "repos", ctx.log, ctx.progress);
  let blocks = 0;
  try {
    for (const { e, shard } of entries) {
      if (ctx.signal.aborted) throw new KmpError("E_INTERRUPTED", "merge: interrupted; rerun to resume");
      carry.add(e.repo, e.blocks, readShardEntry(fds[shard]!, e));
      blocks += e.blocks;
      progress.tick(1, e.repo);
    }
  } catch (e) {
    carry.dispose();
    throw e;
  } finally {
    progress.stop();
    for (const fd of fds) closeSync(fd);
  }
  carry.complete = true;
  const mem = process.memoryUsage();
  ctx.log.debug(`merge: ${entries.length} repositories read (${blocks.toLocaleString("en-US")} blocks); heap ${(mem.heapUsed / 2 ** 20).toFixed(0)} MB, RSS ${(mem.rss / 2 ** 20).toFixed(0)} MB`);
  carry.shards = {
    count: n,
    merged: present.length,
    missing: missing.map(shardName),
    repos: entries.length,
    clone_failures: infos.reduce((a, i) => a + (i.clone_failures ?? 0), 0),
  };
  const fingerprint = stableHash(...present.map((s) => `${shardName(s)}:${JSON.stringify(readMarker(shardDir(dataDir, s)))}`));
  const mergePairs: Stage<PipelineOptions["pairs"]> = {
    ...pairsStage,
    inputFingerprint: async () => `shards:${fingerprint}`,
    async run(c, o) {
      const conf = pairsConfig(o, c.global.seed);
      const result = await runPairs(c.global.dataDir, conf, c, { carried: c.carry!.pairsFor(conf), outDir: c.outDir, carriedBlocks: blocks });
      if (!result) return { outputs: [], summary: "interrupted" };
      const f = result.files;
      return {
        outputs: [f.train, f.val, f.test, { path: result.statsPath, records: 1 }],
        summary: `${result.kept.toLocaleString("en-US")} pairs from ${entries.length} repositories of ${present.length} ${present.length === 1 ? "shard" : "shards"} (train ${f.train.records}, val ${f.val.records}, test ${f.test.records})`,
      };
    },
  };
  const c: StageContext = { ...ctx, carry };
  try {
    const results = [await runStep(c, mergePairs, opts.pairs)];
    results.push(await runStep(c, prepareStage, opts.prepare));
    return results;
  } finally {
    carry.dispose();
  }
}

