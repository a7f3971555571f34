/**
 * The typed options of every command, built once in main.ts from argv/env and passed down.
 * Value parsers live here so the rules are table-testable without spawning the CLI.
 */
import type { ShardSpec } from "./shard/spec.ts";
import spdxIds from "spdx-license-ids/index.json" with { type: "json" };
import spdxDeprecated from "spdx-license-ids/deprecated.json" with { type: "json" };
import type { LogFormat } from "./log.ts";
import type { ProgressOptions } from "./progress.ts";

export type StageName = "scrape" | "extract" | "pairs" | "prepare";
export const STAGES: readonly StageName[] = ["scrape", "extract", "pairs", "prepare"];

export interface GlobalOptions {
  dataDir: string;
  threads: number;
  seed: number;
  force: boolean;
  logFormat: LogFormat;
  quiet: boolean;
  verbose: boolean;
}

export type LicenseFilter = { kind: "any" } | { kind: "list"; ids: string[] };

export interface ScrapeOptions {
  source: "github" | "sample";
  maxRepos: number;
  minStars: number;
  minSizeKb: number;
  maxSizeMb: number;
  pushedSince: string; // ISO date (YYYY-MM-DD)
  includeForks: boolean;
  includeArchived: boolean;
  licenses: LicenseFilter;
  githubToken: string | null;
  githubApiUrl: string;
  reposFile: string | null;
  queriesFile: string | null;
  cloneConcurrency: number;
  cloneTimeoutSec: number;
  keepGit: boolean;
  /** --search-only: rank the candidates, apply --max-repos and write metadata/candidates.jsonl; clone nothing. */
  searchOnly?: boolean;
  /** --shard i/n: clone only this shard's part of the candidates. */
  shard?: ShardSpec | null;
  /** A shard's candidates: the search's ranked list (`kmpdata scrape --search-only`), instead of searching again. */
  candidatesFile?: string | null;
}

export interface ExtractOptions {
  reposDir: string | null; // null = <dataDir>/repos
  maxFileBytes: number;
  /** Repositories whose licence (metadata's, else detected) is not allowed are skipped; absent = any. */
  licenses?: LicenseFilter;
  /** --shard i/n: only the repositories of this shard. */
  shard?: ShardSpec | null;
}

export interface PairsOptions {
  minTargetLines: number;
  maxTargetLines: number;
  excludeTests: boolean;
  contextTokens: number;
  maxRowsPerFile: number;
  maxFileLines: number;
  minAnswerTokens: number;
  /** Shared with prepare: the context never pushes a prompt past this many tokens. */
  maxInputTokens: number;
  tokenizer: "bpe" | "chars4";
  /** --describe-with: descriptions written by a model; null without it. */
  describe?: DescribeOptions | null;
}

/** The OpenAI-compatible endpoint that writes descriptions, and how to use it. */
export interface DescribeOptions {
  baseUrl: string;
  model: string;
  /** Sent to the endpoint only: never logged, written or fingerprinted. */
  apiKey: string | null;
  concurrency: number;
  /** Most requests a run sends; null: all. */
  max: number | null;
  /** Describe declarations with a KDoc too. */
  all: boolean;
  /** Ask again for answers the cache holds. */
  refresh: boolean;
  timeoutSec: number;
}

export type OutputFormat = "default" | "messages" | "prompt-completion";

export interface PrepareOptions {
  sampleSize: number | null;
  nearDupThreshold: number;
  minhashPerms: number;
  writeClusters: boolean;
  maxInputTokens: number;
  maxTargetTokens: number;
  tokenizer: "bpe" | "chars4";
  minQuality: number;
  maxPerType: number | null; // null = a multiple of the median type count
  split: [number, number, number];
  format: OutputFormat;
  /** `messages`: the assistant's answer in a ```kotlin fence (kotlin) or bare (none). */
  fence: "kotlin" | "none";
  /** `prompt-completion`: what ends the prompt before the completion. */
  separator: string;
}

/** What every stage receives besides its own options. */
export interface RunContext {
  global: GlobalOptions;
  progress: ProgressOptions;
  signal: AbortSignal;
  /** The command line, for dataset cards and stats (already stripped of secrets). */
  commandLine: string;
}

