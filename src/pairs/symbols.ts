/**
 * A repository's own declarations by simple name, each rendered as the signature a prompt may show
 * (never a body): class-likes as their header with their member signatures (nested objects and the
 * companion with theirs), typealiases as written, top-level functions and values as their
 * signature. A name resolves the way the compiler would see it from the using file — same file,
 * explicit import, same package, star import — never to a same-named declaration elsewhere, which
 * is a different thing (or a library type) as far as that file is concerned.
 */
import type { Block, Member } from "../types.ts";
import type { RepoBlocks } from "./repo.ts";
import { importedName, importPath } from "./text.ts";

export interface Symbol {
  name: string;
  /** The declaration's block; for a top-level value without a block of its own, its file's block. */
  block: Block;
  /** Its qualified name and visibility (a private declaration is only seen from its own file). */
  qualified: string;
  isPrivate: boolean;
  /** Kotlin text that parses on its own: a header with member signatures, a typealias, a signature. */
  text: string;
}

const TYPE_KINDS = new Set(["class", "interface", "object", "typealias"]);
const MAX_MEMBERS = 12;

/**
 * A declaration's signature on one line: comments dropped (a `//` comment would swallow the rest),
 * whitespace collapsed. Line breaks inside braces stay (a default value's lambda holds statements
 * that one line would run together: `{ val s = load()\n    State(s) }`).
 */
export function oneLine(signature: string): string {
  // A repository's signatures are rendered again for every candidate that shows them: once each.
  let done = oneLineMemo.get(signature);
  if (done === undefined) {
    if (oneLineMemo.size >= ONE_LINE_MEMO_MAX) oneLineMemo.clear();
    oneLineMemo.set(signature, (done = oneLineOf(signature)));
  }
  return done;
}

const oneLineMemo = new Map<string, string>();
const ONE_LINE_MEMO_MAX = 50_000;

function oneLineOf(signature: string): string {
  const text = signature.replace(/\/\*[\s\S]*?\*\//g, " ").replace(/(^|[^:"])\/\/[^\n]*/g, "$1");
  let out = "";
  let braces = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === " " || c === "\t" || c === "\n" || c === "\r") {
      let j = i;
      let newline = false;
      for (; j < text.length && /\s/.test(text[j]!); j++) if (text[j] === "\n") newline = true;
      out += newline && braces > 0 ? "\n" : " ";
      i = j - 1;
      continue;
    }
    if (c === "{") braces++;
    else if (c === "}") braces = Math.max(0, braces - 1);
    out += c;
  }
  return tidy(out.replace(/,\s*\)/g, ")").replace(/\(\s+/g, "(").replace(/ ?\n ?/g, "\n").trim());
}

/** A class-like's header without any body text a damaged parse left in its signature (a `{` outside parentheses). */
function headerOnly(sig: string): string {
  let depth = 0;
  for (let i = 0; i < sig.length; i++) {
    const c = sig[i];
    if (c === "(" || c === "[") depth++;
    else if (c === ")" || c === "]") depth--;
    else if (c === "{" && depth === 0) return sig.slice(0, i).trimEnd();
  }
  return sig;
}

/** Whether every (, [ and { of a text is closed (strings are not special here: a signature's literals rarely hold brackets). */
function balanced(text: string): boolean {
  let depth = 0;
  for (const c of text) {
    if (c === "(" || c === "[" || c === "{") depth++;
    else if (c === ")" || c === "]" || c === "}") depth--;
    if (depth < 0) return false;
  }
  return depth === 0;
}

/**
 * Two shapes the grammar cannot read on their own, made into the same declaration it can:
 * - an annotated function type in parentheses, `@Composable (() -> Unit)`, is written
 *   `(@Composable () -> Unit)` (the same type);
 * - an initializer cut at its body's brace (`val x = when (y) {`) is left out, as a
 *   declaration shown without its value.
 */
