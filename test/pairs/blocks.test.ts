/**
 * The main thread's side of the pairs pool: finding each block line's repository without parsing it
 * (always what JSON.parse would say), the runs of one repository, their parse in the worker, and the
 * merge of repositories' counts (the same as counting in place, key order included).
 */
import { afterAll, describe, expect, test } from "bun:test";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseRun, repoOfLine, repoRuns } from "../../src/pairs/blocks.ts";
import { addCounts, emptyCounts, PairMaker, RepoPairMaker } from "../../src/pairs/maker.ts";
import { block, cfg, repoOf } from "./support.ts";

const dir = mkdtempSync(join(tmpdir(), "kmpdata-pairs-blocks-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const enc = (s: string) => new TextEncoder().encode(s);

describe("repoOfLine", () => {
  test.each([
    ["repo second, as extract writes it", '{"id":"ab12","repo":"acme/app","path":"A.kt"}'],
    ["escapes and non-ASCII in the name", '{"id":"x","repo":"ac\\"me/\\u00e9t\\u00e9 ü","n":1}'],
    ["plain values of every kind before it", '{"n":-1.5e3,"t":true,"f":false,"z":null,"s":"a,\\"repo\\":\\"no\\"","repo":"yes"}'],
    ["a nested value before it: parsed in full", '{"meta":{"repo":"inner"},"repo":"outer"}'],
    ["an array before it", '{"ids":["repo"],"repo":"outer"}'],
    ["the key past the first 1024 bytes", `{"code":"${"x".repeat(2000)}","repo":"late"}`],
    ["the last key", '{"id":"1","repo":"end"}'],
  ])("%s", (_why, line) => {
    expect(repoOfLine(enc(line), "f.jsonl", 1)).toBe(JSON.parse(line).repo);
  });

  test("a line that is not JSON (and shows no repo up front) names the file and line", () => {
    expect(() => repoOfLine(enc('{"meta":{"a":1},"repo":"x"'), "f.jsonl", 7)).toThrow(/^f\.jsonl:7: not valid JSON/);
  });
});

describe("repoRuns and parseRun", () => {
  test("consecutive lines of one repository make a run; a repository seen again is a new run; blank lines keep line numbers", () => {
    const b = (repo: string, name: string) => JSON.stringify(block(`fun ${name}() ⟦{ go() }⟧`, { repo, name }));
    const lines = ["", b("r/a", "one"), b("r/a", "two"), "  ", b("r/b", "three"), b("r/a", "four"), "", b("r/a", "five")];
    const path = join(dir, "all_blocks.jsonl");
    writeFileSync(path, lines.join("\n"));
    const runs = [...repoRuns(path)].map((r) => ({ repo: r.repo, firstLine: r.firstLine, blocks: r.blocks, names: parseRun(r.bytes, path, r.firstLine).map((x) => x.name) }));
    expect(runs).toEqual([
      { repo: "r/a", firstLine: 2, blocks: 2, names: ["one", "two"] },
      { repo: "r/b", firstLine: 5, blocks: 1, names: ["three"] },
      { repo: "r/a", firstLine: 6, blocks: 2, names: ["four", "five"] },
    ]);
  });

  test("a bad line in a run is named by its line in the file", () => {
    const good = JSON.stringify(block("fun a() ⟦{ go() }⟧", { name: "a" }));
    const bytes = enc(`${good}\n\n${good.slice(0, 80)}\n`);
    expect(() => parseRun(bytes, "f.jsonl", 10)).toThrow(/^f\.jsonl:12: not valid JSON/);
  });
});

describe("counts of several repositories", () => {
  test("merged per repository, then decided in order, they equal counting in place, key order included", () => {
    const c = cfg();
    const repos = [
      [block("fun a(x: Int): Int ⟦{\n    val y = x * 2\n    return y + 1\n}⟧", { name: "a", kdoc: "Doubles x and adds one." })],
      [block("fun b() ⟦{ }⟧", { name: "b", repo: "acme/other" }), block("fun a(x: Int): Int ⟦{\n    val y = x * 2\n    return y + 1\n}⟧", { name: "a", repo: "acme/other" })],
      [block('fun creds() ⟦{\n    val apiKey = "RCztUjAwyuh1vauWv1zh"\n    val password = "zbL#GVi!YXjU2JgJ"\n    val authToken = "AKIAUJZDEGXDNCF32EPF"\n    val secret = "24caf4941d4072014b3ce107f80e222f"\n    use(apiKey, password, authToken, secret)\n}⟧', { name: "creds", repo: "acme/third" })],
    ];
    const inPlace = new PairMaker(c);
    const pairs = repos.flatMap((blocks) => [...inPlace.pairsOf(repoOf(blocks, blocks[0]!.repo))]);
    const merged = new PairMaker(c);
    const kept = repos.flatMap((blocks) => merged.accept(new RepoPairMaker(c).rowsOf(repoOf(blocks, blocks[0]!.repo))));
    expect(JSON.stringify(merged.counts)).toBe(JSON.stringify(inPlace.counts));
    expect(kept.map((r) => r.pair!.record)).toEqual(pairs);
    expect(merged.counts.dropped.duplicate).toBeGreaterThan(0);
    expect(merged.counts.dropped.secrets).toBe(1);
  });

  test("addCounts adds every counter and keeps the first-seen key order", () => {
    const a = emptyCounts();
    a.dropped_by_type.full_file.too_short = 1;
    a.description_sources["description_to_code:kdoc"] = 2;
    const b = emptyCounts();
    b.dropped_by_type.full_file.duplicate = 3;
    b.dropped_by_type.full_file.too_short = 2;
    b.description_sources["description_to_code:signature"] = 1;
    b.secrets.redactions.push({ repo: "r", path: "p", rule: "jwt", pair_type: "full_file", action: "redacted" });
    b.context.fixed_by_context = 4;
    const into = emptyCounts();
    addCounts(into, a);
    addCounts(into, b);
    expect(Object.entries(into.dropped_by_type.full_file)).toEqual([["too_short", 3], ["duplicate", 3]]);
    expect(Object.keys(into.description_sources)).toEqual(["description_to_code:kdoc", "description_to_code:signature"]);
    expect(into.secrets.redactions).toHaveLength(1);
    expect(into.context.fixed_by_context).toBe(4);
  });
});
