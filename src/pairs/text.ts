/**
 * Small text helpers the generators share. They work on identifiers, KDoc comments and import
 * paths that extract already isolated — never on raw source to find structure.
 */
import { stableHash } from "../io.ts";

/** The text of a KDoc comment without its delimiters, leading stars and block tags. */
export function kdocText(kdoc: string | null): string {
  if (!kdoc) return "";
  const body = kdoc.replace(/^\s*\/\*\*/, "").replace(/\*\/\s*$/, "");
  const kept: string[] = [];
  for (const raw of body.split("\n")) {
    const line = raw.replace(/^\s*\*\s?/, "").trimEnd();
    if (line.trimStart().startsWith("@")) break; // @param, @return … start the tag section
    kept.push(line);
  }
  return kept.join("\n").trim();
}

/** The first sentence (or first paragraph line) of a KDoc comment, one line; "" when none. */
export function kdocSummary(kdoc: string | null): string {
  const text = kdocText(kdoc).split(/\n\s*\n/)[0] ?? "";
  const flat = text.replace(/\s+/g, " ").trim();
  // A full stop ends it, not the one of an abbreviation ("e.g. a list").
  const dot = flat.search(/(?<!\b(?:e\.g|i\.e|etc|vs|cf|approx))\.(\s|$)/i);
  const sentence = dot >= 0 ? flat.slice(0, dot + 1) : flat;
  return sentence.length > 240 ? sentence.slice(0, 237) + "..." : sentence;
}

/** `import a.b.C as D` / `a.b.C` → the name the file uses ("D" / "C"); "*" for star imports. */
export function importedName(imp: string): string {
  // Every candidate of a file walks the same import lines: each is read once.
  let name = importNames.get(imp);
  if (name === undefined) {
    const path = imp.replace(/^import\s+/, "").trim();
    const alias = path.split(/\s+as\s+/);
    name = alias.length === 2 ? alias[1]!.trim() : (path.split(".").pop() ?? path);
    if (importNames.size >= NORM_MEMO_MAX) importNames.clear();
    importNames.set(imp, name);
  }
  return name;
}

const importNames = new Map<string, string>();

/** The import path without `import ` and alias. */
export function importPath(imp: string): string {
  return imp.replace(/^import\s+/, "").split(/\s+as\s+/)[0]!.trim();
}

/** Identifier tokens of a piece of code (a lexical set, used to tell which imports code needs). */
export function identifiers(code: string): Set<string> {
  return new Set(code.match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? []);
}

/** The file's imports that `code` refers to (star imports are kept: we cannot tell). */
export function neededImports(imports: readonly string[], code: string): string[] {
  const ids = identifiers(code);
  return imports.filter((imp) => {
    const name = importedName(imp);
    return name === "*" || ids.has(name);
  });
}

export function importLines(imports: readonly string[]): string {
  return imports.map((i) => `import ${importPath(i)}${importedName(i) !== lastSegment(importPath(i)) ? ` as ${importedName(i)}` : ""}`).join("\n");
}

function lastSegment(path: string): string {
  return path.split(".").pop() ?? path;
}

/**
 * Whitespace-insensitive form of one line, without a leading comment marker (so code quoted in a
 * KDoc still matches the body); "" for lines that carry no code (braces, blanks).
 */
export function normLine(line: string): string {
  // Prompts repeat the same context lines candidate after candidate: each line is normalised once.
  let n = normMemo.get(line);
  if (n === undefined) {
    const t = line.trim().replace(/^(\/\/+|\/\*+|\*+\/?)\s?/, "").trim().replace(/\s+/g, " ");
    n = /[A-Za-z0-9]/.test(t) ? t : "";
    if (normMemo.size >= NORM_MEMO_MAX) normMemo.clear();
    normMemo.set(line, n);
  }
  return n;
}

const normMemo = new Map<string, string>();
const NORM_MEMO_MAX = 100_000;

/** The target normalised for exact-duplicate detection: per-line whitespace, blank lines gone. */
export function normalisedForDedup(text: string): string {
  return text
    .split("\n")
    .map((l) => l.trim().replace(/\s+/g, " "))
    .filter(Boolean)
    .join("\n");
}

/** Lines that hold something besides whitespace. */
export function nonBlankLines(text: string): number {
  let n = 0;
  for (const l of text.split("\n")) if (l.trim() !== "") n++;
  return n;
}

export function lineCount(text: string): number {
  return text.replace(/\n+$/, "").split("\n").length;
}

/** A deterministic choice in [0, n) for a seed and a key. */
export function pick(seed: number, key: string, n: number): number {
  return parseInt(stableHash(seed, key).slice(0, 8), 16) % n;
}

/** "a", "a and b", "a, b and c". */
export function listing(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** The library an import belongs to: `io.ktor.client.call.body` → "io.ktor.client", `kotlinx.coroutines.flow.Flow` → "kotlinx.coroutines". */
export function libraryOf(imp: string): string {
  const parts = importPath(imp).split(".");
  const short = ["kotlin", "kotlinx", "java", "javax", "android"].includes(parts[0] ?? "");
  const n = short ? 2 : 3;
  // Drop a trailing class or function name so `org.koin.Koin` gives "org.koin".
  const segs = parts.slice(0, Math.min(n, parts.length - 1));
  return segs.join(".") || importPath(imp);
}

/**
 * A member's code starts at its declaration but its later lines keep the class's indentation;
 * shift them left by the column the declaration starts at in its file (`indent`), so targets read
 * as written at column 0. Without it, the indentation of the closing line is used — which is wrong
 * for an expression body whose last line is indented further (`fun f() =\n        List(n) {…}`).
 */
export function dedentDeclaration(code: string, indent: number | null = null): string {
  const lines = code.split("\n");
  if (lines.length < 2) return code;
  const lead = (l: string) => /^[ \t]*/.exec(l)![0].length;
  if (indent !== null) {
    if (indent === 0) return code;
    return lines.map((l, i) => (i === 0 ? l : l.slice(Math.min(indent, lead(l))))).join("\n");
  }
  let last = lines.length - 1;
  while (last > 0 && lines[last]!.trim() === "") last--;
  const closing = lead(lines[last]!);
  if (closing === 0) return code;
  for (let i = 1; i <= last; i++) {
    const l = lines[i]!;
    if (l.trim() !== "" && lead(l) < closing) return code;
  }
  return lines.map((l, i) => (i === 0 ? l : l.slice(Math.min(closing, lead(l))))).join("\n");
}
