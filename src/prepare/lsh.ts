/**
 * MinHash LSH clustering on the main thread. For each band, the rows' band hashes are sorted
 * (one Float64Array of hash·2²¹ + row, reused per band) so rows sharing a bucket are adjacent; each
 * row is then checked against at most MAX_PROBES earlier clusters of its bucket, and joined to the
 * first whose representative's signature agrees at ≥ threshold (the candidate is verified, not
 * trusted). Memory: O(rows) per band, never O(rows²); work is bounded by bands × rows × MAX_PROBES.
 */
import type { MinHashConfig } from "./minhash.ts";
import type { SignatureStore } from "./table.ts";
import { UnionFind } from "./unionfind.ts";

const MAX_PROBES = 8;
const ROW_BITS = 2 ** 21; // rows per sort key; beyond it the comparator sort is used

export interface LshStats {
  candidatePairs: number; // bucket collisions examined
  verified: number; // candidates whose estimated Jaccard reached the threshold
  rejected: number; // candidates below it (false positives of the banding)
}

/**
 * Clusters `rows` (indices into the signature store). Returns a union-find over all table rows
 * in which rows outside `rows` stay singletons.
 */
export function lshClusters(sigs: SignatureStore, n: number, rows: Int32Array, cfg: MinHashConfig): { uf: UnionFind; stats: LshStats } {
  const uf = new UnionFind(n);
  const stats: LshStats = { candidatePairs: 0, verified: 0, rejected: 0 };
  const m = rows.length;
  const keys = new Float64Array(m);
  const order = new Int32Array(m);
  const hashes = new Uint32Array(m);
  const probes: number[] = [];
  for (let band = 0; band < cfg.bands; band++) {
    for (let i = 0; i < m; i++) hashes[i] = sigs.bandHash(rows[i]!, band, cfg.rows);
    if (m < ROW_BITS) {
      for (let i = 0; i < m; i++) keys[i] = hashes[i]! * ROW_BITS + i;
      keys.sort();
      for (let i = 0; i < m; i++) order[i] = keys[i]! % ROW_BITS;
    } else {
      for (let i = 0; i < m; i++) order[i] = i;
      order.sort((a, b) => hashes[a]! - hashes[b]! || a - b);
    }
    for (let s = 0; s < m; ) {
      let e = s + 1;
      while (e < m && hashes[order[e]!] === hashes[order[s]!]) e++;
      if (e - s > 1) {
        probes.length = 0;
        for (let q = s; q < e; q++) {
          const row = rows[order[q]!]!;
          let joined = false;
          for (const other of probes) {
            if (uf.find(other) === uf.find(row)) {
              joined = true;
              break;
            }
            stats.candidatePairs++;
            if (sigs.similarity(other, row) >= cfg.threshold) {
              stats.verified++;
              uf.union(other, row);
              joined = true;
              break;
            }
            stats.rejected++;
          }
          if (!joined && probes.length < MAX_PROBES) probes.push(row);
        }
      }
      s = e;
    }
  }
  return { uf, stats };
}
