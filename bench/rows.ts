/**
 * Dataset-quality measurements of the final rows (kmpdata issue 10), overall and per pair type.
 * Usage: node_modules/.bin/bun bench/rows.ts <data-dir> [--json out.json] [--repos-dir ../shared/kmp-corpus]
 * Reads <data-dir>/final_training/{train,val,test}.jsonl and <data-dir>/raw_blocks/all_blocks.jsonl.
 *
 * Metrics (shares are of rows unless said otherwise; the text rules live in bench/rows-metrics.ts):
 * - echo prose: rows with ≥ 1 prose sentence of the prompt (code lines, metadata lines and
 *   declaration bullets skipped: proseSentences) that, after removing `code spans`, dotted/slashed
 *   tokens and FILLER words, has ≥ 1 word left and only words of the target's identifiers (split at
 *   camelCase/snake_case/acronyms/digits, lowercased; identifiers outside comments and literals).
 * - underspecified: rows where the project types the target uses (capitalised identifiers of the
 *   target declared as class/interface/object/typealias — enums and annotation classes are classes —
 *   anywhere in the same repository per all_blocks.jsonl — by simple name, `Companion` excepted —
 *   minus types the target declares itself)
 *   are ≥ 1 and more than half of them never appear as a word of the prompt.
 * - shared target: rows whose normalised target (lines trimmed, blank lines dropped) equals another
 *   final row's normalised target (every row of a group of ≥ 2 counts).
 * - contained: of the summed normalised target characters, the share in rows whose normalised
 *   target is a substring of a strictly longer normalised target of another row of the same repo+path.
 * - licence: rows with license != null; and, over rows whose repository folder (<repos-dir>/<repo>,
 *   `/` read as `__`) has LICENSE*, LICENCE* or COPYING* at its root, the share with license != null.
 * - licence headers: rows whose target opens (after whitespace) with a comment containing
 *   copyright / licensed under / SPDX-License-Identifier / permission is hereby granted.
 * - prompt parse fails: of the rows whose prompt has a code part (promptCode: each ```kotlin fence,
 *   parsed separately — a skeleton's first fence; unfenced prompts: skeleton = after the first blank
 *   line, others = paragraphs that start like a declaration), the share where any part's Kotlin tree (src/grammar.ts, the extract grammar) has an ERROR or MISSING node.
 * - skeleton hides little: of skeleton_to_complete rows, target non-blank lines − prompt code
 *   non-blank lines < 3, or < 25 % of the target's non-blank lines.
 * - rows and repositories per split and per pair type.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { createParser } from "../src/grammar.ts";
import { collectErrors } from "../src/extract/kotlin.ts";
import type { Block } from "../src/types.ts";
import { normalisedForDedup } from "../src/pairs/text.ts";
import { echoSentences, hasLicenceHeader, projectTypeUse, promptCode, skeletonHidesLittle } from "./rows-metrics.ts";

interface Row {
  input_text: string;
  target_text: string;
  pair_type: string;
  repo: string;
  path: string;
  license: string | null;
  split: string;
}

/** A count over a population (numerator / denominator); chars for `contained`. */
interface Ratio {
  n: number;
  of: number;
}

interface Metrics {
  rows: number;
  repos: number;
  echo_prose: Ratio;
  underspecified: Ratio;
  shared_target: Ratio;
  contained_chars: Ratio;
  licence: Ratio;
  licence_where_repo_has_file: Ratio;
  licence_headers: Ratio;
  prompt_parse_fails: Ratio;
  skeleton_hides_little: Ratio;
}

const SPLITS = ["train", "val", "test"] as const;

function readJsonl<T>(file: string): T[] {
  if (!existsSync(file)) return [];
  const out: T[] = [];
  for (const line of readFileSync(file, "utf8").split("\n")) if (line.length > 0) out.push(JSON.parse(line) as T);
  return out;
}

/** Per repo, the type names declared anywhere in it. */
function projectTypes(blocksFile: string): Map<string, Set<string>> {
  const byRepo = new Map<string, Set<string>>();
  for (const b of readJsonl<Pick<Block, "repo" | "kind" | "name">>(blocksFile)) {
    if (b.kind !== "class" && b.kind !== "interface" && b.kind !== "object" && b.kind !== "typealias") continue;
    if (b.name === "Companion") continue; // the name extract gives an unnamed companion object, not a type to show
    let s = byRepo.get(b.repo);
    if (!s) byRepo.set(b.repo, (s = new Set()));
    s.add(b.name);
  }
  return byRepo;
}

