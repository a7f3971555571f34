/**
 * Repairs a split placement whose held-out splits miss their requirements (see coverage.ts): a
 * seeded best-improvement local search over whole groups. A step moves one group to another split
 * or, when no move helps, swaps two groups between splits, and is taken only if it lowers the cost,
 * compared in order:
 *
 *   1. rows over a held-out split's bound (2× its share): the shares may overshoot, but only so far;
 *   2. unmet requirements: missing test rows of a needed pair type, plus 10 per missing repository;
 *   3. distance from the shares: |rows − target| / target + the per-type mix's distance from the
 *      overall mix (so held-out splits stay stratified once the requirements hold).
 *
 * No step empties a split. Candidates are scanned in the seeded group order and the first of equal
 * steps wins, so the result depends on the seed only. Work is capped by a count of evaluated steps
 * (not by time), which keeps it deterministic on any machine.
 */

export interface SplitGroup {
  members: number[]; // table rows
  mix: number[]; // rows per pair type
  repos: number[]; // distinct repository ids (interned), sorted
  tie: number; // seeded, for a stable order
  split: number;
}

export interface HeldOutGoals {
  share: number[]; // per split, a fraction
  target: number[]; // rows per split
  bound: number[]; // the most rows a split may hold (Infinity for train)
  totals: number[]; // rows per pair type, all splits
  needTypes: number[]; // pair types that need test rows
  minTestRows: number;
  minRepos: number; // per held-out split; 0 when the rule does not apply
  test: number; // index of the test split
}

type Cost = [over: number, need: number, soft: number];

const REPO_WEIGHT = 10; // a missing repository counts as much as a type with no test rows at all
const MAX_EVALUATIONS = 5_000_000;
const MAX_STEPS = 10_000;

export class Placement {
  readonly rows: number[];
  readonly mix: number[][];
  readonly groups: number[];
  readonly distinct: number[];
  private readonly repoCount: Map<number, number>[];

  constructor(
    splits: number,
    types: number,
    list: readonly SplitGroup[],
  ) {
    this.rows = Array.from({ length: splits }, () => 0);
    this.mix = Array.from({ length: splits }, () => Array.from({ length: types }, () => 0));
    this.groups = Array.from({ length: splits }, () => 0);
    this.distinct = Array.from({ length: splits }, () => 0);
    this.repoCount = Array.from({ length: splits }, () => new Map());
    for (const g of list) this.add(g, g.split);
  }

  add(g: SplitGroup, s: number): void {
    this.rows[s]! += g.members.length;
    g.mix.forEach((c, t) => (this.mix[s]![t]! += c));
    this.groups[s]!++;
    const m = this.repoCount[s]!;
    for (const r of g.repos) {
      const c = m.get(r) ?? 0;
      if (c === 0) this.distinct[s]!++;
      m.set(r, c + 1);
    }
  }

  remove(g: SplitGroup, s: number): void {
    this.rows[s]! -= g.members.length;
    g.mix.forEach((c, t) => (this.mix[s]![t]! -= c));
    this.groups[s]!--;
    const m = this.repoCount[s]!;
    for (const r of g.repos) {
      const c = m.get(r)!;
      if (c === 1) {
        this.distinct[s]!--;
        m.delete(r);
      } else m.set(r, c - 1);
    }
  }

  /** Distinct repositories in split s after `out` leaves it and `into` joins it. */
  reposAfter(s: number, out: SplitGroup | null, into: SplitGroup | null): number {
    let d = this.distinct[s]!;
    const m = this.repoCount[s]!;
    if (out) for (const r of out.repos) if (m.get(r) === 1 && !into?.repos.includes(r)) d--;
    if (into) for (const r of into.repos) if (!m.has(r) && !out?.repos.includes(r)) d++;
    return d;
  }
}

/** The cost of one split holding `rows` rows with type mix `mix` from `repos` repositories. */
export function splitCost(goals: HeldOutGoals, s: number, rows: number, mix: readonly number[], repos: number): Cost {
  if (s === 0 || goals.share[s]! <= 0) return [0, 0, 0];
  const over = Math.max(0, rows - goals.bound[s]!);
  let need = goals.minRepos > 0 ? REPO_WEIGHT * Math.max(0, goals.minRepos - repos) : 0;
  if (s === goals.test) for (const t of goals.needTypes) need += Math.max(0, goals.minTestRows - mix[t]!);
  const target = Math.max(goals.target[s]!, 1);
  let soft = Math.abs(rows - target) / target;
  let spread = 0;
  mix.forEach((c, t) => (spread += Math.abs(c - goals.share[s]! * goals.totals[t]!)));
  soft += spread / (2 * target);
  return [over, need, soft];
}