export const PERMISSIVE_LICENSES = [
  "MIT",
  "Apache-2.0",
  "BSD-2-Clause",
  "BSD-3-Clause",
  "ISC",
  "MPL-2.0",
  "Unlicense",
  "0BSD",
  "CC0-1.0",
  "Zlib",
];

export class OptionValueError extends Error {}

export function parseIntStrict(value: string, what: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (!/^-?\d+$/.test(value.trim())) throw new OptionValueError(`${what} must be a whole number, got "${value}"`);
  // Beyond 2^53 a number is no longer exact: said as such (not "at least 1, got 1e+23").
  if (BigInt(value.trim()) > BigInt(Number.MAX_SAFE_INTEGER)) throw new OptionValueError(`${what} must be at most ${max}, got ${value.trim()}`);
  const n = Number(value);
  if (n < min || n > max) {
    throw new OptionValueError(
      `${what} must be ${max === Number.MAX_SAFE_INTEGER ? `at least ${min}` : `between ${min} and ${max}`}, got ${n}`,
    );
  }
  return n;
}

export function parseFloatInRange(value: string, what: string, min: number, max: number): number {
  const n = Number(value);
  if (value.trim() === "" || !Number.isFinite(n)) throw new OptionValueError(`${what} must be a number, got "${value}"`);
  if (n < min || n > max) throw new OptionValueError(`${what} must be between ${min} and ${max}, got ${n}`);
  return n;
}

export function parseBool(value: string, what: string): boolean {
  const v = value.trim().toLowerCase();
  if (["true", "yes", "1", "on"].includes(v)) return true;
  if (["false", "no", "0", "off"].includes(v)) return false;
  throw new OptionValueError(`${what} must be true or false, got "${value}"`);
}

export function parseDate(value: string, what: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) {
    throw new OptionValueError(`${what} must be a date like 2024-01-31, got "${value}"`);
  }
  return value;
}

export function parseSplit(value: string): [number, number, number] {
  const parts = value.split(",").map((p) => p.trim());
  if (parts.length !== 3 || parts.some((p) => !/^\d+(\.\d+)?$/.test(p))) {
    throw new OptionValueError(`--split must be three numbers like 90,5,5, got "${value}"`);
  }
  const nums = parts.map(Number) as [number, number, number];
  const total = nums[0] + nums[1] + nums[2];
  if (Math.abs(total - 100) > 1e-9) throw new OptionValueError(`--split must add up to 100, got ${total}`);
  if (nums[0] <= 0) throw new OptionValueError(`--split needs a train share above 0`);
  return nums;
}

const SPDX_IDS: ReadonlySet<string> = new Set([...spdxIds, ...spdxDeprecated]);
const SPDX_BY_LOWER = new Map([...SPDX_IDS].map((id) => [id.toLowerCase(), id] as const));

export function parseLicenses(value: string): LicenseFilter {
  const v = value.trim();
  if (v === "" ) throw new OptionValueError(`--licenses must be any, permissive or a comma list of SPDX ids`);
  if (v.toLowerCase() === "any") return { kind: "any" };
  if (v.toLowerCase() === "permissive") return { kind: "list", ids: [...PERMISSIVE_LICENSES] };
  const ids = v.split(",").map((s) => s.trim()).filter(Boolean);
  if (ids.some((id) => !/^[A-Za-z0-9.+-]+$/.test(id))) {
    throw new OptionValueError(`--licenses: "${value}" is not a comma list of SPDX ids (e.g. MIT,Apache-2.0)`);
  }
  // Ids from the SPDX licence list (spdx-license-ids, deprecated ones too) or LicenseRef-…; a
  // misspelt one would keep nothing without a word.
  const unknown = ids.filter((id) => !SPDX_IDS.has(id) && !id.startsWith("LicenseRef-"));
  if (unknown.length) {
    const hint = unknown.map((id) => SPDX_BY_LOWER.get(id.toLowerCase())).filter(Boolean);
    throw new OptionValueError(`--licenses: ${unknown.map((id) => `"${id}"`).join(", ")} ${unknown.length > 1 ? "are not SPDX licence ids" : "is not an SPDX licence id"}${hint.length ? ` (did you mean ${hint.join(", ")}?)` : " (e.g. MIT, Apache-2.0; see https://spdx.org/licenses/)"}`);
  }
  return { kind: "list", ids };
}

