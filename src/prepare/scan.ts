/**
 * Pass 1: stream the pair files, send batches of texts to the worker pool, and keep only the compact
 * columns of PairTable (plus where each line sits in its file, to read it again when writing).
 */
import { closeSync, openSync, readSync } from "node:fs";
import { PAIR_TYPES, type Pair, type PairType } from "../types.ts";
import type { Logger } from "../log.ts";
import { KmpError } from "../errors.ts";
import { QUALITY_DIMENSIONS } from "./quality.ts";
import { Interner, SignatureStore, type PairTable } from "./table.ts";
import type { TokenizerName } from "../tokens.ts";
import { FLAG, type AnalyseItem, type AnalysePool, type AnalyseResult, type AnalyseTask, type PromptFacts } from "./types.ts";
import { EMPTY } from "./minhash.ts";

export const BATCH_ROWS = 500;
const READ_CHUNK = 4 << 20;

export interface ScanOptions {
  permutations: number;
  seed: number;
  tokenizer: TokenizerName;
  threads: number;
  signal: AbortSignal;
  log: Logger;
  onBytes?: (bytes: number) => void;
}

export interface ScanResult {
  table: PairTable;
  invalidRecords: number;
  failedBatches: number;
  workerThreads: number[];
}

interface Line {
  /** 1-based line number in the file. */
  lineNo: number;
  text: string;
  offset: number; // byte offset in the file
  length: number; // bytes
}

/** The non-blank lines of a file with their byte offsets, read in 4 MB chunks. */
export function* fileLines(path: string, onBytes?: (n: number) => void): Generator<Line> {
  const fd = openSync(path, "r");
  try {
    let buf = Buffer.alloc(READ_CHUNK);
    let filled = 0; // bytes of buf in use
    let base = 0; // file offset of buf[0]
    let lineNo = 0;
    for (;;) {
      if (filled === buf.length) {
        const bigger = Buffer.alloc(buf.length * 2); // a line longer than the buffer
        buf.copy(bigger, 0, 0, filled);
        buf = bigger;
      }
      const read = readSync(fd, buf, filled, buf.length - filled, base + filled);
      onBytes?.(read);
      const end = filled + read;
      let start = 0;
      for (let nl = buf.indexOf(10, start); nl !== -1 && nl < end; nl = buf.indexOf(10, start)) {
        lineNo++;
        if (nl > start) yield { lineNo, text: buf.toString("utf8", start, nl), offset: base + start, length: nl - start };
        start = nl + 1;
      }
      if (read === 0) {
        if (end > start) yield { lineNo: lineNo + 1, text: buf.toString("utf8", start, end), offset: base + start, length: end - start };
        return;
      }
      buf.copy(buf, 0, start, end);
      base += start;
      filled = end - start;
    }
  } finally {
    closeSync(fd);
  }
}

/** What is wrong with a pair record ("" when nothing): the first field missing or of the wrong type. */
export function recordProblem(p: unknown): string {
  if (typeof p !== "object" || p === null || Array.isArray(p)) return "not a JSON object";
  const r = p as Partial<Pair>;
  for (const field of ["id", "input_text", "target_text", "repo", "path"] as const) {
    if (typeof r[field] !== "string") return `field \`${field}\` ${r[field] === undefined ? "missing" : "not a string"}`;
  }
  if (!PAIR_TYPES.includes(r.pair_type as PairType)) return `field \`pair_type\` ${r.pair_type === undefined ? "missing" : `not one of ${PAIR_TYPES.join(", ")}`}`;
  return "";
}

function validRecord(p: Partial<Pair>): p is Pair {
  return recordProblem(p) === "";
}

/** What the analysis of a pair reads of it (the fused run's workers build the same items). */
export function analyseItem(rec: Pair): AnalyseItem {
  return { id: rec.id, input_text: rec.input_text, target_text: rec.target_text, path: rec.path, platform: rec.platform ?? "unknown", prompt: promptFacts(rec.meta), targetParses: rec.meta?.target_parses === true };
}

/** The prompt facts pairs left in a record's meta (absent in pairs made before they existed). */
export function promptFacts(meta: Pair["meta"] | undefined): PromptFacts {
  const num = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : null);
  return { kdoc: meta?.description_source === "kdoc", typesUsed: num(meta?.context_types_used), typesMissing: num(meta?.context_types_missing) };
}