function tidy(sig: string): string {
  let out = sig;
  const annotated = /@\w+(?:\.\w+)* \(/g;
  for (let m = annotated.exec(out); m; m = annotated.exec(out)) {
    const open = m.index + m[0].length - 1;
    let depth = 0;
    let close = -1;
    for (let i = open; i < out.length && close < 0; i++) {
      if (out[i] === "(") depth++;
      else if (out[i] === ")" && --depth === 0) close = i;
    }
    if (close < 0) break;
    const inner = out.slice(open + 1, close);
    // A function type (`() -> Unit`, `Scope.(T) -> Unit`), not an annotation's arguments (`@Suppress ("x")`).
    // (Its parentheses wrap the whole type: `@Composable (Int) -> Unit` has its parameter list there.)
    if (!/->/.test(inner) || /^\s*(?:\w+\s*=|")/.test(inner) || /^\s*->/.test(out.slice(close + 1))) continue;
    out = `${out.slice(0, m.index)}(${out.slice(m.index, open)}${inner})${out.slice(close + 1)}`;
    annotated.lastIndex = close + 1;
  }
  if (!balanced(out)) {
    const m = /^([^=]*?\b(?:val|var)\b[^=]*?)\s+(?:=|by)\s/.exec(out);
    if (m && balanced(m[1]!)) return m[1]!;
  }
  return out;
}

/** Enum entries as written (arguments kept, entry bodies left out), read from the body's first section. */
export function enumEntries(b: Block): string[] {
  const sig = b.signature.trim();
  const open = b.code.indexOf("{", b.code.indexOf(sig) + sig.length);
  if (open < 0) return [];
  const out: string[] = [];
  let cur = "";
  let depth = 0;
  let inBody = 0;
  const flush = () => {
    const t = oneLine(cur);
    if (/^[A-Za-z_@]/.test(t)) out.push(t);
    cur = "";
  };
  for (let i = open + 1; i < b.code.length; i++) {
    const c = b.code[i]!;
    if (c === "/" && b.code[i + 1] === "/") {
      const nl = b.code.indexOf("\n", i);
      i = nl < 0 ? b.code.length : nl;
      continue;
    }
    if (c === "/" && b.code[i + 1] === "*") {
      const end = b.code.indexOf("*/", i + 2);
      i = end < 0 ? b.code.length : end + 1;
      continue;
    }
    if (depth === 0 && inBody === 0 && (c === ";" || c === "}")) break;
    if (depth === 0 && inBody === 0 && c === ",") {
      flush();
      continue;
    }
    if (depth === 0 && c === "{") inBody++;
    else if (inBody > 0 && c === "{") inBody++;
    else if (inBody > 0 && c === "}") inBody--;
    else if (inBody === 0 && (c === "(" || c === "<" || c === "[")) depth++;
    else if (inBody === 0 && (c === ")" || c === ">" || c === "]")) depth--;
    if (inBody === 0 && c !== "}") cur += c;
  }
  flush();
  return out;
}

const isPrivateSig = (sig: string) => /\bprivate\b/.test(sig.split(/\b(?:fun|val|var|class|object|interface)\b/)[0] ?? "");

export interface RenderOptions {
  /** Keep private members too (the enclosing class of a member, a file's outline). */
  all?: boolean;
  /** Keep only these functions (the siblings a member calls); properties and types are always kept. */
  functions?: ReadonlySet<string>;
  /** Leave these members out (an interface's own, already shown). */
  without?: ReadonlySet<string>;
  /** Nested class-likes of a class (its companion, `object Keys`, a sealed hierarchy's cases), rendered with their own members. */
  nestedOf?: (b: Block) => ReadonlyMap<string, Block>;
  indent?: string;
  /** Most members shown (context keeps declarations short; a request lists them all). */
  max?: number;
  /** Members shown whatever `max` says (the ones a target uses). */
  keep?: ReadonlySet<string>;
  /** Show only these members, and nested types that are named here or hold one of them. */
  only?: ReadonlySet<string>;
  /** A member shown whole instead of by signature (context only: its short inferred-type body). */
  inferred?: (owner: Block, m: Member) => string | null;
}

/** A class-like as its header and member signatures, a valid Kotlin declaration without bodies. */
export function renderClassLike(b: Block, o: RenderOptions = {}): string {
  const indent = o.indent ?? "";
  const head = indent + headerOnly(oneLine(b.signature));
  const lines: string[] = [];
  const inner = indent + "    ";
  if (b.modifiers.includes("enum")) {
    const entries = enumEntries(b);
    if (entries.length) lines.push(`${inner}${entries.join(", ")}${b.members.length ? ";" : ""}`);
  }
  let kept = 0;
  for (const m of b.members) {
    if (kept >= (o.max ?? MAX_MEMBERS) && !o.keep?.has(m.name) && !o.only) continue;
    const sig = oneLine(m.signature);
    if ((!o.all && isPrivateSig(sig)) || o.without?.has(m.name)) continue;
    if (m.kind === "object" || m.kind === "class" || m.kind === "interface") {
      // A companion or nested object's members are what callers reach (`Constants.X`); a sealed
      // hierarchy's cases are nested classes (`UiState.Loading`). Two levels deep at most.
      const nested = indent.length < 8 ? o.nestedOf?.(b).get(m.name) : undefined;
      const text = nested ? renderClassLike(nested, { all: o.all, nestedOf: o.nestedOf, indent: inner, only: o.only, inferred: o.inferred }) : `${inner}${sig}`;
      if (o.only && !o.only.has(m.name) && !text.includes("{")) continue;
      lines.push(text);
      kept++;
      continue;
    }
    if (o.only && !o.only.has(m.name)) continue;
    if (m.kind !== "function" && m.kind !== "property") continue;
    if (o.functions && m.kind === "function" && !o.functions.has(m.name)) continue;
    const shown = o.inferred?.(b, m) ?? sig;
    lines.push(`${inner}${shown.replace(/\n/g, `\n${inner}    `)}`);
    kept++;
  }
  return lines.length ? `${head} {\n${lines.join("\n")}\n${indent}}` : head;
}

/** Longest expression body shown whole in context (it tells the type a signature leaves to inference). */
const SHORT_EXPRESSION = 160;

/**
 * A function or property whose type is inferred from a short expression body (`fun empty() =
 * Page(emptyList())`), shown whole: its signature alone (`fun empty()`) would read as returning Unit.
 */
function inferredShort(b: Block): string | null {
  if (b.return_type || b.code.includes("\n\n")) return null;
  if (b.kind === "function" && !(b.body_ranges.length === 1 && b.body_ranges[0]!.kind === "expression")) return null;
  const start = b.code.indexOf(b.signature.trim());
  if (start < 0) return null;
  const text = oneLine(b.code.slice(start));
  return text.length <= SHORT_EXPRESSION && !text.includes("\n") ? text : null;
}

export class SymbolIndex {
  /** Classes, interfaces, objects and typealiases by simple name. */
  readonly types = new Map<string, Symbol[]>();
  /** Top-level functions by simple name. */
  readonly functions = new Map<string, Symbol[]>();
  /** Top-level values (properties, constants) by simple name. */
  readonly values = new Map<string, Symbol[]>();
  /** Nested class-likes (companions included) of each class-like, by the class's qualified name and file, then their name. */
  private readonly nested = new Map<string, Map<string, Block>>();
  private readonly byQualified = new Map<string, Block>();
  /** Functions and properties that are members of a class-like, by qualified name and file. */
  private readonly memberBlocks = new Map<string, Block[]>();
  /** Per file: the names its imports bring in → their paths, and its star-imported packages. */
  private readonly importsByPath = new Map<string, { named: Map<string, string>; stars: string[] }>();

  constructor(private readonly repo: RepoBlocks) {
    for (const b of repo.blocks) {
      if (b.kind === "gradle" || !b.name) continue;
      if (b.kind === "file") {
        // Values without a block of their own are members of their file.
        for (const m of b.members) if (m.kind === "property" && !repo.qualifiedNames.has(qualify(b.package, m.name))) this.add(this.values, m.name, b, qualify(b.package, m.name), m);
        continue;
      }
      this.byQualified.set(b.qualified_name, b);
      if ((b.kind === "function" || b.kind === "property") && b.parent && !repo.isTopLevel(b)) {
        const key = `${b.qualified_name}\u0000${b.path}`;
        const list = this.memberBlocks.get(key);
        if (list) list.push(b);
        else this.memberBlocks.set(key, [b]);
      }
      if ((b.kind === "object" || b.kind === "class" || b.kind === "interface") && b.parent) {
        // By parent and file: an expect class and each actual have their own nested types (same qualified names).
        const key = `${b.parent}\u0000${b.path}`;
        let inner = this.nested.get(key);
        if (!inner) this.nested.set(key, (inner = new Map()));
        inner.set(b.name, b);
      }
      // A companion object cannot stand outside its class; its class shows it.
      if (b.modifiers.includes("companion")) continue;
      if (TYPE_KINDS.has(b.kind)) this.add(this.types, b.name, b, b.qualified_name);
      else if (b.kind === "function" && repo.isTopLevel(b)) this.add(this.functions, b.name, b, b.qualified_name);
      else if (b.kind === "property" && repo.isTopLevel(b)) this.add(this.values, b.name, b, b.qualified_name);
    }
  }

  private add(map: Map<string, Symbol[]>, name: string, block: Block, qualified: string, member?: Member): void {
    const sig = member?.signature ?? block.signature;
    const entry: Symbol = { name, block, qualified, isPrivate: isPrivateSig(oneLine(sig)), text: member ? oneLine(member.signature) : "" };
    const list = map.get(name);
    if (list) list.push(entry);
    else map.set(name, [entry]);
  }

  /**
   * The declaration a name means in `from`'s file, or null (a library type, a type parameter, or a
   * declaration that file cannot see). An explicit import of the name decides alone; then the same
   * file, the same package, star imports.
   */
  resolve(map: Map<string, Symbol[]>, name: string, from: Block): Symbol | null {
    return this.resolveAll(map, name, from)[0] ?? null;
  }

  /** Every declaration the name may mean there (a function's overloads), the likeliest first. */
  resolveAll(map: Map<string, Symbol[]>, name: string, from: Block): Symbol[] {
    const list = map.get(name);
    if (!list) return [];
    const visible = list.filter((s) => (!s.isPrivate || s.block.path === from.path) && (from.is_test || !s.block.is_test) && canSee(from, s.block));
    if (visible.length === 0) return [];
    let found: Symbol[];
    const imports = this.importsOf(from);
    const explicit = imports.named.get(name);
    if (explicit !== undefined) {
      found = visible.filter((s) => s.qualified === explicit);
      // A function of the same file is a candidate too: overload resolution picks by the arguments
      // (a private `Children(component, modifier)` next to an imported `Children(stack, …)`).
      if (map === this.functions) found = [...visible.filter((s) => s.block.path === from.path && !found.includes(s)), ...found];
    } else {
      found = visible.filter((s) => s.block.path === from.path);
      if (found.length === 0) found = visible.filter((s) => s.block.package === from.package && topLevelOrNestedIn(s, from.package));
      if (found.length === 0) found = visible.filter((s) => imports.stars.some((p) => s.qualified === `${p}.${name}`));
    }
    // Of several in one package (an expect and its actuals, one per platform), the one in `from`'s
    // source set, else a common one; a function's overloads all stay.
    // And of same-named declarations in several modules (two sample apps' `object Testing`), the
    // using file's own module: another module's is only seen through a dependency.
    const module = moduleOf(from.path);
    const score = (s: Symbol) => (moduleOf(s.block.path) === module ? 0 : 4) + (s.block.source_set === from.source_set && !s.block.is_expect ? 0 : s.block.is_expect || s.block.platform === "common" ? 1 : 2);
    found = found.map((s, i) => [s, i] as const).sort((a, b) => score(a[0]) - score(b[0]) || a[1] - b[1]).map(([s]) => s);
    if (found.length > 1 && map !== this.functions) found = [found[0]!];
    for (const s of found) if (!s.text) s.text = this.render(s.block);
    return found;
  }

  /** The class-like a qualified name declares, as a symbol (`Example9PageSharedComponents` of `import Example9PageSharedComponents.Day`). */
  classLikeSymbol(qualified: string): Symbol | null {
    // Asked for every candidate of a file that imports from it: made once.
    let s = this.classLikes.get(qualified);
    if (s === undefined) {
      const b = this.byQualified.get(qualified);
      s = b && (b.kind === "object" || b.kind === "class" || b.kind === "interface") ? { name: b.name, block: b, qualified, isPrivate: false, text: this.render(b) } : null;
      this.classLikes.set(qualified, s);
    }
    return s;
  }

  private readonly classLikes = new Map<string, Symbol | null>();

  /** A member function or property of `owner` whose type is inferred from a short expression, shown whole (`fun isDefault() = id == 0`). */
  readonly inferred = (owner: Block, m: Member): string | null => {
    if (m.kind !== "function" && m.kind !== "property") return null;
    const list = this.memberBlocks.get(`${owner.qualified_name}.${m.name}\u0000${owner.path}`);
    if (!list) return null;
    const sig = oneLine(m.signature);
    const b = list.length === 1 ? list[0]! : list.find((x) => oneLine(x.signature) === sig);
    return b ? inferredShort(b) : null;
  };

  /** A declaration as context shows it; a class-like's members named in `keep` are shown even past the usual count. */
  render(b: Block, keep?: ReadonlySet<string>, onlyKept = false): string {
    if (b.kind === "typealias") return oneLine(b.code.slice(Math.max(0, b.code.indexOf(b.signature.trim()))));
    if (b.kind === "function" || b.kind === "property") return inferredShort(b) ?? oneLine(b.signature);
    const own = renderClassLike(b, onlyKept ? { nestedOf: this.nestedOf, only: keep ?? new Set(), inferred: this.inferred } : { nestedOf: this.nestedOf, keep, inferred: this.inferred });
    // A nested type is shown inside its parent's header, as code refers to it (`Parent.Nested`).
    const parent = b.parent ? this.byQualified.get(b.parent) : undefined;
    if (!parent || !TYPE_KINDS.has(parent.kind)) return own;
    return `${oneLine(parent.signature)} {\n${own.replace(/^/gm, "    ")}\n}`;
  }

  /** A file's imports, read once (every block of a file carries the same list). */
  private importsOf(from: Block): { named: Map<string, string>; stars: string[] } {
    let r = this.importsByPath.get(from.path);
    if (!r) {
      r = { named: new Map(), stars: [] };
      for (const i of from.imports) {
        const name = importedName(i);
        if (name === "*") r.stars.push(importPath(i).replace(/\.\*$/, ""));
        else r.named.set(name, importPath(i));
      }
      this.importsByPath.set(from.path, r);
    }
    return r;
  }

  /** Nested class-likes of a class-like, by name (for rendering it with them). */
  readonly nestedOf = (b: Block): ReadonlyMap<string, Block> => this.nested.get(`${b.qualified_name}\u0000${b.path}`) ?? NONE;
}

const NONE: ReadonlyMap<string, Block> = new Map();

const APPLE_OR_NATIVE = new Set(["apple", "native"]);
const NATIVE_PLATFORMS = new Set(["ios", "macos", "watchos", "tvos", "apple", "linux", "windows", "native"]);

/**
 * Whether code of `from`'s source set can see a declaration of `d`'s: common code sees only common
 * code; platform code sees common code, its own platform, and the intermediate sets above it
 * (apple/native for the native targets; any custom `mixed` set, which we cannot place exactly).
 */
export function canSee(from: Block, d: Block): boolean {
  if (d.platform === "common" || d.platform === from.platform || from.platform === "unknown" || d.platform === "unknown") return true;
  if (from.platform === "common") return false;
  if (d.platform === "mixed" || from.platform === "mixed") return true;
  return APPLE_OR_NATIVE.has(d.platform) && NATIVE_PLATFORMS.has(from.platform);
}

/** A file's module: its path up to its source folder (`samples/app/shared` of `samples/app/shared/src/commonMain/…`). */
export function moduleOf(path: string): string {
  const at = path.lastIndexOf("/src/");
  return at >= 0 ? path.slice(0, at) : path.startsWith("src/") ? "" : path.slice(0, Math.max(0, path.lastIndexOf("/")));
}

function qualify(pkg: string, name: string): string {
  return pkg ? `${pkg}.${name}` : name;
}

/** A same-package declaration is reached by its simple name when it is top-level (nested ones need their parent's name). */
function topLevelOrNestedIn(s: Symbol, pkg: string): boolean {
  return s.qualified === qualify(pkg, s.name) || s.block.kind === "file";
}
