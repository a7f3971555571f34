/**
 * Train/val/test assignment. Rows are first bound into groups that must not be separated: the same
 * repository, and the same near-duplicate cluster (which spans pair types and repositories), joined
 * transitively with union-find. Whole groups are then placed, largest first, into the split whose
 * per-type fill (rows / target rows, weighted by the group's type mix) stays lowest after adding
 * it — a greedy that keeps each pair type near its share in every split.
 *
 * When repositories give fewer groups than there are non-zero splits, groups are built from files
 * (repo + path) and clusters instead, and stats.json says so.
 *
 * If that placement misses the held-out requirements (coverage.ts: enough repositories in val and
 * test, enough test rows of every large pair type), a seeded local search repairs it (heldout.ts).
 */
import { PAIR_TYPES } from "../types.ts";
import { COVERAGE_RULES, coverageGoals, explain, unmet, type SplitCoverage } from "./coverage.ts";
import { Placement, repairHeldOut, type SplitGroup } from "./heldout.ts";
import type { Ledger } from "./ledger.ts";
import { uniform } from "./rng.ts";
import type { PairTable } from "./table.ts";
import { UnionFind } from "./unionfind.ts";

export const SPLITS = ["train", "val", "test"] as const;
export type SplitName = (typeof SPLITS)[number];
export const NO_SPLIT = 255;
const TEST = 2;

export interface GroupingInfo {
  by: "repository+cluster" | "file+cluster";
  groups: number;
  repository_groups: number;
  min_groups: number;
  largest_group_rows: number;
  note: string;
}

export interface SplitPlan {
  split: Uint8Array; // per table row: index into SPLITS, or NO_SPLIT
  rows: Int32Array[]; // per split, in output order
  repositories: string[][]; // per split, sorted
  grouping: GroupingInfo;
  coverage: SplitCoverage;
}

/** Group id (a representative row) per final row, binding rows that share `key` or a cluster. */
function groups(t: PairTable, rows: Int32Array, key: Int32Array, cluster: (i: number) => number): Map<number, number[]> {
  const uf = new UnionFind(t.n);
  const byKey = new Map<number, number>();
  const byCluster = new Map<number, number>();
  for (const i of rows) {
    const k = byKey.get(key[i]!);
    if (k === undefined) byKey.set(key[i]!, i);
    else uf.union(k, i);
    const c = cluster(i);
    const r = byCluster.get(c);
    if (r === undefined) byCluster.set(c, i);
    else uf.union(r, i);
  }
  const out = new Map<number, number[]>();
  for (const i of rows) {
    const g = uf.find(i);
    const list = out.get(g);
    if (list) list.push(i);
    else out.set(g, [i]);
  }
  return out;
}

