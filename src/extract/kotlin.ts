/**
 * Declarations → Blocks, from the tree-sitter Kotlin tree. The walk visits declarations only
 * (top level, class bodies, recursively); bodies are inspected by their direct statements, and
 * calls come from a lexical scan of the bodies the tree located (src/extract/calls.ts), so the
 * cost stays close to the parse itself.
 */
import type { Node, Query, Tree } from "web-tree-sitter";
import { allKids, named, typeOf } from "./tree.ts";
import type { Block, BlockKind, BodyRange, Member, Param } from "../types.ts";

import { scanCalls } from "./calls.ts";
import { detectPatterns } from "./patterns.ts";
import type { FileTask } from "./types.ts";

export const DECLARATION_TYPES = new Set([
  "class_declaration",
  "object_declaration",
  "function_declaration",
  "property_declaration",
  "type_alias",
  "companion_object",
]);

/** A tree (or a re-parsed piece of the file) and where its text sits in the file. */
export interface Region {
  root: Node;
  /** file offset = node offset + delta (re-parsed spans are shifted, wrapped spans too). */
  delta: number;
}

export interface FileContext {
  task: FileTask;
  source: string;
  lineStarts: number[];
  pkg: string;
  imports: string[];
  /** Sorted start offsets (file coordinates) of call callees and their names (Gradle scripts). */
  calls: { at: number; name: string }[];
  /** File offsets of ERROR/MISSING nodes. */
  errors: number[];
  /** Declarations nested deeper than MAX_NESTING, left inside their parent's code. */
  tooDeep: number;
  /** Offsets of comment and placeholder markers (see countStatements), found on first use. */
  suspects?: number[];
}

/** Deeper declarations stay in their ancestors' code but get no block of their own (each would repeat it). */
export const MAX_NESTING = 16;

/**
 * Stable block id: 64-bit wyhash (Bun.hash, pinned with Bun) of repo, path, range and content, as 16
 * hex digits. Several times faster than sha256 on the repeated code of nested blocks.
 */
export function blockId(repo: string, path: string, start: number, end: number, code: string): string {
  const content = Bun.hash.wyhash(code); // hashed apart: concatenating would copy the code first
  return Bun.hash.wyhash(`${repo}\u0000${path}\u0000${start}\u0000${end}\u0000${content}`).toString(16).padStart(16, "0");
}

export function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return starts;
}

/** 1-based line of a file offset. */
export function lineAt(starts: number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

function countInRange(sorted: number[], start: number, end: number): number {
  let n = 0;
  for (const x of sorted) if (x >= start && x < end) n++;
  return n;
}

const TODO_CALLS = new Set(["TODO"]);

/** True for `TODO()`, `TODO("…")` and `throw NotImplementedError(…)`: placeholders, not logic. */
function isPlaceholder(n: Node): boolean {
  let e = n;
  if (typeOf(e) === "jump_expression" || typeOf(e) === "throw_expression") {
    const first = e.firstChild;
    if (first && typeOf(first) === "throw") {
      const arg = named(e)[0];
      if (arg && typeOf(arg) === "call_expression" && arg.firstNamedChild?.text === "NotImplementedError") return true;
    }
    return false;
  }
  if (typeOf(e) === "call_expression") {
    const callee = e.firstNamedChild;
    return callee !== null && typeOf(callee) === "identifier" && TODO_CALLS.has(callee.text);
  }
  return false;
}

interface BodyInfo {
  statements: number;
  ranges: BodyRange[];
}

/** Text that can start a comment or a placeholder; a block without any has no statement to skip. */
const SUSPECTS = ["//", "/*", "TODO", "NotImplementedError"];

/** Sorted file offsets of SUSPECTS, found once per file. */
function suspectsOf(ctx: FileContext): number[] {
  if (ctx.suspects) return ctx.suspects;
  const at: number[] = [];
  for (const s of SUSPECTS) for (let i = ctx.source.indexOf(s); i !== -1; i = ctx.source.indexOf(s, i + 1)) at.push(i);
  return (ctx.suspects = at.sort((a, b) => a - b));
}

function anyIn(sorted: number[], start: number, end: number): boolean {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < start) lo = mid + 1;
    else hi = mid;
  }
  return lo < sorted.length && sorted[lo]! < end;
}

