/**
 * The context a target needs, added to its prompt nearest first within a token budget: the
 * enclosing class (header, constructor, properties and the sibling functions the target calls) for
 * a member, the file's imports the target uses, then the signatures of the project's own types and
 * functions the target refers to (same file, same package, then the rest; in order of first use).
 *
 * It also measures what a prompt leaves out: the project-declared types a target uses that appear
 * nowhere in its prompt. Over half missing makes the row underspecified (it would teach a model to
 * invent them) — the maker drops it with that reason.
 */
import type { Block } from "../types.ts";
import type { RepoBlocks } from "./repo.ts";
import { lexKotlin, Tok } from "../prepare/lexer.ts";
import { renderClassLike, type Symbol, type SymbolIndex } from "./symbols.ts";
import { identifiers, importedName, importLines, importPath } from "./text.ts";

export type TokenCount = (text: string) => number;

export interface ContextTools {
  count: TokenCount;
  /** Most tokens the context may take. */
  budget: number;
  /** Most tokens the whole prompt may take (--max-input-tokens): the context never pushes past it. */
  maxInputTokens: number;
}

export interface ContextRequest {
  target: Block;
  /** The prompt without context: what is already shown (names found here are not repeated). */
  prompt: string;
  /** Add the file's imports the target uses (off when the target carries its own imports). */
  imports: boolean;
  /** Add the enclosing class of a member target. */
  enclosing: boolean;
}

export interface Context {
  /** Kotlin to show under the prompt ("" when nothing was needed or nothing fit). */
  code: string;
  /** Project types the target uses (declared elsewhere in the repository). */
  used: string[];
  /** Of those, the ones the prompt without context did not show. */
  missingBefore: string[];
  /** Of those, the ones the prompt with context still does not show. */
  missingAfter: string[];
  /** Declarations shown. */
  shown: number;
}

/** Simple names the target declares itself (itself, nested types, members): part of the answer, not context. */
function declaredInside(target: Block, repo: RepoBlocks): Set<string> {
  const out = new Set<string>([target.name, ...target.type_params.map((t) => t.replace(/^(?:in|out|reified)\s+/, "").split(/[\s:]/)[0]!)]);
  for (const d of repo.declarationsByPath.get(target.path) ?? []) {
    if (target.kind === "file" || (d.start_line >= target.start_line && d.end_line <= target.end_line)) out.add(d.name);
  }
  return out;
}

/** Identifiers of a text's code (comments and strings skipped: a KDoc link is not a use), in order of first use. */
export function codeIdentifiers(text: string): Set<string> {
  const out = new Set<string>();
  for (const t of lexKotlin(text).tokens) if (t.kind === Tok.Ident) out.add(t.text);
  return out;
}

/** A name written like a type: capitalised, and not a CONSTANT. */
function isTypeName(id: string): boolean {
  const c = id.charCodeAt(0);
  return c >= 65 && c <= 90 && id !== id.toUpperCase();
}

/** Project types a target uses, as its file resolves them, in order of first use. */
export function projectTypesUsed(ids: ReadonlySet<string>, target: Block, repo: RepoBlocks, index: SymbolIndex, owner: Block | null = null): string[] {
  const inside = declaredInside(target, repo);
  for (const t of owner?.type_params ?? []) inside.add(t.split(/[\s:]/)[0]!);
  const out: string[] = [];
  for (const id of ids) {
    if (!isTypeName(id) || inside.has(id) || !index.resolve(index.types, id, target)) continue;
    out.push(id);
  }
  return out;
}

function enclosingClass(target: Block, repo: RepoBlocks): Block | null {
  if (!target.parent || target.kind === "file") return null;
  for (const d of repo.declarationsByPath.get(target.path) ?? []) {
    if (d.qualified_name === target.parent && (d.kind === "class" || d.kind === "object" || d.kind === "interface")) return d;
  }
  return null;
}

