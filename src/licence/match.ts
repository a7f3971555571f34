/**
 * Licence text → SPDX id, by normalised-text matching against the distinctive phrases of the
 * common licences' SPDX texts (signatures.ts). Normalising first makes the match indifferent to
 * line wrapping, Markdown, comment stars, punctuation, case and the British spelling.
 */
import { NAME_PATTERNS, TEXT_SIGNATURES } from "./signatures.ts";

export function normaliseLicenceText(text: string): string {
  return ` ${text
    .replace(/%20/g, " ") // badge URLs: License-Apache%202.0
    .toLowerCase()
    .replace(/licenc/g, "licens")
    .replace(/&/g, " and ")
    // Dots survive only inside numbers ("2.0", "2.1"); every other non-alphanumeric is a word break.
    .replace(/(\d)\.(?=\d)/g, "$1\u0000")
    .replace(/[^a-z0-9\u0000]+/g, " ")
    .replace(/\u0000/g, ".")
    .trim()} `;
}

/** The licence whose SPDX text this is (a LICENSE file, a README section holding the text), or null. */
export function matchLicenceText(text: string): string | null {
  const norm = normaliseLicenceText(text);
  for (const s of TEXT_SIGNATURES) {
    if (s.all.every((p) => norm.includes(` ${p} `)) && !(s.none ?? []).some((p) => norm.includes(` ${p} `))) return s.spdx;
  }
  return null;
}

/** The licence a short statement names ("licensed under the Apache 2.0 License"), the first named, or null. */
export function matchLicenceName(statement: string): string | null {
  const norm = normaliseLicenceText(statement);
  let best: { spdx: string; at: number } | null = null;
  for (const { spdx, re } of NAME_PATTERNS) {
    const at = norm.search(re);
    if (at >= 0 && (best === null || at < best.at)) best = { spdx, at };
  }
  return best?.spdx ?? null;
}

/** A licence file's licence: its text, else the name in its first lines ("MIT License" over an edited text). */
export function identifyLicenceFile(text: string): { spdx: string; by: "text" | "title" } | null {
  const byText = matchLicenceText(text);
  if (byText) return { spdx: byText, by: "text" };
  const title = text.split("\n").map((l) => l.trim()).filter(Boolean).slice(0, 3).join("\n");
  const byTitle = matchLicenceName(title);
  return byTitle ? { spdx: byTitle, by: "title" } : null;
}
