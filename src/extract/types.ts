/** What crosses the thread boundary in extraction: plain data only. */
import type { FusedResult, FusedTask } from "../fused/types.ts";
import type { Block, Platform } from "../types.ts";

/** One source file, read and placed on the main thread, parsed in a worker. */
export interface FileTask {
  repo: string;
  path: string; // relative to the repo root
  text: string;
  source_set: string;
  platform: Platform;
  is_test: boolean;
  license: string | null;
  commit: string | null;
  kind: "kotlin" | "gradle-kts" | "gradle-groovy";
}

/** A file as it travels to a worker: its text is a slice of the batch's bytes (UTF-8). */
export interface WireFileTask extends Omit<FileTask, "text"> {
  offset: number;
  length: number;
}

/**
 * A batch of files. Their texts travel as one UTF-8 byte array: cloning bytes is a memcpy, where
 * cloning large strings was the main thread's biggest cost (≈ 40 % of it, profiled).
 */
export interface BatchTask {
  files: WireFileTask[];
  bytes: Uint8Array;
  /** gradle/libs.versions.toml text per repo, for the repos whose Gradle scripts are in this batch. */
  catalogs: Record<string, string>;
  /**
   * Where the worker writes the batch's JSONL: an output slot shared with the main thread and
   * reused for later batches (no copy, no fresh pages per batch). null: the worker allocates.
   */
  out: SharedArrayBuffer | null;
  /** A fused run's batch (one repository's files): also make its pairs and analyses (src/fused). */
  fused?: FusedTask;
}

export interface FileResult {
  path: string;
  repo: string;
  blocks: Block[];
  /** Where each block's `code` starts in the file (parallel to blocks), for serialising (src/extract/jsonl.ts). */
  code_starts?: number[];
  parse_errors: number; // ERROR + MISSING nodes left in the file
  repairs: { misparse: number; rewrites: number };
  too_deep?: number; // declarations nested deeper than MAX_NESTING (no block of their own)
  error?: string; // the file could not be processed at all
}

/** Per block, what the step's statistics need (the blocks themselves travel as JSONL text). */
export interface BlockTally {
  kind: string;
  source_set: string;
  platform: string;
  arch_pattern: string | null;
  has_body: boolean;
}

/**
 * A file's result as it crosses the thread boundary: its blocks' tallies; the blocks themselves
 * travel as JSONL bytes, one array per batch (BatchResult.jsonl), in the files' order.
 */
export interface WireFileResult extends Omit<FileResult, "blocks"> {
  tallies: BlockTally[];
}

export interface BatchResult {
  files: WireFileResult[];
  /**
   * Every block of the batch as UTF-8 JSONL, files in order (a failed file has none), serialised in
   * the worker so the main thread, which must write in order, only writes bytes: the first
   * `jsonlLength` bytes of the task's `out` slot, or, when the batch outgrew it (or had none), in
   * `jsonl`, a private array transferred with the result.
   */
  jsonlLength: number;
  jsonl: Uint8Array | null;
  threadId: number;
  /** Time the worker spent on the batch, and the part of it inside the grammar's parser. */
  busyMs: number;
  grammarMs: number;
  fused?: FusedResult;
}
