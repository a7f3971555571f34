/**
 * A small Kotlin lexer for fingerprints, shingles, delimiter checks and quality signals. It does not
 * build a tree (the grammar does that for validation); it only has to split text into tokens the
 * same way for two copies of the same code, skip comments, and keep string templates inside their
 * string so a `}` in `"${x}"` is not mistaken for a block end.
 */

export const Tok = { Keyword: 0, Ident: 1, Literal: 2, Op: 3 } as const;
export type Tok = (typeof Tok)[keyof typeof Tok];

export interface Token {
  kind: Tok;
  text: string;
  line: number; // 0-based line of the token's first character
}

export interface LexResult {
  tokens: Token[];
  /** `/** … *\/` blocks. */
  kdocs: number;
  /** Lines that hold a comment (line or block). */
  commentLines: number;
  /** Brackets open/close in the right order outside strings and comments. */
  balanced: boolean;
  /** Total lines of the text. */
  lines: number;
}

// Hard and soft keywords and modifiers: kept verbatim in every abstraction, they are the structure.
const KEYWORDS = new Set(
  (
    "as break class continue do else for fun if in interface is null object package return super this throw try " +
    "typealias typeof val var when while by catch constructor delegate dynamic field file finally get import init " +
    "param property receiver set setparam where actual abstract annotation companion const crossinline data enum " +
    "expect external final infix inline inner internal lateinit noinline open operator out override private " +
    "protected public reified sealed suspend tailrec vararg value"
  ).split(" "),
);
const LITERAL_WORDS = new Set(["true", "false"]);

// Longest first, so `?.` wins over `?` and `===` over `==`.
const OPERATORS = [
  "===", "!==", "..<", "?.", "?:", "::", "->", "==", "!=", "<=", ">=", "&&", "||", "++", "--", "+=", "-=", "*=",
  "/=", "%=", "..", "!!",
];

const OPEN: Record<string, string> = { "(": ")", "[": "]", "{": "}" };
const CLOSE = new Set([")", "]", "}"]);

function isIdentStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c > 127;
}
function isIdentPart(c: number): boolean {
  return isIdentStart(c) || (c >= 48 && c <= 57);
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

export function lexKotlin(src: string): LexResult {
  const tokens: Token[] = [];
  const stack: string[] = [];
  let balanced = true;
  let kdocs = 0;
  const commentLineSet = new Set<number>();
  let line = 0;
  let i = 0;
  const n = src.length;

  const countLines = (from: number, to: number) => {
    for (let k = from; k < to; k++) if (src.charCodeAt(k) === 10) line++;
  };

  /** Skips a string starting at i (quote count 1 or 3); returns the index after it. */
  const skipString = (start: number): number => {
    const raw = src.startsWith('"""', start);
    let k = start + (raw ? 3 : 1);
    while (k < n) {
      const c = src[k];
      if (raw) {
        if (src.startsWith('"""', k)) {
          k += 3;
          while (src[k] === '"') k++; // """ followed by more quotes: the last three close
          return k;
        }
      } else {
        if (c === "\\") {
          k += 2;
          continue;
        }
        if (c === '"') return k + 1;
        if (c === "\n") return k; // unterminated: stop at the line end
      }
      if (c === "$" && src[k + 1] === "{") k = skipTemplate(k + 2);
      else k++;
    }
    return n;
  };

  /** Skips a `${ … }` template body (which may hold strings and braces); returns the index after `}`. */
  const skipTemplate = (start: number): number => {
    let depth = 1;
    let k = start;
    while (k < n) {
      const c = src[k];
      if (c === '"') {
        k = skipString(k);
        continue;
      }
      if (c === "{") depth++;
      else if (c === "}") {
        depth--;
        if (depth === 0) return k + 1;
      }
      k++;
    }
    return n;
  };

  while (i < n) {
    const c = src.charCodeAt(i);
    if (c === 10) {
      line++;
      i++;
      continue;
    }
    if (c === 32 || c === 9 || c === 13 || c === 12) {
      i++;
      continue;
    }
    const ch = src[i]!;
    // Comments: line, and block (Kotlin block comments nest).
    if (ch === "/" && src[i + 1] === "/") {
      commentLineSet.add(line);
      while (i < n && src.charCodeAt(i) !== 10) i++;
      continue;
    }
    if (ch === "/" && src[i + 1] === "*") {
      if (src[i + 2] === "*" && src[i + 3] !== "/") kdocs++;
      let depth = 1;
      let k = i + 2;
      while (k < n && depth > 0) {
        if (src[k] === "/" && src[k + 1] === "*") {
          depth++;
          k += 2;
        } else if (src[k] === "*" && src[k + 1] === "/") {
          depth--;
          k += 2;
        } else k++;
      }
      const firstLine = line;
      countLines(i, k);
      for (let l = firstLine; l <= line; l++) commentLineSet.add(l);
      i = k;
      continue;
    }
    const startLine = line;
    if (ch === '"') {
      const end = skipString(i);
      tokens.push({ kind: Tok.Literal, text: src.slice(i, end), line: startLine });
      countLines(i, end);
      i = end;
      continue;
    }
    if (ch === "'") {
      let k = i + 1;
      while (k < n && src[k] !== "'" && src[k] !== "\n") k += src[k] === "\\" ? 2 : 1;
      const end = Math.min(n, k + 1);
      tokens.push({ kind: Tok.Literal, text: src.slice(i, end), line: startLine });
      i = end;
      continue;
    }
    if (isDigit(c) || (ch === "." && isDigit(src.charCodeAt(i + 1)))) {
      let k = i + 1;
      while (k < n) {
        const d = src.charCodeAt(k);
        // digits, letters (hex, suffixes L/f/u, exponent e), underscores, a decimal point followed by a digit
        if (isIdentPart(d)) k++;
        else if (src[k] === "." && isDigit(src.charCodeAt(k + 1))) k++;
        else if ((src[k] === "+" || src[k] === "-") && /[eE]/.test(src[k - 1] ?? "") && !/^0[xX]/.test(src.slice(i, i + 2))) k++;
        else break;
      }
      tokens.push({ kind: Tok.Literal, text: src.slice(i, k), line: startLine });
      i = k;
      continue;
    }
    if (ch === "`") {
      const end = src.indexOf("`", i + 1);
      const k = end === -1 || src.slice(i, end).includes("\n") ? i + 1 : end + 1;
      tokens.push({ kind: Tok.Ident, text: src.slice(i, k), line: startLine });
      i = k;
      continue;
    }
    if (isIdentStart(c)) {
      let k = i + 1;
      while (k < n && isIdentPart(src.charCodeAt(k))) k++;
      const word = src.slice(i, k);
      const kind = KEYWORDS.has(word) ? Tok.Keyword : LITERAL_WORDS.has(word) ? Tok.Literal : Tok.Ident;
      tokens.push({ kind, text: word, line: startLine });
      i = k;
      continue;
    }
    let op = ch;
    for (const candidate of OPERATORS) {
      if (src.startsWith(candidate, i)) {
        op = candidate;
        break;
      }
    }
    if (OPEN[op]) stack.push(OPEN[op]!);
    else if (CLOSE.has(op)) {
      if (stack.pop() !== op) balanced = false;
    }
    tokens.push({ kind: Tok.Op, text: op, line: startLine });
    i += op.length;
  }
  if (stack.length > 0) balanced = false;
  return { tokens, kdocs, commentLines: commentLineSet.size, balanced, lines: line + 1 };
}
