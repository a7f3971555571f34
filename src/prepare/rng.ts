/** Seeded, order-independent randomness: each row's draw depends only on (seed, purpose, id). */
import { stableHash } from "../io.ts";

/** A uniform number in (0, 1) from the seed, a purpose label and a row id. */
export function uniform(seed: number, purpose: string, id: string): number {
  const h = stableHash(seed, purpose, id); // 16 hex digits
  return (parseInt(h.slice(0, 13), 16) + 0.5) / 2 ** 52;
}
