/**
 * Token counting cost: gpt-tokenizer's countTokens (o200k_base) against kmpdata's `bpe` counter
 * (src/tokens.ts) on every .kt file of a corpus, whole and split into 40-line chunks (the size of a
 * typical target). Best of 3 for each. "cold": the counter is built afresh for every pass, so its
 * piece memo starts empty (every distinct piece is counted by the library once); "warm": one counter
 * kept across passes, as a pipeline worker keeps it across batches (an upper bound: every piece is
 * then a hit). The totals must be equal (the script fails otherwise).
 *
 *   bun bench/tokens.ts [corpus-dir] [--write]     (default corpus: ../shared/kmp-corpus)
 *
 * --write replaces the "## tokens" section of bench/RESULTS.md.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { countTokens } from "gpt-tokenizer/encoding/o200k_base";
import { O200K_TOKEN_SPLIT_REGEX } from "gpt-tokenizer/encodingParams/constants";
import { createBpeCounter } from "../src/tokens.ts";
import { machineLine, table, writeResultsSection } from "./results.ts";

const args = process.argv.slice(2);
const write = args.includes("--write");
const dir = resolve(args.find((a) => !a.startsWith("--")) ?? join(import.meta.dir, "..", "..", "shared", "kmp-corpus"));

function kotlinFiles(root: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(root, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith(".kt")) out.push(join(entry.parentPath, entry.name));
  }
  return out.sort();
}

function chunks(text: string, lines = 40): string[] {
  const all = text.split("\n");
  const out: string[] = [];
  for (let i = 0; i < all.length; i += lines) out.push(all.slice(i, i + lines).join("\n"));
  return out;
}

const files = kotlinFiles(dir).map((f) => readFileSync(f, "utf8"));
const pieces = files.flatMap((t) => chunks(t));
const bytes = files.reduce((s, t) => s + Buffer.byteLength(t), 0);
const options = { disallowedSpecial: new Set<string>() };

type Timing = { seconds: number; total: number };

function pass(texts: string[], count: (t: string) => number, best: Timing): void {
  const t0 = performance.now();
  let sum = 0;
  for (const t of texts) sum += count(t);
  best.seconds = Math.min(best.seconds, (performance.now() - t0) / 1000);
  best.total = sum;
}

const loadBefore = (require("node:os") as typeof import("node:os")).loadavg()[0]!;
const rows: (string | number)[][] = [];
const distinct: number[] = [];
for (const [label, texts] of [
  ["whole files", files],
  ["40-line chunks", pieces],
] as const) {
  const lib: Timing = { seconds: Infinity, total: 0 };
  const cold: Timing = { seconds: Infinity, total: 0 };
  const warm: Timing = { seconds: Infinity, total: 0 };
  let misses = 0;
  const kept = createBpeCounter((t, o) => (misses++, countTokens(t, o)), O200K_TOKEN_SPLIT_REGEX);
  for (const t of texts) kept(t);
  // Rounds interleave the three, so a burst of other work on the machine hits them alike.
  for (let round = 0; round < 3; round++) {
    pass(texts, (t) => countTokens(t, options), lib);
    pass(texts, createBpeCounter(countTokens, O200K_TOKEN_SPLIT_REGEX), cold);
    pass(texts, kept, warm);
  }
  for (const [name, r] of [["cold", cold], ["warm", warm]] as const) {
    if (r.total !== lib.total) throw new Error(`${label}: library counts ${lib.total} tokens, kmpdata (${name}) ${r.total}`);
  }
  const x = (r: { seconds: number }) => `${(lib.seconds / r.seconds).toFixed(1)}×`;
  console.log(
    `${label}: ${texts.length} texts, ${lib.total} tokens; library ${lib.seconds.toFixed(3)} s, kmpdata cold ${cold.seconds.toFixed(3)} s (${x(cold)} faster), warm ${warm.seconds.toFixed(3)} s (${x(warm)} faster)`,
  );
  distinct.push(misses);
  rows.push([label, texts.length, lib.total.toLocaleString("en"), lib.seconds.toFixed(3), cold.seconds.toFixed(3), x(cold), warm.seconds.toFixed(3), x(warm)]);
}

if (write) {
  const body = [
    `Machine: ${machineLine()}, load average ${loadBefore.toFixed(1)} before the runs (other work on the machine skews every figure). Input: ${files.length} .kt files, ${(bytes / 1e6).toFixed(1)} MB (${dir.replace(resolve(import.meta.dir, "..", ".."), "..")}), whole and in 40-line chunks. Command: \`bun bench/tokens.ts --write\`; best of 3 passes each; cold = counter built afresh (empty piece memo) for every pass, warm = one counter kept across passes (as a worker keeps it; every piece a hit, so an upper bound); counts equal to the library's in every pass.`,
    "",
    `A cold pass hands each distinct pre-token to the library once (${distinct[0]!.toLocaleString("en")} of them in the whole files), which is most of the difference between cold and warm; the pipeline's workers keep their counter, so they sit between cold and warm.`,
    "",
    table(["texts", "count", "tokens", "gpt-tokenizer countTokens (s)", "kmpdata cold (s)", "speedup", "kmpdata warm (s)", "speedup"], rows),
  ].join("\n");
  writeResultsSection("tokens", body);
}
