/**
 * Pure text functions behind bench/rows.ts (the dataset-quality measurements of the final rows).
 * Each one is a precise, reproducible rule, so two runs (or two branches) can be compared; the rules
 * are heuristics on prompt text, stated here rather than hidden in the report. "The same target"
 * is the pairs stage's own normal form (normalisedForDedup: lines trimmed, whitespace runs
 * collapsed, blank lines dropped), and prompt code is what prepare parses (promptCodeBlocks).
 */
import { nonBlankLines } from "../src/pairs/text.ts";
import { promptCodeBlocks } from "../src/prepare/promptcode.ts";

export { FILLER, identifiersOf, identifierWords, IDENT, isEchoSentence, splitIdentifier, stripCommentsAndStrings } from "../src/pairs/prose.ts";
import { IDENT, identifiersOf, identifierWords, isEchoSentence, stripCommentsAndStrings } from "../src/pairs/prose.ts";

const MODIFIERS =
  "public|private|internal|protected|open|abstract|sealed|data|enum|annotation|inner|value|inline|" +
  "override|suspend|operator|infix|tailrec|external|const|lateinit|expect|actual|companion|final|" +
  "noinline|crossinline|reified|vararg";
const KEYWORDS = "package|import|class|interface|object|fun|val|var|typealias|constructor|init";
/** A line that begins a Kotlin declaration: annotations, then modifiers, then a declaration keyword. */
const DECLARATION_START = new RegExp(`^(@\\w|(?:(?:${MODIFIERS})\\s+)*(?:${KEYWORDS})\\b)`);

/** Whether a (trimmed) line starts like Kotlin code: a declaration, an annotation, a brace/paren. */
export function looksLikeCodeLine(line: string): boolean {
  return DECLARATION_START.test(line) || /^[{}()\]]/.test(line) || /[{(,]$/.test(line) || /\bTODO\(\)/.test(line);
}

/**
 * Lines that state a fact in a fixed format rather than a sentence (`Path: …`, `Package: …`,
 * `Source set: …`, `Module: …`, `Plugins: …`, `Kotlin targets: …`, `Android: …`). Never echo by construction.
 */
const METADATA_LINE = /^(path|package|source set|module|plugins|kotlin targets|targets|signature|file|android|other source sets configured)\s*:/i;

/**
 * The prose sentences of a prompt. Skipped as code or facts, not prose: lines inside a ``` fence;
 * from a `Signature:` line, from the first line of a paragraph (blank-line separated) that looks like
 * code (looksLikeCodeLine: a skeleton, an interface, a signature), or from any non-bullet line that
 * starts like a declaration, to the end of that paragraph; metadata lines (METADATA_LINE); lines
 * ending with `:` (list headers); bullets whose text looks like a declaration and holds no backtick
 * (`- private val json`; `- class \`FooBar\`: foo bar` is prose). The rest is split into sentences
 * at `.`, `!`, `?` or `;` followed by whitespace.
 */
export function proseSentences(prompt: string): string[] {
  const out: string[] = [];
  let inFence = false;
  let codeRun = false; // the rest of the paragraph is code
  let paragraphStart = true;
  for (const raw of prompt.split("\n")) {
    const line = raw.trim();
    if (line.startsWith("```")) {
      inFence = !inFence;
      continue;
    }
    if (inFence) continue;
    if (line.length === 0) {
      paragraphStart = true;
      codeRun = false;
      continue;
    }
    const first = paragraphStart;
    paragraphStart = false;
    if (codeRun) continue;
    if (/^signature\s*:/i.test(line) || (first && looksLikeCodeLine(line)) || DECLARATION_START.test(line)) {
      codeRun = true;
      continue;
    }
    if (METADATA_LINE.test(line) || line.endsWith(":")) continue;
    const bullet = /^[-*•]\s+(.*)$/.exec(line);
    const text = bullet ? bullet[1]! : line;
    if (looksLikeCodeLine(text) && !(bullet && text.includes("`"))) continue;
    for (const s of text.split(/(?<=[.!?;])\s+/)) if (s.trim().length > 0) out.push(s.trim());
  }
  return out;
}

/** The prose sentences of a prompt that echo the target's identifier words (see isEchoSentence). */
export function echoSentences(prompt: string, target: string): string[] {
  const words = identifierWords(target);
  return proseSentences(prompt).filter((s) => isEchoSentence(s, words));
}

/** Type names declared inside a text (`class X`, `interface X`, `object X`, `typealias X`). */
export function declaredTypesIn(code: string): Set<string> {
  const out = new Set<string>();
  for (const m of stripCommentsAndStrings(code).matchAll(/\b(?:class|interface|object|typealias)\s+([A-Z][A-Za-z0-9_]*)/g)) out.add(m[1]!);
  return out;
}

/**
 * Project types a target uses and its prompt never names: capitalised identifiers of the target
 * (outside comments and literals) that the repository declares (projectTypes), minus those the target
 * declares itself; `missing` are those not found as a whole word anywhere in the prompt.
 */
export function projectTypeUse(prompt: string, target: string, projectTypes: ReadonlySet<string>): { used: string[]; missing: string[] } {
  const own = declaredTypesIn(target);
  const used = [...new Set(identifiersOf(target))].filter((id) => /^[A-Z]/.test(id) && projectTypes.has(id) && !own.has(id)).sort();
  const promptIds = new Set(prompt.match(IDENT) ?? []);
  return { used, missing: used.filter((t) => !promptIds.has(t)) };
}

/** Whether a target opens (after whitespace) with a comment that is a licence or copyright header. */
export function hasLicenceHeader(target: string): boolean {
  const text = target.trimStart();
  let comment: string;
  if (text.startsWith("/*")) {
    const end = text.indexOf("*/");
    comment = end < 0 ? text : text.slice(0, end);
  } else if (text.startsWith("//")) {
    const lines: string[] = [];
    for (const l of text.split("\n")) {
      if (!l.trim().startsWith("//")) break;
      lines.push(l);
    }
    comment = lines.join("\n");
  } else return false;
  return /copyright|licensed under|spdx-license-identifier|permission is hereby granted/i.test(comment);
}

/**
 * The Kotlin code part of a prompt, for the parse check (null when there is none).
 * - skeleton_to_complete: everything after the first blank line (the instruction comes first).
 * - otherwise: the ```kotlin / ``` fenced blocks if any; else the blank-line separated paragraphs
 *   whose first line (after a `Label:` line such as `Signature:`) starts like a Kotlin declaration,
 *   an annotation, `import` or `package`, each with the paragraphs that continue it (first line
 *   indented, or a comment, or a closing bracket) — joined with a blank line. Bullet lists and
 *   prose paragraphs end the code.
 */
/** The first line of a paragraph that continues code rather than starting prose. */
const CODE_CONTINUATION = /^(\s+\S|\/\/|\/\*|\*|[})\]])/;

