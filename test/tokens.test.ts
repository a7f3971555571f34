/**
 * The `bpe` counter must return exactly gpt-tokenizer's count for every string. Its pre-token split
 * (hand-written ASCII scanner + the library's regex for non-ASCII) is compared piece by piece with
 * the library's regex, and its counts with the library's countTokens, on tricky cases, thousands of
 * seeded random strings (seed in the test name: a failure reproduces) and the real Kotlin corpus.
 */
import { describe, expect, test } from "bun:test";
import { mulberry32 } from "../src/prepare/minhash.ts";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { countTokens } from "gpt-tokenizer/encoding/o200k_base";
import { O200K_TOKEN_SPLIT_REGEX } from "gpt-tokenizer/encodingParams/constants";
import { createBpeCounter, O200K_SPLIT_SOURCE, PieceMemo, pieceHash, splitPieces, tokenCounter } from "../src/tokens.ts";

const options = { disallowedSpecial: new Set<string>() };
const libraryCount = (text: string) => countTokens(text, options);
const libraryPieces = (text: string) => text.match(O200K_TOKEN_SPLIT_REGEX) ?? [];
const counter = createBpeCounter(countTokens, O200K_TOKEN_SPLIT_REGEX);
/** A memo of 8 entries: cleared over and over, so clearing is exercised too. */
const tinyMemoCounter = createBpeCounter(countTokens, O200K_TOKEN_SPLIT_REGEX, 8);

/** First input whose pieces or counts differ from the library's (undefined if none), with what differed. */
function firstDivergence(texts: Iterable<string>): { text: string; pieces: string[]; expected: string[]; count: number; expectedCount: number } | undefined {
  for (const text of texts) {
    const pieces = splitPieces(text, O200K_TOKEN_SPLIT_REGEX);
    const expected = libraryPieces(text);
    const expectedCount = libraryCount(text);
    const count = counter(text);
    const samePieces = pieces.length === expected.length && pieces.every((p, i) => p === expected[i]);
    if (!samePieces || count !== expectedCount || tinyMemoCounter(text) !== expectedCount) {
      return { text, pieces, expected, count, expectedCount };
    }
  }
  return undefined;
}

const KOTLIN = [
  "fun ", "val ", "var ", "class ", "object ", "interface ", "suspend ", "override ", "private ", "internal ",
  "import kotlinx.coroutines.flow.Flow", "package com.example.shared", "@Composable", "@JvmStatic", "expect ", "actual ",
  "HTTPServer", "URLSession", "getX", "toJSON", "iOSMain", "commonMain", "KMPViewModel", "ABC", "aBC", "AbC", "x", "X", "_id",
  "it", "this", "null", "true", "emptyList<String>()", "mapOf(\"a\" to 1)", "Result.success(value)", "Dispatchers.IO",
  "println(\"Hello, ${name}!\")", "\"\"\"", "'c'", "'\\n'", "$", "${", "}", "{", "(", ")", "[", "]", "<", ">", "->", "=>", "?.",
  "?:", "!!", "::", "..", "..<", "==", "===", "!=", "&&", "||", "+=", "/", "//", "///", "/*", "/**", "*/", " * ", "#", "@", "`", "~",
  "\\", "|", "^", "%", "&", "*", "+", "-", "=", ",", ";", ":", ".", "!", "?", "'", "\"",
  "'s", "'t", "'re", "'ve", "'m", "'ll", "'d", "'S", "'T", "'RE", "'Ve", "'M", "'LL", "'lL", "'D", "'x", "'l", "'v", "'r", "''",
  "it's", "don't", "we'll", "they're", "I've", "I'm", "he'd", "IT'S", "DON'T", "WE'LL", "we'llama", "o'clock",
  "<|endoftext|>", "<|im_start|>", "<|im_end|>", "<|fim_prefix|>", "<|endofprompt|>", "<|",
];
const SPACES = [" ", " ", " ", "  ", "    ", "\t", "\n", "\n", "\r\n", "\r", "\v", "\f", " \n", "  \n", "\t\n", "\n\n", "\n    ", "\r\n\t"];
const UNICODE = [
  "é", "café", "naïve", "Ärger", "straße", "Жук", "日本語", "中文注释", "ǅ", "ʰ", "e\u0301", "\u0301", "²", "٣", "Ⅻ", "½",
  "😀", "👍🏽", "👨‍👩‍👧", "🇫🇷", "→", "—", "…", "«", "»", "€", "\u00a0", "\u2028", "\u2029", "\u3000", "\ufeff", "\u200b",
  "\u0085", "\u1680", "\ud800", "\udc00", "\u{10ffff}", "𝔘𝔫𝔦", "ﬁ", "İ", "ı",
];

