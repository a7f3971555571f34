/**
 * A shard's output as extract's fused workers make it: each repository's pairs and their analyses
 * (the compact records the merge dedups, scores and splits by), appended to `results.bin` with one
 * line of `index.jsonl` per repository saying where. The merge reads them back one repository at a
 * time, in the order a single run takes repositories (by folder name).
 */
import { closeSync, fsyncSync, openSync, readSync, writeSync } from "node:fs";
import { join } from "node:path";
import { deserialize, serialize } from "bun:jsc";
import { RunCarry } from "../fused/carry.ts";
import type { FusedResult } from "../fused/types.ts";
import { JsonlWriter } from "../io.ts";
import type { AnalysisSettings } from "../prepare/carried.ts";
import type { PairsConfig } from "../pairs/types.ts";

export const RESULTS_FILE = "results.bin";
export const INDEX_FILE = "index.jsonl";

/** One repository of a shard. */
export interface ShardEntry {
  repo: string;
  /** Its folder's name: a run takes repositories in this order. */
  folder: string;
  blocks: number;
  pairs: number;
  offset: number;
  length: number;
}

/** Takes extract's made repositories and writes them to the shard's files instead of carrying them. */
export class ShardCarry extends RunCarry {
  private readonly out: number;
  private readonly index: JsonlWriter<ShardEntry>;
  private at = 0;
  repos = 0;
  pairs = 0;

  constructor(pairsConfig: PairsConfig, analysis: AnalysisSettings, readonly dir: string) {
    super(pairsConfig, analysis, null);
    this.out = openSync(join(dir, RESULTS_FILE), "w");
    this.index = new JsonlWriter<ShardEntry>(join(dir, INDEX_FILE));
  }

  override add(repo: string, blocks: number, fused: FusedResult, folder?: string): void {
    const bytes = new Uint8Array(serialize(fused));
    for (let n = 0; n < bytes.length; ) n += writeSync(this.out, bytes, n, bytes.length - n, this.at + n);
    const pairs = fused.pairs.rows.filter((r) => r.pair).length;
    this.index.write({ repo, folder: folder ?? repo, blocks, pairs, offset: this.at, length: bytes.length });
    this.at += bytes.length;
    this.repos++;
    this.pairs += pairs;
  }

  /** Everything written and on disk. */
  finish(): void {
    fsyncSync(this.out);
    closeSync(this.out);
    this.index.commit();
  }

  abort(): void {
    closeSync(this.out);
    this.index.abort();
  }
}

/** Reads one repository's result back. */
export function readShardEntry(fd: number, e: ShardEntry): FusedResult {
  const bytes = new Uint8Array(e.length);
  for (let at = 0; at < e.length; ) {
    const n = readSync(fd, bytes, at, e.length - at, e.offset + at);
    if (n === 0) throw new Error(`results end before ${e.repo}'s ${e.length} bytes at ${e.offset}`);
    at += n;
  }
  return deserialize(bytes) as FusedResult;
}
