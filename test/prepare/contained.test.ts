/** The share of final target code taught twice within one file (also in stats.json and the card). */
import { expect, test } from "bun:test";
import { containedShare } from "../../src/prepare/contained.ts";

test("a target inside a longer one of the same file counts; the same text in another file does not", () => {
  const inner = "fun a() {\n    b()\n}";
  const outer = "class C {\n    fun a() {\n        b()\n    }\n    fun d() = 1\n}";
  const s = containedShare([
    { file: "r\u0000A.kt", target: inner },
    { file: "r\u0000A.kt", target: outer },
    { file: "r\u0000B.kt", target: inner },
  ]);
  const normInner = "fun a() {\nb()\n}".length;
  expect(s.contained_chars).toBe(normInner);
  expect(s.share).toBeCloseTo(normInner / s.chars, 10);
  expect(containedShare([]).share).toBe(0);
});
