/** Analyses carried over from the fused run's workers answer prepare's batches exactly as the pool would. */
import { describe, expect, test } from "bun:test";
import { analyseBatch } from "../../src/prepare/analyse.ts";
import { CarriedAnalyses, CarriedPool } from "../../src/prepare/carried.ts";
import type { AnalyseItem, AnalysePool, AnalyseTask } from "../../src/prepare/types.ts";

const item = (i: number): AnalyseItem => ({
  id: `p${i}`,
  input_text: `Write \`f${i}\`.\n\n\`\`\`kotlin\nfun f${i}(x: Int): Int\n\`\`\``,
  target_text: `fun f${i}(x: Int): Int {\n    val y = x * ${i}\n    return if (y > 3) y else -y\n}\n`,
  path: "shared/src/commonMain/kotlin/A.kt",
  platform: "common",
  prompt: { kdoc: i % 2 === 0, typesUsed: i % 3, typesMissing: 0 },
  targetParses: i % 2 === 0,
});
const settings = { permutations: 32, seed: 7, tokenizer: "bpe" as const };
const task = (items: AnalyseItem[]): AnalyseTask => ({ items, ...settings });

describe("carried analyses", () => {
  test("a batch in another order and grouping gets exactly what the pool computes for it", async () => {
    const all = Array.from({ length: 12 }, (_, i) => item(i));
    const carried = new CarriedAnalyses(settings);
    // The fused run analyses per repository: two batches.
    for (const part of [all.slice(0, 5), all.slice(5)]) carried.add(part.map((p) => p.id!), await analyseBatch(task(part)));
    const asked = [all[9]!, all[2]!, all[11]!, all[0]!];
    const direct = await analyseBatch(task(asked));
    const found = carried.resultFor(task(asked))!;
    expect(found).not.toBeNull();
    for (const key of ["exactKey", "structKey", "signatures", "inputTokens", "targetTokens", "flags", "dims", "score"] as const) {
      expect([...found[key]]).toEqual([...direct[key]]);
    }
  });

  test("an unknown pair or other settings send the batch to the real pool, started only then", async () => {
    const carried = new CarriedAnalyses(settings);
    carried.add(["p1"], await analyseBatch(task([item(1)])));
    let started = 0;
    const calls: AnalyseTask[] = [];
    const fake: AnalysePool = {
      run: async (t) => {
        calls.push(t);
        return { ok: true, value: await analyseBatch(t) };
      },
      destroy: async () => {},
    };
    const pool = new CarriedPool(carried, () => (started++, fake));
    await pool.run(task([item(1)]));
    expect(started).toBe(0);
    await pool.run(task([item(1), item(2)]));
    await pool.run({ ...task([item(1)]), seed: 8 });
    expect(started).toBe(1);
    expect(calls).toHaveLength(2);
    expect(pool.stats).toEqual({ carried: 1, analysed: 2 });
    await pool.destroy();
  });
});