/**
 * Real statements of a block: its named children, less comments and placeholders. A block whose
 * text holds no comment or placeholder marker needs only the count (one call, no child nodes).
 */
function countStatements(ctx: FileContext, block: Node, delta: number): number {
  if (!anyIn(suspectsOf(ctx), block.startIndex + delta, block.endIndex + delta)) return block.namedChildCount;
  let statements = 0;
  for (const s of named(block)) {
    const t = typeOf(s);
    if (t === "line_comment" || t === "block_comment") continue;
    if (!isPlaceholder(s)) statements++;
  }
  return statements;
}

/** Real statements of a function_body (block or expression), and its range. */
function functionBody(ctx: FileContext, body: Node | null, owner: string, delta: number): BodyInfo {
  if (!body) return { statements: 0, ranges: [] };
  const block = named(body).find((c) => typeOf(c) === "block");
  if (block) {
    const statements = countStatements(ctx, block, delta);
    return { statements, ranges: [{ start: block.startIndex + delta, end: block.endIndex + delta, kind: "block", owner }] };
  }
  const expr = named(body).find((c) => typeOf(c) !== "line_comment" && typeOf(c) !== "block_comment");
  if (!expr) return { statements: 0, ranges: [] };
  return {
    statements: isPlaceholder(expr) ? 0 : 1,
    ranges: [{ start: expr.startIndex + delta, end: expr.endIndex + delta, kind: "expression", owner }],
  };
}

function childOfType(n: Node, type: string): Node | null {
  for (const c of named(n)) if (typeOf(c) === type) return c;
  return null;
}

function hasKeyword(n: Node, keyword: string): boolean {
  for (const c of allKids(n)) if (!c.isNamed && typeOf(c) === keyword) return true;
  return false;
}

function text(ctx: FileContext, n: Node, delta: number): string {
  return ctx.source.slice(n.startIndex + delta, n.endIndex + delta);
}

interface Mods {
  modifiers: string[];
  annotations: string[];
}

function readModifiers(ctx: FileContext, decl: Node, delta: number): Mods {
  const modifiers: string[] = [];
  const annotations: string[] = [];
  const mods = childOfType(decl, "modifiers");
  if (mods) {
    for (const m of named(mods)) {
      if (typeOf(m) === "annotation") {
        const t = named(m).find((c) => typeOf(c) === "user_type" || typeOf(c) === "constructor_invocation");
        const typeNode = t && typeOf(t) === "constructor_invocation" ? childOfType(t, "user_type") : t;
        const name = typeNode ? text(ctx, typeNode, delta).split(".").pop()!.replace(/<.*$/s, "") : text(ctx, m, delta).replace(/^@/, "");
        annotations.push(name.trim());
      } else {
        modifiers.push(text(ctx, m, delta).trim());
      }
    }
  }
  // `fun interface`, `companion object`, `data object` keywords sit outside `modifiers` in places.
  if (typeOf(decl) === "class_declaration" && hasKeyword(decl, "fun")) modifiers.push("fun");
  if (typeOf(decl) === "companion_object") modifiers.push("companion");
  return { modifiers, annotations };
}

/** `/** … *\/` directly before the declaration (only blank space between). */
function kdocOf(ctx: FileContext, decl: Node, delta: number): { text: string; start: number } | null {
  const prev = decl.previousSibling;
  if (!prev || typeOf(prev) !== "block_comment") return null;
  const t = text(ctx, prev, delta);
  if (!t.startsWith("/**")) return null;
  const between = ctx.source.slice(prev.endIndex + delta, decl.startIndex + delta);
  if (between.trim() !== "") return null;
  return { text: t, start: prev.startIndex + delta };
}

function stripTypeArgs(t: string): string {
  let out = "";
  let depth = 0;
  for (const ch of t) {
    if (ch === "<") depth++;
    else if (ch === ">") depth = Math.max(0, depth - 1);
    else if (depth === 0) out += ch;
  }
  return out.replace(/\s+/g, "").replace(/\?$/, "");
}