function rank(b: Block, target: Block): number {
  if (b.path === target.path) return 0;
  if (b.package === target.package) return 1;
  return 2;
}

/** The enclosing class shows more members than a referenced type: its fields are what a method uses. */
const ENCLOSING_MAX_MEMBERS = 30;
/** Members a referenced class-like shows (symbols.ts MAX_MEMBERS); past it, only the ones the target uses. */
const MAX_MEMBERS_SHOWN = 12;
/** Overloads of one function shown at most. */
const MAX_OVERLOADS = 3;

/** Capitalised names in a type as written (`Flow<List<User>>?` → Flow, List, User). */
function typeNames(type: string): string[] {
  // A qualified nested type (`StationListScreen.State`) stays one name.
  return [...type.matchAll(/\b[A-Z]\w*(?:\.[A-Z]\w*)*/g)].map((m) => m[0]).filter((n) => isTypeName(n.split(".").pop()!));
}

/** A type name as `from`'s file sees it; a dotted one (`Outer.Inner`) through its outer type's nested types. */
function resolveType(name: string, from: Block, index: SymbolIndex): Symbol | null {
  const parts = name.split(".");
  const outer = index.resolve(index.types, parts[0]!, from);
  if (!outer || parts.length === 1) return outer;
  let b: Block | undefined = outer.block;
  for (const part of parts.slice(1)) b = b && index.nestedOf(b).get(part);
  return b ? (index.resolveAll(index.types, b.name, b).find((s) => s.block === b) ?? null) : null;
}

