import { afterAll, describe, expect, test } from "bun:test";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { countLines, hashFile, jsonlLineBytes, JsonlWriter, readJsonl, writeFileAtomic } from "../src/io.ts";

const dir = mkdtempSync(join(tmpdir(), "kmpdata-io-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function all<T>(path: string): Promise<T[]> {
  const out: T[] = [];
  for await (const r of readJsonl<T>(path)) out.push(r);
  return out;
}

describe("readJsonl", () => {
  test("records across 4 MB reads, with multi-byte characters split by the reads", async () => {
    // Lines of ~1 KB holding 2-, 3- and 4-byte characters: some fall across each read boundary.
    const records = Array.from({ length: 12_000 }, (_, i) => ({ i, text: `é€😀 ${"x".repeat(i % 997)} ${i}` }));
    const path = join(dir, "big.jsonl");
    writeFileSync(path, records.map((r) => JSON.stringify(r)).join("\n") + "\n");
    expect(readFileSync(path).length).toBeGreaterThan(4 << 20);
    expect(await all(path)).toEqual(records);
    expect(countLines(path)).toBe(records.length);
  });

  test("a character whose bytes straddle a read boundary is decoded whole", async () => {
    const prefix = '{"p":"';
    const first = { p: "x".repeat((4 << 20) - 1 - prefix.length) + "€😀" }; // € starts 1 byte before the boundary
    const path = join(dir, "straddle.jsonl");
    writeFileSync(path, `${JSON.stringify(first)}\n{"q":"é"}\n`);
    expect(readFileSync(path).indexOf(Buffer.from("€"))).toBe((4 << 20) - 1);
    expect(await all(path)).toEqual([first, { q: "é" }]);
  });

  test("blank lines are skipped, a last line without a newline is read", async () => {
    const path = join(dir, "blank.jsonl");
    writeFileSync(path, '{"a":1}\n\n   \n{"a":2}\n\t\n{"a":3}');
    expect(await all(path)).toEqual([{ a: 1 }, { a: 2 }, { a: 3 }]);
    expect(countLines(path)).toBe(5);
  });

  test("an empty file has no records", async () => {
    const path = join(dir, "empty.jsonl");
    writeFileSync(path, "");
    expect(await all(path)).toEqual([]);
    expect(countLines(path)).toBe(0);
  });

  test("a broken line names the file and line, and says what to do", async () => {
    const path = join(dir, "broken.jsonl");
    writeFileSync(path, '{"a":1}\n{"a":\n');
    await expect(all(path)).rejects.toThrow(/broken\.jsonl:2: not valid JSON .*--force/);
  });
});

describe("jsonlLineBytes", () => {
  test("every line's bytes with its number, blank ones too, across 4 MB reads; a last line without a newline", () => {
    const lines = Array.from({ length: 9_000 }, (_, i) => (i % 1000 === 7 ? "" : JSON.stringify({ i, t: `é€😀 ${"x".repeat(i % 997)}` })));
    lines.push(JSON.stringify({ long: "y".repeat(5 << 20) })); // longer than a read
    lines.push('{"last":true}');
    const path = join(dir, "lines.jsonl");
    writeFileSync(path, lines.join("\n"));
    const dec = new TextDecoder();
    const got: [number, string][] = [];
    for (const { bytes, lineNo } of jsonlLineBytes(path)) got.push([lineNo, dec.decode(bytes)]);
    expect(got).toEqual(lines.map((l, i) => [i + 1, l] as [number, string]));
  });
});

describe("JsonlWriter", () => {
  test("records, pre-serialised lines and bytes land in order, atomically on commit", async () => {
    const path = join(dir, "out", "w.jsonl");
    const w = new JsonlWriter<{ n: number }>(path);
    w.write({ n: 1 });
    w.writeBytes(new TextEncoder().encode('{"n":2}\n{"n":3}\n'), 2);
    w.writeBytes(new TextEncoder().encode('{"n":4}\n'), 1);
    w.write({ n: 5 });
    expect(existsSync(path)).toBe(false); // nothing visible before commit
    w.commit();
    expect(w.count).toBe(5);
    expect(await all(path)).toEqual([1, 2, 3, 4, 5].map((n) => ({ n })));
    expect(readdirSync(join(dir, "out"))).toEqual(["w.jsonl"]); // no temp file left
  });

  test("records larger than the write buffer, between small ones, keep their order and characters", async () => {
    const path = join(dir, "big-records", "b.jsonl");
    const w = new JsonlWriter<{ n: number; s: string }>(path);
    const records = [
      { n: 1, s: "é" },
      { n: 2, s: "€😀".repeat(300_000) }, // ~2.1 MB of UTF-8: more than the 1 MB buffer
      { n: 3, s: "x".repeat(400_000) }, // fits alone, not after what is buffered
      { n: 4, s: "\u2028\"\\" },
    ];
    for (const r of records) w.write(r);
    w.writeBytes(new TextEncoder().encode('{"n":5,"s":""}\n'), 1);
    w.commit();
    expect(await all(path)).toEqual([...records, { n: 5, s: "" }]);
    expect(w.count).toBe(5);
  });

  test("byte pieces smaller and larger than the buffer, between records, keep their order", async () => {
    const path = join(dir, "pieces", "p.jsonl");
    const w = new JsonlWriter<{ n: number; s: string }>(path);
    const enc = (r: { n: number; s: string }) => new TextEncoder().encode(JSON.stringify(r) + "\n");
    const records = Array.from({ length: 40 }, (_, n) => ({ n, s: "é".repeat(n % 3 === 0 ? 700_000 : n * 10) }));
    records.forEach((r, i) => (i % 2 ? w.writeBytes(enc(r), 1) : w.write(r)));
    w.commit();
    expect(await all(path)).toEqual(records);
    expect(w.count).toBe(40);
  });

  test("abort leaves nothing behind", () => {
    const path = join(dir, "aborted", "a.jsonl");
    const w = new JsonlWriter<{ n: number }>(path);
    w.write({ n: 1 });
    w.abort();
    expect(readdirSync(join(dir, "aborted"))).toEqual([]);
  });
});

test("hashFile: the same file again gives its hash; a file rewritten (in place or atomically) gives the new content's", async () => {
  const sha = (t: string) => createHash("sha256").update(t).digest("hex");
  {
    const f = join(dir, "hashed.jsonl");
    writeFileSync(f, "one\n");
    expect(await hashFile(f)).toBe(sha("one\n"));
    expect(await hashFile(f)).toBe(sha("one\n"));
    writeFileSync(f, "two\n"); // same size, same inode
    utimesSync(f, new Date(1_000_000), new Date(2_000_000));
    expect(await hashFile(f)).toBe(sha("two\n"));
    writeFileAtomic(f, "six\n"); // a new inode
    expect(await hashFile(f)).toBe(sha("six\n"));
  }
});