function repoHasLicenceFile(reposDir: string, repo: string): boolean {
  for (const dir of [join(reposDir, repo), join(reposDir, repo.replace("/", "__"))]) {
    if (!existsSync(dir)) continue;
    if (readdirSync(dir).some((f) => /^(licen[cs]e|copying)/i.test(f))) return true;
  }
  return false;
}

/** Per-row flags (null = the row is outside that metric's population). */
interface Flags {
  echo: boolean;
  underspecified: boolean;
  shared: boolean;
  containedChars: number;
  chars: number;
  repoHasLicenceFile: boolean;
  header: boolean;
  parseFails: boolean | null;
  hidesLittle: boolean | null;
}

async function measure(rows: Row[], types: Map<string, Set<string>>, reposDir: string): Promise<Flags[]> {
  const norm = rows.map((r) => normalisedForDedup(r.target_text));
  const counts = new Map<string, number>();
  for (const t of norm) counts.set(t, (counts.get(t) ?? 0) + 1);
  const byFile = new Map<string, number[]>();
  rows.forEach((r, i) => {
    const k = `${r.repo}\u0000${r.path}`;
    const list = byFile.get(k) ?? [];
    list.push(i);
    byFile.set(k, list);
  });
  const contained = new Set<number>();
  for (const list of byFile.values())
    for (const i of list) if (list.some((j) => j !== i && norm[j]!.length > norm[i]!.length && norm[j]!.includes(norm[i]!))) contained.add(i);
  const licenceFile = new Map<string, boolean>();
  const parser = await createParser("kotlin");
  const none = new Set<string>();
  return rows.map((r, i) => {
    const { used, missing } = projectTypeUse(r.input_text, r.target_text, types.get(r.repo) ?? none);
    if (!licenceFile.has(r.repo)) licenceFile.set(r.repo, repoHasLicenceFile(reposDir, r.repo));
    const code = promptCode(r.input_text, r.pair_type);
    let parseFails: boolean | null = null;
    if (code !== null) {
      parseFails = false;
      for (const part of code) {
        const tree = parser.parse(part)!;
        const errs: number[] = [];
        collectErrors(tree.rootNode, 0, errs);
        parseFails ||= errs.length > 0;
        tree.delete();
      }
    }
    return {
      echo: echoSentences(r.input_text, r.target_text).length > 0,
      underspecified: used.length > 0 && missing.length * 2 > used.length,
      shared: counts.get(norm[i]!)! > 1,
      containedChars: contained.has(i) ? norm[i]!.length : 0,
      chars: norm[i]!.length,
      repoHasLicenceFile: licenceFile.get(r.repo)!,
      header: hasLicenceHeader(r.target_text),
      parseFails,
      hidesLittle: r.pair_type === "skeleton_to_complete" && code !== null ? skeletonHidesLittle(code[0]!, r.target_text) : r.pair_type === "skeleton_to_complete" ? true : null,
    };
  });
}

function ratio(items: Flags[], pick: (f: Flags) => boolean | null): Ratio {
  let n = 0;
  let of = 0;
  for (const f of items) {
    const v = pick(f);
    if (v === null) continue;
    of++;
    if (v) n++;
  }
  return { n, of };
}

function summarise(rows: Row[], flags: Flags[]): Metrics {
  const withFile = flags.map((f, i) => (f.repoHasLicenceFile ? rows[i]!.license !== null : null));
  return {
    rows: rows.length,
    repos: new Set(rows.map((r) => r.repo)).size,
    echo_prose: ratio(flags, (f) => f.echo),
    underspecified: ratio(flags, (f) => f.underspecified),
    shared_target: ratio(flags, (f) => f.shared),
    contained_chars: { n: flags.reduce((s, f) => s + f.containedChars, 0), of: flags.reduce((s, f) => s + f.chars, 0) },
    licence: { n: rows.filter((r) => r.license !== null).length, of: rows.length },
    licence_where_repo_has_file: { n: withFile.filter((v) => v === true).length, of: withFile.filter((v) => v !== null).length },
    licence_headers: ratio(flags, (f) => f.header),
    prompt_parse_fails: ratio(flags, (f) => f.parseFails),
    skeleton_hides_little: ratio(flags, (f) => f.hidesLittle),
  };
}

