/**
 * Resume per repository in a fused run: each repository's finished work (its blocks, pairs and
 * analyses, as the worker returned them) is kept in `raw_blocks/.fused-repos/`, named by a hash of
 * everything that made it — the repository's files and catalog as read, the settings and the
 * steps' versions. A run killed half-way takes the repositories it finished from there and sends
 * only the rest to the workers; the folder goes once extract has written its output in full.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { deserialize, serialize } from "bun:jsc";
import { writeFileAtomic } from "../io.ts";
import type { BatchResult, BatchTask } from "../extract/types.ts";

export const REPO_RESULTS_DIR = ".fused-repos";

export class RepoResults {
  /** Repositories taken from an earlier run, and repositories kept for a later one. */
  readonly stats = { reused: 0, saved: 0 };

  constructor(
    private readonly dir: string,
    /** The steps' versions and the program's: a result made by other code is never taken. */
    private readonly salt: string,
  ) {}

  /** The name of a repository batch's result: its files as read (bytes included) and every setting that shapes it. */
  keyOf(task: BatchTask): string {
    const h = createHash("sha256");
    h.update(this.salt);
    h.update(JSON.stringify({ files: task.files, catalogs: task.catalogs, fused: task.fused ?? null }));
    h.update(task.bytes);
    return h.digest("hex").slice(0, 32);
  }

  load(key: string): BatchResult | null {
    const path = join(this.dir, `${key}.bin`);
    if (!existsSync(path)) return null;
    try {
      const r = deserialize(readFileSync(path)) as BatchResult;
      this.stats.reused++;
      return r;
    } catch {
      rmSync(path, { force: true }); // damaged: made again
      return null;
    }
  }

  /** Keeps a finished repository (its blocks' bytes copied out of the reused output slot). */
  save(key: string, result: BatchResult, jsonl: Uint8Array): void {
    const whole: BatchResult = { ...result, jsonl: jsonl.slice(), jsonlLength: jsonl.length };
    writeFileAtomic(join(this.dir, `${key}.bin`), new Uint8Array(serialize(whole)));
    this.stats.saved++;
  }

  clear(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