export function planSplits(t: PairTable, ledger: Ledger, ids: Int32Array, cluster: (i: number) => number, shares: [number, number, number], seed: number): SplitPlan {
  const rows = ids.filter((i) => ledger.isAlive(i));
  const nonZero = shares.filter((s) => s > 0);
  // Repositories (with their clusters) are the groups whenever each non-zero split can get one:
  // a split off its share is better than a repository leaking across splits.
  const minGroups = nonZero.length;

  let grouped = groups(t, rows, t.repo, cluster);
  const repoGroups = grouped.size;
  const largest = (g: Map<number, number[]>) => [...g.values()].reduce((a, l) => Math.max(a, l.length), 0);
  let by: GroupingInfo["by"] = "repository+cluster";
  let note = `${repoGroups} groups of repositories and near-duplicate clusters`;
  const tooFew = (g: Map<number, number[]>) => nonZero.length > 1 && g.size < minGroups;
  if (tooFew(grouped)) {
    grouped = groups(t, rows, t.file, cluster);
    by = "file+cluster";
    note =
      `only ${repoGroups} repository groups (need ≥ ${minGroups}, one per split): grouped by file and near-duplicate ` +
      `cluster instead, so a repository may span splits but no file and no cluster does`;
    if (tooFew(grouped)) note += `; even by file there are only ${grouped.size} groups, so some splits are off their share or empty`;
  }

  // Targets per split × type.
  const totals = PAIR_TYPES.map(() => 0);
  for (const i of rows) totals[t.type[i]!]!++;
  const target = shares.map((s) => totals.map((n) => (s / 100) * n));
  const filled = shares.map(() => PAIR_TYPES.map(() => 0));

  const list: SplitGroup[] = [...grouped.values()].map((members) => {
    const first = members.reduce((a, b) => (t.ids[a]! < t.ids[b]! ? a : b));
    const mix = PAIR_TYPES.map(() => 0);
    for (const i of members) mix[t.type[i]!]!++;
    const repos = [...new Set(members.map((i) => t.repo[i]!))].sort((a, b) => a - b);
    return { members, mix, repos, tie: uniform(seed, "split", t.ids[first]!), split: 0 };
  });
  list.sort((a, b) => b.members.length - a.members.length || a.tie - b.tie);

  for (const g of list) {
    let bestSplit = 0;
    let bestLoad = Infinity;
    for (let s = 0; s < SPLITS.length; s++) {
      if (shares[s]! <= 0) continue;
      let load = 0;
      g.mix.forEach((c, ty) => c > 0 && (load += (c * (filled[s]![ty]! + c)) / target[s]![ty]!));
      if (load < bestLoad - 1e-12) {
        bestLoad = load;
        bestSplit = s;
      }
    }
    g.mix.forEach((c, ty) => (filled[bestSplit]![ty]! += c));
    g.split = bestSplit;
  }
  // On small data the greedy leaves a small split empty (one group would overshoot its share);
  // an evaluation split with nothing in it is worse than one a little over share: give each empty
  // non-zero split the smallest group from train, while train keeps at least one group.
  for (let s = 1; s < SPLITS.length; s++) {
    if (shares[s]! <= 0 || list.some((g) => g.split === s)) continue;
    const inTrain = list.filter((g) => g.split === 0).sort((a, b) => a.members.length - b.members.length || a.tie - b.tie);
    if (inTrain.length < 2) continue;
    inTrain[0]!.split = s;
    note += `; ${SPLITS[s]} would have been empty, so it holds the smallest group (${inTrain[0]!.members.length} rows)`;
  }

  // The held-out requirements: kept as placed when met, else repaired by the search.
  const repoCount = new Set(rows.map((i) => t.repo[i]!)).size;
  const goals = coverageGoals(totals, repoCount, shares, rows.length, TEST);
  const typeNames = PAIR_TYPES as readonly string[];
  const placed = () => new Placement(SPLITS.length, PAIR_TYPES.length, list);
  let missed = unmet(goals, placed(), SPLITS, typeNames);
  const searched = missed.length > 0;
  if (searched) {
    repairHeldOut(list, goals, SPLITS.length, PAIR_TYPES.length);
    missed = unmet(goals, placed(), SPLITS, typeNames);
  }
  const split = new Uint8Array(t.n).fill(NO_SPLIT);
  for (const g of list) for (const i of g.members) split[i] = g.split;
  const coverage: SplitCoverage = {
    met: missed.length === 0,
    rules: COVERAGE_RULES,
    repository_rule_applies: goals.minRepos > 0,
    types_needing_test_rows: goals.needTypes.map((ty) => PAIR_TYPES[ty]!),
    held_out_bound_rows: { val: goals.bound[1]!, test: goals.bound[TEST]! },
    searched,
    reasons: explain(goals, list, missed, t.strings.values, typeNames),
  };

  const perSplit = SPLITS.map((_, s) => {
    const r = rows.filter((i) => split[i] === s);
    const keys = new Map<number, number>();
    for (const i of r) keys.set(i, uniform(seed, "order", t.ids[i]!));
    return Int32Array.from([...r].sort((a, b) => keys.get(a)! - keys.get(b)! || a - b));
  });
  const repositories = SPLITS.map((_, s) => [...new Set([...perSplit[s]!].map((i) => t.strings.values[t.repo[i]!]!))].sort());
  return {
    split,
    rows: perSplit,
    repositories,
    grouping: { by, groups: grouped.size, repository_groups: repoGroups, min_groups: minGroups, largest_group_rows: largest(grouped), note },
    coverage,
  };
}
