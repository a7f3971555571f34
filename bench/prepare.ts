/**
 * prepare on 100,000 generated pairs: wall seconds and peak RSS with --threads 1 and 2, each run in
 * its own child process (so RSS is the stage's alone). The pairs (random Kotlin functions from
 * test/prepare/fixtures.ts, ~10 % renamed copies and ~5 % exact copies across repositories) are
 * generated once into bench/.cache/prepare-100k/. Prints a table and replaces `## prepare` in
 * bench/RESULTS.md.
 * Usage: bun bench/prepare.ts [--pairs 100000]
 */
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { runPrepare } from "../src/prepare/index.ts";
import type { PrepareStats } from "../src/prepare/stats.ts";
import { PAIR_TYPES, type Pair } from "../src/types.ts";
import { context, options, pair, randomFunction, rng } from "../test/prepare/fixtures.ts";
import { machineLine, table, writeResultsSection } from "./results.ts";

const ROOT = resolve(import.meta.dir, "..");
const BUN = join(ROOT, "node_modules", ".bin", "bun");

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** Child mode: run the stage once and exit (the parent measures time and RSS). */
if (process.argv.includes("--child")) {
  const dataDir = arg("--data-dir")!;
  const threads = Number(arg("--threads"));
  await runPrepare(context(dataDir, 42, threads, `kmpdata prepare --threads ${threads}`), options());
  process.exit(0);
}

const count = Number(arg("--pairs") ?? 100_000);
const dataDir = join(ROOT, "bench", ".cache", `prepare-${count / 1000}k`);

function generate(): void {
  const done = join(dataDir, "_GENERATED");
  if (existsSync(done) && readFileSync(done, "utf8") === String(count)) return;
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(join(dataDir, "training_pairs"), { recursive: true });
  const r = rng(2024);
  const lines: string[] = [];
  const recent: Pair[] = [];
  for (let k = 0; k < count; k++) {
    const type = PAIR_TYPES[Math.floor(r() * 6)]!; // every type but gradle, unevenly by chance
    const repo = `bench/repo${Math.floor(r() * 2000)}`;
    const path = `shared/src/commonMain/kotlin/File${Math.floor(r() * 50)}.kt`;
    let target: string;
    const roll = r();
    const prev = recent.length ? recent[Math.floor(r() * recent.length)]! : null;
    if (prev && roll < 0.05) target = prev.target_text; // exact copy in another repo
    else if (prev && roll < 0.12) target = prev.target_text.replace(/\bv(\d+)\b/g, "w$1").replace(/\bp0\b/g, "arg0"); // renamed copy
    else if (prev && roll < 0.15) target = prev.target_text.replace(/\n    return /, "\n    log.d(\"done\")\n    return ").replace(/\bv(\d+)\b/g, "x$1"); // renamed + edited
    else target = randomFunction(r);
    const p = pair(target, { pair_type: type, repo, path, id: `b${String(k).padStart(7, "0")}` });
    lines.push(JSON.stringify(p));
    recent.push(p);
    if (recent.length > 500) recent.shift();
  }
  const cut = [Math.floor(count * 0.9), Math.floor(count * 0.95)];
  writeFileSync(join(dataDir, "training_pairs", "train.jsonl"), lines.slice(0, cut[0]).join("\n") + "\n");
  writeFileSync(join(dataDir, "training_pairs", "val.jsonl"), lines.slice(cut[0], cut[1]).join("\n") + "\n");
  writeFileSync(join(dataDir, "training_pairs", "test.jsonl"), lines.slice(cut[1]).join("\n") + "\n");
  writeFileSync(done, String(count));
}

interface Run {
  threads: number;
  seconds: number;
  rssMb: number;
}

async function measure(threads: number): Promise<Run> {
  const started = performance.now();
  const proc = Bun.spawn([BUN, import.meta.path, "--child", "--data-dir", dataDir, "--threads", String(threads)], { cwd: ROOT, stdout: "ignore", stderr: "pipe" });
  const stderr = await new Response(proc.stderr).text();
  const code = await proc.exited;
  const seconds = (performance.now() - started) / 1000;
  if (code !== 0) throw new Error(`prepare --threads ${threads} failed (exit ${code}):\n${stderr}`);
  return { threads, seconds, rssMb: Number(proc.resourceUsage()?.maxRSS ?? 0) / 1024 / 1024 }; // Bun reports maxRSS in bytes
}

generate();
const inputMb = ["train", "val", "test"].reduce((a, s) => a + statSync(join(dataDir, "training_pairs", `${s}.jsonl`)).size, 0) / 1e6;
const runs = [await measure(1), await measure(2)];
const stats = JSON.parse(readFileSync(join(dataDir, "final_training", "stats.json"), "utf8")) as PrepareStats;
const body = [
  `Machine: ${machineLine()}. Input: ${count.toLocaleString("en-US")} generated pairs, ${inputMb.toFixed(0)} MB ` +
    `(bench/prepare.ts; random Kotlin functions, ~7 % renamed, ~3 % renamed-and-edited and ~5 % exact copies). Default options: BPE tokenizer, ` +
    `MinHash ${stats.clusters.minhash.permutations} permutations (${stats.clusters.minhash.bands} bands × ${stats.clusters.minhash.rows} rows).`,
  "",
  table(
    ["threads", "seconds", "pairs/s", "peak RSS (MB)"],
    runs.map((r) => [r.threads, r.seconds.toFixed(1), Math.round(count / r.seconds).toLocaleString("en-US"), r.rssMb.toFixed(0)]),
  ),
  "",
  `Outcome (both runs byte-identical by design): ${stats.written.train!.toLocaleString("en-US")} train / ${stats.written.val!.toLocaleString("en-US")} val / ` +
    `${stats.written.test!.toLocaleString("en-US")} test rows; duplicates removed: ${stats.duplicates.exact} exact, ${stats.duplicates.structural} structural, ` +
    `${stats.duplicates.near} near; ${stats.clusters.clusters_with_duplicates.toLocaleString("en-US")} near-dup clusters; ` +
    `LSH candidates ${stats.clusters.lsh.candidate_pairs.toLocaleString("en-US")} (${stats.clusters.lsh.rejected.toLocaleString("en-US")} rejected on verification).`,
].join("\n");
writeResultsSection("prepare", body);
console.log(`\n## prepare\n${body}`);
