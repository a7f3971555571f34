/**
 * stats.json: everything the dataset card states, computed from the table and the ledger, never
 * typed by hand. Distributions are over the rows written (train + val + test).
 */
import type { ShardsFacts } from "../shard/index.ts";
import type { ContainedShare } from "./contained.ts";
import { PAIR_TYPES, type PairType } from "../types.ts";
import type { PrepareOptions } from "../options.ts";
import type { DedupTrace } from "./dedup.ts";
import { DROP_REASONS, type DropReason, type Ledger, type StepRecord } from "./ledger.ts";
import type { MinHashConfig } from "./minhash.ts";
import { QUALITY_DIMENSIONS } from "./quality.ts";
import type { BalanceResult } from "./select.ts";
import type { SplitCoverage } from "./coverage.ts";
import { SPLITS, type GroupingInfo, type SplitPlan } from "./split.ts";
import type { PairTable } from "./table.ts";
import { TOKENIZER_DESCRIPTION } from "../tokens.ts";
import { FLAG } from "./types.ts";

export interface Distribution {
  mean: number;
  median: number;
  p95: number;
  max: number;
}

/** What the pairs step reported (training_pairs/pairs_stats.json), as the card shows it; null when that file is missing. */
export interface PairsFacts {
  description_sources: Record<string, number>;
  context: { candidates_using_project_types: number; fixed_by_context: number; dropped_underspecified: number; kept_with_context: number; declarations_shown: number; budget_tokens: number };
  rows_per_file: Record<string, number>;
  secrets: { pairs_redacted: number; secrets_redacted: number; pairs_dropped: number; by_rule: Record<string, number> };
  licence_headers_stripped: number;
  /** --describe-with: the model, the template and what came of its answers. */
  descriptions?: { model: string; template_version: string; needed: number; cached: number; asked: number; answered: number; not_asked: number; checks: Record<string, number> };
}

export interface PrepareStats {
  version: string;
  seed: number;
  command_line: string;
  /** Code taught twice within one file: the share of final target characters inside a longer final target of the same file. */
  contained: ContainedShare;
  pairs: PairsFacts | null;
  /** Made by `kmpdata merge` of shards: how many, which are missing. */
  shards?: ShardsFacts;
  options: PrepareOptions;
  input: { files: { file: string; rows: number }[]; records: number };
  written: Record<string, number>;
  counts: Record<"train" | "val" | "test" | "total", Partial<Record<PairType, number>>>;
  coverage: { source_sets: Record<string, number>; platforms: Record<string, number> };
  tokens: { tokenizer: string; input: Distribution; target: Distribution; by_split: Record<string, { input: Distribution; target: Distribution }> };
  quality: {
    score: Distribution & { min: number; p10: number };
    histogram: { from: number; to: number; rows: number }[];
    dimension_means: Record<string, number>;
    weights: Record<string, number>;
  };
  drops: { total: number; by_reason: Partial<Record<DropReason, number>>; by_reason_and_type: Partial<Record<DropReason, Partial<Record<PairType, number>>>>; steps: StepRecord[] };
  duplicates: { exact: number; structural: number; near: number; total: number };
  clusters: {
    minhash: MinHashConfig;
    rows_clustered: number;
    clusters_with_duplicates: number;
    rows_in_those_clusters: number;
    largest: number;
    size_histogram: Record<string, number>;
    lsh: { candidate_pairs: number; verified: number; rejected: number };
    written_to: string | null;
  };
  validation: { grammar_checks_skipped_not_kotlin: number };
  balance: BalanceResult;
  sample: { requested: number | null; available: number; quotas: Partial<Record<PairType, number>> };
  grouping: GroupingInfo;
  /** Per split: rows and repositories (names listed when ≤ 20; rows per type are in `counts`); and the held-out coverage. */
  splits: Record<"train" | "val" | "test", SplitRepositories> & { coverage: SplitCoverage };
  licenses: Record<string, number>;
}