/** The declared type of a property signature, or the return type of a function signature ("" when inferred). */
export function declaredType(signature: string): string {
  const sig = signature.replace(/\s+/g, " ");
  const fun = /\bfun\b/.exec(sig);
  if (!fun) {
    const m = /\b(?:val|var)\s+(?:<[^>]*>\s*)?[\w.<>?]*?(\w+)\s*:\s*(.+)$/.exec(sig);
    return m ? m[2]!.split(/\s(?:=|by)\s/)[0]!.trim() : "";
  }
  // A function: what follows `:` after its parameter list (found by matching parentheses).
  const open = sig.indexOf("(", fun.index);
  if (open < 0) return "";
  let depth = 0;
  for (let i = open; i < sig.length; i++) {
    const c = sig[i];
    if (c === "(") depth++;
    else if (c === ")" && --depth === 0) {
      const m = /^\s*:\s*(.+)$/.exec(sig.slice(i + 1));
      return m ? m[1]!.split(/\s=\s|\{/)[0]!.replace(/\bwhere\b.*$/, "").trim() : "";
    }
  }
  return "";
}

/** Most levels followed from a field's type to the types its used members return (`vm.state.value.items`). */
const MEMBER_CHAIN_DEPTH = 3;

/**
 * Project types the target reaches without naming them: through the enclosing class's fields
 * (`repository.load()` where `repository: UserRepository`), through the members it inherits
 * (`launchIo { }` from `BaseViewModel`), and from there through the declared types of the members
 * it uses (`state.value.items`). A type counts only when the target uses one of its members.
 */
function reachedTypes(ids: ReadonlySet<string>, used: readonly string[], target: Block, owner: Block | null, index: SymbolIndex): Symbol[] {
  const out: Symbol[] = [];
  const seen = new Set<Block>();
  const usesMemberOf = (b: Block) => b.members.some((m) => ids.has(m.name)) || (b.kind === "class" && b.params.some((p) => ids.has(p.name)));
  // The types the target names lead on through the members it uses (`viewModel.state` → the state's type).
  let frontier: string[] = [...used];
  const from = owner ?? target;
  // The enclosing class's fields the target uses, and its supertypes.
  if (owner) {
    for (const p of owner.params) if (ids.has(p.name)) frontier.push(...typeNames(p.type));
    for (const m of owner.members) if (m.kind === "property" && ids.has(m.name)) frontier.push(...typeNames(declaredType(m.signature)));
  }
  const supers = [...(owner?.supertypes ?? []), ...(target.kind === "class" || target.kind === "object" ? target.supertypes : [])];
  frontier.push(...supers.flatMap(typeNames));
  // What the project functions and values it uses return (`monthData(…).calendarMonth`).
  for (const name of target.calls) for (const f of index.resolveAll(index.functions, name, target)) frontier.push(...typeNames(f.block.return_type ?? ""));
  for (const name of ids) if (!isTypeName(name)) for (const v of index.resolveAll(index.values, name, target)) frontier.push(...typeNames(declaredType(v.text || v.block.signature)));
  for (let depth = 0; depth < MEMBER_CHAIN_DEPTH && frontier.length; depth++) {
    const next: string[] = [];
    for (const name of frontier) {
      const s = resolveType(name, from, index);
      if (!s || seen.has(s.block) || s.block === target || s.block === owner) continue;
      seen.add(s.block);
      const isSuper = supers.some((t) => typeNames(t).includes(name));
      const used = usesMemberOf(s.block);
      if (!used && !isSuper) continue;
      if (used) out.push(s);
      // Members used through it lead on to their types; a supertype's own supertypes are inherited too.
      for (const m of s.block.members) if (ids.has(m.name)) next.push(...typeNames(declaredType(m.signature)));
      for (const p of s.block.params) if (ids.has(p.name)) next.push(...typeNames(p.type));
      if (isSuper) {
        next.push(...s.block.supertypes.flatMap(typeNames));
        supers.push(...s.block.supertypes.flatMap(typeNames));
      }
    }
    frontier = next;
  }
  return out;
}

/** Names the prompt declares (`class X`, `fun f`): their declarations need not be shown again. */
function declaredIn(prompt: string): Set<string> {
  const out = new Set<string>();
  for (const m of prompt.matchAll(/\b(?:class|interface|object|typealias|fun|val|var)\s+(?:<[^>]*>\s*)?(?:[\w.<>?]+\.)?(\w+)/g)) out.add(m[1]!);
  return out;
}

/** A block's code identifiers, lexed once however many candidates it is the target of. */
const blockIdentifiers = new WeakMap<Block, Set<string>>();
/** Per file block: its identifier tokens (text and 0-based line), lexed once for all the file's blocks. */
const fileIdentifiers = new WeakMap<Block, { text: string[]; line: Int32Array }>();

function identifiersOfBlock(b: Block, repo: RepoBlocks): Set<string> {
  let ids = blockIdentifiers.get(b);
  if (ids) return ids;
  // Nested blocks repeat their file's text many times over: lex the file once and take each
  // block's lines from it (a block starts and ends on its own lines).
  const file = b.kind === "file" ? b : repo.fileByPath.get(b.path);
  if (!file || (b.kind !== "file" && !repo.startsItsLine(b))) {
    blockIdentifiers.set(b, (ids = codeIdentifiers(b.code)));
    return ids;
  }
  let toks = fileIdentifiers.get(file);
  if (!toks) {
    const idents = lexKotlin(file.code).tokens.filter((t) => t.kind === Tok.Ident);
    toks = { text: idents.map((t) => t.text), line: Int32Array.from(idents, (t) => t.line) };
    fileIdentifiers.set(file, toks);
  }
  if (b.kind === "file") {
    blockIdentifiers.set(b, (ids = new Set(toks.text)));
    return ids;
  }
  const first = b.start_line - 1;
  const last = b.end_line - 1;
  // The first token on or after the block's first line.
  let lo = 0;
  let hi = toks.line.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (toks.line[mid]! < first) lo = mid + 1;
    else hi = mid;
  }
  ids = new Set<string>();
  for (let i = lo; i < toks.line.length && toks.line[i]! <= last; i++) ids.add(toks.text[i]!);
  blockIdentifiers.set(b, ids);
  return ids;
}

