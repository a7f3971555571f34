/**
 * The worker side of pairs: one repository's lines in, its rows out. The kept pairs come back as
 * their JSON lines in one byte array (moved, not cloned); the rows say where each line is.
 */
import { KmpError, type ErrorCode } from "../errors.ts";
import { threadId } from "node:worker_threads";
import Piscina from "piscina";
import { JsonlBytes } from "../io.ts";
import { tokenCounter } from "../tokens.ts";
import { parseRun } from "./blocks.ts";
import { RepoPairMaker, type RepoMeta, type RepoRows } from "./maker.ts";
import { RepoBlocks } from "./repo.ts";
import type { PairsConfig } from "./types.ts";
import type { Block, Pair } from "../types.ts";

export interface PairsTask {
  /** The blocks file, to name a line that is not JSON. */
  path: string;
  repo: string;
  firstLine: number;
  /** The repository's lines (see RepoLines). */
  bytes: Uint8Array;
  cfg: PairsConfig;
  meta: RepoMeta | null;
  /** --describe-with: the model's answers for this repository's declarations, by request key. */
  answers?: Record<string, string>;
  /** --describe-with, first pass: only the description requests are wanted, not the pairs. */
  collect?: boolean;
}

export interface PairsResult extends RepoRows {
  /** Every row's pair as a JSON line; each row's `line` is its range. */
  jsonl: Uint8Array;
  threadId: number;
  /** Time the worker spent on the task. */
  busyMs: number;
  /** The repository could not be made: the user-facing error to raise on the main thread. */
  failure?: { code: ErrorCode; message: string };
}

/**
 * The work itself, callable in place (the stage without a pool, tests). The fused run passes the
 * repository's blocks as objects already (`made`) and sees each kept pair before it becomes bytes
 * (`onRecord`).
 */
export async function makeRepoPairs(task: PairsTask, made?: Block[], onRecord?: (rec: Pair) => void): Promise<PairsResult> {
  const started = performance.now();
  const blocks = made ?? parseRun(task.bytes, task.path, task.firstLine);
  const meta = new Map(task.meta ? [[task.repo, task.meta]] : []);
  const maker = new RepoPairMaker(task.cfg, meta, await tokenCounter(task.cfg.tokenizer), new Map(Object.entries(task.answers ?? {})));
  const { counts, rows, requests } = maker.rowsOf(new RepoBlocks(task.repo, blocks));
  if (task.collect) return { counts, rows: [], requests, jsonl: new Uint8Array(0), threadId, busyMs: performance.now() - started };
  // The kept pairs' lines ran at ~¼ of their repository's block bytes on the bench corpus; it grows if need be.
  const out = new JsonlBytes(Math.max(64 * 1024, task.bytes.length >> 1));
  for (const row of rows) {
    const p = row.pair;
    if (!p) continue;
    const start = out.length;
    onRecord?.(p.record!);
    out.write(JSON.stringify(p.record));
    out.write("\n");
    p.line = [start, out.length];
    p.record = null;
  }
  return { counts, rows, jsonl: out.bytes(), threadId, busyMs: performance.now() - started };
}

/** The piscina handler: the result's bytes are moved to the main thread. */
export default async function pairsTask(task: PairsTask): Promise<PairsResult> {
  let result: PairsResult;
  try {
    result = await makeRepoPairs(task);
  } catch (e) {
    // Advice to the user crosses the thread boundary as data: a thrown error would arrive as a bare Error.
    if (e instanceof KmpError) return { failure: { code: e.code, message: e.message } } as PairsResult;
    throw e;
  }
  const movable = { [Piscina.transferableSymbol]: [result.jsonl.buffer], [Piscina.valueSymbol]: result };
  return Piscina.move(movable as never) as unknown as PairsResult;
}
