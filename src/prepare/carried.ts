/**
 * Analyses made earlier in the same run. In a fused `kmpdata run` the workers analyse each
 * repository's pairs right after making them (the texts are at hand there); prepare then finds each
 * pair's analysis by id instead of sending the texts to the pool again. The analysis is the same
 * function on the same texts, so the final files are the same bytes either way.
 */
import { QUALITY_DIMENSIONS } from "./quality.ts";
import { emptyAnalyseResult, type AnalysePool, type AnalyseResult, type AnalyseTask } from "./types.ts";

/** One pair's share of an AnalyseResult. */
interface Row {
  threadId: number;
  exactKey: number;
  structKey: number;
  signature: Uint32Array;
  inputTokens: number;
  targetTokens: number;
  flags: number;
  dims: Float32Array;
  score: number;
}

/** The analysis settings a carried analysis was made with: it is only used under the same ones. */
export interface AnalysisSettings {
  permutations: number;
  seed: number;
  tokenizer: string;
}

export class CarriedAnalyses {
  private readonly rows = new Map<string, Row>();
  constructor(readonly settings: AnalysisSettings) {}

  get size(): number {
    return this.rows.size;
  }

  /** Keeps the analyses of a batch whose items had these ids. */
  add(ids: readonly string[], r: AnalyseResult): void {
    const k = this.settings.permutations;
    const d = QUALITY_DIMENSIONS.length;
    ids.forEach((id, i) => {
      this.rows.set(id, {
        threadId: r.threadId,
        exactKey: r.exactKey[i]!,
        structKey: r.structKey[i]!,
        signature: r.signatures.slice(i * k, (i + 1) * k),
        inputTokens: r.inputTokens[i]!,
        targetTokens: r.targetTokens[i]!,
        flags: r.flags[i]!,
        dims: r.dims.slice(i * d, (i + 1) * d),
        score: r.score[i]!,
      });
    });
  }

  matches(task: AnalyseTask): boolean {
    const s = this.settings;
    return task.permutations === s.permutations && task.seed === s.seed && task.tokenizer === s.tokenizer;
  }

  /** The batch's result when every item was analysed before (under the same settings), else null. */
  resultFor(task: AnalyseTask): AnalyseResult | null {
    if (!this.matches(task)) return null;
    const rows: Row[] = [];
    for (const item of task.items) {
      const row = item.id === undefined ? undefined : this.rows.get(item.id);
      if (!row) return null;
      rows.push(row);
    }
    const n = rows.length;
    const k = this.settings.permutations;
    const d = QUALITY_DIMENSIONS.length;
    const out = emptyAnalyseResult(rows[0]?.threadId ?? 0, n, k, d);
    rows.forEach((row, i) => {
      out.exactKey[i] = row.exactKey;
      out.structKey[i] = row.structKey;
      out.signatures.set(row.signature, i * k);
      out.inputTokens[i] = row.inputTokens;
      out.targetTokens[i] = row.targetTokens;
      out.flags[i] = row.flags;
      out.dims.set(row.dims, i * d);
      out.score[i] = row.score;
    });
    return out;
  }
}

/** The pool prepare uses when analyses were carried: a batch found whole is answered at once, any other goes to the real pool (started only if needed). */
export class CarriedPool implements AnalysePool {
  private fallback: AnalysePool | null = null;
  /** Batches answered from the carried analyses, and batches the pool had to analyse. */
  readonly stats = { carried: 0, analysed: 0 };

  constructor(
    private readonly carried: CarriedAnalyses,
    private readonly makePool: () => AnalysePool,
  ) {}

  async run(task: AnalyseTask) {
    const found = this.carried.resultFor(task);
    if (found) {
      this.stats.carried++;
      return { ok: true as const, value: found };
    }
    this.stats.analysed++;
    this.fallback ??= this.makePool();
    return this.fallback.run(task);
  }

  async destroy(): Promise<void> {
    await this.fallback?.destroy();
  }
}
