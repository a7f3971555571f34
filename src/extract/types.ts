/** What crosses the thread boundary in extraction: plain data only. */
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

export interface BatchTask {
  files: FileTask[];
  /** gradle/libs.versions.toml text per repo, for the repos whose Gradle scripts are in this batch. */
  catalogs: Record<string, string>;
}

export interface FileResult {
  path: string;
  repo: string;
  blocks: Block[];
  parse_errors: number; // ERROR + MISSING nodes left in the file
  repairs: { misparse: number; rewrites: number };
  too_deep?: number; // declarations nested deeper than MAX_NESTING (no block of their own)
  error?: string; // the file could not be processed at all
}

export interface BatchResult {
  files: FileResult[];
  threadId: number;
  parseMs: number;
}