export interface SplitRepositories {
  rows: number;
  repositories: number;
  repository_names: string[] | null; // null when more than MAX_LISTED_REPOSITORIES
}

export const MAX_LISTED_REPOSITORIES = 20;

const r4 = (x: number) => Math.round(x * 10000) / 10000;

export function distribution(values: ArrayLike<number>): Distribution {
  if (values.length === 0) return { mean: 0, median: 0, p95: 0, max: 0 };
  const s = Float64Array.from(values).sort();
  const at = (q: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))]!; // nearest rank
  let sum = 0;
  for (const v of s) sum += v;
  return { mean: r4(sum / s.length), median: r4(at(0.5)), p95: r4(at(0.95)), max: r4(s[s.length - 1]!) };
}

function tally(rows: Iterable<number>, label: (i: number) => string): Record<string, number> {
  const m = new Map<string, number>();
  for (const i of rows) m.set(label(i), (m.get(label(i)) ?? 0) + 1);
  return Object.fromEntries([...m].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)));
}

function sizeBucket(n: number): string {
  if (n === 2) return "2";
  if (n <= 5) return "3-5";
  if (n <= 10) return "6-10";
  if (n <= 50) return "11-50";
  return "51+";
}

export interface StatsInput {
  version: string;
  seed: number;
  commandLine: string;
  options: PrepareOptions;
  files: { file: string; rows: number }[];
  invalidRecords: number;
  table: PairTable;
  ledger: Ledger;
  trace: DedupTrace;
  minhash: MinHashConfig;
  plan: SplitPlan;
  balance: BalanceResult;
  sample: PrepareStats["sample"];
  written: Record<string, number>;
  clustersFile: string | null;
  contained: ContainedShare;
  pairs: PairsFacts | null;
  shards?: ShardsFacts | null;
}

