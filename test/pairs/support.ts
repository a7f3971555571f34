/**
 * Hand-built Blocks for generator and filter tests. Bodies are marked in the fixture source with
 * ⟦ ⟧; the helper strips the marks and records the body ranges as extract would (UTF-16 offsets,
 * `block` for `{ … }`, `expression` after `=`).
 */
import { writeMarker } from "../../src/marker.ts";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { stableHash } from "../../src/io.ts";
import { buildContext } from "../../src/pairs/context.ts";
import { RepoBlocks } from "../../src/pairs/repo.ts";
import { SymbolIndex } from "../../src/pairs/symbols.ts";
import { DEFAULT_PAIRS_CONFIG, type Candidate, type DropReason, type GeneratorTools, type PairsConfig } from "../../src/pairs/types.ts";
import type { Block, BodyRange, PairType } from "../../src/types.ts";

export function parseMarked(marked: string): { code: string; ranges: BodyRange[] } {
  let code = "";
  const ranges: BodyRange[] = [];
  let open = -1;
  for (const ch of marked) {
    if (ch === "⟦") open = code.length;
    else if (ch === "⟧") {
      const before = code.slice(0, open).trimEnd();
      const kind = before.endsWith("=") ? "expression" : "block";
      const owner = /(\w+)\s*\([^()]*\)[^(]*$|(get|set|init)\W*$/.exec(before)?.[0]?.match(/\w+/)?.[0] ?? "?";
      ranges.push({ start: open, end: code.length, kind, owner });
      open = -1;
    } else code += ch;
  }
  return { code, ranges };
}

export const PKG = "com.acme.app";

/** A block from marked source; structural fields default to what extract would say for it. */
/** Like extract: a class-like's signature ends before its body's `{`; a function's before its body. */
function signatureOf(code: string, firstBody: number, kind: Block["kind"] | undefined): string {
  let end = firstBody;
  if (kind === "class" || kind === "interface" || kind === "object") {
    const head = /\b(?:class|interface|object)\b/.exec(code);
    let depth = 0;
    for (let i = head?.index ?? 0; i < code.length; i++) {
      const c = code[i];
      if (c === "(" || c === "<") depth++;
      else if (c === ")" || c === ">") depth--;
      else if (c === "{" && depth === 0) {
        end = i;
        break;
      }
    }
  }
  return code.slice(0, end).replace(/[={\s]+$/, "");
}

export function block(marked: string, o: Partial<Block> = {}): Block {
  const { code, ranges } = parseMarked(marked);
  const name = o.name ?? "thing";
  const pkg = o.package ?? PKG;
  const bodies = ranges.map((r) => code.slice(r.start, r.end));
  const statements = bodies.filter((b) => /[A-Za-z0-9]/.test(b.replace(/^\{|\}$/g, ""))).length;
  const firstBody = ranges[0]?.start ?? code.length;
  const repo = o.repo ?? "acme/app";
  const path = o.path ?? `shared/src/commonMain/kotlin/com/acme/app/${name}.kt`;
  const base: Block = {
    id: stableHash(repo, path, code),
    repo,
    path,
    source_set: "commonMain",
    platform: "common",
    kind: "function",
    name,
    qualified_name: o.parent ? `${o.parent}.${name}` : pkg ? `${pkg}.${name}` : name,
    signature: signatureOf(code, firstBody, o.kind),
    code,
    start_line: 1,
    end_line: code.split("\n").length,
    modifiers: [],
    annotations: [],
    is_expect: false,
    is_actual: false,
    is_composable: false,
    kdoc: null,
    package: pkg,
    imports: [],
    parent: null,
    supertypes: [],
    has_body: statements > 0,
    body_statements: statements,
    arch_pattern: null,
    arch_patterns: [],
    is_test: false,
    parse_errors: 0,
    repaired: false,
    license: "MIT",
    commit: "abc123",
    params: [],
    return_type: null,
    type_params: [],
    receiver: null,
    members: [],
    body_ranges: ranges,
    calls: [],
    dsl: null,
    gradle: null,
  };
  return { ...base, ...o, code, body_ranges: o.body_ranges ?? ranges };
}

/** A file block holding the whole text of the given declarations. */
export function fileOf(path: string, decls: Block[], o: Partial<Block> = {}): Block {
  const header = `package ${decls[0]?.package ?? PKG}\n\n${(o.imports ?? decls[0]?.imports ?? []).map((i) => `import ${i}`).join("\n")}\n\n`;
  const code = header + decls.map((d) => d.code).join("\n\n") + "\n";
  // Like extract: the file's members are its top-level declarations.
  const members = decls.filter((d) => d.parent === null).map((d) => ({ kind: d.kind, name: d.name, signature: d.signature, has_body: d.has_body, is_abstract: false }));
  return block(code, { kind: "file", name: path.split("/").pop()!, path, imports: decls[0]?.imports ?? [], has_body: false, members, ...o, body_ranges: [] });
}

export function cfg(o: Partial<PairsConfig> = {}): PairsConfig {
  return {
    ...DEFAULT_PAIRS_CONFIG,
    seed: 42,
    minTargetLines: 1,
    maxTargetLines: 400,
    excludeTests: false,
    contextTokens: 600,
    maxInputTokens: 1000,
    tokenizer: "chars4",
    maxRowsPerFile: 8,
    maxFileLines: 120,
    // Fixtures are small on purpose; the trivial-answer rule has its own tests.
    minAnswerTokens: 0,
    ...o,
  };
}

/** The generators' tools for a repository: the real context builder, characters / 4 for tokens. */
export function toolsFor(repo: RepoBlocks, c: PairsConfig = cfg()): GeneratorTools {
  const index = new SymbolIndex(repo);
  return {
    context: (req) => buildContext(req, repo, index, { count: (t) => Math.ceil(t.length / 4), budget: c.contextTokens, maxInputTokens: c.maxInputTokens }),
    nestedOf: index.nestedOf,
    describe: null,
  };
}

export function repoOf(blocks: Block[], repo = "acme/app"): RepoBlocks {
  return new RepoBlocks(repo, blocks);
}

/** Runs one generator, returning its candidates and the skips it reported. */
export function generate(
  gen: (r: RepoBlocks, c: PairsConfig, skip: (t: PairType, r: DropReason) => void, tools: GeneratorTools) => Iterable<Candidate>,
  blocks: Block[],
  c: PairsConfig = cfg(),
): { pairs: Candidate[]; skips: DropReason[] } {
  const skips: DropReason[] = [];
  const repo = repoOf(blocks);
  const pairs = [...gen(repo, c, (_t, r) => skips.push(r), toolsFor(repo, c))];
  return { pairs, skips };
}

export function writeBlocks(dataDir: string, blocks: Block[]): void {
  mkdirSync(join(dataDir, "raw_blocks"), { recursive: true });
  writeFileSync(join(dataDir, "raw_blocks", "all_blocks.jsonl"), blocks.map((b) => JSON.stringify(b)).join("\n") + "\n");
  // As a finished extract leaves it: the pairs step reads only a finished step's files.
  writeMarker(join(dataDir, "raw_blocks"), { stage: "extract", version: "test", input_fingerprint: "test", options_fingerprint: "test" });
}

const EXTRACT_API = join(import.meta.dir, "..", "..", "src", "extract", "api.ts");
const SAMPLE = join(import.meta.dir, "..", "..", "src", "sample", "projects");
/** Sample tests run as soon as the extract API and the sample projects are in the tree. */
export const sampleReady = existsSync(EXTRACT_API) && existsSync(SAMPLE);

/** Real Blocks of the embedded sample corpus, from extract's in-process API, in all_blocks.jsonl order. */
export async function sampleBlocks(): Promise<Block[]> {
  const { extractKotlinSource } = (await import(EXTRACT_API)) as { extractKotlinSource: (s: string, f: { repo?: string; path: string }) => Promise<Block[]> };
  const { sampleFiles, sampleProjectNames } = await import("../../src/sample/index.ts");
  const blocks: Block[] = [];
  for (const project of sampleProjectNames()) {
    const files = sampleFiles(project);
    for (const path of Object.keys(files).sort()) {
      if (!path.endsWith(".kt") && !path.endsWith(".kts")) continue;
      blocks.push(...(await extractKotlinSource(files[path]!, { repo: `sample/${project}`, path })));
    }
  }
  // all_blocks.jsonl order: repo, path, start line.
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return blocks.sort((a, b) => cmp(a.repo, b.repo) || cmp(a.path, b.path) || a.start_line - b.start_line);
}
