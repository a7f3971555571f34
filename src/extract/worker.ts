/** The extraction worker's handler: one parser set per thread, reused for every batch. */
import { threadId } from "node:worker_threads";
import Piscina from "piscina";
import type { Catalog } from "./gradle.ts";
import type { Block } from "../types.ts";
import { JsonlBytes } from "../io.ts";
import { EscapedSource, FileJson, writeBlock } from "./jsonl.ts";
import { createParsers, extractFile, parseCatalog, type Parsers } from "./parse.ts";
import type { BatchResult, BatchTask, FileResult, WireFileResult } from "./types.ts";

/** Appends a file's blocks to the batch's JSONL bytes; returns what the stats need of it. */
export function toWire(r: FileResult, source: string, out: JsonlBytes): WireFileResult {
  const { blocks, code_starts, ...rest } = r;
  const file = blocks.length > 1 ? new FileJson(EscapedSource.of(source), blocks[0]!.imports) : null;
  for (let i = 0; i < blocks.length; i++) writeBlock(out, blocks[i]!, file, code_starts?.[i]);
  const tallies = blocks.map((b) => ({ kind: b.kind, source_set: b.source_set, platform: b.platform, arch_pattern: b.arch_pattern, has_body: b.has_body }));
  return { ...rest, tallies };
}

// Start loading the grammars as soon as the worker starts, so it overlaps the main thread's discovery.
let parsers: Promise<Parsers> | null = createParsers();

/**
 * The piscina handler. Its result's JSONL bytes are transferred, not cloned: cloning megabytes of
 * text per batch kept the worker idle ~45 ms a batch while the main thread received it.
 */
export default async function extractTask(task: BatchTask): Promise<BatchResult> {
  const result = await extractBatch(task);
  if (result.jsonl === null) return result;
  // piscina's Transferable protocol: the value is posted with its listed buffers moved, not copied.
  const movable = { [Piscina.transferableSymbol]: [result.jsonl.buffer], [Piscina.valueSymbol]: result };
  return Piscina.move(movable as never) as unknown as BatchResult;
}

/**
 * Source bytes between two full collections of the worker's heap. Left to its own heuristics, JSC
 * let a worker's heap reach ~300 MB (plus ~200 MB of external memory) between collections, at
 * sizes that drifted upward over a long run (peak RSS 736 MB at 4× the bench corpus, 900 MB at
 * 8×, 2 threads). A full GC every 4 MB of source (~25 MB of garbage) keeps each worker near
 * 100 MB; it costs a few milliseconds a time, within the noise of the step's speed.
 */
export const GC_EVERY_BYTES = 4 * 1024 * 1024;
let bytesSinceGc = 0;

/** `keep`: the batch's blocks are also pushed there, as objects (the fused run makes pairs from them). */
export async function extractBatch(task: BatchTask, keep?: Block[]): Promise<BatchResult> {
  parsers ??= createParsers();
  const p = await parsers;
  if (bytesSinceGc >= GC_EVERY_BYTES) {
    Bun.gc(true);
    bytesSinceGc = 0;
  }
  bytesSinceGc += task.bytes.length;
  const started = performance.now();
  const grammarBefore = p.grammarMs;
  const catalogs = new Map<string, Catalog | null>();
  const decoder = new TextDecoder(); // strips a BOM, as reading on the main thread did
  // Output runs ~6× the source (nested blocks repeat their code); it moves to a bigger array if it must.
  const out = new JsonlBytes(task.out ? new Uint8Array(task.out) : task.bytes.length * 8);
  const files = task.files.map(({ offset, length, ...meta }) => {
    const f = { ...meta, text: decoder.decode(task.bytes.subarray(offset, offset + length)) };
    let catalog: Catalog | null = null;
    if (f.kind !== "kotlin") {
      if (!catalogs.has(f.repo)) catalogs.set(f.repo, parseCatalog(p, task.catalogs[f.repo]));
      catalog = catalogs.get(f.repo) ?? null;
    }
    const r = extractFile(p, f, catalog);
    if (keep) for (const b of r.blocks) keep.push(b);
    return toWire(r, f.text, out);
  });
  const inSlot = task.out !== null && out.inInitial;
  return { files, jsonlLength: out.length, jsonl: inSlot ? null : out.bytes(), threadId, busyMs: performance.now() - started, grammarMs: p.grammarMs - grammarBefore };
}
