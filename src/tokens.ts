/**
 * Token counts for the --max-input-tokens / --max-target-tokens limits and the length statistics.
 * `bpe` is OpenAI's o200k_base vocabulary from gpt-tokenizer (the GPT-4o/GPT-5 tokenizer): a real BPE,
 * close to what modern code models' tokenizers produce on Kotlin. `chars4` is the old estimate,
 * characters / 4, rounded up. Counting runs in the workers (it is CPU work).
 *
 * The `bpe` count equals gpt-tokenizer's `countTokens(text, { disallowedSpecial: new Set() })` for
 * every string, but is several times cheaper. The library splits text into pre-tokens with its
 * o200k regex and BPE-encodes each one independently, so a count is the sum of the pieces' counts.
 * On code, the library's time goes to that regex (Unicode property classes; about a third) and to a
 * vocabulary Map lookup of each piece as a fresh substring. Here the split is done by a hand-written
 * scanner that reproduces the regex for ASCII text, and the library's own regex (sticky, at the same
 * position) takes over for any piece whose extent depends on a non-ASCII character. Each piece is
 * then counted by the library itself, `countTokens(piece)`, and memoised in place (PieceMemo): code
 * repeats its words, indents and punctuation endlessly. bench/tokens.ts measures it. A regex match, re-split on its
 * own, is that one match again (the only lookahead, `\s+(?!\S)`, takes the whole run at the end of
 * the string, which the match already is), so counting a piece alone equals counting it in place.
 * test/tokens.test.ts compares pieces and counts with the library on random and corpus text.
 */
export type TokenizerName = "bpe" | "chars4";

export const TOKENIZER_DESCRIPTION: Record<TokenizerName, string> = {
  bpe: "BPE, OpenAI o200k_base vocabulary (gpt-tokenizer 4.0.0)",
  chars4: "estimate: characters / 4, rounded up",
};

type Counter = (text: string) => number;
type LibraryCount = (text: string, options: { disallowedSpecial: Set<string> }) => number;

/**
 * The o200k pre-tokenisation regex the scanner below was written against (gpt-tokenizer 4.0.0,
 * encodingParams/constants.ts). If the library's regex ever differs, the scanner is not used.
 */
export const O200K_SPLIT_SOURCE = String.raw`[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]*[\p{Ll}\p{Lm}\p{Lo}\p{M}]+(?:'(?:[sS]|[dD]|[mM]|[tT]|[lL][lL]|[vV][eE]|[rR][eE]))?|[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]+[\p{Ll}\p{Lm}\p{Lo}\p{M}]*(?:'(?:[sS]|[dD]|[mM]|[tT]|[lL][lL]|[vV][eE]|[rR][eE]))?|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n/]*|\s*[\r\n]+|\s+(?!\S)|\s+`;

/** Pieces memoised per counter before the memo is dropped and refilled: at most ~4 MB of table and ~6 MB of keys. */
export const PIECE_CACHE_LIMIT = 100_000;

// ASCII classes as the o200k regex sees them: letters (\p{Lu} / \p{Ll}), digits (\p{N}),
// whitespace (\s) split into \r\n and the rest, and everything else (punctuation, symbols, controls).
const OTHER = 0;
const UPPER = 1;
const LOWER = 2;
const DIGIT = 3;
const SPACE = 4; // space, \t, \v, \f
const NEWLINE = 5; // \r, \n
const CLASS = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  CLASS[c] =
    c >= 65 && c <= 90 ? UPPER
    : c >= 97 && c <= 122 ? LOWER
    : c >= 48 && c <= 57 ? DIGIT
    : c === 10 || c === 13 ? NEWLINE
    : c === 32 || c === 9 || c === 11 || c === 12 ? SPACE
    : OTHER;
}
const UNKNOWN = -1;

/**
 * End of the o200k pre-token that starts at `pos`, or UNKNOWN when deciding it needs the class of a
 * non-ASCII character (the caller then asks the regex). Alternatives, in the regex's order:
 *  1. [^\r\n L N]? Upper* Lower+ contraction?   2. [^\r\n L N]? Upper+ Lower* contraction?
 *  3. N{1,3}   4. ' '? [^\s L N]+ [\r\n/]*   5. \s* [\r\n]+   6. \s+(?!\S)   7. \s+
 */
function pieceEnd(t: string, pos: number, n: number): number {
  const c = t.charCodeAt(pos);
  if (c >= 128) return UNKNOWN;
  const k = CLASS[c]!;
  if (k === UPPER || k === LOWER) return wordEnd(t, pos, n);
  if (k === DIGIT) {
    let e = pos + 1;
    const max = Math.min(pos + 3, n);
    while (e < max) {
      const d = t.charCodeAt(e);
      if (d >= 128) return UNKNOWN;
      if (CLASS[d] !== DIGIT) break;
      e++;
    }
    return e;
  }
  if (k === NEWLINE) return whitespaceEnd(t, pos, n);
  // OTHER or SPACE: the one-character prefix of a word (alternatives 1, 2) if a letter follows.
  if (pos + 1 < n) {
    const d = t.charCodeAt(pos + 1);
    if (d >= 128) return UNKNOWN;
    const dk = CLASS[d]!;
    if (dk === UPPER || dk === LOWER) return wordEnd(t, pos + 1, n);
    if (k === OTHER) return punctuationEnd(t, pos, n);
    if (c === 32 && dk === OTHER) return punctuationEnd(t, pos + 1, n);
    return whitespaceEnd(t, pos, n);
  }
  return k === OTHER ? pos + 1 : whitespaceEnd(t, pos, n);
}

