/**
 * What the held-out splits must hold to mean something (kmpdata issue 10): with ≥ 10 repositories,
 * val and test each come from ≥ 2 of them, and test holds ≥ 10 rows of every pair type that has
 * ≥ 200 rows — a test split of two repositories and 3 rows of a type measures those repositories,
 * not the type. The held-out shares may overshoot up to 2× to get there. When the groups cannot
 * allow it (near-duplicate clusters joining repositories into one group too big for a held-out
 * split), stats.json and the card say which requirement is missed and why.
 */
import type { PairType } from "../types.ts";
import type { HeldOutGoals, Placement, SplitGroup } from "./heldout.ts";

export const COVERAGE_RULES = {
  repository_rule_from_repositories: 10,
  min_repositories_per_held_out_split: 2,
  test_rule_from_type_rows: 200,
  min_test_rows_per_type: 10,
  max_share_overshoot: 2,
} as const;

export interface SplitCoverage {
  met: boolean;
  rules: typeof COVERAGE_RULES;
  repository_rule_applies: boolean;
  types_needing_test_rows: PairType[];
  /** The most rows val and test may hold (2× their share) while the search meets the rules. */
  held_out_bound_rows: { val: number; test: number };
  /** Whether the first (stratified) placement missed a rule and the repair search ran. */
  searched: boolean;
  reasons: string[];
}

const n = (x: number) => x.toLocaleString("en-US");

export function coverageGoals(totals: number[], repositories: number, shares: readonly number[], rows: number, test: number): HeldOutGoals {
  const share = shares.map((s) => s / 100);
  const target = share.map((s) => s * rows);
  const R = COVERAGE_RULES;
  return {
    share,
    target,
    bound: target.map((x, s) => (s === 0 ? Infinity : Math.floor(R.max_share_overshoot * x))),
    totals,
    needTypes: share[test]! > 0 ? totals.flatMap((c, t) => (c >= R.test_rule_from_type_rows ? [t] : [])) : [],
    minTestRows: R.min_test_rows_per_type,
    minRepos: repositories >= R.repository_rule_from_repositories ? R.min_repositories_per_held_out_split : 0,
    test,
  };
}

/** The requirements `p` misses, as sentences (empty when all are met). */
export function unmet(goals: HeldOutGoals, p: Placement, splitNames: readonly string[], typeNames: readonly string[]): string[] {
  const out: string[] = [];
  for (let s = 1; s < splitNames.length; s++) {
    if (goals.share[s]! <= 0 || goals.minRepos === 0 || p.distinct[s]! >= goals.minRepos) continue;
    out.push(`${splitNames[s]} comes from ${p.distinct[s]} ${p.distinct[s] === 1 ? "repository" : "repositories"} (needs ≥ ${goals.minRepos})`);
  }
  for (const t of goals.needTypes) {
    const have = p.mix[goals.test]![t]!;
    if (have < goals.minTestRows) out.push(`test has ${have} ${typeNames[t]} rows (needs ≥ ${goals.minTestRows} of its ${n(goals.totals[t]!)})`);
  }
  return out;
}

/**
 * Why the missed requirements could not be met: rows of a type, or repositories, that lie only in
 * groups larger than a held-out split's bound can never leave train; the largest such group joined
 * from several repositories by near-duplicate clusters is named, since that is the usual cause.
 */
export function explain(goals: HeldOutGoals, list: readonly SplitGroup[], missed: string[], repoNames: readonly string[], typeNames: readonly string[]): string[] {
  if (missed.length === 0) return [];
  const bound = goals.bound[goals.test]!;
  const fits = list.filter((g) => g.members.length <= bound);
  const reasons = [...missed];
  const short: string[] = [];
  for (const t of goals.needTypes) {
    const avail = fits.reduce((a, g) => a + g.mix[t]!, 0);
    if (avail < goals.minTestRows) short.push(`${typeNames[t]} (${avail})`);
  }
  if (short.length) reasons.push(`rows in groups small enough for test (≤ ${n(bound)} rows, ${COVERAGE_RULES.max_share_overshoot}× its share): ${short.join(", ")}`);
  if (goals.minRepos > 0) {
    const repos = new Set(fits.flatMap((g) => g.repos)).size;
    if (repos < 2 * goals.minRepos) reasons.push(`only ${repos} repositories lie in groups small enough for a held-out split (val and test need ${2 * goals.minRepos})`);
  }
  const total = list.reduce((a, g) => a + g.members.length, 0);
  const joined = list.filter((g) => g.repos.length > 1 && g.members.length > bound).sort((a, b) => b.members.length - a.members.length || a.tie - b.tie)[0];
  if (joined) {
    const names = joined.repos.map((r) => repoNames[r]!).sort();
    const shown = names.length <= 5 ? names.join(", ") : `${names.slice(0, 5).join(", ")}, …`;
    reasons.push(
      `near-duplicate clusters join ${names.length} of the ${new Set(list.flatMap((g) => g.repos)).size} repositories (${shown}) into one group of ` +
        `${n(joined.members.length)} rows (${Math.round((100 * joined.members.length) / total)} % of all rows), too large for a held-out split, so it stays in train`,
    );
  }
  if (reasons.length === missed.length) reasons.push(`no choice of whole groups within the bound meets every requirement at once`);
  return reasons;
}