/** An http(s) base URL (`https://api.github.com`, `https://HOST/api/v3`). */
export function parseApiUrl(value: string, flag = "--github-api-url", example = "https://github.example.com/api/v3"): string {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new OptionValueError(`${flag} must be an http(s) URL like ${example}, got "${value}"`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new OptionValueError(`${flag} must be an http(s) URL, got "${value}"`);
  return value.trim();
}

export function parseChoice<T extends string>(value: string, what: string, choices: readonly T[]): T {
  if ((choices as readonly string[]).includes(value)) return value as T;
  throw new OptionValueError(`${what} must be one of ${choices.join(", ")}, got "${value}"`);
}

/** Three years before `now`, as YYYY-MM-DD: the default for --pushed-since. */
export function defaultPushedSince(now: Date): string {
  const d = new Date(now);
  d.setUTCFullYear(d.getUTCFullYear() - 3);
  return d.toISOString().slice(0, 10);
}

export const DEFAULTS = {
  seed: 42,
  maxRepos: 500,
  minStars: 5,
  minSizeKb: 10,
  maxSizeMb: 500,
  githubApiUrl: "https://api.github.com",
  cloneConcurrency: 4,
  cloneTimeoutSec: 600,
  maxFileBytes: 1_000_000,
  minTargetLines: 3,
  maxTargetLines: 400,
  nearDupThreshold: 0.7,
  minhashPerms: 256,
  maxInputTokens: 1000,
  contextTokens: 600,
  maxRowsPerFile: 8,
  maxFileLines: 120,
  minAnswerTokens: 0,
  maxTargetTokens: 6000,
  minQuality: 0,
  describeConcurrency: 8,
  describeTimeoutSec: 120,
} as const;

/** The options of every step. */
export interface PipelineOptions {
  scrape: ScrapeOptions;
  extract: ExtractOptions;
  pairs: PairsOptions;
  prepare: PrepareOptions;
}

/** The CLI's defaults as one object: for `validate`, tests and benchmarks (main.ts documents them as flags). */
export function defaultPipelineOptions(now = new Date()): PipelineOptions {
  return {
    scrape: {
      source: "github",
      maxRepos: DEFAULTS.maxRepos,
      minStars: DEFAULTS.minStars,
      minSizeKb: DEFAULTS.minSizeKb,
      maxSizeMb: DEFAULTS.maxSizeMb,
      pushedSince: defaultPushedSince(now),
      includeForks: false,
      includeArchived: false,
      licenses: { kind: "any" },
      githubToken: null,
      githubApiUrl: DEFAULTS.githubApiUrl,
      reposFile: null,
      queriesFile: null,
      cloneConcurrency: DEFAULTS.cloneConcurrency,
      cloneTimeoutSec: DEFAULTS.cloneTimeoutSec,
      keepGit: false,
    },
    extract: { reposDir: null, maxFileBytes: DEFAULTS.maxFileBytes, licenses: { kind: "any" } },
    pairs: {
      minTargetLines: DEFAULTS.minTargetLines,
      maxTargetLines: DEFAULTS.maxTargetLines,
      excludeTests: false,
      contextTokens: DEFAULTS.contextTokens,
      maxRowsPerFile: DEFAULTS.maxRowsPerFile,
      maxFileLines: DEFAULTS.maxFileLines,
      minAnswerTokens: DEFAULTS.minAnswerTokens,
      maxInputTokens: DEFAULTS.maxInputTokens,
      tokenizer: "bpe",
    },
    prepare: {
      sampleSize: null,
      nearDupThreshold: DEFAULTS.nearDupThreshold,
      minhashPerms: DEFAULTS.minhashPerms,
      writeClusters: false,
      maxInputTokens: DEFAULTS.maxInputTokens,
      maxTargetTokens: DEFAULTS.maxTargetTokens,
      tokenizer: "bpe",
      minQuality: DEFAULTS.minQuality,
      maxPerType: null,
      split: [90, 5, 5],
      format: "default",
      fence: "kotlin",
      separator: "\n",
    },
  };
}
