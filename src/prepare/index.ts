/**
 * The prepare stage: data/training_pairs/{train,val,test}.jsonl → data/final_training/.
 *
 *   read (workers: lex, fingerprint, MinHash, parse, count tokens, score)
 *   → validate → exact dedup → structural dedup → MinHash LSH near-dedup
 *   → --min-quality → per-type cap → --sample-size → grouped, stratified splits
 *   → write (re-reading texts by offset) → stats.json → README.md (the dataset card)
 *
 * Only compact per-pair columns live in memory (see table.ts); every drop has a counted reason.
 */
import { containedShare } from "./contained.ts";
import { readMarker, requireFinished } from "../marker.ts";
import { pairsInputFingerprint } from "../pairs/index.ts";
import { existsSync, readFileSync, rmSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import pkg from "../../package.json" with { type: "json" };
import { KmpError, missingInput } from "../errors.ts";
import { hashFile, stableHash, writeFileAtomic, writeJsonAtomic } from "../io.ts";
import type { PrepareOptions } from "../options.ts";
import { WorkerPool } from "../pool.ts";
import { createProgress } from "../progress.ts";
import type { Stage, StageContext, StageSummary } from "../stage.ts";
import { renderCard } from "./card.ts";
import { bestFirst, byId, dedup } from "./dedup.ts";
import { Ledger } from "./ledger.ts";
import { minHashConfig } from "./minhash.ts";
import { scanPairs } from "./scan.ts";
import { applyMinQuality, applySample, applyTypeCap } from "./select.ts";
import { planSplits } from "./split.ts";
import { buildStats, type PairsFacts } from "./stats.ts";
import type { AnalysePool, AnalyseResult, AnalyseTask } from "./types.ts";
import { CarriedPool } from "./carried.ts";
import { portableCommandLine } from "./cardmeta.ts";
import { applyReadChecks, applyValidation } from "./validate.ts";
import { RowReader, writeClusters, writeSplits } from "./write.ts";

/** The facts of pairs_stats.json the card repeats, or null when it is missing or not readable. */
function readPairsFacts(path: string): PairsFacts | null {
  if (!existsSync(path)) return null;
  try {
    const p = JSON.parse(readFileSync(path, "utf8")) as PairsFacts & { secrets: PairsFacts["secrets"] };
    const { context, description_sources, rows_per_file, secrets, licence_headers_stripped, descriptions: d } = p;
    if (!context || !secrets) return null;
    return {
      description_sources: description_sources ?? {},
      context: { candidates_using_project_types: context.candidates_using_project_types, fixed_by_context: context.fixed_by_context, dropped_underspecified: context.dropped_underspecified, kept_with_context: context.kept_with_context, declarations_shown: context.declarations_shown, budget_tokens: context.budget_tokens },
      rows_per_file: rows_per_file ?? {},
      secrets: { pairs_redacted: secrets.pairs_redacted, secrets_redacted: secrets.secrets_redacted, pairs_dropped: secrets.pairs_dropped, by_rule: secrets.by_rule ?? {} },
      licence_headers_stripped: licence_headers_stripped ?? 0,
      ...(d && typeof d.model === "string"
        ? { descriptions: { model: d.model, template_version: d.template_version, needed: d.needed, cached: d.cached, asked: d.asked, answered: d.answered, not_asked: d.not_asked, checks: d.checks ?? {} } }
        : {}),
    };
  } catch {
    return null;
  }
}

export const INPUT_SPLITS = ["train", "val", "test"] as const;

export function inputFiles(dataDir: string): string[] {
  return INPUT_SPLITS.map((s) => join(dataDir, "training_pairs", `${s}.jsonl`)).filter((f) => existsSync(f));
}

export async function runPrepare(ctx: StageContext, opts: PrepareOptions): Promise<StageSummary> {
  const dataDir = ctx.global.dataDir;
  const outDir = ctx.outDir ?? join(dataDir, "final_training");
  const files = inputFiles(dataDir);
  if (files.length === 0) throw missingInput(join(dataDir, "training_pairs", "train.jsonl"), "pairs");
  const seed = ctx.global.seed;
  const minhash = minHashConfig(opts.nearDupThreshold, opts.minhashPerms, seed);
  ctx.log.debug("prepare: MinHash LSH", { ...minhash });

  // Phase timings go to the debug log only: outputs must not change from run to run.
  let phaseStart = performance.now();
  const phase = (name: string) => {
    const now = performance.now();
    ctx.log.debug(`prepare: ${name} took ${((now - phaseStart) / 1000).toFixed(2)}s`);
    phaseStart = now;
  };

  // Pass 1 — the CPU work, in the pool.
  const totalKb = Math.ceil(files.reduce((a, f) => a + statSync(f).size, 0) / 1024);
  const progress = createProgress("prepare: analysing pairs", totalKb, "KiB", ctx.log, ctx.progress);
  let bytes = 0;
  // In a fused run the pairs were analysed when they were made: each batch is found by pair id (a
  // pair made otherwise sends its batch to the pool, started only then).
  const makePool = () => new WorkerPool<AnalyseTask, AnalyseResult>("prepare", ctx.global.threads);
  const carried = ctx.carry?.analyses;
  const pool: AnalysePool = carried && carried.size > 0 ? new CarriedPool(carried, makePool) : makePool();
  let scan;
  try {
    scan = await scanPairs(files, pool, {
      permutations: minhash.permutations,
      seed,
      tokenizer: opts.tokenizer,
      threads: ctx.global.threads,
      signal: ctx.signal,
      log: ctx.log,
      onBytes: (n) => {
        const before = Math.floor(bytes / 1024);
        bytes += n;
        progress.tick(Math.floor(bytes / 1024) - before);
      },
    });
    // Whole KiB were counted as read; the total was rounded up: the last part of a KiB ends the bar at 100 %.
    progress.tick(Math.max(0, totalKb - Math.floor(bytes / 1024)));
  } finally {
    progress.stop();
    await pool.destroy();
  }
  const t = scan.table;
  if (pool instanceof CarriedPool) {
    ctx.log.debug(`prepare: ${pool.stats.carried} batches of analyses carried from the fused run (${((ctx.carry?.analysisMs ?? 0) / 1000).toFixed(2)}s of its workers' time), ${pool.stats.analysed} analysed here`);
  }
  phase(`analysing ${t.n} pairs`);
  if (t.n === 0) throw new KmpError("E_NO_PAIRS", `prepare: ${files.join(", ")} hold no pairs: check the pairs step's pairs_stats.json`);
  if (ctx.signal.aborted) throw new KmpError("E_INTERRUPTED", "prepare: interrupted; rerun to resume");

  // The selection — main thread, compact columns only, in a canonical order (by id).
  const ids = byId(t);
  const best = bestFirst(t);
  const ledger = new Ledger(t.n, (i) => t.types[t.type[i]!]!);
  applyReadChecks(t, ledger, ids, scan.invalidRecords);
  applyValidation(t, ledger, ids, opts.maxInputTokens, opts.maxTargetTokens);
  phase("ordering and validation");
  const trace = dedup(t, ledger, best, ids, minhash);
  phase("dedup (exact, structural, MinHash LSH)");
  applyMinQuality(t, ledger, ids, opts.minQuality);
  const balance = applyTypeCap(t, ledger, ids, best, opts.maxPerType);
  const sample = applySample(t, ledger, ids, opts.sampleSize, seed);
  if (ledger.alive === 0) {
    const why = [...ledger.counts].filter(([, k]) => k > 0).map(([r, k]) => `${r} ${k}`).join(", ");
    throw new KmpError("E_NO_PAIRS", `prepare: no pair survived the filters (${why}); lower --min-quality or raise --max-input-tokens/--max-target-tokens`);
  }
  const plan = planSplits(t, ledger, ids, (i) => trace.uf.find(i), opts.split, seed);
  phase("quality floor, cap, sample, splits");

  // Pass 2 — write.
  const reader = new RowReader(files, t);
  let written;
  let contained;
  try {
    written = writeSplits(t, reader, plan, opts.format, outDir, { fence: opts.fence ?? "kotlin", separator: opts.separator ?? "\n" });
    contained = containedShare(plan.rows.flatMap((rows) => [...rows]).map((i) => ({ file: String(t.file[i]), target: reader.read(i).target_text })));
  } finally {
    reader.close();
  }
  phase("writing splits");
  const clustersPath = join(outDir, "clusters.jsonl");
  if (opts.writeClusters) writeClusters(t, ledger, trace, ids, clustersPath);
  else rmSync(clustersPath, { force: true }); // never leave clusters of an older run next to new data

  const stats = buildStats({
    version: pkg.version,
    seed,
    commandLine: portableCommandLine(ctx.commandLine),
    options: opts,
    files: files.map((f) => ({ file: join("training_pairs", basename(f)), rows: 0 })),
    invalidRecords: scan.invalidRecords,
    table: t,
    ledger,
    trace,
    minhash,
    plan,
    balance,
    sample,
    written,
    clustersFile: opts.writeClusters ? "clusters.jsonl" : null,
    contained,
    pairs: readPairsFacts(join(dataDir, "training_pairs", "pairs_stats.json")),
    shards: ctx.carry?.shards ?? null,
  });
  stats.input.files.forEach((f, k) => (f.rows = t.src.reduce((a, s) => a + (s === k ? 1 : 0), 0)));
  writeJsonAtomic(join(outDir, "stats.json"), stats);
  writeFileAtomic(join(outDir, "README.md"), renderCard(stats));
  phase("clusters, stats and card");

  for (const line of ledgerLines(stats.drops.by_reason)) ctx.log.info(`prepare: dropped ${line}`);
  if (stats.grouping.by === "file+cluster") ctx.log.warn(`prepare: ${stats.grouping.note}`);
  const outputs = (["train", "val", "test", "all_train"] as const).map((f) => ({ path: join(outDir, `${f}.jsonl`), records: written[f] }));
  if (opts.writeClusters) outputs.push({ path: clustersPath, records: stats.clusters.clusters_with_duplicates });
  return {
    outputs,
    summary:
      `${written.train.toLocaleString("en-US")} train / ${written.val.toLocaleString("en-US")} val / ${written.test.toLocaleString("en-US")} test rows ` +
      `from ${stats.input.records.toLocaleString("en-US")} pairs (${stats.duplicates.total.toLocaleString("en-US")} duplicates removed)`,
    workerThreads: scan.workerThreads,
  };
}

function ledgerLines(byReason: Record<string, number | undefined>): string[] {
  return Object.entries(byReason)
    .filter(([, n]) => n)
    .map(([reason, n]) => `${n!.toLocaleString("en-US")} ${reason}`);
}

export const prepareStage: Stage<PrepareOptions> = {
  name: "prepare",
  version: "1",
  outputDir: (dataDir) => join(dataDir, "final_training"),
  async inputFingerprint(ctx) {
    const files = inputFiles(ctx.global.dataDir);
    const hashes = await Promise.all(files.map(async (f) => `${basename(f)}:${await hashFile(f)}`));
    return stableHash(...hashes);
  },
  // The seed shapes sampling, ties and split order; threads never change a byte of the output.
  outputOptions: (ctx, opts) => ({ ...opts, seed: ctx.global.seed }),
  async run(ctx, opts) {
    const dataDir = ctx.global.dataDir;
    const pairsDir = join(dataDir, "training_pairs");
    for (const f of inputFiles(dataDir)) requireFinished(pairsDir, "pairs", f);
    // Pairs made from other blocks than the ones there now (a later extract, or a pairs run that
    // failed after it) are stale. Blocks or metadata removed to save space say nothing either way.
    const made = readMarker(pairsDir)?.input_fingerprint;
    // Pairs a merge made come from the shards, not from the blocks of this data dir.
    if (made && !made.startsWith("shards:") && existsSync(join(dataDir, "raw_blocks", "all_blocks.jsonl")) && existsSync(join(dataDir, "metadata", "repos.jsonl"))) {
      if (made !== (await pairsInputFingerprint(dataDir))) {
        throw new KmpError("E_BAD_INPUT", `${pairsDir} was made from other raw_blocks or metadata than the ones there now: run \`kmpdata pairs\` first (or \`kmpdata run\`)`);
      }
    }
    return runPrepare(ctx, opts);
  },
};
