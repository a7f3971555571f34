/**
 * Leak-free, stratified splits. Pairs are grouped (by repository, or by file when there are too few
 * repositories) and every group goes whole to one split. Groups are visited in a seeded order and
 * each is put where it brings the per-type shares of the splits closest to the targets, so every
 * pair type keeps roughly its share in train, val and test. Same seed, same groups → same result.
 */
import { stableHash } from "../io.ts";

export type SplitName = "train" | "val" | "test";
export const SPLITS: readonly SplitName[] = ["train", "val", "test"];

export type Grouping = "repo" | "file";

export function groupingFor(repoCount: number, minRepos: number): Grouping {
  return repoCount >= minRepos ? "repo" : "file";
}

export function groupKey(grouping: Grouping, repo: string, path: string): string {
  return grouping === "repo" ? repo : `${repo}\u0000${path}`;
}

/**
 * Assigns each group (with its pair count per type) to a split.
 * Cost of a state: Σ_type Σ_split (share of the type's pairs seen so far in that split − target)²,
 * weighted by the type's count, so common types weigh more. Ties go to the earlier split (train).
 */
export function assignSplits(groups: ReadonlyMap<string, readonly number[]>, shares: readonly [number, number, number], seed: number): Map<string, SplitName> {
  const order = [...groups.keys()].map((k) => [stableHash(seed, k), k] as const).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : 1));
  const types = groups.values().next().value?.length ?? 0;
  const counts = SPLITS.map(() => new Array<number>(types).fill(0));
  const seen = new Array<number>(types).fill(0);
  const out = new Map<string, SplitName>();
  for (const [, key] of order) {
    const g = groups.get(key)!;
    let best = 0;
    let bestCost = Infinity;
    for (let s = 0; s < SPLITS.length; s++) {
      let cost = 0;
      for (let t = 0; t < types; t++) {
        const total = seen[t]! + g[t]!;
        if (total === 0) continue;
        for (let u = 0; u < SPLITS.length; u++) {
          const share = (counts[u]![t]! + (u === s ? g[t]! : 0)) / total;
          cost += total * (share - shares[u]!) ** 2;
        }
      }
      if (cost < bestCost - 1e-12) {
        bestCost = cost;
        best = s;
      }
    }
    for (let t = 0; t < types; t++) {
      counts[best]![t]! += g[t]!;
      seen[t]! += g[t]!;
    }
    out.set(key, SPLITS[best]!);
  }
  fillEmptySplits(groups, out, shares);
  return out;
}

/**
 * With few groups (the sample's handful of repositories) one group overshoots a 5 % share, so the
 * greedy keeps everything in train; an evaluation split with nothing in it is worse than one off its
 * share. Each empty split with a non-zero share takes the smallest train group (ties by key) while
 * train keeps at least one.
 */
function fillEmptySplits(groups: ReadonlyMap<string, readonly number[]>, out: Map<string, SplitName>, shares: readonly [number, number, number]): void {
  const size = (k: string) => groups.get(k)!.reduce((a, b) => a + b, 0);
  for (let s = 1; s < SPLITS.length; s++) {
    if (shares[s]! <= 0 || [...out.values()].includes(SPLITS[s]!)) continue;
    const inTrain = [...out.entries()].filter(([, v]) => v === "train").map(([k]) => k);
    if (inTrain.length < 2) continue;
    inTrain.sort((a, b) => size(a) - size(b) || (a < b ? -1 : 1));
    out.set(inTrain[0]!, SPLITS[s]!);
  }
}
