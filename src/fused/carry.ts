/**
 * What a fused run carries from one step to the next inside one process. extract's workers make
 * each repository's pairs and analyses next to its blocks; the pairs step then takes the made
 * repositories instead of reading the blocks back, and prepare finds each pair's analysis by id.
 * The files each step writes are the same as when the steps run one by one.
 */
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readSync, rmSync, writeSync } from "node:fs";
import { dirname, join } from "node:path";
import { CarriedAnalyses, type AnalysisSettings } from "../prepare/carried.ts";
import type { PairsConfig } from "../pairs/types.ts";
import type { PairsResult } from "../pairs/worker.ts";
import type { FusedResult } from "./types.ts";
import type { ShardsFacts } from "../shard/index.ts";

export interface CarriedRepo {
  run: { repo: string; blocks: number };
  /** The repository's rows; its pairs' JSON lines wait in the spool until `load()`. */
  result: PairsResult;
}

interface Spooled {
  run: { repo: string; blocks: number };
  result: Omit<PairsResult, "jsonl">;
  offset: number;
  length: number;
}

const SPOOL_PREFIX = ".carried-pairs.tmp-";

/**
 * Where a run's carried pair lines wait: in the data dir, outside the folders steps swap in. A
 * spool a killed run left is removed first.
 */
export function freshSpoolPath(dataDir: string): string {
  if (existsSync(dataDir)) for (const name of readdirSync(dataDir)) if (name.startsWith(SPOOL_PREFIX)) rmSync(join(dataDir, name), { force: true });
  return join(dataDir, `${SPOOL_PREFIX}${process.pid}.jsonl`);
}

/**
 * Memory stays flat as the corpus grows: each repository's pair lines go to a spool file as they
 * arrive (only their rows' small records stay), and are read back one repository at a time.
 */
export class RunCarry {
  private readonly spooled: Spooled[] = [];
  private fd: number | null = null;
  private size = 0;
  readonly analyses: CarriedAnalyses | null;
  /** Worker time spent analysing the carried pairs. */
  analysisMs = 0;
  /** Set once extract has written the blocks the repositories were made from, in full. */
  complete = false;
  /** A merge of shards: how many were merged (the card says so). */
  shards: ShardsFacts | null = null;

  constructor(
    readonly pairsConfig: PairsConfig,
    readonly analysis: AnalysisSettings | null,
    /** Where the pair lines wait (a `.tmp-` name: a killed run's is removed with the other temps). */
    private readonly spoolPath: string | null = null,
  ) {
    this.analyses = analysis ? new CarriedAnalyses(analysis) : null;
  }

  /** A repository extract made (`folder`: its folder's name, the order repositories are taken in). */
  add(repo: string, blocks: number, fused: FusedResult, _folder?: string): void {
    const { jsonl, ...rest } = fused.pairs;
    let offset = this.size;
    if (this.spoolPath) {
      if (this.fd === null) {
        mkdirSync(dirname(this.spoolPath), { recursive: true });
        this.fd = openSync(this.spoolPath, "w+");
      }
      for (let at = 0; at < jsonl.length; ) at += writeSync(this.fd, jsonl, at, jsonl.length - at, this.size + at);
      this.size += jsonl.length;
      this.spooled.push({ run: { repo, blocks }, result: rest, offset, length: jsonl.length });
    } else {
      offset = -1;
      this.spooled.push({ run: { repo, blocks }, result: fused.pairs, offset, length: jsonl.length });
    }
    if (fused.analysis && this.analyses) this.analyses.add(fused.analysis.ids, fused.analysis.result);
    this.analysisMs += fused.analysisMs;
  }

  /** The made repositories (their lines read back one at a time), when made under exactly this configuration; else null. */
  pairsFor(cfg: PairsConfig): Iterable<CarriedRepo> | null {
    if (!this.complete || JSON.stringify(cfg) !== JSON.stringify(this.pairsConfig)) return null;
    return this.load();
  }

  private *load(): Generator<CarriedRepo> {
    for (const s of this.spooled) {
      if (s.offset < 0 || this.fd === null) {
        yield { run: s.run, result: s.result as PairsResult };
        continue;
      }
      const jsonl = new Uint8Array(s.length);
      for (let at = 0; at < s.length; ) {
        const n = readSync(this.fd, jsonl, at, s.length - at, s.offset + at);
        if (n === 0) throw new Error(`${this.spoolPath}: ended early`);
        at += n;
      }
      yield { run: s.run, result: { ...s.result, jsonl } };
    }
  }

  /** Closes and removes the spool. */
  dispose(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
    if (this.spoolPath) rmSync(this.spoolPath, { force: true });
  }
}
