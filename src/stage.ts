/**
 * The contract every pipeline step implements. The pipeline is a list of these (src/pipeline.ts):
 * it fingerprints the inputs and options, skips a step whose completion marker matches, else runs
 * it and writes the marker last.
 */
import type { RunCarry } from "./fused/carry.ts";
import type { Logger } from "./log.ts";
import type { RunContext, StageName } from "./options.ts";

export interface StageContext extends RunContext {
  log: Logger;
  /** A fused run's work carried between steps (set by the pipeline when extract and pairs run together). */
  carry?: RunCarry;
}

export interface Stage<O> {
  name: StageName;
  /** Bump when the output format or logic changes, so old markers stop matching. */
  version: string;
  /** The folder the step writes into (its marker lives there). */
  outputDir(dataDir: string): string;
  /** A fingerprint of everything the step reads (file hashes, folder listings). */
  inputFingerprint(ctx: StageContext, opts: O): Promise<string>;
  /** The subset of options that shapes the output (secrets excluded). */
  outputOptions(ctx: StageContext, opts: O): unknown;
  /** Does the work; writes outputs atomically. Throws KmpError for user-facing failures. */
  run(ctx: StageContext, opts: O): Promise<StageSummary>;
}

/** What a step reports back for the final table and for `validate`. */
export interface StageSummary {
  /** Output files written (absolute paths) and their record counts. */
  outputs: { path: string; records: number }[];
  /** One-line human summary, e.g. "1,234 blocks from 56 files". */
  summary: string;
  /** Worker thread ids that did the CPU work, to prove the pool ran. */
  workerThreads?: number[];
}
