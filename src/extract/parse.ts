/**
 * One file → its blocks: parse (with the grammar repairs), read the header, collect calls and
 * errors, walk the declarations, add the whole-file or Gradle block. Runs inside a worker; the
 * same code runs in-process for src/extract/api.ts.
 */
import { Query, type Node, type Parser, type Tree } from "web-tree-sitter";
import { createParser, loadLanguage } from "../grammar.ts";
import { named, resetChildCache, typeOf } from "./tree.ts";
import type { Block, BodyRange, Member } from "../types.ts";
import { type Catalog, gradleInfoFromGroovy, gradleInfoFromTree, readCatalog } from "./gradle.ts";
import { blockId, collectBlocks, collectCalls, collectErrors, DECLARATION_TYPES, type FileContext, lineStartsOf, readHeader, type Region } from "./kotlin.ts";
import { REWRITES, WRAP_PREFIX, WRAP_SUFFIX } from "./repair.ts";
import type { FileResult, FileTask } from "./types.ts";

export interface Parsers {
  kotlin: Parser;
  toml: Parser;
  calls: Query;
  /** Milliseconds spent inside the Kotlin grammar (every parse and re-parse), for the step's stats. */
  grammarMs: number;
}

/** Every Kotlin parse goes through here, so the time inside the grammar is known apart from ours. */
function parseKotlin(p: Parsers, text: string): Tree {
  const started = performance.now();
  const tree = p.kotlin.parse(text)!;
  p.grammarMs += performance.now() - started;
  return tree;
}

const CALL_QUERY = `
(call_expression . (identifier) @callee)
(call_expression . (navigation_expression (identifier) @callee .))
`;

/** Whole-file blocks are made for files up to this size (larger ones still yield their declarations). */
export const MAX_FILE_BLOCK_CHARS = 200_000;

export async function createParsers(): Promise<Parsers> {
  const kotlin = await createParser("kotlin");
  const toml = await createParser("toml");
  const calls = new Query(await loadLanguage("kotlin"), CALL_QUERY);
  return { kotlin, toml, calls, grammarMs: 0 };
}

const HEADER_TYPES = new Set(["package_header", "import", "line_comment", "block_comment", "file_annotation", "shebang"]);

function errorCount(tree: Tree): number {
  const into: number[] = [];
  collectErrors(tree.rootNode, 0, into);
  return into.length;
}

/** Parses, and for files with errors tries the offset-preserving rewrites, keeping each that helps. */
function parseWithRewrites(p: Parsers, source: string): { tree: Tree; rewrites: number } {
  let tree = parseKotlin(p, source);
  if (!tree.rootNode.hasError) return { tree, rewrites: 0 };
  let best = errorCount(tree);
  let text = source;
  let kept = 0;
  for (const r of REWRITES) {
    const next = r.apply(text);
    if (next === null) continue;
    const t = parseKotlin(p, next);
    const errs = errorCount(t);
    if (errs < best) {
      tree.delete();
      tree = t;
      text = next;
      best = errs;
      kept++;
      if (best === 0) break;
    } else t.delete();
  }
  return { tree, rewrites: kept };
}

interface Piece {
  region: Region;
  tops: Node[];
  tree: Tree | null; // owned sub-tree, deleted after use
}

/**
 * The silent-misparse repair: top-level nodes of a .kt file that are not declarations are re-parsed
 * with the next declaration, alone and then wrapped in a throwaway object; the better reading wins.
 */
