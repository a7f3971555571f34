/**
 * MinHash signatures and the LSH banding parameters for a Jaccard threshold.
 *
 * Each of the `permutations` hash functions is h_i(x) = fmix32(a_i·x + b_i mod 2³²) over the
 * 32-bit shingle hashes, with odd a_i and b_i drawn from a PRNG seeded by `seed`: a bijection of the
 * 32-bit space per i (a random-looking permutation), cheap enough to run 256 times per shingle.
 * The signature keeps the minimum of each h_i over a snippet's shingle set; the share of equal
 * positions between two signatures estimates their Jaccard similarity.
 */
import { fmix32 } from "./fingerprint.ts";

export interface MinHashConfig {
  ngram: number;
  permutations: number;
  bands: number;
  rows: number;
  threshold: number;
  seed: number;
}

/** Signature value of an empty shingle set (never equal to a real minimum by construction of the test). */
export const EMPTY = 0xffffffff;

/** mulberry32: a small seeded PRNG, enough for drawing hash parameters and tie-break keys. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Permutations {
  a: Uint32Array;
  b: Uint32Array;
}

export function permutations(count: number, seed: number): Permutations {
  const rnd = mulberry32(fmix32(seed ^ 0x5bd1e995));
  const a = new Uint32Array(count);
  const b = new Uint32Array(count);
  for (let i = 0; i < count; i++) {
    a[i] = (Math.floor(rnd() * 0x1_0000_0000) | 1) >>> 0;
    b[i] = Math.floor(rnd() * 0x1_0000_0000) >>> 0;
  }
  return { a, b };
}

/** Writes the signature of `shingles` into `out` at `offset` (`perm.a.length` values). */
export function signInto(shingles: Uint32Array, perm: Permutations, out: Uint32Array, offset: number): void {
  const k = perm.a.length;
  const { a, b } = perm;
  const n = shingles.length;
  // Permutation-major: each minimum stays in a local while the shingles stream past (the same
  // values as shingle-major, without a load and store of out[] per shingle and permutation).
  for (let i = 0; i < k; i++) {
    const ai = a[i]!;
    const bi = b[i]!;
    let min = EMPTY;
    for (let s = 0; s < n; s++) {
      let h = (Math.imul(ai, shingles[s]!) + bi) | 0;
      h ^= h >>> 16;
      h = Math.imul(h, 0x85ebca6b);
      h ^= h >>> 13;
      const v = h >>> 0;
      if (v < min) min = v;
    }
    out[offset + i] = min;
  }
}

export function signature(shingles: Uint32Array, perm: Permutations): Uint32Array {
  const out = new Uint32Array(perm.a.length);
  signInto(shingles, perm, out, 0);
  return out;
}

/** Share of equal positions between the signatures at rows i and j of a flat signature array. */
export function estimatedJaccard(sigs: Uint32Array, k: number, i: number, j: number): number {
  const oi = i * k;
  const oj = j * k;
  let same = 0;
  for (let p = 0; p < k; p++) if (sigs[oi + p] === sigs[oj + p]) same++;
  return same / k;
}

/** Simpson's rule on [lo, hi]. */
function integrate(f: (x: number) => number, lo: number, hi: number, steps = 200): number {
  if (hi <= lo) return 0;
  const h = (hi - lo) / steps;
  let sum = f(lo) + f(hi);
  for (let i = 1; i < steps; i++) sum += f(lo + i * h) * (i % 2 === 0 ? 2 : 4);
  return (sum * h) / 3;
}

/**
 * Bands b and rows r (b·r ≤ permutations) minimising the weighted area of false positives (pairs
 * below the threshold that still share a band: ∫₀ᵗ 1−(1−sʳ)ᵇ ds) plus false negatives (pairs above
 * it that share none: ∫ₜ¹ (1−sʳ)ᵇ ds), equal weights: the criterion datasketch uses.
 */
export function optimalBands(threshold: number, perms: number, fpWeight = 0.5, fnWeight = 0.5): { bands: number; rows: number } {
  let best = { bands: 1, rows: perms, error: Infinity };
  for (let b = 1; b <= perms; b++) {
    for (let r = 1; r <= Math.floor(perms / b); r++) {
      const fp = integrate((s) => 1 - (1 - s ** r) ** b, 0, threshold);
      const fn = integrate((s) => (1 - s ** r) ** b, threshold, 1);
      const error = fp * fpWeight + fn * fnWeight;
      if (error < best.error) best = { bands: b, rows: r, error };
    }
  }
  return { bands: best.bands, rows: best.rows };
}

export function minHashConfig(threshold: number, permutationsCount: number, seed: number, ngram = 5): MinHashConfig {
  const { bands, rows } = optimalBands(threshold, permutationsCount);
  return { ngram, permutations: permutationsCount, bands, rows, threshold, seed };
}