function supertypesOf(ctx: FileContext, decl: Node, delta: number): string[] {
  const specs = childOfType(decl, "delegation_specifiers");
  if (!specs) return [];
  const out: string[] = [];
  for (const spec of named(specs)) {
    if (typeOf(spec) !== "delegation_specifier") continue;
    const inner = spec.firstNamedChild;
    if (!inner) continue;
    let typeNode: Node | null = inner;
    if (typeOf(inner) === "constructor_invocation" || typeOf(inner) === "explicit_delegation") typeNode = childOfType(inner, "user_type");
    if (typeNode) out.push(stripTypeArgs(text(ctx, typeNode, delta)));
  }
  return out;
}

const TYPE_NODES = new Set(["user_type", "nullable_type", "function_type", "parenthesized_type", "non_nullable_type", "dynamic"]);

function paramsOf(ctx: FileContext, list: Node | null, delta: number): Param[] {
  if (!list) return [];
  const out: Param[] = [];
  for (const p of named(list)) {
    if (typeOf(p) !== "parameter" && typeOf(p) !== "class_parameter") continue;
    const name = childOfType(p, "identifier");
    const type = named(p).find((c) => TYPE_NODES.has(typeOf(c)));
    out.push({ name: name ? text(ctx, name, delta) : "", type: type ? text(ctx, type, delta) : "" });
  }
  return out;
}

function typeParamsOf(ctx: FileContext, decl: Node, delta: number): string[] {
  const tp = childOfType(decl, "type_parameters");
  if (!tp) return [];
  return named(tp).filter((c) => typeOf(c) === "type_parameter").map((c) => text(ctx, c, delta));
}

/** Return type and receiver of a function: type nodes before the name, and after the parameters. */
function functionTypes(ctx: FileContext, decl: Node, delta: number): { receiver: string | null; returns: string | null } {
  let receiver: string | null = null;
  let returns: string | null = null;
  const nameId = decl.childForFieldName("name")?.id;
  let seenName = false;
  let seenParams = false;
  for (const c of named(decl)) {
    if (c.id === nameId) seenName = true;
    else if (typeOf(c) === "function_value_parameters") seenParams = true;
    else if (TYPE_NODES.has(typeOf(c))) {
      if (!seenName) receiver = text(ctx, c, delta);
      else if (seenParams && returns === null) returns = text(ctx, c, delta);
    }
  }
  return { receiver, returns };
}

function propertyName(ctx: FileContext, decl: Node, delta: number): string {
  const v = childOfType(decl, "variable_declaration");
  const id = v ? childOfType(v, "identifier") : null;
  if (id) return text(ctx, id, delta);
  const multi = childOfType(decl, "multi_variable_declaration");
  return multi ? text(ctx, multi, delta) : "";
}

const NOT_INITIALIZERS = new Set(["modifiers", "variable_declaration", "multi_variable_declaration", "getter", "setter", "type_constraints", "type_parameters", "property_delegate", "line_comment", "block_comment"]);

/** The `= expr` of a property (the first expression child after its name). */
function initializerOf(decl: Node): Node | null {
  let seenName = false;
  for (const c of named(decl)) {
    if (typeOf(c) === "variable_declaration" || typeOf(c) === "multi_variable_declaration") seenName = true;
    else if (seenName && !NOT_INITIALIZERS.has(typeOf(c)) && !TYPE_NODES.has(typeOf(c))) return c;
  }
  return null;
}

const CODE_INITIALIZERS = new Set(["object_literal", "anonymous_function", "lambda_literal"]);

/** An initializer spanning lines that holds code: an anonymous object or function, or a call with a lambda (DSLs). */
function isCodeInitializer(ctx: FileContext, init: Node, delta: number): boolean {
  const newline = ctx.source.indexOf("\n", init.startIndex + delta);
  if (newline < 0 || newline >= init.endIndex + delta) return false;
  if (CODE_INITIALIZERS.has(typeOf(init))) return true;
  return typeOf(init) === "call_expression" && named(init).some((c) => typeOf(c) === "annotated_lambda");
}

/** The receiver of an extension property: a type before its name (`val String.shout`). */
function propertyReceiver(ctx: FileContext, decl: Node, delta: number): string | null {
  for (const c of named(decl)) {
    if (typeOf(c) === "variable_declaration" || typeOf(c) === "multi_variable_declaration") return null;
    if (TYPE_NODES.has(typeOf(c))) return text(ctx, c, delta);
  }
  return null;
}

