/**
 * The three views of a target used for de-duplication, all from one token list:
 *  - exact: the tokens verbatim joined by one space — whitespace and comments normalised away;
 *  - structural: names the snippet declares (its functions, classes, properties, parameters,
 *    locals, lambda parameters) become `$1, $2, …` by first occurrence and literals become `L`,
 *    so a copy with consistently renamed identifiers and changed literals has the same key;
 *  - shingles: token 5-grams over the same abstraction, declared names all `I`, for MinHash.
 * Names the snippet only *references* (types, library calls such as `String`, `launch`,
 * `MutableStateFlow`) stay verbatim: they carry the meaning, and abstracting them would make
 * `data class User(val name: String)` a "copy" of `data class Point(val x: Double)`.
 */
import { createHash } from "node:crypto";
import { Tok, type Token } from "./lexer.ts";

export const SHINGLE_SIZE = 5;

/** The names a snippet declares itself (what a renaming would change). */
export function declaredNames(t: Token[]): Set<string> {
  const names = new Set<string>();
  const isOp = (k: number, text: string) => t[k]?.kind === Tok.Op && t[k]!.text === text;
  const isIdent = (k: number) => t[k]?.kind === Tok.Ident;
  for (let i = 0; i < t.length; i++) {
    const tok = t[i]!;
    if (tok.kind === Tok.Keyword) {
      switch (tok.text) {
        case "fun": {
          // `fun <T> Recv<T>.name(` — the name is the identifier right before the first `(`.
          for (let j = i + 1; j < Math.min(t.length, i + 40); j++) {
            if (isOp(j, "<") && j === i + 1) {
              for (let k = j + 1; k < t.length && !isOp(k, ">"); k++) if (isIdent(k) && (isOp(k + 1, ",") || isOp(k + 1, ">") || isOp(k + 1, ":"))) names.add(t[k]!.text);
            }
            if (isOp(j, "(")) {
              if (isIdent(j - 1)) names.add(t[j - 1]!.text);
              break;
            }
            if (isOp(j, "{") || isOp(j, "=")) break;
          }
          break;
        }
        case "val":
        case "var": {
          if (isOp(i + 1, "(")) {
            for (let k = i + 2; k < t.length && !isOp(k, ")"); k++) if (isIdent(k)) names.add(t[k]!.text);
            break;
          }
          let last = -1;
          for (let j = i + 1; j < Math.min(t.length, i + 24) && t[j]!.line === tok.line; j++) {
            const x = t[j]!;
            if (x.kind === Tok.Op && [":", "=", ";", ")", ",", "{"].includes(x.text)) break;
            if (x.kind === Tok.Keyword && x.text === "by") break;
            if (x.kind === Tok.Ident) last = j;
          }
          if (last >= 0) names.add(t[last]!.text);
          break;
        }
        case "class":
        case "interface":
        case "object":
        case "typealias":
          if (isIdent(i + 1)) names.add(t[i + 1]!.text);
          break;
        case "for":
          if (isOp(i + 1, "(") && isIdent(i + 2)) names.add(t[i + 2]!.text);
          break;
      }
    } else if (tok.kind === Tok.Ident && isOp(i + 1, ":")) {
      names.add(tok.text); // parameters, properties, catch variables, type-parameter bounds
    } else if (tok.kind === Tok.Op && tok.text === "{") {
      // `{ a, b -> …` lambda parameters
      const params: string[] = [];
      let k = i + 1;
      while (isIdent(k)) {
        params.push(t[k]!.text);
        if (isOp(k + 1, ",")) k += 2;
        else break;
      }
      if (params.length > 0 && isOp(k + 1, "->")) for (const p of params) names.add(p);
    }
  }
  return names;
}

/** A 53-bit key of a string: exact as a JS number, so keys live in a Float64Array. */
export function key53(text: string): number {
  const d = createHash("md5").update(text).digest();
  return (d.readUInt32BE(0) & 0x1fffff) * 0x1_0000_0000 + d.readUInt32BE(4);
}

/** murmur3's 32-bit finaliser: a bijection with full avalanche. */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** FNV-1a over UTF-16 code units, finalised. Our own so shingle hashes never change with the runtime. */
export function hashString32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return fmix32(h);
}

const tokenHashCache = new Map<string, number>();
function tokenHash(s: string): number {
  let h = tokenHashCache.get(s);
  if (h === undefined) {
    if (tokenHashCache.size > 200_000) tokenHashCache.clear();
    h = hashString32(s);
    tokenHashCache.set(s, h);
  }
  return h;
}

/** Distinct hashes of the token n-grams, sorted. Fewer than n tokens give one shingle of them all. */
export function shingleHashes(seq: string[], n = SHINGLE_SIZE): Uint32Array {
  if (seq.length === 0) return new Uint32Array(0);
  const th = seq.map(tokenHash);
  const count = Math.max(1, seq.length - n + 1);
  const width = Math.min(n, seq.length);
  const out = new Uint32Array(count);
  for (let i = 0; i < count; i++) {
    let h = 0x9e3779b9;
    for (let k = 0; k < width; k++) h = Math.imul(h ^ th[i + k]!, 0x01000193) + k;
    out[i] = fmix32(h);
  }
  out.sort();
  let w = 0;
  for (let i = 0; i < out.length; i++) if (i === 0 || out[i] !== out[w - 1]) out[w++] = out[i]!;
  return out.subarray(0, w);
}

export interface Fingerprints {
  exactKey: number;
  structKey: number;
  shingles: Uint32Array;
}

export function fingerprints(tokens: Token[]): Fingerprints {
  const declared = declaredNames(tokens);
  const order = new Map<string, number>();
  const exact: string[] = [];
  const struct: string[] = [];
  const shingleSeq: string[] = [];
  for (const tok of tokens) {
    exact.push(tok.text);
    if (tok.kind === Tok.Literal) {
      struct.push("L");
      shingleSeq.push("L");
    } else if (tok.kind === Tok.Ident && declared.has(tok.text)) {
      let k = order.get(tok.text);
      if (k === undefined) order.set(tok.text, (k = order.size + 1));
      struct.push(`$${k}`);
      shingleSeq.push("I");
    } else {
      struct.push(tok.text);
      shingleSeq.push(tok.text);
    }
  }
  return {
    exactKey: key53(exact.join(" ")),
    structKey: key53(struct.join(" ")),
    shingles: shingleHashes(shingleSeq),
  };
}
