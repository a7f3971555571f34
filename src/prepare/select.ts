/**
 * After dedup: the --min-quality floor, the per-type cap, and --sample-size. All three keep rows,
 * never copy them: the output can only be a subset of the input.
 */
import { PAIR_TYPES, type PairType } from "../types.ts";
import type { Ledger } from "./ledger.ts";
import { uniform } from "./rng.ts";
import type { PairTable } from "./table.ts";

/** The default cap is this multiple of the median count of the pair types present. */
export const CAP_MEDIAN_MULTIPLE = 3;

export function applyMinQuality(t: PairTable, ledger: Ledger, ids: Int32Array, minQuality: number): void {
  ledger.begin("min_quality");
  for (const i of ids) if (ledger.isAlive(i) && t.score[i]! < minQuality) ledger.drop(i, "below_min_quality");
  ledger.end();
}

export function countByType(t: PairTable, ledger: Ledger, ids: Int32Array): number[] {
  const counts = PAIR_TYPES.map(() => 0);
  for (const i of ids) if (ledger.isAlive(i)) counts[t.type[i]!]!++;
  return counts;
}

export function median(values: number[]): number {
  if (values.length === 0) return 0;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export interface BalanceResult {
  cap: number;
  capSource: "--max-per-type" | `${number} × median type count (${number})`;
  before: Partial<Record<PairType, number>>;
}

/** Keeps at most `cap` rows per pair type, the best-scored (`best` is best-first order). */
export function applyTypeCap(t: PairTable, ledger: Ledger, ids: Int32Array, best: Int32Array, maxPerType: number | null): BalanceResult {
  ledger.begin("balance");
  const counts = countByType(t, ledger, ids);
  const present = counts.filter((c) => c > 0);
  const med = median(present);
  const cap = maxPerType ?? Math.max(1, Math.ceil(CAP_MEDIAN_MULTIPLE * med));
  const kept = PAIR_TYPES.map(() => 0);
  for (const i of best) {
    if (!ledger.isAlive(i)) continue;
    const ty = t.type[i]!;
    if (kept[ty]! >= cap) ledger.drop(i, "over_type_cap");
    else kept[ty]!++;
  }
  ledger.end();
  const before: Partial<Record<PairType, number>> = {};
  PAIR_TYPES.forEach((ty, k) => counts[k] && (before[ty] = counts[k]));
  return { cap, capSource: maxPerType !== null ? "--max-per-type" : `${CAP_MEDIAN_MULTIPLE} × median type count (${med})`, before };
}

/** Splits `total` into integer shares proportional to `weights` (largest remainder, ties by position). */
export function proportionalQuotas(weights: number[], total: number): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum === 0) return weights.map(() => 0);
  const exact = weights.map((w) => (w / sum) * total);
  const quotas = exact.map(Math.floor);
  let left = total - quotas.reduce((a, b) => a + b, 0);
  const byRemainder = exact.map((e, k) => [e - Math.floor(e), k] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, k] of byRemainder) {
    if (left <= 0) break;
    if (quotas[k]! < weights[k]!) {
      quotas[k]!++;
      left--;
    }
  }
  return quotas;
}

/**
 * Quality-weighted sampling without replacement, stratified by pair type: each type gets a quota
 * proportional to its rows, then within a type the rows with the largest Efraimidis–Spirakis keys
 * u^(1/w) win (u uniform from the seed and the row id, w = quality_score). Each row is drawn at
 * most once by construction: we select a subset, never draw with replacement.
 */
export function applySample(t: PairTable, ledger: Ledger, ids: Int32Array, sampleSize: number | null, seed: number): { requested: number | null; available: number; quotas: Partial<Record<PairType, number>> } {
  ledger.begin("sample");
  const available = ledger.alive;
  const quotas: Partial<Record<PairType, number>> = {};
  if (sampleSize !== null && sampleSize < available) {
    const counts = countByType(t, ledger, ids);
    const q = proportionalQuotas(counts, sampleSize);
    PAIR_TYPES.forEach((ty, k) => q[k] && (quotas[ty] = q[k]));
    const rows: { i: number; key: number }[][] = PAIR_TYPES.map(() => []);
    for (const i of ids) {
      if (!ledger.isAlive(i)) continue;
      const w = Math.max(t.score[i]!, 1e-6);
      rows[t.type[i]!]!.push({ i, key: Math.log(uniform(seed, "sample", t.ids[i]!)) / w }); // log of u^(1/w)
    }
    rows.forEach((list, k) => {
      list.sort((a, b) => b.key - a.key || a.i - b.i);
      for (let r = q[k]!; r < list.length; r++) ledger.drop(list[r]!.i, "not_sampled");
    });
  }
  ledger.end();
  return { requested: sampleSize, available, quotas };
}