function propertyType(ctx: FileContext, decl: Node, delta: number): string | null {
  const v = childOfType(decl, "variable_declaration");
  const t = (v ? named(v) : []).find((c) => TYPE_NODES.has(typeOf(c)));
  return t ? text(ctx, t, delta) : null;
}

/** Accessor/initializer bodies of a property: getter and setter bodies. */
function propertyBodies(ctx: FileContext, decl: Node, name: string, delta: number): BodyInfo {
  const info: BodyInfo = { statements: 0, ranges: [] };
  for (const acc of named(decl)) {
    if (typeOf(acc) !== "getter" && typeOf(acc) !== "setter") continue;
    const b = functionBody(ctx, childOfType(acc, "function_body"), `${name}.${typeOf(acc) === "getter" ? "get" : "set"}`, delta);
    info.statements += b.statements;
    info.ranges.push(...b.ranges);
  }
  return info;
}

function bodyOfClass(decl: Node): Node | null {
  return childOfType(decl, "class_body") ?? childOfType(decl, "enum_class_body") ?? bodyReadAsDelegateLambda(decl);
}

/**
 * `class S : Scope by CoroutineScope(Main) { … }`: the grammar reads the class body as a trailing
 * lambda of the delegate's call. Kotlin reads it as the body, and so do we: the lambda that ends
 * the declaration is its body (its statements are the members), so the signature stops before it.
 */
function bodyReadAsDelegateLambda(decl: Node): Node | null {
  const specs = childOfType(decl, "delegation_specifiers");
  const last = specs?.lastNamedChild;
  const delegation = last && typeOf(last) === "delegation_specifier" ? childOfType(last, "explicit_delegation") : null;
  const call = delegation?.lastNamedChild;
  if (!call || typeOf(call) !== "call_expression") return null;
  const trailing = call.lastNamedChild;
  const lambda = trailing && typeOf(trailing) === "annotated_lambda" ? childOfType(trailing, "lambda_literal") : null;
  return lambda && lambda.endIndex === decl.endIndex ? lambda : null;
}

function classKind(decl: Node): BlockKind {
  if (typeOf(decl) === "object_declaration" || typeOf(decl) === "companion_object") return "object";
  if (hasKeyword(decl, "interface")) return "interface";
  return "class";
}

interface Emitted {
  block: Block;
  /** File offset where the block's `code` starts. */
  start: number;
  /** Statements and body ranges of this declaration including nested members. */
  statements: number;
  ranges: BodyRange[];
  /** Init blocks and secondary constructors of a class-like (its code outside any member block). */
  ownRanges: BodyRange[];
}

/**
 * Walks one region's declarations, appending blocks. Iterative over class bodies (no recursion
 * on the tree's depth, so 5,000-level nesting cannot overflow the stack).
 */
