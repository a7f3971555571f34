/** The extraction worker's handler: one parser set per thread, reused for every batch. */
import { threadId } from "node:worker_threads";
import type { Catalog } from "./gradle.ts";
import { createParsers, extractFile, parseCatalog, type Parsers } from "./parse.ts";
import type { BatchResult, BatchTask, FileResult, WireFileResult } from "./types.ts";

/** Serialises a file's blocks here, in the worker, so the main thread only writes text. */
export function toWire(r: FileResult): WireFileResult {
  const { blocks, ...rest } = r;
  let jsonl = "";
  for (const b of blocks) jsonl += JSON.stringify(b) + "\n";
  const tallies = blocks.map((b) => ({ kind: b.kind, source_set: b.source_set, platform: b.platform, arch_pattern: b.arch_pattern, has_body: b.has_body }));
  return { ...rest, jsonl, tallies };
}

// Start loading the grammars as soon as the worker starts, so it overlaps the main thread's discovery.
let parsers: Promise<Parsers> | null = createParsers();

export async function extractBatch(task: BatchTask): Promise<BatchResult> {
  parsers ??= createParsers();
  const p = await parsers;
  const started = performance.now();
  const catalogs = new Map<string, Catalog | null>();
  const decoder = new TextDecoder(); // strips a BOM, as reading on the main thread did
  const files = task.files.map(({ offset, length, ...meta }) => {
    const f = { ...meta, text: decoder.decode(task.bytes.subarray(offset, offset + length)) };
    let catalog: Catalog | null = null;
    if (f.kind !== "kotlin") {
      if (!catalogs.has(f.repo)) catalogs.set(f.repo, parseCatalog(p, task.catalogs[f.repo]));
      catalog = catalogs.get(f.repo) ?? null;
    }
    return toWire(extractFile(p, f, catalog));
  });
  return { files, threadId, parseMs: performance.now() - started };
}
