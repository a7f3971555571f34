/**
 * Scrape's internal records and its tuning. The hand-off record (Repo) lives in src/types.ts;
 * these are what the search, filter, verify and clone steps pass between themselves.
 */
import type { KmpEvidence } from "../types.ts";

/** A repository as the search or repo API describes it, before verification and cloning. */
export interface Candidate {
  id: number | string; // GitHub repo id; the clone URL for --repos-file URL lines
  full_name: string;
  html_url: string;
  clone_url: string;
  default_branch: string | null; // null: a bare clone URL, take the remote HEAD
  stars: number;
  forks: number;
  size_kb: number;
  pushed_at: string | null;
  license: string | null;
  topics: string[];
  description: string | null;
  fork: boolean;
  archived: boolean;
  matched_queries: string[];
  /** False for clone-URL lines of --repos-file: no API to ask, verification happens on disk only. */
  from_api: boolean;
}

/** Why a candidate was not kept: each one is a counter in scrape_stats.json. */
export type DropReason =
  | "fork"
  | "archived"
  | "min_stars"
  | "too_small"
  | "too_large"
  | "pushed_before"
  | "license"
  | "not_found"
  | "empty_repo"
  | "not_kmp"
  | "not_kmp_after_clone"
  | "over_max_repos";

/** Why a clone that should have worked did not. */
export type FailReason = "network" | "timeout" | "not_found" | "auth" | "verify_error" | "other";

export interface QueryStat {
  query: string;
  total_count: number;
  fetched: number;
  pages: number;
}

/** scrape_stats.json. */
export interface ScrapeStats {
  source: "github" | "sample" | "repos-file";
  authenticated: boolean;
  queries: QueryStat[];
  search_results: number; // items returned by every query, before de-duplication
  candidates: number; // unique repositories
  dropped: Partial<Record<DropReason, number>>;
  kept: number;
  cloned: number;
  skipped: number; // already cloned by an earlier run
  failed: Partial<Record<FailReason, number>>;
  clone_retries: number;
  bytes_on_disk: number;
  api_calls: number;
  rate_limit_wait_seconds: number;
  seconds: number;
  interrupted: boolean;
}

/** What a finished clone leaves in metadata/clones/<dir>.json, so a rerun skips it. */
export interface CloneRecord {
  full_name: string;
  clone_url: string;
  default_branch: string;
  commit: string;
  kmp_evidence: KmpEvidence[];
  cloned_at: string;
  bytes: number;
}

/**
 * Knobs that are not user options: waits and retry pacing. Tests shrink the waits so a rate-limit
 * reset 2 s ahead costs milliseconds; the CLI uses DEFAULT_TUNING.
 */
export interface ScrapeTuning {
  /** Multiplies every wait the server asks for (retry-after, rate-limit reset). */
  waitScale: number;
  /** Seconds between countdown lines during a long wait. */
  countdownEverySec: number;
  /** plugin-retry: retries for 5xx and network errors, and its backoff unit (ms × (n+1)²). */
  apiRetries: number;
  apiRetryBaseMs: number;
  /** Attempts per clone (network errors and timeouts only) and the first backoff; doubles each time. */
  cloneAttempts: number;
  cloneBackoffMs: number;
  /** Build scripts fetched through the contents API per repository during the cheap KMP check. */
  maxScriptsPerRepo: number;
  /** Search pages per query (100 results each; GitHub stops at 1,000). */
  maxPagesPerQuery: number;
  now: () => Date;
}

export const DEFAULT_TUNING: ScrapeTuning = {
  waitScale: 1,
  countdownEverySec: 10,
  apiRetries: 3,
  apiRetryBaseMs: 1000,
  cloneAttempts: 3,
  cloneBackoffMs: 2000,
  maxScriptsPerRepo: 6,
  maxPagesPerQuery: 10,
  now: () => new Date(),
};
