/**
 * Every row prepare does not write has exactly one drop reason, and every reason is counted under
 * the step that applied it (stats.json → steps). The step list is the order prepare runs in.
 */
import type { PairType } from "../types.ts";

export const STEPS = [
  { step: "read", reasons: ["invalid_record", "duplicate_id", "analysis_failed"] },
  { step: "validate", reasons: ["empty_target", "parse_error", "prompt_parse_error", "unbalanced_delimiters", "input_too_long", "target_too_long"] },
  { step: "dedup_exact", reasons: ["exact_duplicate"] },
  { step: "dedup_structural", reasons: ["structural_duplicate"] },
  { step: "dedup_near", reasons: ["near_duplicate"] },
  { step: "min_quality", reasons: ["below_min_quality"] },
  { step: "balance", reasons: ["over_type_cap"] },
  { step: "sample", reasons: ["not_sampled"] },
] as const;

export type StepName = (typeof STEPS)[number]["step"];
export type DropReason = (typeof STEPS)[number]["reasons"][number];
export const DROP_REASONS: readonly DropReason[] = STEPS.flatMap((s) => s.reasons);

export interface StepRecord {
  step: StepName;
  rows_in: number;
  rows_out: number;
  dropped: Partial<Record<DropReason, number>>;
}

export class Ledger {
  /** 0 = alive, else 1 + index into DROP_REASONS. */
  readonly state: Uint8Array;
  readonly counts = new Map<DropReason, number>();
  readonly byType = new Map<DropReason, Map<PairType, number>>();
  readonly steps: StepRecord[] = [];
  private aliveCount: number;
  private current: StepRecord | null = null;

  constructor(
    n: number,
    private readonly typeOf: (i: number) => PairType,
  ) {
    this.state = new Uint8Array(n);
    this.aliveCount = n;
  }

  get alive(): number {
    return this.aliveCount;
  }

  isAlive(i: number): boolean {
    return this.state[i] === 0;
  }

  reasonOf(i: number): DropReason | null {
    const s = this.state[i]!;
    return s === 0 ? null : DROP_REASONS[s - 1]!;
  }

  /** Starts a step; `extraIn` counts rows that never reached the table (invalid records). */
  begin(step: StepName, extraIn = 0): void {
    this.current = { step, rows_in: this.aliveCount + extraIn, rows_out: 0, dropped: {} };
  }

  drop(i: number, reason: DropReason): void {
    if (this.state[i] !== 0) throw new Error(`row ${i} dropped twice (${this.reasonOf(i)}, then ${reason})`);
    this.state[i] = DROP_REASONS.indexOf(reason) + 1;
    this.aliveCount--;
    this.count(reason, 1, this.typeOf(i));
  }

  /** Counts drops of rows that are not in the table (they never parsed). */
  count(reason: DropReason, n: number, type?: PairType): void {
    if (n === 0) return;
    this.counts.set(reason, (this.counts.get(reason) ?? 0) + n);
    if (this.current) this.current.dropped[reason] = (this.current.dropped[reason] ?? 0) + n;
    if (type) {
      const m = this.byType.get(reason) ?? new Map<PairType, number>();
      m.set(type, (m.get(type) ?? 0) + n);
      this.byType.set(reason, m);
    }
  }

  end(): void {
    if (!this.current) throw new Error("Ledger.end without begin");
    this.current.rows_out = this.aliveCount;
    this.steps.push(this.current);
    this.current = null;
  }
}
