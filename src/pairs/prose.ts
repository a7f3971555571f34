/**
 * The prose rules every prompt sentence is held to, shared by the model-written descriptions'
 * checks and bench/rows.ts: a sentence made only of the target's identifier words (after filler
 * words and code spans) echoes names and states nothing.
 */
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

export const IDENT = /[A-Za-z_][A-Za-z0-9_]*/g;

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
export function proseWords(sentence: string): string[] {
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