function digits(rnd: () => number): string {
  let s = "";
  const n = 1 + Math.floor(rnd() * 8);
  for (let i = 0; i < n; i++) s += String.fromCharCode(48 + Math.floor(rnd() * 10));
  return s;
}

function pick<T>(rnd: () => number, xs: readonly T[]): T {
  return xs[Math.floor(rnd() * xs.length)]!;
}

/** Kotlin-ish text: fragments, whitespace runs, digit runs, contractions, and (if `unicode`) non-ASCII. */
function fragmentString(rnd: () => number, unicode: boolean): string {
  let s = "";
  const n = 1 + Math.floor(rnd() * 30);
  for (let i = 0; i < n; i++) {
    const r = rnd();
    if (r < 0.45) s += pick(rnd, KOTLIN);
    else if (r < 0.75) s += pick(rnd, SPACES);
    else if (r < 0.85) s += digits(rnd);
    else if (r < 0.9) s += String.fromCharCode(Math.floor(rnd() * 128));
    else if (unicode) s += pick(rnd, UNICODE);
    else s += pick(rnd, KOTLIN);
  }
  return s;
}

/** Any ASCII characters, weighted towards the classes the regex distinguishes. */
function asciiString(rnd: () => number): string {
  const alphabet = "aZ9 '\n\r\t/._(sStTlLvVeErRdDmM\v\f\x00\x1f\x7f";
  let s = "";
  const n = Math.floor(rnd() * 24);
  for (let i = 0; i < n; i++) s += rnd() < 0.6 ? alphabet[Math.floor(rnd() * alphabet.length)] : String.fromCharCode(Math.floor(rnd() * 128));
  return s;
}

function* generate(seed: number, count: number, make: (rnd: () => number) => string): Generator<string> {
  const rnd = mulberry32(seed);
  for (let i = 0; i < count; i++) yield make(rnd);
}

