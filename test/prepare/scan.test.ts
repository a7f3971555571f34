import { describe, expect, test } from "bun:test";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Logger, silentLogger } from "../../src/log.ts";
import { analyseBatch } from "../../src/prepare/analyse.ts";
import type { WorkerPool } from "../../src/pool.ts";
import { byId } from "../../src/prepare/dedup.ts";
import { Ledger } from "../../src/prepare/ledger.ts";
import { fileLines, recordProblem, scanPairs } from "../../src/prepare/scan.ts";
import type { AnalyseResult, AnalyseTask } from "../../src/prepare/types.ts";
import { applyReadChecks } from "../../src/prepare/validate.ts";
import { pair } from "./fixtures.ts";

describe("scan", () => {
  test("byte offsets locate every line, including multi-byte text and a line longer than the read buffer", () => {
    const dir = mkdtempSync(join(tmpdir(), "kmpdata-scan-"));
    try {
      const lines = ['{"a":"é ü ✓"}', "", '{"b":"' + "x".repeat(5 << 20) + '"}', '{"c":1}'];
      const file = join(dir, "f.jsonl");
      writeFileSync(file, lines.join("\n"));
      const buf = Buffer.from(lines.join("\n"));
      const got = [...fileLines(file)];
      expect(got.map((l) => l.text)).toEqual(lines.filter(Boolean));
      // Line numbers count the blank lines too.
      expect(got.map((l) => l.lineNo)).toEqual([1, 3, 4]);
      for (const l of got) expect(buf.toString("utf8", l.offset, l.offset + l.length)).toBe(l.text);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("a failed worker batch drops its rows as analysis_failed, counted, instead of aborting", async () => {
    const dir = mkdtempSync(join(tmpdir(), "kmpdata-scan-"));
    try {
      const file = join(dir, "train.jsonl");
      writeFileSync(file, [pair("fun a() { b() }", { repo: "r/1" }), pair("fun c() { d() }", { repo: "r/2" })].map((p) => JSON.stringify(p) + "\n").join(""));
      const failing = { run: async () => ({ ok: false, error: { name: "Error", message: "boom" } }) } as unknown as WorkerPool<AnalyseTask, AnalyseResult>;
      const scan = await scanPairs([file], failing, { permutations: 16, seed: 1, tokenizer: "chars4", threads: 1, signal: new AbortController().signal, log: silentLogger });
      expect(scan.failedBatches).toBe(1);
      const ledger = new Ledger(scan.table.n, () => "description_to_code");
      applyReadChecks(scan.table, ledger, byId(scan.table), 0);
      expect(ledger.counts.get("analysis_failed")).toBe(2);
      expect(ledger.alive).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

test("a pair record that is wrong says which field, and the warning names its file and line", async () => {
  expect(recordProblem({})).toBe("field `id` missing");
  expect(recordProblem({ id: "a", input_text: "x", target_text: 3 })).toBe("field `target_text` not a string");
  expect(recordProblem([1])).toBe("not a JSON object");
  expect(recordProblem({ id: "a", input_text: "x", target_text: "y", repo: "r", path: "p", pair_type: "poem" })).toContain("field `pair_type` not one of");
  const dir = mkdtempSync(join(tmpdir(), "kmpdata-scan-"));
  try {
    const file = join(dir, "train.jsonl");
    writeFileSync(file, [JSON.stringify(pair("fun a() { b() }", { repo: "r/1" })), "", '{"id":"x","input_text":"i"}', "{oops"].join("\n") + "\n");
    const warnings: string[] = [];
    const log = new Logger({ level: "warn", format: "text", write: (l) => warnings.push(l) });
    const pool = { run: async (t: AnalyseTask) => ({ ok: true as const, value: await analyseBatch(t) }), destroy: async () => {} };
    const scan = await scanPairs([file], pool, { permutations: 16, seed: 1, tokenizer: "chars4", threads: 1, signal: new AbortController().signal, log });
    expect(scan.invalidRecords).toBe(2);
    expect(warnings).toEqual([
      `warn: prepare: ${file}:3: not a valid pair record (field \`target_text\` missing), skipped (invalid_record)`,
      `warn: prepare: ${file}:4: not a valid pair record (not valid JSON), skipped (invalid_record)`,
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