const pct = (r: Ratio) => (r.of === 0 ? "–" : `${((100 * r.n) / r.of).toFixed(1)}%`);

function printTable(groups: [string, Metrics][]): void {
  const lines: [string, (m: Metrics) => string][] = [
    ["rows", (m) => String(m.rows)],
    ["repositories", (m) => String(m.repos)],
    ["echo prose", (m) => pct(m.echo_prose)],
    ["underspecified", (m) => pct(m.underspecified)],
    ["shared target", (m) => pct(m.shared_target)],
    ["contained (chars)", (m) => pct(m.contained_chars)],
    ["licence set", (m) => pct(m.licence)],
    ["  where repo has file", (m) => pct(m.licence_where_repo_has_file)],
    ["licence header", (m) => pct(m.licence_headers)],
    ["prompt parse fails", (m) => `${pct(m.prompt_parse_fails)} of ${m.prompt_parse_fails.of}`],
    ["skeleton hides little", (m) => pct(m.skeleton_hides_little)],
  ];
  const head = ["metric", ...groups.map(([g]) => g)];
  const body = lines.map(([name, f]) => [name, ...groups.map(([, m]) => f(m))]);
  const widths = head.map((h, c) => Math.max(h.length, ...body.map((r) => r[c]!.length)));
  const fmt = (cells: string[]) => cells.map((s, c) => (c === 0 ? s.padEnd(widths[c]!) : s.padStart(widths[c]!))).join("  ");
  console.log(fmt(head));
  for (const r of body) console.log(fmt(r));
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const opt = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args.splice(i, 2)[1] : undefined;
  };
  const jsonOut = opt("--json");
  const reposDir = resolve(opt("--repos-dir") ?? join(import.meta.dir, "..", "..", "shared", "kmp-corpus"));
  const dataDir = args[0];
  if (!dataDir) {
    console.error("usage: bun bench/rows.ts <data-dir> [--json out.json] [--repos-dir <dir>]");
    process.exit(2);
  }
  const started = performance.now();
  const rows: Row[] = SPLITS.flatMap((split) => readJsonl<Row>(join(dataDir, "final_training", `${split}.jsonl`)).map((r) => ({ ...r, split })));
  if (rows.length === 0) throw new Error(`no rows in ${join(dataDir, "final_training")}`);
  const types = projectTypes(join(dataDir, "raw_blocks", "all_blocks.jsonl"));
  const flags = await measure(rows, types, reposDir);

  const groups: [string, Metrics][] = [["all", summarise(rows, flags)]];
  for (const t of [...new Set(rows.map((r) => r.pair_type))].sort()) {
    const idx = rows.flatMap((r, i) => (r.pair_type === t ? [i] : []));
    groups.push([t, summarise(idx.map((i) => rows[i]!), idx.map((i) => flags[i]!))]);
  }
  printTable(groups);
  const perSplit: Record<string, Record<string, { rows: number; repos: number }>> = {};
  for (const split of SPLITS) {
    perSplit[split] = {};
    for (const [t] of groups) {
      const rs = rows.filter((r) => r.split === split && (t === "all" || r.pair_type === t));
      perSplit[split][t] = { rows: rs.length, repos: new Set(rs.map((r) => r.repo)).size };
    }
  }
  console.log("\nrows / repositories per split");
  console.log(["split".padEnd(6), ...groups.map(([g]) => g.padStart(Math.max(g.length, 8)))].join("  "));
  for (const split of SPLITS)
    console.log([split.padEnd(6), ...groups.map(([g]) => `${perSplit[split]![g]!.rows}/${perSplit[split]![g]!.repos}`.padStart(Math.max(g.length, 8)))].join("  "));
  console.log(`\n${rows.length} rows, ${((performance.now() - started) / 1000).toFixed(1)} s`);
  if (jsonOut) writeFileSync(jsonOut, JSON.stringify({ data_dir: resolve(dataDir), repos_dir: reposDir, groups: Object.fromEntries(groups), per_split: perSplit }, null, 2) + "\n");
}

await main();