export async function scanPairs(files: string[], pool: AnalysePool, opts: ScanOptions): Promise<ScanResult> {
  const strings = new Interner();
  const cols = {
    ids: [] as string[], type: [] as number[], repo: [] as number[], file: [] as number[], path: [] as number[],
    sourceSet: [] as number[], platform: [] as number[], license: [] as number[], src: [] as number[], offset: [] as number[], length: [] as number[],
  };
  const results: (AnalyseResult | null)[] = [];
  const inflight: Promise<void>[] = [];
  const threads = new Set<number>();
  let invalidRecords = 0;
  let failedBatches = 0;
  let items: AnalyseItem[] = [];

  const dispatch = async () => {
    if (items.length === 0) return;
    const index = results.length;
    results.push(null);
    const task: AnalyseTask = { items, permutations: opts.permutations, seed: opts.seed, tokenizer: opts.tokenizer };
    items = [];
    inflight.push(
      pool.run(task).then((outcome) => {
        if (outcome.ok) {
          results[index] = outcome.value;
          threads.add(outcome.value.threadId);
        } else if (!opts.signal.aborted) {
          // (A batch cut short by Ctrl-C is no failure: the run stops anyway.)
          failedBatches++;
          opts.log.warn(`prepare: a worker batch failed; its ${task.items.length} pairs are dropped (analysis_failed)`, { error: outcome.error.message });
        }
      }),
    );
    // Bounded: at most two batches per thread in flight, so texts never pile up in memory.
    if (inflight.length >= opts.threads * 2) await inflight.shift();
  };

  for (let f = 0; f < files.length; f++) {
    for (const line of fileLines(files[f]!, opts.onBytes)) {
      if (opts.signal.aborted) throw new KmpError("E_INTERRUPTED", "prepare: interrupted; rerun to resume");
      if (line.text.trim() === "") continue;
      let rec: Partial<Pair>;
      try {
        rec = JSON.parse(line.text) as Partial<Pair>;
      } catch {
        rec = null as unknown as Partial<Pair>;
      }
      if (rec === null || !validRecord(rec)) {
        const why = rec === null ? "not valid JSON" : recordProblem(rec);
        if (invalidRecords++ < 5) opts.log.warn(`prepare: ${files[f]}:${line.lineNo}: not a valid pair record (${why}), skipped (invalid_record)`);
        continue;
      }
      cols.ids.push(rec.id);
      cols.type.push(PAIR_TYPES.indexOf(rec.pair_type));
      cols.repo.push(strings.id(rec.repo));
      cols.file.push(strings.id(`${rec.repo}\u0000${rec.path}`));
      cols.path.push(strings.id(rec.path));
      cols.sourceSet.push(strings.id(rec.source_set ?? "unknown"));
      cols.platform.push(strings.id(rec.platform ?? "unknown"));
      cols.license.push(rec.license ? strings.id(rec.license) : -1);
      cols.src.push(f);
      cols.offset.push(line.offset);
      cols.length.push(line.length);
      items.push(analyseItem(rec));
      if (items.length === BATCH_ROWS) await dispatch();
    }
  }
  await dispatch();
  await Promise.all(inflight);
  return { table: freeze(cols, results, strings, opts.permutations), invalidRecords, failedBatches, workerThreads: [...threads].sort((a, b) => a - b) };
}

function freeze(
  cols: Record<"type" | "repo" | "file" | "path" | "sourceSet" | "platform" | "license" | "src" | "offset" | "length", number[]> & { ids: string[] },
  results: (AnalyseResult | null)[],
  strings: Interner,
  k: number,
): PairTable {
  const n = cols.ids.length;
  const d = QUALITY_DIMENSIONS.length;
  const t: PairTable = {
    n,
    ids: cols.ids,
    type: Uint8Array.from(cols.type),
    repo: Int32Array.from(cols.repo),
    file: Int32Array.from(cols.file),
    path: Int32Array.from(cols.path),
    sourceSet: Int32Array.from(cols.sourceSet),
    platform: Int32Array.from(cols.platform),
    license: Int32Array.from(cols.license),
    src: Uint8Array.from(cols.src),
    offset: Float64Array.from(cols.offset),
    length: Uint32Array.from(cols.length),
    exactKey: new Float64Array(n),
    structKey: new Float64Array(n),
    sigs: new SignatureStore([], BATCH_ROWS, k),
    inputTokens: new Uint32Array(n),
    targetTokens: new Uint32Array(n),
    flags: new Uint8Array(n),
    dims: new Float32Array(n * d),
    score: new Float64Array(n),
    strings,
    types: PAIR_TYPES,
  };
  results.forEach((r, b) => {
    const base = b * BATCH_ROWS;
    const rows = Math.min(BATCH_ROWS, n - base);
    if (!r) {
      t.flags.fill(FLAG.analysisFailed, base, base + rows);
      t.sigs.chunks.push(new Uint32Array(rows * k).fill(EMPTY));
      return;
    }
    t.exactKey.set(r.exactKey, base);
    t.structKey.set(r.structKey, base);
    t.inputTokens.set(r.inputTokens, base);
    t.targetTokens.set(r.targetTokens, base);
    t.flags.set(r.flags, base);
    t.dims.set(r.dims, base * d);
    t.score.set(r.score, base);
    t.sigs.chunks.push(r.signatures);
  });
  return t;
}
