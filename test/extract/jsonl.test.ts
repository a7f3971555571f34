import { describe, expect, test } from "bun:test";
import { EscapedSource, FileJson, writeBlock } from "../../src/extract/jsonl.ts";
import { JsonlBytes } from "../../src/io.ts";
import type { Block } from "../../src/types.ts";

function line(b: Block, file: FileJson | null, start: number | undefined): string {
  const out = new JsonlBytes(16);
  writeBlock(out, b, file, start);
  return new TextDecoder().decode(out.bytes());
}
import { extractKotlinSource } from "../../src/extract/api.ts";

/** Deterministic pseudo-random source text drawn from every class of character JSON treats apart. */
function randomText(seed: number, length: number): string {
  const pieces = ["a", "Z", " ", "\n", "\r", "\t", '"', "\\", "\u0000", "\u0001", "\u001f", "\b", "\f", "é", "€", "\u2028", "fun x() {", "}", "/* */", "\u007f"];
  let s = seed >>> 0;
  let out = "";
  while (out.length < length) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out += pieces[s % pieces.length];
  }
  return out;
}

describe("EscapedSource: a slice of the once-escaped file is the escaped slice", () => {
  test("every range of random text with quotes, backslashes, control characters and non-ASCII", () => {
    for (let seed = 1; seed <= 20; seed++) {
      const text = randomText(seed, 300);
      const esc = EscapedSource.of(text)!;
      expect(esc).not.toBeNull();
      for (let start = 0; start <= text.length; start += 7) {
        for (let end = start; end <= text.length; end += 13) {
          expect(`"${esc.escaped(start, end)}"`).toBe(JSON.stringify(text.slice(start, end)));
        }
      }
    }
  });

  test("text with surrogates (emoji, lone halves) has no escaper: such files take the plain path", () => {
    expect(EscapedSource.of('val s = "😀"')).toBeNull();
    expect(EscapedSource.of("val s = \"\ud800\"")).toBeNull();
  });
});

describe("writeBlock", () => {
  const source = [
    "package demo",
    "",
    "/** Says \"hi\" with a tab\tand a backslash \\ */",
    "class Greeter(val name: String) {",
    '    fun greet(): String = "Hello, \\"$name\\"\\n"',
    "    fun shout() {",
    '        println(greet().uppercase() + "\\u0041")',
    "    }",
    "}",
    "",
  ].join("\n");

  test("every block of a file round-trips to the same record, code included", async () => {
    const blocks = await extractKotlinSource(source, { path: "src/commonMain/kotlin/demo/Greeter.kt" });
    expect(blocks.length).toBeGreaterThan(2);
    const file = new FileJson(EscapedSource.of(source), blocks[0]!.imports);
    const all = new JsonlBytes(16); // grows from a tiny buffer
    for (const b of blocks) {
      const start = source.indexOf(b.code);
      expect(start).toBeGreaterThanOrEqual(0);
      const text = line(b, file, start);
      expect(text.endsWith("\n")).toBe(true);
      expect(text.indexOf("\n")).toBe(text.length - 1);
      expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(b)));
      expect(b.code).toBe(source.slice(start, start + b.code.length)); // the block is left as it was
      expect(b.imports).toBe(blocks[0]!.imports);
      writeBlock(all, b, file, start);
    }
    const lines = new TextDecoder().decode(all.bytes()).split("\n");
    expect(lines.pop()).toBe("");
    expect(lines.map((l) => JSON.parse(l))).toEqual(blocks.map((b) => JSON.parse(JSON.stringify(b))));
  });

  test("non-ASCII text is written as UTF-8", () => {
    const out = new JsonlBytes(4);
    out.write("é€\u2028");
    expect(new TextDecoder().decode(out.bytes())).toBe("é€\u2028");
    expect(out.length).toBe(8);
  });

  test("a wrong start or no escaper falls back to plain serialisation", async () => {
    const [b] = await extractKotlinSource(source, { path: "src/commonMain/kotlin/demo/Greeter.kt" });
    expect(line(b!, new FileJson(EscapedSource.of(source), b!.imports), 1)).toBe(JSON.stringify(b) + "\n");
    expect(line(b!, null, 0)).toBe(JSON.stringify(b) + "\n");
    expect(line(b!, new FileJson(null, b!.imports), 0)).toBe(JSON.stringify(b) + "\n");
  });
});
