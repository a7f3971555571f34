/**
 * Pass 2: read each chosen row's line back from its input file (by byte offset, so texts were never
 * all in memory) and write train/val/test/all_train in the chosen format, atomically; optionally
 * the near-duplicate clusters for inspection.
 */
import { closeSync, openSync, readSync } from "node:fs";
import { join } from "node:path";
import { JsonlWriter } from "../io.ts";
import type { OutputFormat } from "../options.ts";
import type { FinalRow, Pair, QualityDims } from "../types.ts";
import type { DedupTrace } from "./dedup.ts";
import { formatRow, DEFAULT_FORMAT_OPTIONS, type FormatOptions } from "./formats.ts";
import type { Ledger } from "./ledger.ts";
import { QUALITY_DIMENSIONS } from "./quality.ts";
import { SPLITS, type SplitPlan } from "./split.ts";
import type { PairTable } from "./table.ts";

export const OUTPUT_FILES = ["train", "val", "test", "all_train"] as const;

/** Reads table rows' original records back from the input files. */
export class RowReader {
  private readonly fds: number[];
  private buf = Buffer.alloc(1 << 16);
  constructor(
    files: string[],
    private readonly t: PairTable,
  ) {
    this.fds = files.map((f) => openSync(f, "r"));
  }
  read(i: number): Pair {
    const len = this.t.length[i]!;
    if (len > this.buf.length) this.buf = Buffer.alloc(len * 2);
    readSync(this.fds[this.t.src[i]!]!, this.buf, 0, len, this.t.offset[i]!);
    return JSON.parse(this.buf.toString("utf8", 0, len)) as Pair;
  }
  close(): void {
    for (const fd of this.fds) closeSync(fd);
  }
}

export function qualityOf(t: PairTable, i: number): QualityDims {
  const d = QUALITY_DIMENSIONS.length;
  const q = {} as QualityDims;
  QUALITY_DIMENSIONS.forEach(({ key }, j) => (q[key] = Math.round(t.dims[i * d + j]! * 1000) / 1000));
  return q;
}

export function finalRow(t: PairTable, i: number, p: Pair): FinalRow {
  return {
    input_text: p.input_text,
    target_text: p.target_text,
    pair_type: p.pair_type,
    source_set: p.source_set ?? "unknown",
    platform: p.platform ?? "unknown",
    quality_score: t.score[i]!,
    quality: qualityOf(t, i),
    repo: p.repo,
    path: p.path,
    license: p.license ?? null,
  };
}

export function writeSplits(
  t: PairTable,
  reader: RowReader,
  plan: SplitPlan,
  format: OutputFormat,
  outDir: string,
  formatOptions: FormatOptions = DEFAULT_FORMAT_OPTIONS,
): Record<(typeof OUTPUT_FILES)[number], number> {
  const writers = Object.fromEntries(OUTPUT_FILES.map((f) => [f, new JsonlWriter<Record<string, unknown>>(join(outDir, `${f}.jsonl`))])) as Record<
    (typeof OUTPUT_FILES)[number],
    JsonlWriter<Record<string, unknown>>
  >;
  try {
    SPLITS.forEach((name, s) => {
      for (const i of plan.rows[s]!) {
        const row = formatRow(finalRow(t, i, reader.read(i)), format, formatOptions);
        writers[name].write(row);
        if (name !== "test") writers.all_train.write(row);
      }
    });
    for (const w of Object.values(writers)) w.commit();
  } catch (e) {
    for (const w of Object.values(writers)) w.abort();
    throw e;
  }
  return Object.fromEntries(OUTPUT_FILES.map((f) => [f, writers[f].count])) as Record<(typeof OUTPUT_FILES)[number], number>;
}

export interface ClusterMember {
  id: string;
  pair_type: string;
  repo: string;
  path: string;
  quality_score: number;
  status: string; // "kept" or the drop reason
  duplicate_of: string | null;
  similarity: number | null; // estimated Jaccard to duplicate_of (MinHash)
}

/**
 * Every group of two or more rows that dedup related: near-duplicate clusters, with the exact and
 * structural copies attached to the row they copied. Largest first.
 */
export function writeClusters(t: PairTable, ledger: Ledger, trace: DedupTrace, ids: Int32Array, path: string): number {
  const clusteredSet = new Uint8Array(t.n);
  for (const i of trace.clustered) clusteredSet[i] = 1;
  const root = (i: number): number => {
    let r = i;
    while (!clusteredSet[r] && trace.keeper[r]! >= 0) r = trace.keeper[r]!;
    return clusteredSet[r] ? trace.uf.find(r) : -1;
  };
  const groups = new Map<number, number[]>();
  for (const i of ids) {
    const reason = ledger.reasonOf(i);
    if (reason !== null && !clusteredSet[i] && trace.keeper[i]! < 0) continue; // dropped before dedup
    const r = root(i);
    if (r < 0) continue;
    const g = groups.get(r);
    if (g) g.push(i);
    else groups.set(r, [i]);
  }
  const list = [...groups.values()].filter((g) => g.length > 1).sort((a, b) => b.length - a.length || (t.ids[a[0]!]! < t.ids[b[0]!]! ? -1 : 1));
  const w = new JsonlWriter<{ cluster: number; size: number; members: ClusterMember[] }>(path);
  list.forEach((members, c) => {
    w.write({
      cluster: c,
      size: members.length,
      members: members.map((i) => {
        const k = trace.keeper[i]!;
        return {
          id: t.ids[i]!,
          pair_type: t.types[t.type[i]!]!,
          repo: t.strings.values[t.repo[i]!]!,
          path: t.strings.values[t.path[i]!]!,
          quality_score: t.score[i]!,
          status: ledger.reasonOf(i) ?? "kept",
          duplicate_of: k >= 0 ? t.ids[k]! : null,
          similarity: k >= 0 ? t.sigs.similarity(i, k) : null,
        };
      }),
    });
  });
  w.commit();
  return list.length;
}
