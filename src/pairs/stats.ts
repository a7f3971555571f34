/**
 * pairs_stats.json: what was made, what was dropped and why, and how the splits were grouped.
 * No timestamps, so the same seed and input give the same bytes.
 */
import { PAIR_TYPES, type PairType } from "../types.ts";
import type { MakerCounts } from "./maker.ts";
import { PRIORITY_ORDER } from "./plan.ts";
import type { Grouping, SplitName } from "./split.ts";
import { SPLITS } from "./split.ts";
import { DROP_REASON_HELP, type PairsConfig } from "./types.ts";
import type { AskStats } from "./describe/ask.ts";

export interface StatsInput {
  cfg: PairsConfig;
  blocks: number;
  repos: number;
  fragmentedRepos: number;
  counts: MakerCounts;
  grouping: Grouping;
  groups: number;
  groupsPerSplit: Record<SplitName, number>;
  byType: Record<SplitName, number[]>;
  /** --describe-with: what was asked of the model (absent without it). */
  asked?: AskStats;
}

export function buildStats(s: StatsInput) {
  const total = (arr: number[]) => arr.reduce((a, b) => a + b, 0);
  const typed = (arr: number[]) => Object.fromEntries(PAIR_TYPES.map((t, i) => [t, arr[i] ?? 0])) as Record<PairType, number>;
  return {
    config: s.cfg,
    input: { blocks: s.blocks, repos: s.repos, repos_not_contiguous: s.fragmentedRepos },
    candidates: s.counts.candidates,
    kept: s.counts.kept,
    kept_total: total(Object.values(s.counts.kept)),
    test_pairs_kept: s.counts.test_pairs_kept,
    dropped: s.counts.dropped,
    dropped_total: total(Object.values(s.counts.dropped)),
    dropped_by_type: s.counts.dropped_by_type,
    drop_reasons: DROP_REASON_HELP,
    secrets: s.counts.secrets,
    context: { ...s.counts.context, budget_tokens: s.cfg.contextTokens, tokenizer: s.cfg.tokenizer },
    description_sources: s.counts.description_sources,
    ...(s.cfg.describe && s.asked
      ? {
          // Requests, answers and their checks; `checks` counts planned rows by outcome (used, a rejection reason, no_answer).
          descriptions: { model: s.cfg.describe.model, template_version: s.cfg.describe.template, ...s.asked, checks: s.counts.description_checks },
        }
      : {}),
    rows_per_file: s.counts.rows_per_file,
    taught_once: { span_priority: PRIORITY_ORDER, max_rows_per_file: s.cfg.maxRowsPerFile, whole_file_max_lines: s.cfg.maxFileLines },
    licence_headers_stripped: s.counts.licence_headers_stripped,
    // Kept rows whose target is known to parse (meta.target_parses): prepare skips their grammar check.
    targets_known_to_parse: s.counts.targets_known_to_parse,
    grouping: {
      by: s.grouping,
      groups: s.groups,
      note:
        s.grouping === "repo"
          ? "every repository is in exactly one split"
          : `only ${s.repos} repositories (fewer than ${s.cfg.minReposForRepoGrouping}): grouped by file instead, so a repository may appear in several splits but a file never does`,
    },
    splits: Object.fromEntries(
      SPLITS.map((sp) => [sp, { pairs: total(s.byType[sp]), groups: s.groupsPerSplit[sp], by_type: typed(s.byType[sp]) }]),
    ),
  };
}
