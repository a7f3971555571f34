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
  /**
   * The folder the step writes its outputs into: a staging folder the pipeline swaps in as
   * `outputDir` once the step finished (src/publish.ts). Unset (a test calling a step directly):
   * the output folder itself.
   */
  outDir?: string;
}

export interface Stage<O> {
  name: StageName;
  /** Bump when the output format or logic changes, so old markers stop matching. */
  version: string;
  /** The folder the step's outputs and marker end up in. */
  outputDir(dataDir: string): string;
  /** Entries of that folder that are the step's working state, not outputs: kept when new outputs are swapped in. */
  keepOnPublish?(name: string): boolean;
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