describe("bpe token counter", () => {
  test("the library's o200k split regex is the one the scanner reproduces (else the counter falls back to the library)", () => {
    expect(O200K_TOKEN_SPLIT_REGEX.source).toBe(O200K_SPLIT_SOURCE);
  });

  test("tricky cases: pieces as the library's regex and counts as countTokens", () => {
    const cases = [
      "", " ", "  ", "\n", "\r\n", "\t", "a", "A", "'", "1", "/", "\x00", "\v", "\f",
      "HTTPServer's", "HTTP's", "ABC", "ABCdef", "aBc", "don't", "DON'T", "we'llama", "they'Re", "x'", "x'l", "x'lx", "it''s",
      "1234567", "12 345", "v1.2.3", "0xFF", "1e10", "3.14f",
      "  x", "  \n  x", " \n", "\t\n  }", "}\n//", "}\r\n/\n/x", "a  b", "a \tb", "a\t b", "foo  ", "foo\n  ", "\n\n\n    ",
      " (x", "((x", "(X", " .foo", "._bar", "\t(x", " 1", "\t1", " +", " ++x", "  ++x", "\v\fx", "\x1fa", "\x7fZ",
      "<|endoftext|>", "a<|endoftext|>b", "<|im_start|>system<|im_sep|>", "// <|endofprompt|>\n",
      "fun main() {\n    println(\"Hello, ${name}!\")\n}\n",
      "café", "naïve", " é", "aé", "Aé", "éa", "x\u0301", "1²3", "12٣", " \u00a0x", "\u00a0 \n", "a\u2028b", "→ x", "x→", "😀😀", " 😀", "\ud800x", "x\udc00",
      "// 日本語のコメント\nval s = \"—\" // em dash\n",
    ];
    expect(firstDivergence(cases)).toBeUndefined();
    // A few of the regex's rules spelled out (so the scanner's intent is documented, not only mirrored).
    expect(splitPieces("HTTPServer's x", O200K_TOKEN_SPLIT_REGEX)).toEqual(["HTTPServer's", " x"]);
    expect(splitPieces("  \n  x", O200K_TOKEN_SPLIT_REGEX)).toEqual(["  \n", " ", " x"]);
    expect(splitPieces("}\n//c", O200K_TOKEN_SPLIT_REGEX)).toEqual(["}\n//", "c"]);
    expect(splitPieces("we'llama 1234", O200K_TOKEN_SPLIT_REGEX)).toEqual(["we'll", "ama", " ", "123", "4"]);
  });

  test("special-token text inside code counts as plain text, as countTokens with disallowedSpecial: new Set()", async () => {
    const count = await tokenCounter("bpe");
    const text = 'val marker = "<|endoftext|>" // <|im_start|>';
    expect(count(text)).toBe(libraryCount(text));
    expect(count("<|endoftext|>")).toBeGreaterThan(1);
  });

  test("tokenCounter('bpe') equals the library", async () => {
    const count = await tokenCounter("bpe");
    for (const text of generate(7, 300, (rnd) => fragmentString(rnd, true))) expect(count(text)).toBe(libraryCount(text));
  });

  test("a split regex other than the known one makes the counter use the library alone", () => {
    const other = new RegExp(`${O200K_TOKEN_SPLIT_REGEX.source}|x`, "gu");
    const fallback = createBpeCounter(countTokens, other);
    for (const text of ["fun main() = 42", "café 😀"]) expect(fallback(text)).toBe(libraryCount(text));
  });

  test("property: 4000 Kotlin-ish ASCII strings (seed 1)", () => {
    expect(firstDivergence(generate(1, 4000, (rnd) => fragmentString(rnd, false)))).toBeUndefined();
  });

  test("property: 4000 random ASCII strings (seed 2)", () => {
    expect(firstDivergence(generate(2, 4000, asciiString))).toBeUndefined();
  });

  test("property: 3000 strings with unicode letters, digits, spaces, emoji and lone surrogates (seed 3)", () => {
    expect(firstDivergence(generate(3, 3000, (rnd) => fragmentString(rnd, true)))).toBeUndefined();
  });

  const corpus = resolve(import.meta.dir, "..", "..", "shared", "kmp-corpus");
  test.skipIf(!existsSync(corpus))("every .kt file of ../shared/kmp-corpus, whole, in 40-line chunks and cut at random offsets (seed 4)", () => {
    const rnd = mulberry32(4);
    const texts: string[] = [];
    for (const entry of readdirSync(corpus, { withFileTypes: true, recursive: true })) {
      if (!entry.isFile() || !entry.name.endsWith(".kt")) continue;
      const text = readFileSync(join(entry.parentPath, entry.name), "utf8");
      texts.push(text);
      const lines = text.split("\n");
      for (let i = 0; i < lines.length; i += 40) texts.push(lines.slice(i, i + 40).join("\n"));
      const a = Math.floor(rnd() * text.length);
      texts.push(text.slice(a, a + Math.floor(rnd() * 2000)));
    }
    expect(texts.length).toBeGreaterThan(1000);
    expect(firstDivergence(texts)).toBeUndefined();
  });
});

describe("piece memo", () => {
  test("two pieces with the same hash and length keep their own counts (keys are compared, not trusted to the hash)", () => {
    // Birthday search for a 31-bit collision among random 7-letter words (seed 5).
    const rnd = mulberry32(5);
    const seen = new Map<number, string>();
    let pair: [string, string] | undefined;
    while (pair === undefined) {
      let w = "";
      for (let i = 0; i < 7; i++) w += String.fromCharCode(97 + Math.floor(rnd() * 26));
      const h = pieceHash(w, 0, w.length);
      const other = seen.get(h);
      if (other !== undefined && other !== w) pair = [other, w];
      seen.set(h, w);
    }
    const [a, b] = pair;
    const memo = new PieceMemo(100);
    expect(memo.get(a, 0, a.length)).toBe(-1);
    memo.set(a, 0, a.length, 101);
    expect(memo.get(b, 0, b.length)).toBe(-1);
    memo.set(b, 0, b.length, 202);
    expect(memo.get(` ${a} `, 1, a.length + 1)).toBe(101);
    expect(memo.get(b, 0, b.length)).toBe(202);
  });

  test("bounded: full at its limit, it is emptied and refilled; it grows its table on the way", () => {
    const memo = new PieceMemo(3000);
    const key = (i: number) => `piece${i}`;
    for (let i = 0; i < 3000; i++) {
      expect(memo.get(key(i), 0, key(i).length)).toBe(-1);
      memo.set(key(i), 0, key(i).length, i);
    }
    for (let i = 0; i < 3000; i++) expect(memo.get(key(i), 0, key(i).length)).toBe(i);
    memo.get("one more", 0, 8);
    memo.set("one more", 0, 8, 7);
    expect(memo.get("one more", 0, 8)).toBe(7);
    expect(memo.get(key(0), 0, key(0).length)).toBe(-1);
  });
});