export function promptCode(prompt: string, pairType: string): string[] | null {
  // Prompts that fence their code: each fence is a code part of its own (parsed separately); a
  // skeleton's first fence is the skeleton.
  const fenced = promptCodeBlocks(prompt);
  if (fenced.length > 0) return pairType === "skeleton_to_complete" ? [fenced[0]!] : fenced;
  if (pairType === "skeleton_to_complete") {
    const at = prompt.indexOf("\n\n");
    const code = at < 0 ? "" : prompt.slice(at + 2);
    return code.trim().length > 0 ? [code] : null;
  }
  const parts: string[] = [];
  let inCode = false;
  for (const para of prompt.split(/\n[ \t]*\n/)) {
    const lines = para.split("\n");
    while (lines.length > 0 && /^[A-Z][\w ]*:\s*$/.test(lines[0]!.trim())) lines.shift();
    if (lines.length === 0) continue;
    const first = lines[0]!;
    if (DECLARATION_START.test(first.trim())) inCode = true;
    else if (inCode && !CODE_CONTINUATION.test(first)) inCode = false;
    if (inCode) parts.push(lines.join("\n"));
  }
  return parts.length > 0 ? [parts.join("\n\n")] : null;
}

/**
 * A skeleton that hides little: the target has fewer than 3 non-blank lines more than the prompt's
 * code, or the hidden lines are under 25 % of the target's non-blank lines.
 */
export function skeletonHidesLittle(promptCodeText: string, target: string): boolean {
  const t = nonBlankLines(target);
  const hidden = t - nonBlankLines(promptCodeText);
  return hidden < 3 || hidden < 0.25 * t;
}
