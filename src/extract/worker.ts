/** The extraction worker's handler: one parser set per thread, reused for every batch. */
import { threadId } from "node:worker_threads";
import Piscina from "piscina";
import type { Catalog } from "./gradle.ts";
import { createParsers, extractFile, parseCatalog, type Parsers } from "./parse.ts";
import type { BatchResult, BatchTask, FileResult, WireFileResult } from "./types.ts";

/** A file's blocks as JSONL lines (serialised here, in the worker) and the tallies the stats need. */
export function toWire(r: FileResult): { jsonl: string; wire: WireFileResult } {
  const { blocks, ...rest } = r;
  let jsonl = "";
  for (const b of blocks) jsonl += JSON.stringify(b) + "\n";
  const tallies = blocks.map((b) => ({ kind: b.kind, source_set: b.source_set, platform: b.platform, arch_pattern: b.arch_pattern, has_body: b.has_body }));
  return { jsonl, wire: { ...rest, tallies } };
}

const encoder = new TextEncoder();

// Start loading the grammars as soon as the worker starts, so it overlaps the main thread's discovery.
let parsers: Promise<Parsers> | null = createParsers();

/**
 * The piscina handler. Its result's JSONL bytes are transferred, not cloned: cloning megabytes of
 * text per batch kept the worker idle ~45 ms a batch while the main thread received it.
 */
export default async function extractTask(task: BatchTask): Promise<BatchResult> {
  const result = await extractBatch(task);
  // piscina's Transferable protocol: the value is posted with its listed buffers moved, not copied.
  const movable = { [Piscina.transferableSymbol]: [result.jsonl.buffer], [Piscina.valueSymbol]: result };
  return Piscina.move(movable as never) as unknown as BatchResult;
}

export async function extractBatch(task: BatchTask): Promise<BatchResult> {
  parsers ??= createParsers();
  const p = await parsers;
  const started = performance.now();
  const grammarBefore = p.grammarMs;
  const catalogs = new Map<string, Catalog | null>();
  const decoder = new TextDecoder(); // strips a BOM, as reading on the main thread did
  let jsonl = "";
  const files = task.files.map(({ offset, length, ...meta }) => {
    const f = { ...meta, text: decoder.decode(task.bytes.subarray(offset, offset + length)) };
    let catalog: Catalog | null = null;
    if (f.kind !== "kotlin") {
      if (!catalogs.has(f.repo)) catalogs.set(f.repo, parseCatalog(p, task.catalogs[f.repo]));
      catalog = catalogs.get(f.repo) ?? null;
    }
    const out = toWire(extractFile(p, f, catalog));
    jsonl += out.jsonl;
    return out.wire;
  });
  const bytes = encoder.encode(jsonl);
  return { files, jsonl: bytes, threadId, busyMs: performance.now() - started, grammarMs: p.grammarMs - grammarBefore };
}