/** Alternatives 1 and 2 from the first letter at `s`: uppers, then lowers (none if only uppers), then a contraction. */
function wordEnd(t: string, s: number, n: number): number {
  let i = s;
  let d = 0;
  while (i < n) {
    d = t.charCodeAt(i);
    if (d >= 128) return UNKNOWN;
    if (CLASS[d] !== UPPER) break;
    i++;
  }
  if (i < n && CLASS[d] === LOWER) {
    i++;
    while (i < n) {
      d = t.charCodeAt(i);
      if (d >= 128) return UNKNOWN;
      if (CLASS[d] !== LOWER) break;
      i++;
    }
  }
  return contractionEnd(t, i, n);
}

/** `'s 't 'd 'm 'll 've 're` in any case at `j`, taken whole, or nothing. */
function contractionEnd(t: string, j: number, n: number): number {
  if (j + 1 >= n || t.charCodeAt(j) !== 39) return j;
  const a = t.charCodeAt(j + 1) | 0x20;
  if (a === 115 || a === 116 || a === 100 || a === 109) return j + 2; // s t d m
  if (j + 2 >= n) return j;
  const b = t.charCodeAt(j + 2) | 0x20;
  if ((a === 108 && b === 108) || (a === 118 && b === 101) || (a === 114 && b === 101)) return j + 3; // ll ve re
  return j;
}

/** Alternative 4 from the first punctuation character at `s`: its run, then any \r \n / that follow. */
function punctuationEnd(t: string, s: number, n: number): number {
  let i = s + 1;
  while (i < n) {
    const d = t.charCodeAt(i);
    if (d >= 128) return UNKNOWN;
    if (CLASS[d] !== OTHER) break;
    i++;
  }
  while (i < n) {
    const d = t.charCodeAt(i);
    if (d !== 10 && d !== 13 && d !== 47) break;
    i++;
  }
  return i;
}

/**
 * Alternatives 5–7 on the whitespace run at `s`: up to its last \r or \n if it has one; else the
 * whole run at the end of the text; else the run but its last character (which then prefixes the
 * next word or punctuation); a single character before non-space stands alone.
 */
function whitespaceEnd(t: string, s: number, n: number): number {
  let e = s;
  let lastNewline = -1;
  while (e < n) {
    const d = t.charCodeAt(e);
    if (d >= 128) return UNKNOWN; // \u00a0, \u2028 … are \s too
    const k = CLASS[d]!;
    if (k === NEWLINE) lastNewline = e;
    else if (k !== SPACE) break;
    e++;
  }
  if (lastNewline >= 0) return lastNewline + 1;
  if (e === n || e - s === 1) return e;
  return e - 1;
}

/**
 * End of the o200k pre-token of `text` that starts at `pos`: by the scanner, or where it cannot
 * decide by `regex`, the library's split regex with the sticky flag (so it matches at `pos` exactly).
 * -1 if the regex does not match (never expected: its alternatives cover every character).
 */
function nextPieceEnd(text: string, pos: number, n: number, regex: RegExp): number {
  const end = pieceEnd(text, pos, n);
  if (end > pos) return end; // (never empty: an empty piece would stall the caller)
  regex.lastIndex = pos;
  const m = regex.exec(text);
  return m === null || m[0].length === 0 ? -1 : pos + m[0].length;
}

/** The pre-tokens of `text` as the scanner (with the regex's help) finds them; for tests. */
export function splitPieces(text: string, splitRegex: RegExp): string[] {
  const regex = new RegExp(splitRegex.source, "uy");
  const out: string[] = [];
  for (let pos = 0; pos < text.length; ) {
    const end = nextPieceEnd(text, pos, text.length, regex);
    if (end < 0) throw new Error("o200k split regex did not match");
    out.push(text.slice(pos, end));
    pos = end;
  }
  return out;
}

