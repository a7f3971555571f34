import { describe, expect, test } from "bun:test";
import { estimatedJaccard, minHashConfig, optimalBands, permutations, signature } from "../../src/prepare/minhash.ts";
import { shingleHashes } from "../../src/prepare/fingerprint.ts";
import { rng } from "./fixtures.ts";

function jaccard(a: Set<number>, b: Set<number>): number {
  let inter = 0;
  for (const x of a) if (b.has(x)) inter++;
  return inter / (a.size + b.size - inter);
}

describe("MinHash", () => {
  // With k = 256 a perfect MinHash has standard error sqrt(J(1-J)/k) ≤ 0.031, so ±0.1 is a ~3.2σ
  // bound: about 1 pair in 700 falls outside it by chance alone. The test therefore asserts the bound
  // for ≥ 99 % of pairs, nothing beyond ±0.15 (4.8σ), no bias, and a variance that matches theory —
  // which a flawed hash family (correlated permutations, weak mixing) fails.
  test("estimated Jaccard is within ±0.1 of the true Jaccard on generated pairs (unbiased, variance as theory)", () => {
    const r = rng(7);
    const perm = permutations(256, 42);
    const trials = 1000;
    let outside = 0;
    let worst = 0;
    let bias = 0;
    let z2 = 0;
    for (let trial = 0; trial < trials; trial++) {
      // Token sequences sharing a random share of 5-gram shingles, hashed as prepare does.
      const size = 10 + Math.floor(r() * 300);
      const tokens = Array.from({ length: size * 2 }, () => `t${Math.floor(r() * 50)}`);
      const shift = Math.floor(r() * size);
      const sa = shingleHashes(tokens.slice(0, size));
      const sb = shingleHashes(tokens.slice(shift, shift + size));
      const truth = jaccard(new Set(sa), new Set(sb));
      const sigs = new Uint32Array(512);
      sigs.set(signature(sa, perm), 0);
      sigs.set(signature(sb, perm), 256);
      const err = estimatedJaccard(sigs, 256, 0, 1) - truth;
      if (Math.abs(err) > 0.1) outside++;
      worst = Math.max(worst, Math.abs(err));
      bias += err;
      z2 += err ** 2 / Math.max(truth * (1 - truth) / 256, 1e-6);
    }
    expect(outside / trials).toBeLessThanOrEqual(0.01);
    expect(worst).toBeLessThanOrEqual(0.15);
    expect(Math.abs(bias / trials)).toBeLessThan(0.01);
    expect(z2 / trials).toBeGreaterThan(0.6);
    expect(z2 / trials).toBeLessThan(1.4);
  });

  test("identical sets estimate 1 and disjoint sets estimate ~0", () => {
    const perm = permutations(256, 3);
    const a = shingleHashes(Array.from({ length: 80 }, (_, i) => `a${i}`));
    const b = shingleHashes(Array.from({ length: 80 }, (_, i) => `b${i}`));
    const sigs = new Uint32Array(768);
    sigs.set(signature(a, perm), 0);
    sigs.set(signature(a, perm), 256);
    sigs.set(signature(b, perm), 512);
    expect(estimatedJaccard(sigs, 256, 0, 1)).toBe(1);
    expect(estimatedJaccard(sigs, 256, 0, 2)).toBeLessThan(0.05);
  });

  test("signatures depend on the seed and only on it", () => {
    const s = shingleHashes("fun a ( ) { b ( ) ; c ( ) }".split(" "));
    expect(signature(s, permutations(64, 1))).toEqual(signature(s, permutations(64, 1)));
    expect(signature(s, permutations(64, 1))).not.toEqual(signature(s, permutations(64, 2)));
  });

  test.each([
    [0.7, 256],
    [0.5, 128],
    [0.85, 256],
  ])("LSH bands for threshold %p with %p permutations put the S-curve's midpoint near the threshold", (threshold, perms) => {
    const { bands, rows } = optimalBands(threshold, perms);
    expect(bands * rows).toBeLessThanOrEqual(perms);
    const midpoint = (1 / bands) ** (1 / rows); // where P(candidate) ≈ 1 - 1/e
    expect(Math.abs(midpoint - threshold)).toBeLessThan(0.12);
  });

  test("the default config is the BigCode one: 5-grams, 256 permutations, 0.7", () => {
    const cfg = minHashConfig(0.7, 256, 42);
    expect(cfg).toMatchObject({ ngram: 5, permutations: 256, threshold: 0.7, seed: 42 });
    expect(cfg.bands * cfg.rows).toBeLessThanOrEqual(256);
  });
});