export function buildStats(x: StatsInput): PrepareStats {
  const t = x.table;
  const str = (k: number) => (k < 0 ? "none" : t.strings.values[k]!);
  const final = x.plan.rows.flatMap((r) => [...r]);
  const counts = {} as PrepareStats["counts"];
  for (const [s, name] of SPLITS.entries()) counts[name] = typeCounts(t, x.plan.rows[s]!);
  counts.total = typeCounts(t, final);

  const bySplit: PrepareStats["tokens"]["by_split"] = {};
  SPLITS.forEach((name, s) => {
    const rows = [...x.plan.rows[s]!];
    bySplit[name] = { input: distribution(rows.map((i) => t.inputTokens[i]!)), target: distribution(rows.map((i) => t.targetTokens[i]!)) };
  });

  const scores = final.map((i) => t.score[i]!);
  const scoreDist = distribution(scores);
  const sortedScores = [...scores].sort((a, b) => a - b);
  const p10 = sortedScores.length ? sortedScores[Math.max(0, Math.ceil(0.1 * sortedScores.length) - 1)]! : 0;
  const histogram = Array.from({ length: 10 }, (_, b) => ({ from: b / 10, to: (b + 1) / 10, rows: 0 }));
  for (const s of scores) histogram[Math.min(9, Math.floor(s * 10))]!.rows++;
  const d = QUALITY_DIMENSIONS.length;
  const dimension_means = Object.fromEntries(
    QUALITY_DIMENSIONS.map(({ key }, j) => [key, final.length ? r4(final.reduce((a, i) => a + t.dims[i * d + j]!, 0) / final.length) : 0]),
  );

  // Near-duplicate clusters among the rows that reached MinHash.
  const sizes = new Map<number, number>();
  for (const i of x.trace.clustered) {
    const r = x.trace.uf.find(i);
    sizes.set(r, (sizes.get(r) ?? 0) + 1);
  }
  const multi = [...sizes.values()].filter((n) => n > 1);
  const size_histogram: Record<string, number> = {};
  for (const n of multi.sort((a, b) => a - b)) size_histogram[sizeBucket(n)] = (size_histogram[sizeBucket(n)] ?? 0) + 1;

  const by_reason: PrepareStats["drops"]["by_reason"] = {};
  const by_reason_and_type: PrepareStats["drops"]["by_reason_and_type"] = {};
  for (const reason of DROP_REASONS) {
    by_reason[reason] = x.ledger.counts.get(reason) ?? 0;
    const m = x.ledger.byType.get(reason);
    if (m) by_reason_and_type[reason] = Object.fromEntries(PAIR_TYPES.filter((ty) => m.has(ty)).map((ty) => [ty, m.get(ty)!]));
  }
  const dup = (r: DropReason) => x.ledger.counts.get(r) ?? 0;
  let skipped = 0;
  for (let i = 0; i < t.n; i++) if (t.flags[i]! & FLAG.parseSkipped) skipped++;

  return {
    version: x.version,
    seed: x.seed,
    command_line: x.commandLine,
    contained: x.contained,
    pairs: x.pairs,
    ...(x.shards ? { shards: x.shards } : {}),
    options: x.options,
    input: { files: x.files, records: t.n + x.invalidRecords },
    written: x.written,
    counts,
    coverage: { source_sets: tally(final, (i) => str(t.sourceSet[i]!)), platforms: tally(final, (i) => str(t.platform[i]!)) },
    tokens: {
      tokenizer: TOKENIZER_DESCRIPTION[x.options.tokenizer],
      input: distribution(final.map((i) => t.inputTokens[i]!)),
      target: distribution(final.map((i) => t.targetTokens[i]!)),
      by_split: bySplit,
    },
    quality: {
      score: { ...scoreDist, min: r4(sortedScores[0] ?? 0), p10: r4(p10) },
      histogram,
      dimension_means,
      weights: Object.fromEntries(QUALITY_DIMENSIONS.map(({ key, weight }) => [key, weight])),
    },
    drops: { total: DROP_REASONS.reduce((a, r) => a + (by_reason[r] ?? 0), 0), by_reason, by_reason_and_type, steps: x.ledger.steps },
    duplicates: {
      exact: dup("exact_duplicate"),
      structural: dup("structural_duplicate"),
      near: dup("near_duplicate"),
      total: dup("exact_duplicate") + dup("structural_duplicate") + dup("near_duplicate"),
    },
    clusters: {
      minhash: x.minhash,
      rows_clustered: x.trace.clustered.length,
      clusters_with_duplicates: multi.length,
      rows_in_those_clusters: multi.reduce((a, b) => a + b, 0),
      largest: multi.reduce((a, b) => Math.max(a, b), 0),
      size_histogram,
      lsh: { candidate_pairs: x.trace.lsh.candidatePairs, verified: x.trace.lsh.verified, rejected: x.trace.lsh.rejected },
      written_to: x.clustersFile,
    },
    validation: { grammar_checks_skipped_not_kotlin: skipped },
    balance: x.balance,
    sample: x.sample,
    grouping: x.plan.grouping,
    splits: splitRepositories(x.plan),
    licenses: tally(final, (i) => str(t.license[i]!)),
  };
}

function typeCounts(t: PairTable, rows: Iterable<number>): Partial<Record<PairType, number>> {
  const c = PAIR_TYPES.map(() => 0);
  for (const i of rows) c[t.type[i]!]!++;
  return Object.fromEntries(PAIR_TYPES.flatMap((ty, k) => (c[k] ? [[ty, c[k]]] : [])));
}

function splitRepositories(plan: SplitPlan): PrepareStats["splits"] {
  const per = (s: number): SplitRepositories => {
    const names = plan.repositories[s]!;
    return { rows: plan.rows[s]!.length, repositories: names.length, repository_names: names.length <= MAX_LISTED_REPOSITORIES ? names : null };
  };
  return { train: per(0), val: per(1), test: per(2), coverage: plan.coverage };
}
