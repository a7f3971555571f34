/**
 * A file's licence header is boilerplate, not code to learn: a model trained on it learns to open
 * every file with some company's copyright. The licence stays on the pair, in `license`.
 */

/** Wording only a licence or copyright notice uses (a KDoc that merely mentions a licence does not say these). */
const LICENCE_WORDING = [
  /\bcopyright\s*(\(c\)|©|\d{4})/i,
  /©\s*\d{4}/,
  /\blicen[cs]ed under\b/i,
  /\bSPDX-License-Identifier\b/i,
  /\bpermission is hereby granted\b/i,
  /\bapache license\b/i,
  /\bGNU (lesser |library |affero )?general public license\b/i,
  /\bmozilla public license\b/i,
  /\beclipse public license\b/i,
  /\buse of this source code is governed by\b/i,
  /\ball rights reserved\b/i,
  /\bredistribution and use in source and binary forms\b/i,
  /\bthis (program|file|library|software) is free software\b/i,
];

export function isLicenceComment(comment: string): boolean {
  return LICENCE_WORDING.some((re) => re.test(comment));
}

/** The comment at `at` (a block comment, or a run of `//` lines), or null when none starts there. */
function commentAt(text: string, at: number): { end: number } | null {
  if (text.startsWith("/*", at)) {
    const close = text.indexOf("*/", at + 2);
    return close < 0 ? null : { end: close + 2 };
  }
  if (text.startsWith("//", at)) {
    const run = /^(?:[ \t]*\/\/[^\n]*(?:\n|$))+/.exec(text.slice(at))!;
    return { end: at + run[0].replace(/\n$/, "").length };
  }
  return null;
}

/** Lines of a file's preamble that a licence comment may sit between: `@file:` annotations, package, imports. */
const PREAMBLE_LINE = /^(@file:|package\s|import\s)[^\n]*/;

/**
 * `text` without the licence comments of its preamble (a copyright line, then the licence; some
 * files put it after `@file:` annotations or the imports), each with the blank lines after it.
 * The search ends at the first line of code: a declaration's KDoc stays, and so does any comment
 * inside a declaration. A comment without licence wording stays.
 */
export function stripLicenceHeader(text: string): { text: string; stripped: boolean } {
  const cut: [number, number][] = [];
  let pos = 0;
  for (;;) {
    const skip = text.slice(pos).search(/\S/);
    if (skip < 0) break;
    const at = pos + skip;
    const comment = commentAt(text, at);
    if (comment) {
      if (isLicenceComment(text.slice(at, comment.end))) {
        const blank = /^\s*\n/.exec(text.slice(comment.end));
        // At the top of the file the blank lines before it go too.
        cut.push([text.slice(0, at).trim() === "" ? 0 : at, comment.end + (blank ? blank[0].length : 0)]);
      }
      pos = comment.end;
      continue;
    }
    const line = PREAMBLE_LINE.exec(text.slice(at));
    if (!line) break;
    pos = at + line[0].length;
  }
  if (cut.length === 0) return { text, stripped: false };
  let out = "";
  let from = 0;
  for (const [a, b] of cut) {
    out += text.slice(from, a);
    from = b;
  }
  return { text: out + text.slice(from), stripped: true };
}