export function collectBlocks(
  ctx: FileContext,
  region: Region,
  tops: Node[],
  out: Block[],
  starts?: Map<Block, number>,
  /** Top-level properties without a block (`private const val TAG = "x"`), for the file block's members. */
  plainTop?: { at: number; member: Member }[],
): void {
  type Frame = { node: Node; parent: Emitted | null; parentQName: string | null; depth: number };
  const stack: Frame[] = [];
  for (let i = tops.length - 1; i >= 0; i--) stack.push({ node: tops[i]!, parent: null, parentQName: null, depth: 0 });
  // Class-likes get their statements/ranges summed from members after the walk.
  const classFrames: Emitted[] = [];
  const memberOf = new Map<Emitted, Emitted[]>();
  // Properties with no code of their own (`private val state = MutableStateFlow(x)`) make no block
  // but are still members: a method's prompt shows the fields it uses.
  const plainOf = new Map<Emitted, { at: number; member: Member }[]>();
  while (stack.length > 0) {
    const { node, parent, parentQName, depth } = stack.pop()!;
    if (depth > MAX_NESTING) {
      ctx.tooDeep++;
      continue;
    }
    const e = emit(ctx, region.delta, node, parentQName);
    if (!e) {
      if (typeOf(node) === "property_declaration") {
        const member = plainProperty(ctx, region.delta, node, parent?.block.kind === "interface");
        const at = node.startIndex + region.delta;
        if (member && parent) {
          let list = plainOf.get(parent);
          if (!list) plainOf.set(parent, (list = []));
          list.push({ at, member });
        } else if (member) plainTop?.push({ at, member });
      }
      continue;
    }
    out.push(e.block);
    starts?.set(e.block, e.start);
    if (parent) {
      let list = memberOf.get(parent);
      if (!list) memberOf.set(parent, (list = []));
      list.push(e);
    }
    const body = e.block.kind === "function" || e.block.kind === "property" || e.block.kind === "typealias" ? null : bodyOfClass(node);
    if (body) {
      classFrames.push(e);
      const members = named(body).filter((c) => DECLARATION_TYPES.has(typeOf(c)) || typeOf(c) === "anonymous_initializer" || typeOf(c) === "secondary_constructor" || typeOf(c) === "enum_entry");
      for (let i = members.length - 1; i >= 0; i--) {
        const m = members[i]!;
        if (typeOf(m) === "anonymous_initializer" || typeOf(m) === "secondary_constructor") {
          const blockNode = childOfType(m, "block");
          if (blockNode) {
            const owner = typeOf(m) === "anonymous_initializer" ? "init" : "constructor";
            e.statements += countStatements(ctx, blockNode, region.delta);
            const range: BodyRange = { start: blockNode.startIndex + region.delta, end: blockNode.endIndex + region.delta, kind: "block", owner };
            e.ranges.push(range);
            e.ownRanges.push(range);
          }
          continue;
        }
        if (typeOf(m) === "enum_entry") {
          const entryBody = childOfType(m, "class_body");
          if (entryBody) {
            // Members of an entry's body belong to that entry (Color.RED.label), their bodies to the enum's.
            const entry = named(m).find((c) => typeOf(c) === "identifier");
            const entryQName = entry ? `${e.block.qualified_name}.${text(ctx, entry, region.delta)}` : e.block.qualified_name;
            for (const d of named(entryBody)) if (DECLARATION_TYPES.has(typeOf(d))) stack.push({ node: d, parent: e, parentQName: entryQName, depth: depth + 1 });
          }
          continue;
        }
        stack.push({ node: m, parent: e, parentQName: e.block.qualified_name, depth: depth + 1 });
      }
    }
  }
  // Sum nested statements/ranges bottom-up: classFrames are in pre-order, so walk them backwards.
  for (let i = classFrames.length - 1; i >= 0; i--) {
    const c = classFrames[i]!;
    const members = memberOf.get(c) ?? [];
    let functionsWithBody = false;
    for (const m of members) {
      c.statements += m.statements;
      c.ranges.push(...m.ranges);
      if ((m.block.kind === "function" || m.block.kind === "property") && m.block.has_body) functionsWithBody = true;
      if (m.block.kind !== "function" && m.block.kind !== "property" && m.block.has_body) functionsWithBody = true;
    }
    // Members' calls, plus those of init blocks and secondary constructors (the class's own ranges).
    const calls = new Set<string>();
    for (const m of members) for (const n of m.block.calls) calls.add(n);
    for (const r of c.ownRanges) scanCalls(ctx.source, r.start, r.end, calls);
    c.block.calls = [...calls].sort();
    const all = members.map((m) => ({ at: m.start, member: toMember(m.block) }));
    all.push(...(plainOf.get(c) ?? []));
    c.block.members = all.sort((a, b) => a.at - b.at).map((m) => m.member);
    c.block.body_statements = c.statements;
    c.block.has_body = functionsWithBody || c.statements > 0;
    finishRanges(c, ctx);
  }
}

/** Longest initializer kept in a plain property's signature (it tells the type when none is written). */
const MAX_SHOWN_INITIALIZER = 80;

/** A property without a block: its declaration up to the initializer, plus a short one-line initializer when no type is written. */
function plainProperty(ctx: FileContext, delta: number, node: Node, inInterface: boolean): Member | null {
  const name = propertyName(ctx, node, delta);
  if (!name) return null;
  const { modifiers } = readModifiers(ctx, node, delta);
  const init = initializerOf(node);
  const start = node.startIndex + delta;
  let signature = ctx.source.slice(start, init ? init.startIndex + delta : node.endIndex + delta).trim().replace(/\s*=\s*$/, "");
  if (init && propertyType(ctx, node, delta) === null) {
    const value = text(ctx, init, delta);
    if (value.length <= MAX_SHOWN_INITIALIZER && !value.includes("\n")) signature += ` = ${value}`;
  }
  const isAbstract = modifiers.includes("abstract") || (inInterface && init === null && childOfType(node, "property_delegate") === null);
  return { kind: "property", name, signature, has_body: false, is_abstract: isAbstract };
}