/** FNV-1a over the UTF-16 units of text[s, e), never 0 (0 marks an empty memo slot). */
export function pieceHash(text: string, s: number, e: number): number {
  let h = 0x811c9dc5 ^ (e - s);
  for (let i = s; i < e; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h | 1;
}

/**
 * Piece → token count memo keyed by the piece's characters in place (text, start, end), so a hit
 * costs a hash and a compare but no substring and no Map hashing of a fresh string (which is what a
 * `Map<string, number>` lookup costs per piece, more than the scan itself). Open addressing over
 * typed arrays; keys are copied into a UTF-16 pool. Bounded: when `limit` entries or the pool are
 * full, everything is dropped and refilled.
 */
export class PieceMemo {
  private mask = 4095;
  private hashes = new Int32Array(4096);
  private starts = new Int32Array(4096);
  private lengths = new Int32Array(4096);
  private counts = new Int32Array(4096);
  private pool = new Uint16Array(1 << 16);
  private used = 0;
  private size = 0;
  /** The hash of the piece the last `get` looked up (`set` stores it). */
  private hash = 0;

  constructor(
    private readonly limit: number,
    private readonly poolLimit = limit * 32,
  ) {}

  /** The memoised count of text[s, e), or -1. */
  get(text: string, s: number, e: number): number {
    const len = e - s;
    const h = pieceHash(text, s, e);
    const { hashes, lengths, starts, pool, mask } = this;
    let idx = h & mask;
    for (;;) {
      const stored = hashes[idx]!;
      if (stored === 0) break;
      if (stored === h && lengths[idx] === len) {
        let k = starts[idx]!;
        let i = s;
        while (i < e && pool[k] === text.charCodeAt(i)) {
          i++;
          k++;
        }
        if (i === e) return this.counts[idx]!;
      }
      idx = (idx + 1) & mask;
    }
    this.hash = h;
    return -1;
  }

  /** Records the count of text[s, e) right after a `get` of the same piece missed. */
  set(text: string, s: number, e: number, count: number): void {
    const len = e - s;
    if (len > this.poolLimit) return;
    if (this.size >= this.limit || this.used + len > this.poolLimit) this.clear();
    else if ((this.size + 1) * 2 > this.hashes.length) this.grow();
    if (this.used + len > this.pool.length) {
      const grown = new Uint16Array(Math.min(Math.max(this.pool.length * 2, this.used + len), this.poolLimit));
      grown.set(this.pool.subarray(0, this.used));
      this.pool = grown;
    }
    const start = this.used;
    for (let i = s; i < e; i++) this.pool[this.used++] = text.charCodeAt(i);
    this.place(this.hash, start, len, count);
    this.size++;
  }

  /** Puts an entry in the first free slot of its probe sequence. */
  private place(h: number, start: number, len: number, count: number): void {
    let idx = h & this.mask;
    while (this.hashes[idx] !== 0) idx = (idx + 1) & this.mask;
    this.hashes[idx] = h;
    this.starts[idx] = start;
    this.lengths[idx] = len;
    this.counts[idx] = count;
  }

  /** Twice the slots (load stays under one half), entries re-placed by their stored hashes. */
  private grow(): void {
    const { hashes, starts, lengths, counts } = this;
    const slots = hashes.length * 2;
    this.mask = slots - 1;
    this.hashes = new Int32Array(slots);
    this.starts = new Int32Array(slots);
    this.lengths = new Int32Array(slots);
    this.counts = new Int32Array(slots);
    for (let i = 0; i < hashes.length; i++) {
      if (hashes[i] !== 0) this.place(hashes[i]!, starts[i]!, lengths[i]!, counts[i]!);
    }
  }

  clear(): void {
    this.hashes.fill(0);
    this.used = 0;
    this.size = 0;
  }
}

/**
 * A counter equal to `libraryCount(text, { disallowedSpecial: new Set() })`, built from the library's
 * count function and its o200k split regex. Falls back to the library on every call if the regex is
 * not the one the scanner reproduces.
 */
export function createBpeCounter(
  libraryCount: LibraryCount,
  splitRegex: RegExp,
  cacheLimit = PIECE_CACHE_LIMIT,
): Counter {
  // Text that happens to contain "<|endoftext|>" is code, not a control token: count it as text.
  const options = { disallowedSpecial: new Set<string>() };
  const library: Counter = (text) => libraryCount(text, options);
  if (splitRegex.source !== O200K_SPLIT_SOURCE) return library;
  const regex = new RegExp(splitRegex.source, "uy");
  const memo = new PieceMemo(cacheLimit);
  return (text) => {
    const n = text.length;
    let total = 0;
    for (let pos = 0; pos < n; ) {
      const end = nextPieceEnd(text, pos, n, regex);
      if (end < 0) return library(text);
      // Every single byte is a token of its own in o200k.
      if (end - pos === 1 && text.charCodeAt(pos) < 128) total += 1;
      else {
        let count = memo.get(text, pos, end);
        if (count < 0) {
          count = library(text.slice(pos, end));
          memo.set(text, pos, end, count);
        }
        total += count;
      }
      pos = end;
    }
    return total;
  };
}

let bpe: Promise<Counter> | null = null;

async function loadBpe(): Promise<Counter> {
  const { countTokens } = await import("gpt-tokenizer/encoding/o200k_base");
  const { O200K_TOKEN_SPLIT_REGEX } = await import("gpt-tokenizer/encodingParams/constants");
  return createBpeCounter(countTokens, O200K_TOKEN_SPLIT_REGEX);
}

export async function tokenCounter(name: TokenizerName): Promise<Counter> {
  if (name === "chars4") return (text) => Math.ceil(text.length / 4);
  bpe ??= loadBpe();
  return bpe;
}