export function buildContext(req: ContextRequest, repo: RepoBlocks, index: SymbolIndex, tools: ContextTools): Context {
  const { target } = req;
  const owner = enclosingClass(target, repo);
  // The target block's code: what a row's target adds around it (its file's imports) names nothing new.
  const ids = identifiersOfBlock(target, repo);
  const used = projectTypesUsed(ids, target, repo, index, owner);
  const shownBefore = used.length ? identifiers(req.prompt) : null;
  const missingBefore = used.filter((n) => !shownBefore!.has(n));
  // Budget is spent nearest first (enclosing class, imports, used declarations), but the code is laid
  // out as Kotlin reads: imports first. A prompt's tokens never exceed its UTF-8 bytes, so a short
  // prompt needs no count.
  const promptTokens = Buffer.byteLength(req.prompt) + tools.budget + 16 <= tools.maxInputTokens ? 0 : tools.count(req.prompt);
  const room = Math.min(tools.budget, tools.maxInputTokens - promptTokens - 16);
  const pieces: string[] = [];
  let importsPiece = "";
  let spent = 0;
  const tryAdd = (text: string): boolean => {
    const cost = tools.count(text) + 1;
    if (spent + cost > room) return false;
    pieces.push(text);
    spent += cost;
    return true;
  };
  const inPrompt = declaredIn(req.prompt);
  const inside = declaredInside(target, repo);

  // 1. The enclosing class: its header and constructor, its properties and objects, and the siblings the target calls.
  if (req.enclosing && owner) {
    const calls = new Set(target.calls.filter((c) => c !== target.name));
    tryAdd(`// The enclosing ${owner.kind}\n${renderClassLike(owner, { all: true, functions: calls, without: new Set([target.name]), nestedOf: index.nestedOf, max: ENCLOSING_MAX_MEMBERS, inferred: index.inferred })}`);
    inPrompt.add(owner.name);
  }
  // 2. The file's imports the target uses.
  if (req.imports) {
    const imports = target.imports.filter((i) => {
      const name = importedName(i);
      return (name === "*" || ids.has(name)) && !req.prompt.includes(i);
    });
    if (imports.length && tryAdd(importLines(imports))) importsPiece = pieces.pop()!;
  }
  // 3. Project declarations the target refers to, nearest first, not already declared in the prompt.
  const refs: { rank: number; order: number; symbol: Symbol }[] = [];
  let order = 0;
  const consider = (symbols: Symbol[], bias: number) => {
    for (const s of symbols) if (s.block !== target && s.block !== owner) refs.push({ rank: rank(s.block, target) + bias, order: order++, symbol: s });
  };
  for (const name of used) if (!inPrompt.has(name)) consider(index.resolveAll(index.types, name, target), 0);
  // Members imported from a project object by name (`import Components.Day`): the object, shown
  // with them, as soon as the functions the target calls.
  for (const imp of target.imports) {
    const path = importPath(imp);
    const name = importedName(imp);
    if (!ids.has(name) || inPrompt.has(name) || !path.includes(".")) continue;
    const holder = index.classLikeSymbol(path.slice(0, path.lastIndexOf(".")));
    if (holder && holder.block !== target && holder.block !== owner && holder.block.members.some((m) => m.name === name)) consider([holder], 0.5);
  }
  // Types reached through fields, inherited members and the members' types: after everything named.
  for (const s of reachedTypes(ids, used, target, owner, index)) if (!inPrompt.has(s.name)) refs.push({ rank: rank(s.block, target) + 3, order: order++, symbol: s });
  for (const name of ids) {
    // The target's own name, called: another overload it delegates to (`ChildStack(stack, …)`), never itself.
    const own = name === target.name;
    if (!own && (inPrompt.has(name) || inside.has(name))) continue;
    // Functions the target calls, composables (capitalised) included; then values and constants.
    const called = target.calls.includes(name) ? index.resolveAll(index.functions, name, target).filter((s) => s.block !== target) : [];
    if (own) {
      consider(called.slice(0, MAX_OVERLOADS), 0.5);
      continue;
    }
    if (called.length) consider(called.slice(0, MAX_OVERLOADS), 0.5);
    // Values, capitalised ones too (`DarkColors`, `LocalScaffoldPaddingValues`) unless the name is a
    // type; a called name may be a value too (`json(json)`: a library function given a project value).
    else if (!isTypeName(name) || !index.resolve(index.types, name, target)) {
      const values = index.resolveAll(index.values, name, target);
      if (values.length) consider(values, 0.5);
      // A same-file helper called where extract records no calls (a property's initializer:
      // `override val path = getFilePath(file, root)`).
      else consider(index.resolveAll(index.functions, name, target).filter((s) => s.block.path === target.path && s.block !== target).slice(0, MAX_OVERLOADS), 0.5);
    }
  }
  refs.sort((a, b) => a.rank - b.rank || a.order - b.order);
  let shown = req.enclosing && owner ? 1 : 0;
  // Two passes: first every declaration in its smallest form (a class-like with only the members
  // the target uses), so as many as possible fit; then, in the same order, each one grows to its
  // fuller form (more members) while the budget allows.
  const accepted: { symbol: Symbol; options: string[]; at: number; cost: number }[] = [];
  const seen = new Set<string>();
  const acceptedText = new Map<string, string>();
  for (const { symbol } of refs) {
    // One declaration per qualified name: an expect and its actual, or two platforms' copies, are one thing here.
    const key = `${symbol.qualified}\u0000${symbol.text}`;
    if (seen.has(key) || seen.has(symbol.qualified)) continue;
    seen.add(key);
    if (symbol.block.kind !== "function") seen.add(symbol.qualified);
    const classLike = symbol.block.name === symbol.name && (symbol.block.kind === "class" || symbol.block.kind === "object" || symbol.block.kind === "interface");
    // A nested type already shown inside its parent is not shown again.
    if (classLike && symbol.block.parent && acceptedText.get(symbol.block.parent)?.match(new RegExp(`\\b(?:class|object|interface) ${symbol.name}\\b`))) continue;
    // Richest first: a long class-like with the members the target uses past the usual count, the usual rendering, only the used members.
    const options = [
      classLike && symbol.block.members.length > MAX_MEMBERS_SHOWN && symbol.block.members.some((m) => ids.has(m.name)) ? index.render(symbol.block, ids) : null,
      symbol.text,
      classLike ? index.render(symbol.block, ids, true) : null,
    ].filter((o, i, all): o is string => o !== null && all.indexOf(o) === i);
    const at = options.length - 1;
    const cost = tools.count(options[at]!) + 1;
    if (spent + cost > room) continue; // a smaller one further down may still fit
    accepted.push({ symbol, options, at, cost });
    acceptedText.set(symbol.qualified, options[0]!);
    spent += cost;
  }
  for (const entry of accepted) {
    for (let i = 0; i < entry.at; i++) {
      const cost = tools.count(entry.options[i]!) + 1;
      if (spent - entry.cost + cost > room) continue;
      spent += cost - entry.cost;
      entry.at = i;
      entry.cost = cost;
      break;
    }
  }
  const declared = accepted.map((e) => e.options[e.at]!);
  shown += declared.length;
  if (declared.length) pieces.push(`// Declared elsewhere in the project\n${declared.join("\n\n")}`);
  const code = [importsPiece, ...pieces].filter(Boolean).join("\n\n");
  const shownInCode = missingBefore.length ? identifiers(code) : new Set<string>();
  const missingAfter = missingBefore.filter((n) => !shownInCode.has(n));
  return { code, used, missingBefore, missingAfter, shown };
}

/** More than half of the project types the target uses are absent from the prompt. */
export function isUnderspecified(used: readonly string[], missing: readonly string[]): boolean {
  return used.length > 0 && missing.length * 2 > used.length;
}
