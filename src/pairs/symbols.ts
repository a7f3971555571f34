/**
 * A repository's own declarations by simple name, each rendered as the signature a prompt may show
 * (never a body): class-likes as their header with their non-private member signatures, typealiases
 * as written, top-level functions as their signature. Built once per repository from extract's
 * blocks, so a prompt can carry the project types and helpers its target uses.
 */
import type { Block } from "../types.ts";
import type { RepoBlocks } from "./repo.ts";

export interface Symbol {
  name: string;
  block: Block;
  /** Kotlin text that parses on its own: a header with member signatures, a typealias, a signature. */
  text: string;
}

const TYPE_KINDS = new Set(["class", "interface", "object", "typealias"]);
const MAX_MEMBERS = 12;

/**
 * One line of a declaration's signature: comments dropped (a `//` comment would swallow the rest of
 * the line), anything from a body brace on cut (a class delegating `by x {`), whitespace runs
 * collapsed, trailing commas before `)` gone.
 */
export function oneLine(signature: string): string {
  let out = "";
  let depth = 0;
  let quote: string | null = null;
  for (let i = 0; i < signature.length; i++) {
    const c = signature[i]!;
    if (quote) {
      out += c;
      if (c === "\\") out += signature[++i] ?? "";
      else if (c === quote) quote = null;
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === "/" && signature[i + 1] === "/") {
      const nl = signature.indexOf("\n", i);
      i = nl < 0 ? signature.length : nl - 1;
      continue;
    } else if (c === "/" && signature[i + 1] === "*") {
      const end = signature.indexOf("*/", i + 2);
      i = end < 0 ? signature.length : end + 1;
      out += " ";
      continue;
    } else if (c === "(" || c === "[") depth++;
    else if (c === ")" || c === "]") depth = Math.max(0, depth - 1);
    else if (c === "{" && depth === 0) break;
    out += c;
  }
  return out.replace(/\s+/g, " ").replace(/,\s*\)/g, ")").replace(/\(\s+/g, "(").trim();
}

/** The declaration on one line, annotations included (`@Composable fun X()` is valid Kotlin). */
function header(b: Block): string {
  return oneLine(b.signature);
}

/** Entry names of an enum class, read from its body's first section (up to `;` or the closing brace). */
export function enumEntries(b: Block): string[] {
  const open = b.code.indexOf("{", b.code.indexOf(b.signature.trim()) + b.signature.trim().length);
  if (open < 0) return [];
  const out: string[] = [];
  let depth = 0;
  let expectName = true;
  for (let i = open + 1; i < b.code.length; i++) {
    const c = b.code[i]!;
    if (c === "(" || c === "{" || c === "<") depth++;
    else if (c === ")" || c === "}" || c === ">") {
      if (depth === 0) break;
      depth--;
    } else if (depth === 0 && c === ";") break;
    else if (depth === 0 && c === ",") expectName = true;
    else if (depth === 0 && c === "/" && b.code[i + 1] === "/") i = b.code.indexOf("\n", i) < 0 ? b.code.length : b.code.indexOf("\n", i);
    else if (depth === 0 && c === "/" && b.code[i + 1] === "*") i = b.code.indexOf("*/", i) < 0 ? b.code.length : b.code.indexOf("*/", i) + 1;
    else if (depth === 0 && expectName && /[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(b.code.slice(i))!;
      if (m[0] !== "@") out.push(m[0]);
      i += m[0].length - 1;
      expectName = false;
    }
  }
  return out;
}

/** A class-like as a header and its member signatures; `all` keeps private members too (the enclosing class of a member). */
export function renderClassLike(b: Block, all = false, keepFunctions: ReadonlySet<string> | null = null): string {
  const head = header(b);
  const lines: string[] = [];
  if (b.modifiers.includes("enum")) {
    const entries = enumEntries(b);
    if (entries.length) lines.push(`    ${entries.join(", ")}${b.members.length ? ";" : ""}`);
  }
  let kept = 0;
  for (const m of b.members) {
    if (kept >= MAX_MEMBERS) break;
    if (m.kind !== "function" && m.kind !== "property") continue;
    const sig = oneLine(m.signature);
    if (!all && /\bprivate\b/.test(sig.split(/\b(?:fun|val|var)\b/)[0] ?? "")) continue;
    if (keepFunctions && m.kind === "function" && !keepFunctions.has(m.name)) continue;
    lines.push(`    ${sig}`);
    kept++;
  }
  return lines.length ? `${head} {\n${lines.join("\n")}\n}` : head;
}

function render(b: Block): string {
  if (b.kind === "typealias") return oneLine(b.code.slice(Math.max(0, b.code.indexOf(b.signature.trim()))));
  if (b.kind === "function" || b.kind === "property") return header(b);
  return renderClassLike(b);
}

export class SymbolIndex {
  /** Classes, interfaces, objects and typealiases by simple name. */
  readonly types = new Map<string, Symbol[]>();
  /** Top-level functions by simple name. */
  readonly functions = new Map<string, Symbol[]>();

  constructor(repo: RepoBlocks) {
    for (const b of repo.blocks) {
      if (b.kind === "file" || b.kind === "gradle" || !b.name) continue;
      // An actual restates its expect: the expect (common) is the declaration other code sees.
      // A companion object cannot stand outside its class; its class shows it.
      if (b.is_actual || b.modifiers.includes("companion")) continue;
      const map = TYPE_KINDS.has(b.kind) ? this.types : b.kind === "function" && isTopLevel(b, repo) ? this.functions : null;
      if (!map) continue;
      const list = map.get(b.name);
      const entry = { name: b.name, block: b, text: "" };
      if (list) list.push(entry);
      else map.set(b.name, [entry]);
    }
  }

  /** The declaration a name means as seen from `from`: same file, same package, imported, else the first. */
  resolve(map: Map<string, Symbol[]>, name: string, from: Block): Symbol | null {
    const list = map.get(name);
    if (!list) return null;
    const pick =
      list.find((s) => s.block.path === from.path) ??
      list.find((s) => s.block.package === from.package) ??
      list.find((s) => from.imports.some((i) => i.replace(/^import\s+/, "").trim() === s.block.qualified_name)) ??
      list[0]!;
    if (!pick.text) pick.text = render(pick.block);
    return pick;
  }
}

export function isTopLevel(b: Block, repo: RepoBlocks): boolean {
  return b.parent === null || b.parent === "" || b.parent === b.package || !repo.qualifiedNames.has(b.parent);
}
