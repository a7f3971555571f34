/**
 * Extraction speed against the grammar's own limit, on a generated corpus of ≥ 20 MB of varied
 * Kotlin (bench/extract-corpus.ts: renamed copies of the sample projects plus synthetic KMP files,
 * deterministic from a seed):
 *   - parse-only MB/s in one thread (the reference: nothing can beat the parser),
 *   - `kmpdata extract` with --threads 1 and 2 (MB/s from extraction_stats.json, peak RSS),
 *   - two separate --threads 1 processes at once, each on half the corpus (what 2 threads should match).
 * Usage: bun bench/extract.ts [--bin dist/kmpdata] [--mb 20]
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { createParser } from "../src/grammar.ts";
import { ensureExtractCorpus } from "./extract-corpus.ts";
import { machineLine, table, writeResultsSection } from "./results.ts";

const ROOT = resolve(import.meta.dir, "..");
const CACHE = join(ROOT, "bench", ".cache");
const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const bin = resolve(arg("--bin") ?? join(ROOT, "dist", "kmpdata"));
const targetBytes = Number(arg("--mb") ?? 20) * 1e6;

async function parseOnly(files: string[]): Promise<number> {
  const parser = await createParser("kotlin");
  const texts = files.map((f) => readFileSync(f, "utf8"));
  const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
  // The best of 3 passes: on this VM one pass can run ~1.5x slower when the JIT's optimising tier
  // comes late, and the grammar's limit is what it reaches once warm.
  let best = 0;
  for (let pass = 0; pass < 3; pass++) {
    const started = performance.now();
    for (const t of texts) parser.parse(t)?.delete();
    best = Math.max(best, bytes / 1e6 / ((performance.now() - started) / 1000));
  }
  return best;
}

interface Run {
  wall: number;
  mbps: number;
  rssMb: number;
  /** Summed over workers: seconds on batches, and the part inside the grammar's parser. */
  busy: number;
  grammar: number;
}

function spawnExtract(reposDirs: string[], dataDir: string, threads: number) {
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  // --repos-dir takes one folder of repos; the halves are such folders.
  return Bun.spawn([bin, "extract", "--repos-dir", reposDirs[0]!, "--data-dir", dataDir, "--threads", String(threads), "-q"], { stdout: "ignore", stderr: "pipe" });
}

async function extract(reposDir: string, threads: number): Promise<Run> {
  const dataDir = join(CACHE, `extract-data-t${threads}`);
  const started = performance.now();
  const p = spawnExtract([reposDir], dataDir, threads);
  const err = await new Response(p.stderr).text();
  if ((await p.exited) !== 0) throw new Error(`extract failed: ${err}`);
  const wall = (performance.now() - started) / 1000;
  const stats = JSON.parse(readFileSync(join(dataDir, "raw_blocks", "extraction_stats.json"), "utf8"));
  return {
    wall,
    mbps: stats.mb_per_s,
    rssMb: Number(p.resourceUsage()?.maxRSS ?? 0) / 1024 ** 2,
    busy: stats.worker_busy_seconds,
    grammar: stats.worker_grammar_seconds,
  };
}

/** The corpus as one folder of repos: both halves' repos side by side (hard links, no copy). */
function wholeCorpus(c: { dir: string; halves: [string, string] }): string {
  const whole = join(c.dir, "whole");
  if (!existsSync(whole)) {
    mkdirSync(whole);
    for (const [h, half] of c.halves.entries()) {
      for (const repo of readdirSync(half)) Bun.spawnSync(["cp", "-al", join(half, repo), join(whole, `h${h}-${repo}`)]);
    }
  }
  return whole;
}

