/**
 * all_blocks.jsonl as runs of one repository's lines, kept as bytes: the main thread only finds
 * each line's repository (a look at the line's first keys, not a parse); the worker that makes the
 * repository's pairs parses them.
 */
import { KmpError } from "../errors.ts";
import { isBlank, jsonlLineBytes, JsonlBytes, parseLine } from "../io.ts";
import type { Block } from "../types.ts";

/** Consecutive lines of one repository: the bytes of each, "\n" after each, blank lines between them kept. */
export interface RepoLines {
  repo: string;
  /** The line number of the first line in `bytes`. */
  firstLine: number;
  /** Non-blank lines (blocks). */
  blocks: number;
  bytes: Uint8Array;
}

const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
const PREFIX_BYTES = 1024;
/**
 * The top-level "repo" key when only plain values (strings, numbers, literals) come before it, as
 * extract writes blocks ("id" first, "repo" second). Anything else is parsed in full. (A key
 * written twice, which JSON.parse reads as its last value, is not looked for: JSON.stringify never
 * writes one.)
 */
const LEADING_REPO = /^\{(?:"(?:[^"\\]|\\.)*":(?:"(?:[^"\\]|\\.)*"|-?[0-9][0-9.eE+-]*|true|false|null),)*?"repo":("(?:[^"\\]|\\.)*")[,}]/;

/** The repository a block line belongs to, as JSON.parse(line).repo would say. */
export function repoOfLine(bytes: Uint8Array, path: string, lineNo: number): string {
  const m = LEADING_REPO.exec(decoder.decode(bytes.subarray(0, PREFIX_BYTES)));
  if (m) return JSON.parse(m[1]!) as string;
  return parseLine<Block>(decoder.decode(bytes), path, lineNo).repo;
}

function blank(bytes: Uint8Array): boolean {
  const c = bytes[0];
  return c !== 123 && c !== 91 && isBlank(decoder.decode(bytes));
}

/** The file's runs of one repository, in file order (a repository seen again later is a new run). */
export function* repoRuns(path: string): Generator<RepoLines> {
  let run: { repo: string; firstLine: number; blocks: number; out: JsonlBytes } | null = null;
  for (const { bytes, lineNo } of jsonlLineBytes(path)) {
    if (blank(bytes)) {
      // Kept inside a run so the worker's line numbers stay right; before the first run, skipped.
      run?.out.writeBytes(NEWLINE);
      continue;
    }
    const repo = repoOfLine(bytes, path, lineNo);
    if (run === null || run.repo !== repo) {
      if (run !== null) yield finish(run);
      run = { repo, firstLine: lineNo, blocks: 0, out: new JsonlBytes(64 * 1024) };
    }
    run.out.writeBytes(bytes);
    run.out.writeBytes(NEWLINE);
    run.blocks++;
  }
  if (run !== null) yield finish(run);
}

const NEWLINE = new Uint8Array([10]);

function finish(run: { repo: string; firstLine: number; blocks: number; out: JsonlBytes }): RepoLines {
  return { repo: run.repo, firstLine: run.firstLine, blocks: run.blocks, bytes: run.out.bytes() };
}

/** The blocks of a run's bytes; a line that is not JSON fails naming the file and its line. */
export function parseRun(bytes: Uint8Array, path: string, firstLine: number): Block[] {
  const text = decoder.decode(bytes);
  const blocks: Block[] = [];
  let lineNo = firstLine;
  for (let start = 0; start < text.length; lineNo++) {
    let nl = text.indexOf("\n", start);
    if (nl === -1) nl = text.length;
    const line = text.slice(start, nl);
    start = nl + 1;
    if (isBlank(line)) continue;
    const b = parseLine<Block>(line, path, lineNo);
    // The fields every step reads; a record without them is not a block (`{}`, another file's lines).
    if (typeof b !== "object" || b === null || typeof b.repo !== "string" || typeof b.path !== "string" || typeof b.kind !== "string" || typeof b.code !== "string" || !Array.isArray(b.members)) {
      throw new KmpError("E_BAD_INPUT", `${path}:${lineNo}: not a block record (repo, path, kind, code, members): rerun \`kmpdata extract --force\``);
    }
    blocks.push(b);
  }
  return blocks;
}
