/**
 * Each code span taught once: of the candidates that passed the quality filter, the per-file plan
 * keeps at most one row per span and never a row whose target sits inside another kept row's.
 *
 * 1. One row per span (the same target block): the highest of
 *      expect_actual > interface_implementation > composable > description_to_code with a KDoc
 *      > skeleton_to_complete > description_to_code (signature task) > full_file > gradle.
 * 2. Whole or by its declarations: a file of at most --max-file-lines lines with two or more
 *    top-level declarations, none of which is taught by an expect_actual, interface_implementation
 *    or composable row, is taught whole (full_file); any other file by its declarations. When the
 *    whole-file row did not pass the filter, its declarations are used instead.
 * 3. By declarations: outermost first — a class taught as a whole (skeleton, description, …) covers
 *    its members; members are taught one by one only when their class has no row, or when its only
 *    row is a signature task (no KDoc) and two or more of its members have rows.
 * 4. At most --max-rows-per-file rows a file, the best by: the order in 1, then a KDoc, then the
 *    larger target, then the id.
 * Every candidate left out is counted (taught_by_another_row, over_file_cap).
 */
import type { PairType } from "../types.ts";
import type { Candidate, DropReason, PairsConfig } from "./types.ts";

const CROSS_FILE_OR_UI: ReadonlySet<PairType> = new Set(["expect_actual", "interface_implementation", "composable"]);

/** Rank of a candidate for its span and for the file cap (lower is better). */
export function priority(c: Candidate): number {
  switch (c.pair_type) {
    case "expect_actual":
      return 0;
    case "interface_implementation":
      return 1;
    case "composable":
      return 2;
    case "description_to_code":
      return c.meta.description_source === "kdoc" ? 3 : 5;
    case "skeleton_to_complete":
      return 4;
    case "full_file":
      return 6;
    case "gradle":
      return 7;
  }
}

export const PRIORITY_ORDER =
  "expect_actual > interface_implementation > composable > description_to_code (KDoc) > skeleton_to_complete > description_to_code (signature) > full_file > gradle";

function better(a: Candidate, b: Candidate): number {
  return (
    priority(a) - priority(b) ||
    Number(b.target.kdoc !== null) - Number(a.target.kdoc !== null) ||
    b.target_text.length - a.target_text.length ||
    (a.target.id < b.target.id ? -1 : a.target.id > b.target.id ? 1 : 0)
  );
}

export interface PlanInput {
  candidates: readonly Candidate[];
  /** Lines of each source file (by path). */
  fileLines: (path: string) => number;
  /** Top-level declarations of each source file (by path). */
  topLevelCount: (path: string) => number;
}

/** The candidates to keep, in their input order; every other one is reported to `drop`. */
export function planRows(input: PlanInput, cfg: PairsConfig, drop: (c: Candidate, reason: DropReason) => void): Candidate[] {
  const byPath = new Map<string, number[]>();
  input.candidates.forEach((c, i) => {
    const list = byPath.get(c.target.path);
    if (list) list.push(i);
    else byPath.set(c.target.path, [i]);
  });
  const keep = new Array<boolean>(input.candidates.length).fill(false);
  for (const [path, idx] of byPath) {
    const cands = idx.map((i) => input.candidates[i]!);
    // 1. one row per span
    const bySpan = new Map<string, Candidate>();
    for (const c of cands) {
      const cur = bySpan.get(c.target.id);
      if (!cur) bySpan.set(c.target.id, c);
      else if (better(c, cur) < 0) {
        drop(cur, "taught_by_another_row");
        bySpan.set(c.target.id, c);
      } else drop(c, "taught_by_another_row");
    }
    let spans = [...bySpan.values()];
    // 2. whole or by declarations
    const whole = spans.find((c) => c.pair_type === "full_file");
    if (whole) {
      const parts = spans.filter((c) => c !== whole);
      const taughtWhole =
        input.fileLines(path) <= cfg.maxFileLines && input.topLevelCount(path) >= 2 && !parts.some((c) => CROSS_FILE_OR_UI.has(c.pair_type));
      const losers = taughtWhole ? parts : [whole];
      for (const c of losers) drop(c, "taught_by_another_row");
      spans = taughtWhole ? [whole] : parts;
    }
    // 3. outermost first — except a class whose only row is a signature task: a class from its
    // signature alone is barely determined, so when two or more of its members have rows of their
    // own (each with the class as context) those are taught instead.
    const inside = (outer: Candidate, c: Candidate) => c !== outer && c.target.start_line >= outer.target.start_line && c.target.end_line <= outer.target.end_line;
    spans = spans.filter((c) => {
      if (priority(c) !== 5 || c.target.kind === "function") return true;
      if (spans.filter((m) => inside(c, m)).length < 2) return true;
      drop(c, "taught_by_another_row");
      return false;
    });
    spans.sort((a, b) => a.target.start_line - b.target.start_line || b.target.end_line - a.target.end_line || better(a, b));
    const kept: Candidate[] = [];
    let coverEnd = -1;
    for (const c of spans) {
      // Sorted by start, so every kept span starts at or before this one: ending within one is being inside it.
      if (c.target.end_line <= coverEnd) {
        drop(c, "taught_by_another_row");
        continue;
      }
      kept.push(c);
      coverEnd = Math.max(coverEnd, c.target.end_line);
    }
    // 4. the cap
    const ranked = [...kept].sort(better);
    const allowed = new Set(ranked.slice(0, cfg.maxRowsPerFile));
    for (const c of ranked.slice(cfg.maxRowsPerFile)) drop(c, "over_file_cap");
    for (const i of idx) if (allowed.has(input.candidates[i]!)) keep[i] = true;
  }
  return input.candidates.filter((_, i) => keep[i]);
}
