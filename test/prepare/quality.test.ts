import { describe, expect, test } from "bun:test";
import { lexKotlin } from "../../src/prepare/lexer.ts";
import { QUALITY_DIMENSIONS, qualityDims, qualityScore } from "../../src/prepare/quality.ts";
import { DISTINCT_KT, REPOSITORY_KT } from "./fixtures.ts";

const dims = (target: string, platform = "common", input = "") => qualityDims({ lex: lexKotlin(target), target, input, platform, prompt: { kdoc: false, typesUsed: null, typesMissing: null } });

describe("quality score", () => {
  test("weights add up to 1 and every dimension stays in [0, 1]", () => {
    expect(QUALITY_DIMENSIONS.reduce((a, d) => a + d.weight, 0)).toBeCloseTo(1, 10);
    for (const code of [...DISTINCT_KT, REPOSITORY_KT, "", "val x = 1", "fun f() {}".repeat(300)]) {
      const d = dims(code);
      for (const v of Object.values(d)) expect(v >= 0 && v <= 1).toBe(true);
      const s = qualityScore(d);
      expect(s >= 0 && s <= 1).toBe(true);
    }
  });

  test.each([
    ["documentation", "/** Adds. */\nfun add(a: Int, b: Int): Int = a + b", "fun add(a: Int, b: Int): Int = a + b"],
    ["kmp_specificity", "actual fun now(): Long = kotlinx.datetime.Clock.System.now().toEpochMilliseconds()", "fun now(): Long = System.currentTimeMillis()"],
    ["control_flow", "fun f(x: Int?) { if (x == null) return; when (x) { 1 -> g() else -> for (i in 0..x) h(i) } }", "fun f(x: Int) { g(x) }"],
    ["idiomatic_kotlin", "sealed interface S { data class A(val v: Int) : S }\nsuspend fun S.load() = flow { emit(this@load) }", "class S { var v = 0 }"],
    ["implementation_density", "fun f() {\n  a()\n  b()\n  c()\n  d()\n  e()\n}", "interface F {\n  fun f()\n  fun g()\n}"],
  ] as const)("%s rewards what it documents", (key, better, worse) => {
    expect(dims(better)[key]).toBeGreaterThan(dims(worse)[key]);
  });

  test("size_fit prefers 8–120 code lines", () => {
    const lines = (n: number) => `fun f() {\n${"  g()\n".repeat(n - 2)}}`;
    expect(dims(lines(40)).size_fit).toBe(1);
    expect(dims(lines(3)).size_fit).toBeLessThan(1);
    expect(dims(lines(400)).size_fit).toBeLessThan(0.5);
  });
});