function repairTopLevel(p: Parsers, source: string, root: Node): { pieces: Piece[]; misparse: number } {
  const rootTops: Node[] = [];
  const pieces: Piece[] = [];
  let misparse = 0;
  const kids = named(root);
  for (let i = 0; i < kids.length; i++) {
    const n = kids[i]!;
    if (DECLARATION_TYPES.has(typeOf(n))) {
      rootTops.push(n);
      continue;
    }
    if (HEADER_TYPES.has(typeOf(n)) || typeOf(n) === "ERROR") continue;
    // A declaration read as an expression: take it with the next declaration, if that follows.
    let end = n.endIndex;
    const next = kids[i + 1];
    if (next && DECLARATION_TYPES.has(typeOf(next))) {
      end = next.endIndex;
      i++;
    }
    const prev = n.previousSibling;
    const start = prev && typeOf(prev) === "block_comment" && prev.text.startsWith("/**") ? prev.startIndex : n.startIndex;
    const span = source.slice(start, end);
    const alone = parseKotlin(p, span);
    const aloneTops = named(alone.rootNode).filter((c) => DECLARATION_TYPES.has(typeOf(c)));
    const aloneOk = !alone.rootNode.hasError && named(alone.rootNode).every((c) => DECLARATION_TYPES.has(typeOf(c)) || HEADER_TYPES.has(typeOf(c)));
    if (aloneOk && aloneTops.length > 0) {
      pieces.push({ region: { root: alone.rootNode, delta: start }, tops: aloneTops, tree: alone });
      misparse++;
      continue;
    }
    const wrapped = parseKotlin(p, WRAP_PREFIX + span + WRAP_SUFFIX);
    const obj = named(wrapped.rootNode).find((c) => typeOf(c) === "object_declaration");
    const body = (obj ? named(obj) : []).find((c) => typeOf(c) === "class_body");
    const wrappedTops = (body ? named(body) : []).filter((c) => DECLARATION_TYPES.has(typeOf(c))) ?? [];
    const wrappedBetter = wrappedTops.length > 0 && (!wrapped.rootNode.hasError || wrappedTops.length > aloneTops.length);
    if (wrappedBetter) {
      alone.delete();
      pieces.push({ region: { root: body!, delta: start - WRAP_PREFIX.length }, tops: wrappedTops, tree: wrapped });
      misparse++;
    } else if (aloneTops.length > 0) {
      wrapped.delete();
      pieces.push({ region: { root: alone.rootNode, delta: start }, tops: aloneTops, tree: alone });
      misparse++;
    } else {
      alone.delete();
      wrapped.delete();
    }
  }
  pieces.unshift({ region: { root, delta: 0 }, tops: rootTops, tree: null });
  return { pieces, misparse };
}

function fileName(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1);
}

function baseBlock(task: FileTask, source: string, ctx: FileContext | null): Omit<Block, "kind" | "dsl" | "gradle"> {
  const lines = source.length === 0 ? 1 : lineStartsOf(source).length - (source.endsWith("\n") ? 1 : 0);
  return {
    id: blockId(task.repo, task.path, 0, source.length, source),
    repo: task.repo,
    path: task.path,
    source_set: task.source_set,
    platform: task.platform,
    name: fileName(task.path),
    qualified_name: ctx?.pkg ? `${ctx.pkg}.${fileName(task.path)}` : fileName(task.path),
    signature: "",
    code: source,
    start_line: 1,
    end_line: Math.max(1, lines),
    modifiers: [],
    annotations: [],
    is_expect: false,
    is_actual: false,
    is_composable: false,
    kdoc: null,
    package: ctx?.pkg ?? "",
    imports: ctx?.imports ?? [],
    parent: null,
    supertypes: [],
    has_body: false,
    body_statements: 0,
    arch_pattern: null,
    arch_patterns: [],
    is_test: task.is_test,
    parse_errors: ctx?.errors.length ?? 0,
    repaired: false,
    license: task.license,
    commit: task.commit,
    params: [],
    return_type: null,
    type_params: [],
    receiver: null,
    members: [],
    body_ranges: [],
    calls: [],
  };
}

function sortBlocks(blocks: Block[]): Block[] {
  return blocks.sort((a, b) => a.start_line - b.start_line || b.end_line - a.end_line || a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name));
}

function extractKotlin(p: Parsers, task: FileTask): FileResult {
  resetChildCache();
  const source = task.text;
  const { tree, rewrites } = parseWithRewrites(p, source);
  const ctx: FileContext = { task, source, lineStarts: lineStartsOf(source), pkg: "", imports: [], calls: [], errors: [], tooDeep: 0 };
  readHeader(ctx, tree.rootNode);
  const isScript = task.path.endsWith(".kts");
  const { pieces, misparse } = isScript
    ? { pieces: [{ region: { root: tree.rootNode, delta: 0 }, tops: named(tree.rootNode).filter((c) => DECLARATION_TYPES.has(typeOf(c))), tree: null }], misparse: 0 }
    : repairTopLevel(p, source, tree.rootNode);
  collectErrors(tree.rootNode, 0, ctx.errors);
  ctx.errors.sort((a, b) => a - b);
  const blocks: Block[] = [];
  const starts = new Map<Block, number>();
  const plainTop: { at: number; member: Member }[] = [];
  for (const piece of pieces) collectBlocks(ctx, piece.region, piece.tops, blocks, starts, plainTop);
  const hasCode = named(tree.rootNode).some((c) => !HEADER_TYPES.has(typeOf(c)));
  for (const piece of pieces) piece.tree?.delete();
  tree.delete();
  // Every file within bounds that holds code is a file block, declarations or not (a script, a
  // file of top-level statements the grammar could not place).
  if (source.length <= MAX_FILE_BLOCK_CHARS && hasCode) blocks.push(fileBlock(task, source, ctx, blocks, starts, plainTop));
  // Every block of a repaired file says so: its errors were counted on a reading the text alone does not give.
  if (rewrites > 0 || misparse > 0) for (const b of blocks) b.repaired = true;
  const sorted = sortBlocks(blocks);
  const code_starts = sorted.map((b) => starts.get(b) ?? 0); // the file block starts at 0
  return { repo: task.repo, path: task.path, blocks: sorted, code_starts, parse_errors: ctx.errors.length, repairs: { misparse, rewrites }, too_deep: ctx.tooDeep };
}

