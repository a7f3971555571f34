/** KMP validation: the checks computed in the workers become drops, one reason per row (first failing). */
import type { Ledger } from "./ledger.ts";
import type { PairTable } from "./table.ts";
import { FLAG } from "./types.ts";

export function applyValidation(t: PairTable, ledger: Ledger, ids: Int32Array, maxInputTokens: number, maxTargetTokens: number): void {
  ledger.begin("validate");
  for (const i of ids) {
    if (!ledger.isAlive(i)) continue;
    const f = t.flags[i]!;
    if (f & FLAG.emptyTarget) ledger.drop(i, "empty_target");
    else if (f & FLAG.parseError) ledger.drop(i, "parse_error");
    else if (f & FLAG.promptParseError) ledger.drop(i, "prompt_parse_error");
    else if (f & FLAG.unbalanced) ledger.drop(i, "unbalanced_delimiters");
    else if (t.inputTokens[i]! > maxInputTokens) ledger.drop(i, "input_too_long");
    else if (t.targetTokens[i]! > maxTargetTokens) ledger.drop(i, "target_too_long");
  }
  ledger.end();
}

/** Read-step drops: a repeated id (the same pair twice in the input) and rows whose worker batch failed. */
export function applyReadChecks(t: PairTable, ledger: Ledger, ids: Int32Array, invalidRecords: number): void {
  ledger.begin("read", invalidRecords);
  ledger.count("invalid_record", invalidRecords);
  for (let k = 0; k < ids.length; k++) {
    const i = ids[k]!;
    if (t.flags[i]! & FLAG.analysisFailed) ledger.drop(i, "analysis_failed");
    else if (k > 0 && t.ids[ids[k - 1]!] === t.ids[i]) ledger.drop(i, "duplicate_id");
  }
  ledger.end();
}
