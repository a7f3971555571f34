/**
 * Every answer a model gives is checked before a prompt uses it; a failed check makes the row the
 * signature task it would have been, counted by reason. An answer may name the declaration, its
 * parameters and their types, but must not carry its code.
 */
import { lexKotlin } from "../../prepare/lexer.ts";
import { identifierWords, isEchoSentence } from "../prose.ts";

export const REJECT_REASONS = ["empty", "too_short", "too_long", "refusal", "not_english", "has_code", "leaks_body", "echoes_names"] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

export const MIN_CHARS = 25;
export const MAX_CHARS = 700;
export const MAX_SENTENCES = 3;
/** A run of this many code tokens of the target in the answer is its code, not a description. */
export const LEAK_RUN = 8;

const REFUSAL = /\b(as an ai|language model|i cannot|i can't|i can not|i'm sorry|i am sorry|i'm unable|i am unable|cannot assist|can't help)\b/i;
const COMMON_WORDS = new Set(
  "the a an and or of to in on for with that this it is are be when which from by as if so its into each should must returns return given use used uses will can".split(" "),
);

export type Verdict = { ok: true; text: string } | { ok: false; reason: RejectReason };

/** The answer as a prompt may use it: trimmed, quotes and a leading label removed, on one line. */
export function cleanAnswer(raw: string): string {
  let t = raw.trim().replace(/\s+/g, " ");
  t = t.replace(/^(description|request|task)\s*:\s*/i, "");
  if (/^["“].*["”]$/.test(t)) t = t.slice(1, -1).trim();
  return t;
}

function sentencesOf(text: string): string[] {
  return text.split(/(?<=[.!?])\s+(?=[A-Z`"“(])/).filter((s) => s.trim().length > 0);
}

/** Whether the answer holds `LEAK_RUN` consecutive tokens of the body (the signature may be named). */
function holdsCodeRun(answer: string, body: string): boolean {
  const code = lexKotlin(body).tokens.map((t) => t.text);
  if (code.length < LEAK_RUN) return false;
  const runs = new Set<string>();
  for (let i = 0; i + LEAK_RUN <= code.length; i++) runs.add(code.slice(i, i + LEAK_RUN).join("\u0000"));
  const said = lexKotlin(answer).tokens.map((t) => t.text);
  for (let i = 0; i + LEAK_RUN <= said.length; i++) if (runs.has(said.slice(i, i + LEAK_RUN).join("\u0000"))) return true;
  return false;
}

/**
 * `target`: the declaration; `bodyLines`: its body's lines, normalised as bodies.ts does (none of
 * them may appear in the answer).
 */
export function checkAnswer(raw: string, target: string, bodyLines: readonly string[]): Verdict {
  const text = cleanAnswer(raw);
  if (text.length === 0) return { ok: false, reason: "empty" };
  if (REFUSAL.test(text)) return { ok: false, reason: "refusal" };
  if (/```|\n\s*(fun|val|class|import)\s/.test(raw)) return { ok: false, reason: "has_code" };
  if (text.length < MIN_CHARS) return { ok: false, reason: "too_short" };
  const sentences = sentencesOf(text);
  if (text.length > MAX_CHARS || sentences.length > MAX_SENTENCES) return { ok: false, reason: "too_long" };
  // English, simply: mostly ASCII letters, and common English words among the words.
  const letters = text.replace(/[^\p{L}]/gu, "");
  const ascii = letters.replace(/[^A-Za-z]/g, "");
  const words = text.toLowerCase().match(/[a-z']+/g) ?? [];
  if (letters.length === 0 || ascii.length / letters.length < 0.9 || words.filter((w) => COMMON_WORDS.has(w)).length < Math.min(2, Math.ceil(words.length / 8))) {
    return { ok: false, reason: "not_english" };
  }
  const squeezed = text.replace(/\s+/g, "");
  if (bodyLines.some((l) => l.replace(/\s+/g, "").length >= 12 && squeezed.includes(l.replace(/\s+/g, "")))) return { ok: false, reason: "leaks_body" };
  if (holdsCodeRun(text, bodyLines.join("\n"))) return { ok: false, reason: "leaks_body" };
  const names = identifierWords(target);
  if (sentences.some((s) => isEchoSentence(s, names))) return { ok: false, reason: "echoes_names" };
  return { ok: true, text };
}
