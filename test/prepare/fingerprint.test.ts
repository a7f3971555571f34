import { describe, expect, test } from "bun:test";
import { declaredNames, fingerprints } from "../../src/prepare/fingerprint.ts";
import { lexKotlin, Tok } from "../../src/prepare/lexer.ts";
import { estimatedJaccard, permutations, signature } from "../../src/prepare/minhash.ts";
import { DISTINCT_KT, REPOSITORY_EDITED_KT, REPOSITORY_KT, REPOSITORY_RENAMED_KT } from "./fixtures.ts";

const fp = (src: string) => fingerprints(lexKotlin(src).tokens);
const perm = permutations(256, 42);
function similarity(a: string, b: string): number {
  const sigs = new Uint32Array(512);
  sigs.set(signature(fp(a).shingles, perm), 0);
  sigs.set(signature(fp(b).shingles, perm), 256);
  return estimatedJaccard(sigs, 256, 0, 1);
}

describe("lexer", () => {
  test.each([
    ['val s = "a } b ${map["k"]} {"', true],
    ['val s = """\n  { ${x.let { it }} \n"""', true],
    ["fun f() { /* } */ g() } // }", true],
    ["fun f() { g( }", false],
    ["fun f() { g() ", false],
    ["val c = '}'", true],
  ])("balance of %j is %p", (src, balanced) => {
    expect(lexKotlin(src).balanced).toBe(balanced);
  });

  test("comments are dropped and counted; literals and keywords classified", () => {
    const lex = lexKotlin("/** Doc. */\n// note\nval x = 42 + \"s\" // tail\n");
    expect(lex.kdocs).toBe(1);
    expect(lex.commentLines).toBe(3);
    expect(lex.tokens.map((t) => t.text)).toEqual(["val", "x", "=", "42", "+", '"s"']);
    expect(lex.tokens.map((t) => t.kind)).toEqual([Tok.Keyword, Tok.Ident, Tok.Op, Tok.Literal, Tok.Op, Tok.Literal]);
  });

  test("declared names: functions, receivers excluded, properties, parameters, lambda and loop variables", () => {
    const names = declaredNames(lexKotlin("fun <T> List<T>.second(index: Int): T { val y = 1; for (e in this) {}; map { a, b -> a } }").tokens);
    expect([...names].sort()).toEqual(["T", "a", "b", "e", "index", "second", "y"].sort());
    expect(names.has("List")).toBe(false);
  });
});

describe("fingerprints", () => {
  test("whitespace and comments do not change the exact key", () => {
    expect(fp("fun a() {\n  b()  // call\n}").exactKey).toBe(fp("fun a() { b() }").exactKey);
  });

  test("a consistently renamed copy has the same structural key but not the same exact key", () => {
    expect(fp(REPOSITORY_RENAMED_KT).structKey).toBe(fp(REPOSITORY_KT).structKey);
    expect(fp(REPOSITORY_RENAMED_KT).exactKey).not.toBe(fp(REPOSITORY_KT).exactKey);
  });

  test("referenced types are not abstracted: same shape over different types is not a structural copy", () => {
    expect(fp("data class User(val name: String)").structKey).not.toBe(fp("data class Point(val x: Double)").structKey);
  });

  test("a renamed and edited copy is a near-duplicate by MinHash (≥ 0.7)", () => {
    expect(similarity(REPOSITORY_KT, REPOSITORY_EDITED_KT)).toBeGreaterThanOrEqual(0.7);
  });

  test("distinct snippets are far apart (< 0.3) and have distinct keys", () => {
    for (let i = 0; i < DISTINCT_KT.length; i++) {
      for (let j = i + 1; j < DISTINCT_KT.length; j++) {
        expect(similarity(DISTINCT_KT[i]!, DISTINCT_KT[j]!)).toBeLessThan(0.3);
        expect(fp(DISTINCT_KT[i]!).structKey).not.toBe(fp(DISTINCT_KT[j]!).structKey);
      }
    }
  });
});
