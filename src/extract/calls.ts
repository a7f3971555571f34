/**
 * Callee names inside a body, by one linear scan of its text instead of a tree query: the query
 * (or a cursor walk over every expression node) costs 20-40 % of the parse itself, a scan ~2 %.
 * The scan knows Kotlin's lexical shape: it skips comments, strings and char literals (but reads
 * the code in `${…}` templates), and takes an identifier as a callee when `(`, a same-line `{`
 * (trailing lambda) or generic arguments and then one of those follow it. Keywords, declarations
 * (`fun x(`, `class X(`), annotations (`@X(`), type positions (`: X {`) and callable references
 * (`::x`) are not calls. The body ranges come from the tree, so only the inside is lexical.
 */

const NOT_CALLEES = new Set([
  "if", "when", "for", "while", "do", "try", "catch", "finally", "else", "return", "throw", "fun", "class", "interface",
  "object", "val", "var", "constructor", "init", "this", "super", "in", "is", "as", "typeof", "where",
  "by", "companion", "import", "package", "typealias", "break", "continue", "null", "true", "false",
]);
const DECLARING = new Set(["fun", "class", "interface", "object", "typealias", "val", "var"]);
const DECLARING_FIRST = new Set([..."fciotv"].map((ch) => ch.charCodeAt(0)));

const isIdentStart = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c > 127;
const isIdentPart = (c: number) => isIdentStart(c) || (c >= 48 && c <= 57);
const isBlank = (c: number) => c === 32 || c === 9 || c === 13;

/** Distinct callee names in `src[start, end)`, added to `into`. */
export function scanCalls(src: string, start: number, end: number, into: Set<string>): void {
  // Each frame is a string we are inside of (quote = 1 for "…", 3 for """…"""), or code of a
  // `${…}` template (quote = 0) with its brace depth.
  const frames: { quote: number; depth: number }[] = [];
  let i = start;
  let declaring = false; // after `fun`, `class`, `val`…: names up to `(`, `=`, `:`, `{` are declared, not called
  let prevSig = 0; // the last significant character code before the current token
  while (i < end) {
    const top = frames[frames.length - 1];
    const c = src.charCodeAt(i);
    if (top && top.quote > 0) {
      // Inside a string: look for its end or a template.
      if (c === 92 /* \ */ && top.quote === 1) i += 2;
      else if (c === 34 /* " */ && (top.quote === 1 || src.startsWith('"""', i))) {
        frames.pop();
        i += top.quote;
        prevSig = 34;
      } else if (c === 36 /* $ */ && src.charCodeAt(i + 1) === 123 /* { */) {
        frames.push({ quote: 0, depth: 0 });
        i += 2;
        prevSig = 123;
      } else i++;
      continue;
    }
    if (c === 32 || c === 9) {
      // Blanks between tokens change nothing (most characters of indented code are these).
      i++;
      continue;
    }
    if (c === 47 /* / */ && src.charCodeAt(i + 1) === 47) {
      const nl = src.indexOf("\n", i);
      i = nl < 0 || nl > end ? end : nl;
      continue;
    }
    if (c === 47 && src.charCodeAt(i + 1) === 42 /* * */) {
      const close = src.indexOf("*/", i + 2);
      i = close < 0 || close > end ? end : close + 2;
      continue;
    }
    if (c === 34) {
      const triple = src.startsWith('"""', i);
      frames.push({ quote: triple ? 3 : 1, depth: 0 });
      i += triple ? 3 : 1;
      continue;
    }
    if (c === 39 /* ' */) {
      const close = src.indexOf("'", i + (src.charCodeAt(i + 1) === 92 ? 3 : 2));
      i = close < 0 || close > end ? end : close + 1;
      prevSig = 39;
      continue;
    }
    if (top && top.quote === 0) {
      if (c === 123) top.depth++;
      else if (c === 125 /* } */ && top.depth-- === 0) {
        frames.pop();
        i++;
        continue;
      }
    }
    if (c === 96 /* ` */) {
      const close = src.indexOf("`", i + 1);
      const name = close < 0 ? "" : src.slice(i + 1, close);
      i = close < 0 || close > end ? end : close + 1;
      if (name && !declaring && isCallAfter(src, i, end)) into.add(name);
      prevSig = 96;
      continue;
    }
    if (isIdentStart(c)) {
      const from = i;
      while (i < end && isIdentPart(src.charCodeAt(i))) i++;
      const before = prevSig;
      prevSig = 65;
      // Most identifiers are neither declaring keywords nor calls: slice the word only when it may be.
      const len = i - from;
      if (len >= 3 && len <= 9 && DECLARING_FIRST.has(c) && DECLARING.has(src.slice(from, i))) declaring = true;
      if (declaring || before === 64 /* @annotation */) continue;
      if (before === 58 /* : */ && !afterElvis(src, from)) continue; // a type (`: X {`) or a reference (`::x`)
      if (!isCallAfter(src, i, end)) continue;
      const word = src.slice(from, i);
      if (!NOT_CALLEES.has(word)) into.add(word);
      continue;
    }
    if (c >= 48 && c <= 57) {
      // Numbers (and their suffixes, 1L, 0x1F, 1.5f) are not identifiers.
      while (i < end && (isIdentPart(src.charCodeAt(i)) || src.charCodeAt(i) === 46)) i++;
      prevSig = 48;
      continue;
    }
    if (c === 40 || c === 61 || c === 58 || c === 123 || c === 59 || c === 10) declaring = false; // ( = : { ; newline
    if (!isBlank(c) && c !== 10) prevSig = c;
    i++;
  }
}

/** The `:` before an identifier at `at` (blanks skipped) is the end of an elvis `?:`, so a call may follow. */
function afterElvis(src: string, at: number): boolean {
  let j = at - 1;
  while (j >= 0 && (isBlank(src.charCodeAt(j)) || src.charCodeAt(j) === 10)) j--;
  return src.charCodeAt(j - 1) === 63;
}

/** Generic arguments longer than this are taken for a comparison: bounds the look-ahead. */
const MAX_TYPE_ARGS = 200;

/** After an identifier ending at `i`: `(`, a same-line `{`, or `<…>` and then one of those. */
function isCallAfter(src: string, i: number, end: number): boolean {
  while (i < end && isBlank(src.charCodeAt(i))) i++;
  let c = src.charCodeAt(i);
  if (c === 60 /* < */) {
    // Generic arguments: only type characters up to the matching `>`.
    let depth = 0;
    const limit = Math.min(end, i + MAX_TYPE_ARGS);
    for (; i < limit; i++) {
      c = src.charCodeAt(i);
      if (c === 60) depth++;
      else if (c === 62) {
        if (--depth === 0) break;
      }
      else if (!(isIdentPart(c) || isBlank(c) || c === 44 || c === 46 || c === 63 || c === 42 || c === 58 || c === 64 || c === 40 || c === 41 || c === 45)) return false;
    }
    if (depth !== 0) return false;
    i++;
    while (i < end && isBlank(src.charCodeAt(i))) i++;
    c = src.charCodeAt(i);
  }
  return c === 40 /* ( */ || c === 123 /* { */;
}
