/**
 * The three de-duplication steps, each keeping the best row (highest quality_score, then smallest
 * id) of every group of copies *within a pair type*: the same function may rightly be the target of
 * a skeleton pair and of a description pair (two tasks), but not twice of the same task. Across
 * types, near-duplicate clusters still bind the rows together for the split (see split.ts), so the
 * same code never sits in train and test.
 */
import type { Ledger, DropReason } from "./ledger.ts";
import { lshClusters, type LshStats } from "./lsh.ts";
import type { MinHashConfig } from "./minhash.ts";
import type { PairTable } from "./table.ts";
import type { UnionFind } from "./unionfind.ts";

/** Row indices by quality_score descending, then id ascending: the order "best first". */
export function bestFirst(t: PairTable): Int32Array {
  const order = Int32Array.from({ length: t.n }, (_, i) => i);
  order.sort((a, b) => t.score[b]! - t.score[a]! || (t.ids[a]! < t.ids[b]! ? -1 : t.ids[a]! > t.ids[b]! ? 1 : 0));
  return order;
}

/** Row indices by id (then input position): the canonical order for everything order-dependent. */
export function byId(t: PairTable): Int32Array {
  const order = Int32Array.from({ length: t.n }, (_, i) => i);
  order.sort((a, b) => (t.ids[a]! < t.ids[b]! ? -1 : t.ids[a]! > t.ids[b]! ? 1 : a - b));
  return order;
}

export interface DedupTrace {
  /** For a dropped duplicate, the row it duplicates (the kept one at that step); else -1. */
  keeper: Int32Array;
  uf: UnionFind;
  lsh: LshStats;
  /** Rows that took part in near-dup clustering (alive after exact and structural dedup). */
  clustered: Int32Array;
}

function keyDedup(t: PairTable, ledger: Ledger, best: Int32Array, keys: Float64Array, reason: DropReason, keeper: Int32Array): void {
  const seen = t.types.map(() => new Map<number, number>());
  for (const i of best) {
    if (!ledger.isAlive(i)) continue;
    const m = seen[t.type[i]!]!;
    const first = m.get(keys[i]!);
    if (first === undefined) m.set(keys[i]!, i);
    else {
      ledger.drop(i, reason);
      keeper[i] = first;
    }
  }
}

export function dedup(t: PairTable, ledger: Ledger, best: Int32Array, ids: Int32Array, cfg: MinHashConfig): DedupTrace {
  const keeper = new Int32Array(t.n).fill(-1);

  ledger.begin("dedup_exact");
  keyDedup(t, ledger, best, t.exactKey, "exact_duplicate", keeper);
  ledger.end();

  ledger.begin("dedup_structural");
  keyDedup(t, ledger, best, t.structKey, "structural_duplicate", keeper);
  ledger.end();

  ledger.begin("dedup_near");
  const clustered = ids.filter((i) => ledger.isAlive(i));
  const { uf, stats } = lshClusters(t.sigs, t.n, clustered, cfg);
  const seen = new Map<number, number>();
  for (const i of best) {
    if (!ledger.isAlive(i)) continue;
    const key = uf.find(i) * t.types.length + t.type[i]!;
    const first = seen.get(key);
    if (first === undefined) seen.set(key, i);
    else {
      ledger.drop(i, "near_duplicate");
      keeper[i] = first;
    }
  }
  ledger.end();
  return { keeper, uf, lsh: stats, clustered };
}
