/**
 * Which targets are known to parse, so prepare need not parse them again (`meta.target_parses`).
 * Extract already parsed every file; a target is marked only when it is a source block's text
 * that extract found clean, changed by nothing but edits that cannot change the parse:
 *  - dedentDeclaration removes spaces and tabs at line starts, never a newline: no two tokens join,
 *    and only the insides of multi-line strings and comments change;
 *  - import lines before a top-level declaration (expect_actual, interface_implementation) are a
 *    file header the grammar reads as one;
 *  - stripLicenceHeader removes whole comments (with the blank lines after them) from the preamble,
 *    cut at whitespace;
 *  - secret redaction is checked per target (redactionKeepsParse).
 * test/pairs/parses.test.ts parses every marked target of the sample corpus and ../shared/kmp-corpus.
 */
import { lexKotlin, Tok } from "../prepare/lexer.ts";
import type { Block } from "../types.ts";

/**
 * Extract saw no ERROR/MISSING node in the block's range, on a parse of the text as written (not a
 * repaired reading). Blocks of older runs, without `repaired`, are not known to be clean.
 */
export function parsesAsWritten(b: Block): boolean {
  return b.parse_errors === 0 && b.repaired === false && (b.kind !== "gradle" || b.dsl === "kotlin");
}

/**
 * The block's declaration parses on its own, torn out of its file (dedented). A companion object
 * does not: alone, `companion object : Foo { … }` is an error and `private companion object { … }`
 * too (58 of 88 clean companions of kmp-corpus failed). Every other kind measured clean alone.
 */
export function parsesStandalone(b: Block): boolean {
  return parsesAsWritten(b) && !(b.parent !== null && b.modifiers.includes("companion"));
}

/**
 * Redaction left the parse as it was: the same tokens, with only string literals' insides changed
 * (a placeholder inside a string or a comment). A placeholder over code, or one that swallowed a
 * quote or a comment's end, changes the tokens: not known to parse.
 */
export function redactionKeepsParse(before: string, after: string): boolean {
  if (before === after) return true;
  const a = lexKotlin(before).tokens;
  const b = lexKotlin(after).tokens;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x.kind !== y.kind) return false;
    if (x.text === y.text) continue;
    if (x.kind !== Tok.Literal || !isStringToken(x.text) || !isStringToken(y.text)) return false;
  }
  return true;
}

/** A whole string literal with no template in it, opened and closed by the same quotes. */
function isStringToken(t: string): boolean {
  const raw = t.startsWith('"""');
  const q = raw ? '"""' : '"';
  return t.startsWith(q) && t.length >= 2 * q.length && t.endsWith(q) && !t.includes("${");
}
