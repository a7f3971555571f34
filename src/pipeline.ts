/**
 * Chains the steps. Each step is skipped when its completion marker matches its current inputs and
 * options (unless --force), so an interrupted `kmpdata run` resumes where it stopped.
 */
import { existsSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { diskError, KmpError } from "./errors.ts";
import { markerMatches, optionsFingerprint, writeMarker } from "./marker.ts";
import { createStaging, discardStaging, publishStaging, recoverOutputDir } from "./publish.ts";
import type { PipelineOptions, StageName } from "./options.ts";
import type { Stage, StageContext, StageSummary } from "./stage.ts";
import { scrapeStage } from "./scrape/index.ts";
import { extractStage } from "./extract/index.ts";
import { pairsConfig, pairsStage } from "./pairs/index.ts";
import { freshSpoolPath, RunCarry } from "./fused/carry.ts";
import { minHashConfig } from "./prepare/minhash.ts";
import { prepareStage } from "./prepare/index.ts";

export type { PipelineOptions };

export interface StepResult {
  stage: StageName;
  skipped: boolean;
  seconds: number;
  summary: StageSummary | null;
}

// A list, not control flow: the order is the data.
const STEPS: { [K in StageName]: (o: PipelineOptions) => [Stage<unknown>, unknown] } = {
  scrape: (o) => [scrapeStage as Stage<unknown>, o.scrape],
  extract: (o) => [extractStage as Stage<unknown>, o.extract],
  pairs: (o) => [pairsStage as Stage<unknown>, o.pairs],
  prepare: (o) => [prepareStage as Stage<unknown>, o.prepare],
};

/** Temp files left by a run that was killed mid-write (atomic writes never leave them otherwise). */
function removeStaleTemps(dir: string): void {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) if (name.includes(".tmp-")) rmSync(join(dir, name), { force: true, recursive: true });
}

export async function runStep<O>(ctx: StageContext, stage: Stage<O>, opts: O): Promise<StepResult> {
  const started = performance.now();
  const outDir = stage.outputDir(ctx.global.dataDir);
  recoverOutputDir(outDir);
  const expected = {
    stage: stage.name,
    version: stage.version,
    input_fingerprint: await stage.inputFingerprint(ctx, opts),
    options_fingerprint: optionsFingerprint(stage.outputOptions(ctx, opts)),
  };
  if (!ctx.global.force && markerMatches(outDir, expected)) {
    ctx.log.info(`${stage.name}: up to date, skipped (inputs and options unchanged; --force redoes it)`);
    return { stage: stage.name, skipped: true, seconds: 0, summary: null };
  }
  removeStaleTemps(outDir);
  ctx.log.info(`${stage.name}: starting`);
  // The step writes into a staging folder; its previous outputs (marker included) stay as they
  // are until the new ones are complete and swapped in.
  let summary: StageSummary;
  let staging = "";
  try {
    staging = createStaging(outDir);
    summary = await stage.run({ ...ctx, outDir: staging }, opts);
    if (ctx.signal.aborted) throw new KmpError("E_INTERRUPTED", `${stage.name}: interrupted; rerun to resume`);
    writeMarker(staging, expected);
    publishStaging(staging, outDir, stage.keepOnPublish);
  } catch (e) {
    // A step that failed leaves none of its temporary files (a full disk must not stay full of them).
    if (staging) discardStaging(staging);
    removeStaleTemps(outDir);
    throw diskError(e, ctx.global.dataDir) ?? e;
  }
  const moved = (p: string) => (p.startsWith(staging) ? outDir + p.slice(staging.length) : p);
  summary = { ...summary, outputs: summary.outputs.map((o) => ({ ...o, path: moved(o.path) })) };
  const seconds = (performance.now() - started) / 1000;
  ctx.log.info(`${stage.name}: done in ${seconds.toFixed(1)}s — ${summary.summary}`);
  return { stage: stage.name, skipped: false, seconds, summary };
}

export async function runPipeline(ctx: StageContext, opts: PipelineOptions, steps: readonly StageName[]): Promise<StepResult[]> {
  const results: StepResult[] = [];
  // A swap a crash cut short is undone before any step looks at its own or its upstream's folder.
  for (const make of Object.values(STEPS)) recoverOutputDir(make(opts)[0].outputDir(ctx.global.dataDir));
  // extract and pairs in one process: fused (src/fused). The steps still write every file and
  // marker they write on their own; only where their CPU work happens changes. With
  // --describe-with they run apart: the pairs need the model's answers, which come after every
  // repository's declarations are known (the requests take far longer than the extra pass).
  if (steps.includes("extract") && steps.includes("pairs") && !ctx.carry && !opts.pairs?.describe) {
    const seed = ctx.global.seed;
    const analysis = steps.includes("prepare")
      ? { permutations: minHashConfig(opts.prepare.nearDupThreshold, opts.prepare.minhashPerms, seed).permutations, seed, tokenizer: opts.prepare.tokenizer }
      : null;
    const spool = freshSpoolPath(ctx.global.dataDir);
    ctx = { ...ctx, carry: new RunCarry(pairsConfig(opts.pairs, seed), analysis, spool) };
  }
  try {
    return await runSteps(ctx, opts, steps, results);
  } finally {
    ctx.carry?.dispose();
  }
}

async function runSteps(ctx: StageContext, opts: PipelineOptions, steps: readonly StageName[], results: StepResult[]): Promise<StepResult[]> {
  for (const name of steps) {
    if (ctx.signal.aborted) throw new KmpError("E_INTERRUPTED", "interrupted; rerun to resume");
    const [stage, stageOpts] = STEPS[name](opts);
    results.push(await runStep(ctx, stage, stageOpts));
  }
  return results;
}
