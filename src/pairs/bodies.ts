/**
 * Bodies located by the tree's ranges (Block.body_ranges): the answer lines a pair's input must not
 * hold, and the skeleton that replaces exactly those ranges with TODO().
 */
import type { Block, BodyRange } from "../types.ts";
import { lexKotlin, Tok } from "../prepare/lexer.ts";
import { normLine } from "./text.ts";

/** Ranges sorted, inside `code` and not overlapping; null when extract handed us something else. */
export function validRanges(block: Block): BodyRange[] | null {
  const ranges = [...block.body_ranges].sort((a, b) => a.start - b.start);
  let prevEnd = 0;
  for (const r of ranges) {
    if (r.start < prevEnd || r.end < r.start || r.end > block.code.length) return null;
    prevEnd = r.end;
  }
  return ranges;
}

/** The normalised, non-trivial lines inside a block's bodies. */
export function bodyLines(block: Block): string[] {
  const ranges = validRanges(block) ?? [];
  const out: string[] = [];
  for (const r of ranges) {
    let body = block.code.slice(r.start, r.end);
    if (r.kind === "block") body = body.replace(/^\{/, "").replace(/\}$/, "");
    for (const line of body.split("\n")) {
      const n = normLine(line);
      if (n) out.push(n);
    }
  }
  return out;
}

/** The normalised, non-trivial lines of a whole text (targets without body ranges: files, scripts). */
export function allLines(text: string): string[] {
  return text.split("\n").map(normLine).filter(Boolean);
}

/** What replaces a body: `{ TODO() }`, `TODO()` after `=`, and `by lazy { TODO() }` for a delegate (`by inject()`). */
export function placeholderFor(code: string, r: BodyRange): string {
  if (r.kind === "block") return "{ TODO() }";
  // A property delegate's range starts at `by`; replacing it with a bare TODO() would leave
  // `val x: T TODO()`, which is not Kotlin.
  if (/^by\b/.test(code.slice(r.start, r.start + 3))) return "by lazy { TODO() }";
  return "TODO()";
}

/**
 * The block's code with every body replaced: `{ … }` → `{ TODO() }`, `= expr` → `= TODO()`,
 * `by delegate` → `by lazy { TODO() }`. Everything else (signatures, fields, annotations, KDoc,
 * nested declarations) stays as written.
 */
export function skeletonise(code: string, ranges: readonly BodyRange[]): string {
  let out = "";
  let at = 0;
  for (const r of ranges) {
    out += code.slice(at, r.start) + placeholderFor(code, r);
    at = r.end;
  }
  return out + code.slice(at);
}

/**
 * How much an answer teaches: the code tokens (names, keywords, literals — not punctuation) of its
 * lines that the input does not already show. `actual fun name() = "Desktop"` teaches one.
 */
export function answerTokens(answer: readonly string[], input: string): number {
  const inputLines = new Set(input.split("\n").map(normLine).filter(Boolean));
  let n = 0;
  for (const line of answer) {
    if (inputLines.has(line)) continue;
    for (const t of lexKotlin(line).tokens) if (t.kind !== Tok.Op) n++;
  }
  return n;
}

/** Share of `answer` lines found in `input` (whole normalised lines, or long lines as substrings). */
export function answerShareInInput(answer: readonly string[], input: string): number {
  if (answer.length === 0) return 0;
  const inputLines = new Set(input.split("\n").map(normLine).filter(Boolean));
  const flat = [...inputLines].join("\n");
  let hits = 0;
  for (const line of answer) if (inputLines.has(line) || (line.length >= 20 && flat.includes(line))) hits++;
  return hits / answer.length;
}
