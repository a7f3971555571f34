/**
 * The three de-duplication steps. Each code span is taught once, whatever the task: of every group
 * of copies (any pair types) one row survives — the first in DEDUP_TYPE_PRIORITY, then the highest
 * quality_score, then the smallest id. The near-duplicate clusters also bind rows together for the
 * split (see split.ts), so the same code never sits in train and test.
 */
import type { Ledger, DropReason } from "./ledger.ts";
import { lshClusters, type LshStats } from "./lsh.ts";
import type { MinHashConfig } from "./minhash.ts";
import type { PairTable } from "./table.ts";
import type { UnionFind } from "./unionfind.ts";
import { PAIR_TYPES, type PairType } from "../types.ts";

/** Which task keeps a span taught by several: the rarer, more specific tasks first (also in the card). */
export const DEDUP_TYPE_PRIORITY: readonly PairType[] = [
  "expect_actual",
  "interface_implementation",
  "composable",
  "description_to_code",
  "skeleton_to_complete",
  "full_file",
  "gradle",
];

/** `best` reordered by DEDUP_TYPE_PRIORITY first (stable: best-first within a type). */
export function survivorOrder(t: PairTable, best: Int32Array): Int32Array {
  const rankOf = t.types.map((ty) => {
    const r = DEDUP_TYPE_PRIORITY.indexOf(ty as PairType);
    return r < 0 ? PAIR_TYPES.length : r;
  });
  const pos = new Int32Array(t.n);
  best.forEach((i, k) => (pos[i] = k));
  return Int32Array.from(best).sort((a, b) => rankOf[t.type[a]!]! - rankOf[t.type[b]!]! || pos[a]! - pos[b]!);
}

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

function keyDedup(ledger: Ledger, order: Int32Array, keys: Float64Array, reason: DropReason, keeper: Int32Array): void {
  const m = new Map<number, number>();
  for (const i of order) {
    if (!ledger.isAlive(i)) continue;
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
  const order = survivorOrder(t, best);

  ledger.begin("dedup_exact");
  keyDedup(ledger, order, t.exactKey, "exact_duplicate", keeper);
  ledger.end();

  ledger.begin("dedup_structural");
  keyDedup(ledger, order, t.structKey, "structural_duplicate", keeper);
  ledger.end();

  ledger.begin("dedup_near");
  const clustered = ids.filter((i) => ledger.isAlive(i));
  const { uf, stats } = lshClusters(t.sigs, t.n, clustered, cfg);
  const seen = new Map<number, number>();
  for (const i of order) {
    if (!ledger.isAlive(i)) continue;
    const key = uf.find(i);
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
