/**
 * What crosses the thread boundary in prepare: a batch of pair texts in, typed arrays out (one
 * slot per item, signatures flattened item-major). Plain data only.
 */
import type { TokenizerName } from "../tokens.ts";

export interface AnalyseItem {
  /** The pair's id: how an analysis made earlier in the same run is found again (carried.ts). */
  id?: string;
  input_text: string;
  target_text: string;
  path: string;
  platform: string;
  /** What pairs recorded about the prompt (meta): for the prompt quality dimension. */
  prompt: PromptFacts;
  /** pairs vouches that the target parses (meta.target_parses): the grammar check is skipped. */
  targetParses: boolean;
}

export interface PromptFacts {
  /** The prompt quotes a KDoc description (meta.description_source = "kdoc"). */
  kdoc: boolean;
  /** Project types the target uses, and how many of them the prompt does not show (null: not measured). */
  typesUsed: number | null;
  typesMissing: number | null;
}

export interface AnalyseTask {
  items: AnalyseItem[];
  permutations: number;
  seed: number;
  tokenizer: TokenizerName;
}

/** Bits of AnalyseResult.flags. */
export const FLAG = {
  emptyTarget: 1,
  parseError: 2,
  unbalanced: 4,
  parseSkipped: 8, // not Kotlin (Groovy .gradle, TOML…): the grammar check does not apply
  analysisFailed: 16, // set on the main thread when a worker task failed
  promptParseError: 32, // a ```kotlin block of the prompt has ERROR/MISSING nodes
} as const;

export interface AnalyseResult {
  threadId: number;
  exactKey: Float64Array;
  structKey: Float64Array;
  signatures: Uint32Array; // items × permutations
  inputTokens: Uint32Array;
  targetTokens: Uint32Array;
  flags: Uint8Array;
  dims: Float32Array; // items × QUALITY_DIMENSIONS.length, in that order
  score: Float64Array;
}

/** Where analyses come from: the worker pool, or analyses carried over from earlier in the run. */
export interface AnalysePool {
  run(task: AnalyseTask): Promise<{ ok: true; value: AnalyseResult } | { ok: false; error: { message: string } }>;
  destroy(): Promise<void>;
}

/** An analysis result for n items, every column zeroed (k MinHash permutations, d quality dimensions). */
export function emptyAnalyseResult(threadId: number, n: number, k: number, d: number): AnalyseResult {
  return {
    threadId,
    exactKey: new Float64Array(n),
    structKey: new Float64Array(n),
    signatures: new Uint32Array(n * k),
    inputTokens: new Uint32Array(n),
    targetTokens: new Uint32Array(n),
    flags: new Uint8Array(n),
    dims: new Float32Array(n * d),
    score: new Float64Array(n),
  };
}
