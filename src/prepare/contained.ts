/**
 * How much of the final rows' code is taught twice within one file: of the summed normalised
 * target characters, the share in rows whose normalised target sits inside a strictly longer one
 * of another final row of the same repository and path. (bench/rows.ts measures the same.)
 */
import { normalisedForDedup } from "../pairs/text.ts";

export interface ContainedShare {
  contained_chars: number;
  chars: number;
  share: number;
}

/** `rows`: each final row's file key (repo + path) and its target text. */
export function containedShare(rows: Iterable<{ file: string; target: string }>): ContainedShare {
  const byFile = new Map<string, string[]>();
  for (const r of rows) {
    const list = byFile.get(r.file);
    const norm = normalisedForDedup(r.target);
    if (list) list.push(norm);
    else byFile.set(r.file, [norm]);
  }
  let chars = 0;
  let contained = 0;
  for (const list of byFile.values()) {
    for (const t of list) {
      chars += t.length;
      if (list.some((o) => o.length > t.length && o.includes(t))) contained += t.length;
    }
  }
  return { contained_chars: contained, chars, share: chars ? contained / chars : 0 };
}