const EPS = 1e-9;
function less(a: Cost, b: Cost): boolean {
  if (a[0] !== b[0]) return a[0] < b[0];
  if (a[1] !== b[1]) return a[1] < b[1];
  return a[2] < b[2] - EPS;
}

/** Improves `list` in place (each group's `split`); returns the number of steps taken. */
export function repairHeldOut(list: SplitGroup[], goals: HeldOutGoals, splits: number, types: number): number {
  const p = new Placement(splits, types, list);
  const order = [...list].sort((a, b) => a.tie - b.tie);
  const current = (s: number) => splitCost(goals, s, p.rows[s]!, p.mix[s]!, p.distinct[s]!);
  const costs = Array.from({ length: splits }, (_, s) => current(s));
  const mixA = Array.from({ length: types }, () => 0);
  const mixB = Array.from({ length: types }, () => 0);
  const open = Array.from({ length: splits }, (_, s) => s === 0 || goals.share[s]! > 0);

  /** Cost change when `out` leaves a for b and `into` leaves b for a (either may be null), into `d`. */
  const d: Cost = [0, 0, 0];
  const delta = (a: number, b: number, out: SplitGroup, into: SplitGroup | null): Cost => {
    for (let t = 0; t < types; t++) {
      const moved = out.mix[t]! - (into ? into.mix[t]! : 0);
      mixA[t] = p.mix[a]![t]! - moved;
      mixB[t] = p.mix[b]![t]! + moved;
    }
    const rowsMoved = out.members.length - (into ? into.members.length : 0);
    const ca = splitCost(goals, a, p.rows[a]! - rowsMoved, mixA, p.reposAfter(a, out, into));
    const cb = splitCost(goals, b, p.rows[b]! + rowsMoved, mixB, p.reposAfter(b, into, out));
    for (let k = 0; k < 3; k++) d[k] = ca[k]! + cb[k]! - costs[a]![k]! - costs[b]![k]!;
    return d;
  };

  let evaluations = 0;
  let steps = 0;
  let needStuck = false; // a full scan found no step that brings a missed requirement closer
  const best: Cost = [0, 0, 0];
  while (steps < MAX_STEPS && evaluations < MAX_EVALUATIONS) {
    best.fill(0);
    let move: [SplitGroup, number, SplitGroup | null] | null = null;
    const consider = (g: SplitGroup, b: number, h: SplitGroup | null) => {
      evaluations++;
      if (!less(delta(g.split, b, g, h), best)) return;
      best.splice(0, 3, ...d);
      move = [g, b, h];
    };
    for (const g of order) {
      if (p.groups[g.split]! === 1) continue; // never empty a split
      for (let b = 0; b < splits; b++) if (b !== g.split && open[b]) consider(g, b, null);
    }
    // Swaps (every pair with at least one held-out group, each pair once) cost |held-out| × |groups|,
    // so they are weighed only when no single move helps: no move at all, or, while a requirement
    // is missed, none that brings it closer.
    const missing = !needStuck && costs.some((c) => c[0] > 0 || c[1] > 0);
    if (!move || (missing && best[0] === 0 && best[1] === 0)) {
      for (const g of order) {
        if (g.split === 0) continue;
        for (const h of order) if (h.split !== g.split && (h.split === 0 || h.split > g.split)) consider(g, h.split, h);
      }
      if (missing && best[0] === 0 && best[1] === 0) needStuck = true;
    }
    if (!move) break;
    const [g, b, h] = move as [SplitGroup, number, SplitGroup | null];
    const a = g.split;
    p.remove(g, a);
    p.add(g, b);
    g.split = b;
    if (h) {
      p.remove(h, b);
      p.add(h, a);
      h.split = a;
    }
    costs[a] = current(a);
    costs[b] = current(b);
    steps++;
  }
  return steps;
}
