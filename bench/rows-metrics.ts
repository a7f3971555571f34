/**
 * Pure text functions behind bench/rows.ts (the dataset-quality measurements of the final rows).
 * Each one is a precise, reproducible rule, so two runs (or two branches) can be compared; the rules
 * are heuristics on prompt text, stated here rather than hidden in the report. "The same target"
 * is the pairs stage's own normal form (normalisedForDedup: lines trimmed, whitespace runs
 * collapsed, blank lines dropped), and prompt code is what prepare parses (promptCodeBlocks).
 */
import { nonBlankLines } from "../src/pairs/text.ts";
import { promptCodeBlocks } from "../src/prepare/promptcode.ts";

/**
 * Words of one identifier: split at `_`, digits, lower→upper (`fooBar`) and acronym ends
 * (`HTTPClient` → http, client), lowercased. `parseISO8601Date` → parse, iso, 8601, date.
 */
export function splitIdentifier(id: string): string[] {
  return id
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .replace(/([A-Za-z])([0-9])/g, "$1 $2")
    .replace(/([0-9])([A-Za-z])/g, "$1 $2")
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w.length > 0)
    .map((w) => w.toLowerCase());
}

/**
 * Kotlin text with comments and string/char literals blanked out (same length is not kept; only
 * the code tokens matter). Prose in a KDoc or a string is not an identifier of the target.
 */
export function stripCommentsAndStrings(code: string): string {
  return code.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*|"""[\s\S]*?"""|"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*'/g, " ");
}

const IDENT = /[A-Za-z_][A-Za-z0-9_]*/g;

/** Identifier tokens of Kotlin code (outside comments and literals). */
export function identifiersOf(code: string): string[] {
  return stripCommentsAndStrings(code).match(IDENT) ?? [];
}

/** Kotlin's hard and soft keywords and modifiers: tokens of the target that name nothing. */
const KOTLIN_KEYWORDS: ReadonlySet<string> = new Set(
  ("as break class continue do else false for fun if in interface is null object package return super this " +
    "throw true try typealias typeof val var when while by catch constructor delegate dynamic field file " +
    "finally get import init param property receiver set setparam where actual abstract annotation " +
    "companion const crossinline data enum expect external final infix inline inner internal lateinit " +
    "noinline open operator out override private protected public reified sealed suspend tailrec vararg value it").split(" "),
);

/** The lowercased words of every identifier (keywords excluded) of the target (see splitIdentifier). */
export function identifierWords(target: string): Set<string> {
  const words = new Set<string>();
  for (const id of new Set(identifiersOf(target))) if (!KOTLIN_KEYWORDS.has(id)) for (const w of splitIdentifier(id)) words.add(w);
  return words;
}

/**
 * Words that carry no fact on their own: articles, pronouns, auxiliaries, prepositions,
 * conjunctions, and the template words the generators put around names (task, purpose, implement,
 * write, class, function …). A sentence made of these plus the target's identifier words says
 * nothing the names do not already say.
 */
export const FILLER: ReadonlySet<string> = new Set([
  // articles, pronouns, determiners
  "a", "an", "the", "it", "its", "this", "that", "these", "those", "which", "who", "what", "here",
  "there", "they", "them", "their", "each", "every", "all", "some", "any",
  // auxiliaries and modals
  "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "do", "does", "did",
  "should", "must", "will", "would", "can", "could", "may", "might", "shall",
  // prepositions and conjunctions
  "of", "in", "on", "at", "to", "for", "from", "by", "with", "as", "into", "onto", "and", "or", "nor",
  "but", "if", "then", "so", "than",
  // template words of the generators' prompts
  "task", "purpose", "implement", "implements", "implemented", "write", "create", "provide", "define",
  "declare", "declares", "complete", "full", "kotlin", "code", "class", "interface", "object",
  "function", "fun", "property", "val", "var", "enum", "typealias", "type", "data", "sealed",
  "abstract", "open", "value", "annotation", "companion", "member", "members", "method", "methods",
  "body", "bodies", "below", "above", "following", "given", "build", "fill", "produce", "file",
  "composable", "compose", "multiplatform", "ui", "displays", "expect", "actual", "public", "private",
  "internal", "protected", "override", "suspend", "inline", "const", "lateinit", "operator", "infix",
]);

/**
 * Removes what is not prose from a sentence: `backticked` code spans and tokens with an inner
 * `.`, `/`, `(`, `"` or `:` (qualified names, paths, calls: `dev.example.app`, `src/commonMain/Foo.kt`,
 * `project(":shared")`).
 */
function proseWords(sentence: string): string[] {
  const text = sentence
    .replace(/`[^`]*`/g, " ")
    .replace(/\S*[A-Za-z0-9_)"][./(:"][A-Za-z0-9_"(:]\S*/g, " ");
  return (text.match(/[A-Za-z0-9]+/g) ?? []).flatMap(splitIdentifier);
}

/**
 * Echo rule: after removing code spans (proseWords) and FILLER words, at least one word is left
 * and every word left is one of the target's identifier words.
 */
export function isEchoSentence(sentence: string, targetWords: ReadonlySet<string>): boolean {
  // `label: value` with no prose in the value (`commonMain: libs.x`) states a fact, whatever the label.
  const labelled = /^[^:\s][^:]*:\s+(.*)$/.exec(sentence);
  if (labelled && proseWords(labelled[1]!).length === 0) return false;
  const words = proseWords(sentence).filter((w) => !FILLER.has(w));
  return words.length > 0 && words.every((w) => targetWords.has(w));
}

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