function toMember(b: Block): Member {
  return {
    kind: b.kind,
    name: b.name,
    signature: b.signature,
    has_body: b.has_body,
    is_abstract: b.modifiers.includes("abstract") || (b.body_ranges.length === 0 && (b.kind === "function" || b.kind === "property") && !b.has_body),
  };
}

/** Converts a block's body ranges to offsets in its own `code`, outermost only, and its calls. */
function finishRanges(e: Emitted, ctx: FileContext): void {
  const base = e.start;
  const sorted = [...e.ranges].sort((a, b) => a.start - b.start || b.end - a.end);
  const outer: BodyRange[] = [];
  for (const r of sorted) {
    const last = outer[outer.length - 1];
    if (last && r.start >= last.start && r.end <= last.end) continue;
    outer.push(r);
  }
  e.block.body_ranges = outer.map((r) => ({ ...r, start: r.start - base, end: r.end - base }));
}

/** Callee names inside body ranges (file offsets), distinct and sorted. */
function callsIn(ctx: FileContext, ranges: BodyRange[]): string[] {
  const names = new Set<string>();
  for (const r of ranges) scanCalls(ctx.source, r.start, r.end, names);
  return [...names].sort();
}


function emit(ctx: FileContext, delta: number, node: Node, parentQName: string | null): Emitted | null {
  const t = typeOf(node);
  const { modifiers, annotations } = readModifiers(ctx, node, delta);
  let kind: BlockKind;
  let name = "";
  let bodyNode: Node | null = null;
  let params: Param[] = [];
  let returns: string | null = null;
  let receiver: string | null = null;
  let info: BodyInfo = { statements: 0, ranges: [] };
  let supertypes: string[] = [];
  if (t === "function_declaration") {
    kind = "function";
    const n = node.childForFieldName("name");
    name = n ? text(ctx, n, delta) : "";
    params = paramsOf(ctx, childOfType(node, "function_value_parameters"), delta);
    ({ receiver, returns } = functionTypes(ctx, node, delta));
    bodyNode = childOfType(node, "function_body");
    info = functionBody(ctx, bodyNode, name, delta);
  } else if (t === "property_declaration") {
    name = propertyName(ctx, node, delta);
    const delegate = childOfType(node, "property_delegate");
    info = propertyBodies(ctx, node, name, delta);
    const isPlatform = modifiers.includes("expect") || modifiers.includes("actual");
    const init = delegate || info.ranges.length > 0 ? null : initializerOf(node);
    // `actual val x = expr` is an implementation; `val appModule = module { … }` and
    // `val l = object : Listener { … }` carry code (DI modules, anonymous objects) worth a block.
    const initIsBody = init !== null && (isPlatform || isCodeInitializer(ctx, init, delta));
    if (info.ranges.length === 0 && !delegate && !isPlatform && !initIsBody) return null;
    kind = "property";
    returns = propertyType(ctx, node, delta);
    receiver = propertyReceiver(ctx, node, delta);
    if (delegate) {
      info.statements += 1;
      info.ranges.push({ start: delegate.startIndex + delta, end: delegate.endIndex + delta, kind: "expression", owner: `${name}.by` });
    } else if (init && initIsBody) {
      info.statements += isPlaceholder(init) ? 0 : 1;
      info.ranges.push({ start: init.startIndex + delta, end: init.endIndex + delta, kind: "expression", owner: name });
    }
    bodyNode = delegate ?? (initIsBody ? init : null) ?? named(node).find((c) => typeOf(c) === "getter" || typeOf(c) === "setter") ?? null;
  } else if (t === "type_alias") {
    kind = "typealias";
    const n = node.childForFieldName("type");
    name = n ? text(ctx, n, delta) : "";
  } else {
    kind = classKind(node);
    const n = node.childForFieldName("name");
    name = n ? text(ctx, n, delta) : t === "companion_object" ? "Companion" : "";
    if (!name) return null;
    supertypes = supertypesOf(ctx, node, delta);
    const ctor = childOfType(node, "primary_constructor");
    params = ctor ? paramsOf(ctx, childOfType(ctor, "class_parameters"), delta) : [];
    bodyNode = bodyOfClass(node);
  }
  if (!name) return null;
  const kdoc = kdocOf(ctx, node, delta);
  const declStart = node.startIndex + delta;
  const start = kdoc ? kdoc.start : declStart;
  const end = node.endIndex + delta;
  const code = ctx.source.slice(start, end);
  const sigEnd = bodyNode ? bodyNode.startIndex + delta : end;
  const signature = ctx.source.slice(declStart, sigEnd).trim().replace(/\s*=\s*$/, "");
  const qualified = [parentQName ?? ctx.pkg, name].filter(Boolean).join(".");
  const startLine = lineAt(ctx.lineStarts, start);
  const endLine = lineAt(ctx.lineStarts, Math.max(start, end - 1));
  const task = ctx.task;
  const block: Block = {
    id: blockId(task.repo, task.path, start, end, code),
    repo: task.repo,
    path: task.path,
    source_set: task.source_set,
    platform: task.platform,
    kind,
    name,
    qualified_name: qualified,
    signature,
    code,
    start_line: startLine,
    end_line: endLine,
    modifiers,
    annotations,
    is_expect: modifiers.includes("expect"),
    is_actual: modifiers.includes("actual"),
    is_composable: annotations.includes("Composable"),
    kdoc: kdoc?.text ?? null,
    package: ctx.pkg,
    imports: ctx.imports,
    parent: parentQName,
    supertypes,
    has_body: info.statements > 0,
    body_statements: info.statements,
    arch_pattern: null,
    arch_patterns: [],
    is_test: task.is_test,
    parse_errors: countInRange(ctx.errors, start, end),
    repaired: false, // set for the whole file by parse.ts
    license: task.license,
    commit: task.commit,
    params,
    return_type: returns,
    type_params: typeParamsOf(ctx, node, delta),
    receiver,
    members: [],
    body_ranges: [],
    calls: [],
    dsl: null,
    gradle: null,
  };
  if (kind === "function" || kind === "property") block.calls = callsIn(ctx, info.ranges);
  const e: Emitted = { block, start, statements: info.statements, ranges: info.ranges, ownRanges: [] };
  if (kind === "function" || kind === "property" || kind === "typealias") finishRanges(e, ctx);
  const patterns = detectPatterns(block);
  block.arch_patterns = patterns;
  block.arch_pattern = patterns[0] ?? null;
  return e;
}