/** The whole file as a block: members are its top-level declarations, bodies theirs. */
function fileBlock(task: FileTask, source: string, ctx: FileContext, blocks: Block[], starts: Map<Block, number>, plainTop: { at: number; member: Member }[]): Block {
  const top = blocks.filter((b) => b.parent === null);
  const ranges: BodyRange[] = [];
  const calls = new Set<string>();
  let statements = 0;
  for (const b of top) {
    const shift = starts.get(b) ?? 0;
    for (const r of b.body_ranges) ranges.push({ ...r, start: r.start + shift, end: r.end + shift });
    for (const c of b.calls) calls.add(c);
    statements += b.body_statements;
  }
  const members: Member[] = [
    ...top.map((b) => ({ at: starts.get(b) ?? 0, member: { kind: b.kind, name: b.name, signature: b.signature, has_body: b.has_body, is_abstract: b.modifiers.includes("abstract") } })),
    ...plainTop,
  ]
    .sort((a, b) => a.at - b.at)
    .map((m) => m.member);
  return {
    ...baseBlock(task, source, ctx),
    kind: "file",
    has_body: top.some((b) => b.has_body),
    body_statements: statements,
    is_expect: top.some((b) => b.is_expect),
    is_actual: top.some((b) => b.is_actual),
    is_composable: top.some((b) => b.is_composable),
    members,
    body_ranges: ranges,
    calls: [...calls].sort(),
    dsl: null,
    gradle: null,
  };
}

function extractGradle(p: Parsers, task: FileTask, catalog: Catalog | null): FileResult {
  resetChildCache();
  const source = task.text;
  if (task.kind === "gradle-groovy") {
    const block: Block = { ...baseBlock(task, source, null), kind: "gradle", dsl: "groovy", gradle: gradleInfoFromGroovy(source, catalog) };
    block.body_statements = source.split("\n").filter((l) => l.trim() && !l.trim().startsWith("//")).length;
    block.has_body = block.body_statements > 0;
    return { repo: task.repo, path: task.path, blocks: [block], code_starts: [0], parse_errors: 0, repairs: { misparse: 0, rewrites: 0 } };
  }
  const tree = parseKotlin(p, source);
  const ctx: FileContext = { task, source, lineStarts: lineStartsOf(source), pkg: "", imports: [], calls: [], errors: [], tooDeep: 0 };
  readHeader(ctx, tree.rootNode);
  collectErrors(tree.rootNode, 0, ctx.errors);
  collectCalls(p.calls, tree, 0, ctx.calls);
  const statements = named(tree.rootNode).filter((c) => !HEADER_TYPES.has(typeOf(c))).length;
  const block: Block = {
    ...baseBlock(task, source, ctx),
    kind: "gradle",
    dsl: "kotlin",
    gradle: gradleInfoFromTree(tree.rootNode, catalog),
    has_body: statements > 0,
    body_statements: statements,
    calls: [...new Set(ctx.calls.map((c) => c.name))].sort(),
  };
  tree.delete();
  return { repo: task.repo, path: task.path, blocks: [block], code_starts: [0], parse_errors: ctx.errors.length, repairs: { misparse: 0, rewrites: 0 } };
}

export function parseCatalog(p: Parsers, toml: string | undefined): Catalog | null {
  return toml === undefined ? null : readCatalog(p.toml, toml);
}

/** Never throws for bad input: a file that cannot be processed comes back with `error` set. */
export function extractFile(p: Parsers, task: FileTask, catalog: Catalog | null): FileResult {
  try {
    return task.kind === "kotlin" ? extractKotlin(p, task) : extractGradle(p, task, catalog);
  } catch (e) {
    return { repo: task.repo, path: task.path, blocks: [], parse_errors: 0, repairs: { misparse: 0, rewrites: 0 }, error: (e as Error).message ?? String(e) };
  }
}