if (!existsSync(bin)) throw new Error(`${bin} not found: run \`make build\` or pass --bin`);
const loadStart = (await import("node:os")).loadavg()[0]!;
const corpus = ensureExtractCorpus(CACHE, join(ROOT, "src", "sample", "projects"), targetBytes);
const mb = corpus.bytes / 1e6;
const whole = wholeCorpus(corpus);
console.log(`corpus: ${corpus.files.length} files, ${mb.toFixed(1)} MB`);
const parseMbps = await parseOnly(corpus.files);
console.log(`parse-only: ${parseMbps.toFixed(2)} MB/s`);
// Each kmpdata run is a fresh process (JIT warm-up included, as users see it): the better of two.
const better = (a: Run, b: Run) => (a.mbps >= b.mbps ? a : b);
const t1 = better(await extract(whole, 1), await extract(whole, 1));
console.log(`extract --threads 1: ${t1.mbps.toFixed(2)} MB/s`);
const t2 = better(await extract(whole, 2), await extract(whole, 2));
console.log(`extract --threads 2: ${t2.mbps.toFixed(2)} MB/s`);
// Two separate single-thread processes at once, one per half (the better of two tries, like the runs above).
async function separate(): Promise<{ wall: number; rss: number }> {
  const started = performance.now();
  const procs = corpus.halves.map((h, i) => spawnExtract([h], join(CACHE, `extract-data-sep${i}`), 1));
  for (const p of procs) if ((await p.exited) !== 0) throw new Error("separate extract failed");
  const wall = (performance.now() - started) / 1000;
  return { wall, rss: Math.max(...procs.map((p) => Number(p.resourceUsage()?.maxRSS ?? 0) / 1024 ** 2)) };
}
const [sepA, sepB] = [await separate(), await separate()];
const sep = sepA.wall <= sepB.wall ? sepA : sepB;
const sepWall = sep.wall;
const sepMbps = mb / sepWall;
const sepRss = sep.rss;

const perThread = t1.mbps / parseMbps;
const workerMbps = mb / t1.busy;
const scaling = t2.mbps / sepMbps;
const body = [
  `Machine: ${machineLine()}, load average ${loadStart.toFixed(1)} before the runs (other work on the machine skews every figure). Corpus: ${corpus.files.length} files, ${mb.toFixed(1)} MB of Kotlin (bench/extract-corpus.ts: renamed sample copies + synthetic KMP files, seed 42).`,
  "",
  table(
    ["run", "MB/s", "wall (s)", "peak RSS (MB)"],
    [
      ["parse only, 1 thread (grammar limit, best of 3 passes)", parseMbps.toFixed(2), (mb / parseMbps).toFixed(2), "-"],
      ["kmpdata extract --threads 1 (better of 2 runs)", t1.mbps.toFixed(2), t1.wall.toFixed(2), t1.rssMb.toFixed(0)],
      ["kmpdata extract --threads 2 (better of 2 runs)", t2.mbps.toFixed(2), t2.wall.toFixed(2), t2.rssMb.toFixed(0)],
      ["2 separate --threads 1 processes (half each, better of 2)", sepMbps.toFixed(2), sepWall.toFixed(2), sepRss.toFixed(0)],
    ],
  ),
  "",
  `Extraction per thread: ${(perThread * 100).toFixed(0)} % of parse-only (target ≥ 80 %: ${perThread >= 0.8 ? "met" : "missed"}).`,
  `2 threads vs 2 separate processes: ${(scaling * 100).toFixed(0)} % (target ≥ 90 %: ${scaling >= 0.9 ? "met" : "missed"}).`,
  "extract MB/s is the step's own figure (bytes of source / step seconds, discovery, reading and writing included).",
  `With --threads 1 the worker itself ran ${t1.busy.toFixed(2)} s (${workerMbps.toFixed(2)} MB/s, ${((workerMbps / parseMbps) * 100).toFixed(0)} % of parse-only), ${((t1.grammar / t1.busy) * 100).toFixed(0)} % of it inside the grammar (${t1.grammar.toFixed(2)} s, repair re-parses included, vs ${(mb / parseMbps).toFixed(2)} s parse-only); the rest is the walk, call scan and JSONL.`,
].join("\n");
writeResultsSection("extract", body);
console.log(`\n${body}`);