/** Package and imports from the file's header nodes. */
export function readHeader(ctx: FileContext, root: Node): void {
  for (const c of named(root)) {
    if (typeOf(c) === "package_header") {
      const q = childOfType(c, "qualified_identifier") ?? childOfType(c, "identifier");
      if (q) ctx.pkg = text(ctx, q, 0).replace(/\s+/g, "");
    } else if (typeOf(c) === "import") {
      ctx.imports.push(text(ctx, c, 0).replace(/^import\s+/, "").replace(/\s+/g, " ").trim());
    } else if (DECLARATION_TYPES.has(typeOf(c))) {
      break;
    }
  }
}

/** Callee names (simple) with their file offsets, from one query over the tree. */
export function collectCalls(query: Query, tree: Tree, delta: number, into: { at: number; name: string }[]): void {
  for (const cap of query.captures(tree.rootNode)) into.push({ at: cap.node.startIndex + delta, name: cap.node.text });
}

/** Offsets of ERROR and MISSING nodes (only walked when the tree has errors). */
export function collectErrors(root: Node, delta: number, into: number[]): void {
  if (!root.hasError) return;
  const cursor = root.walk();
  let done = false;
  while (!done) {
    const n = cursor.currentNode;
    if (n.isError || n.isMissing) into.push(cursor.startIndex + delta);
    if (n.hasError && cursor.gotoFirstChild()) continue;
    while (!cursor.gotoNextSibling()) {
      if (!cursor.gotoParent()) {
        done = true;
        break;
      }
    }
  }
  cursor.delete();
}
