/**
 * The fused worker: one repository's files in; its blocks (as extract writes them), its pairs (as
 * the pairs step makes them from those very lines) and their analyses (as prepare makes them) out.
 * Each step's own code does the work, so the files are the same bytes as running the steps.
 */
import Piscina from "piscina";
import { extractBatch } from "../extract/worker.ts";
import type { BatchResult, BatchTask } from "../extract/types.ts";
import { makeRepoPairs } from "../pairs/worker.ts";
import { analyseBatch } from "../prepare/analyse.ts";
import { analyseItem } from "../prepare/scan.ts";
import type { Block } from "../types.ts";
import type { AnalyseItem } from "../prepare/types.ts";
import type { FusedResult, FusedTask } from "./types.ts";

export async function fuse(task: BatchTask & { fused: FusedTask }, blocks: Block[]): Promise<FusedResult> {
  const f = task.fused;
  // The blocks as extract made them: the objects its JSONL lines are written from (the pairs step
  // reads the same records back from those lines).
  // Each kept pair, as it is written: prepare reads the same record back from that line.
  const ids: string[] = [];
  const items: AnalyseItem[] = [];
  const pairs = await makeRepoPairs({ path: "(fused run)", repo: f.repo, firstLine: 1, bytes: new Uint8Array(0), cfg: f.cfg, meta: f.meta }, blocks, (rec) => {
    ids.push(rec.id);
    items.push(analyseItem(rec));
  });
  if (!f.analysis) return { pairs, analysis: null, analysisMs: 0 };
  const started = performance.now();
  const result = await analyseBatch({ items, ...f.analysis, tokenizer: f.analysis.tokenizer as "bpe" | "chars4" });
  return { pairs, analysis: { ids, result }, analysisMs: performance.now() - started };
}

/** The piscina handler: extract's, and the fused work when the task asks for it; byte arrays are moved. */
export default async function fusedTask(task: BatchTask): Promise<BatchResult> {
  const blocks: Block[] | undefined = task.fused ? [] : undefined;
  const extracted = await extractBatch(task, blocks);
  if (task.fused) extracted.fused = await fuse(task as BatchTask & { fused: FusedTask }, blocks!);
  const r = extracted.fused?.analysis?.result;
  const buffers = [extracted.jsonl?.buffer, extracted.fused?.pairs.jsonl.buffer, r?.exactKey.buffer, r?.structKey.buffer, r?.signatures.buffer, r?.inputTokens.buffer, r?.targetTokens.buffer, r?.flags.buffer, r?.dims.buffer, r?.score.buffer].filter((b) => b !== undefined);
  const movable = { [Piscina.transferableSymbol]: buffers, [Piscina.valueSymbol]: extracted };
  return Piscina.move(movable as never) as unknown as BatchResult;
}
