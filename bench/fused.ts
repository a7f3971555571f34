/**
 * The whole pipeline on ../shared/kmp-corpus (real KMP repositories) against the grammar's own
 * single-thread parse of the same files, and where the time goes, phase by phase.
 *   - parse-only: every .kt/.kts file parsed once with the Kotlin grammar, one thread, best of 3;
 *   - `kmpdata run` (fused) at --threads 1 and 2, and the steps one by one (three processes), best
 *     of 3: wall, CPU (user + sys) and peak RSS;
 *   - phases of the fused run at --threads 1, from its own figures: the grammar's parse and the
 *     walk (extraction_stats.json), pair making and analysis (the workers' time, -v), the merge
 *     (prepare's selection) and writing.
 * Usage: bun bench/fused.ts [--bin dist/kmpdata] [--corpus ../shared/kmp-corpus] [--write]
 */
import { existsSync, readFileSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import fg from "fast-glob";
import { createParser } from "../src/grammar.ts";
import { machineLine, table, writeResultsSection } from "./results.ts";

const ROOT = resolve(import.meta.dir, "..");
const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const bin = resolve(arg("--bin") ?? join(ROOT, "dist", "kmpdata"));
const corpus = resolve(arg("--corpus") ?? join(ROOT, "..", "shared", "kmp-corpus"));
const CACHE = join(ROOT, "bench", ".cache");
if (!existsSync(corpus)) throw new Error(`${corpus} not found: pass --corpus <folder of repositories>`);

async function parseOnly(): Promise<{ seconds: number; files: number; mb: number }> {
  const parser = await createParser("kotlin");
  const files = await fg(["**/*.kt", "**/*.kts"], { cwd: corpus, absolute: true, ignore: ["**/build/**", "**/.gradle/**"] });
  const texts = await Promise.all(files.map((f) => Bun.file(f).text()));
  let best = Infinity;
  for (let round = 0; round < 3; round++) {
    const t0 = performance.now();
    for (const t of texts) parser.parse(t)?.delete();
    best = Math.min(best, (performance.now() - t0) / 1000);
  }
  return { seconds: best, files: files.length, mb: texts.reduce((a, t) => a + Buffer.byteLength(t), 0) / 1e6 };
}

interface Run {
  wall: number;
  cpu: number;
  rssMb: number;
  stderr: string;
}

async function timed(cmds: string[][], env: Record<string, string> = {}): Promise<Run> {
  let wall = 0;
  let cpu = 0;
  let rss = 0;
  let stderr = "";
  for (const cmd of cmds) {
    const t0 = performance.now();
    const proc = Bun.spawn(cmd, { cwd: ROOT, stdout: "ignore", stderr: "pipe", env: { ...process.env, ...env } });
    const err = await new Response(proc.stderr).text();
    const code = await proc.exited;
    if (code !== 0) throw new Error(`${cmd.join(" ")} exited ${code}:\n${err}`);
    wall += (performance.now() - t0) / 1000;
    const u = proc.resourceUsage()!;
    cpu += Number(u.cpuTime.user + u.cpuTime.system) / 1e6;
    rss = Math.max(rss, Number(u.maxRSS) / 1024 ** 2);
    stderr += err;
  }
  return { wall, cpu, rssMb: rss, stderr };
}

async function bestOf3(make: (dataDir: string) => string[][], env: Record<string, string> = {}): Promise<Run> {
  let best: Run | null = null;
  for (let i = 0; i < 3; i++) {
    const dataDir = join(CACHE, "fused-data");
    rmSync(dataDir, { recursive: true, force: true });
    const r = await timed(make(dataDir), env);
    if (!best || r.wall < best.wall) best = r;
  }
  return best!;
}

const run = (threads: number, extra: string[] = []) => (d: string) => [[bin, "run", "--repos-dir", corpus, "--data-dir", d, "--threads", String(threads), "--force", ...extra]];
const steps = (d: string) => [
  [bin, "extract", "--repos-dir", corpus, "--data-dir", d, "--threads", "2", "--force", "-q"],
  [bin, "pairs", "--data-dir", d, "--threads", "2", "--force", "-q"],
  [bin, "prepare", "--data-dir", d, "--threads", "2", "--force", "-q"],
];

const parse = await parseOnly();
const t1 = await bestOf3(run(1, ["-q"]));
const t2 = await bestOf3(run(2, ["-q"]));
const separate = await bestOf3(steps);
// JSC's options are read once at start-up (the environment), so the binary cannot set them for
// itself without starting again: measured here, not adopted (see README).
const noFtl = await bestOf3(run(2, ["-q"]), { BUN_JSC_useFTLJIT: "0" });
// The phases, from one more --threads 1 run with its debug lines.
const dataDir = join(CACHE, "fused-data");
rmSync(dataDir, { recursive: true, force: true });
const phases = await timed(run(1, ["-v"])(dataDir));
const stats = JSON.parse(readFileSync(join(dataDir, "raw_blocks", "extraction_stats.json"), "utf8")) as { worker_busy_seconds: number; worker_grammar_seconds: number };
const num = (re: RegExp) => Number(re.exec(phases.stderr)?.[1] ?? NaN);
const pairsS = num(/pairs: \d+ repositories carried from extract's workers \(fused run; ([\d.]+)s/);
const analysisS = num(/analyses carried from the fused run \(([\d.]+)s/);
const prepTook = [...phases.stderr.matchAll(/prepare: (ordering and validation|dedup \(exact, structural, MinHash LSH\)|quality floor, cap, sample, splits) took ([\d.]+)s/g)].reduce((a, m) => a + Number(m[2]), 0);
const writeTook = [...phases.stderr.matchAll(/prepare: (writing splits|clusters, stats and card) took ([\d.]+)s/g)].reduce((a, m) => a + Number(m[2]), 0);

const x = (s: number) => `${(s / parse.seconds).toFixed(1)}×`;
const verdict = (ok: boolean) => (ok ? "met" : "missed");
const body = [
  `Machine: ${machineLine()}. Corpus: ../shared/kmp-corpus, ${parse.files} .kt/.kts files, ${parse.mb.toFixed(1)} MB. Command: \`bun bench/fused.ts --write\` (after \`make build\`).`,
  "",
  `Parse only (the grammar, one thread, best of 3): **${parse.seconds.toFixed(2)} s**.`,
  "",
  table(
    ["command (best of 3)", "wall (s)", "× parse", "CPU (s)", "CPU × parse", "peak RSS (MB)", "target"],
    [
      ["kmpdata run --threads 1 (fused)", t1.wall.toFixed(2), x(t1.wall), t1.cpu.toFixed(2), x(t1.cpu), t1.rssMb.toFixed(0), `wall ≤ 5×: ${verdict(t1.wall <= 5 * parse.seconds)}`],
      ["kmpdata run --threads 2 (fused)", t2.wall.toFixed(2), x(t2.wall), t2.cpu.toFixed(2), x(t2.cpu), t2.rssMb.toFixed(0), `wall ≤ 3.5×: ${verdict(t2.wall <= 3.5 * parse.seconds)}; CPU ≤ 6×: ${verdict(t2.cpu <= 6 * parse.seconds)}`],
      ["extract, pairs, prepare one by one (--threads 2)", separate.wall.toFixed(2), x(separate.wall), separate.cpu.toFixed(2), x(separate.cpu), separate.rssMb.toFixed(0), "–"],
      ["run --threads 2, BUN_JSC_useFTLJIT=0 in the environment", noFtl.wall.toFixed(2), x(noFtl.wall), noFtl.cpu.toFixed(2), x(noFtl.cpu), noFtl.rssMb.toFixed(0), `${((1 - noFtl.wall / t2.wall) * 100).toFixed(0)} % less wall, ${((1 - noFtl.cpu / t2.cpu) * 100).toFixed(0)} % less CPU than without`],
    ],
  ),
  "",
  "Where a --threads 1 fused run spends its time (worker seconds, one thread):",
  "",
  table(
    ["phase", "seconds", "× parse"],
    [
      ["parse (the grammar, repairs included)", stats.worker_grammar_seconds.toFixed(2), x(stats.worker_grammar_seconds)],
      ["walk (blocks, calls, JSONL)", (stats.worker_busy_seconds - stats.worker_grammar_seconds).toFixed(2), x(stats.worker_busy_seconds - stats.worker_grammar_seconds)],
      ["pairs (generators, context, filters)", pairsS.toFixed(2), x(pairsS)],
      ["analysis (prompt parse, MinHash, tokens, quality)", analysisS.toFixed(2), x(analysisS)],
      ["merge (validation, dedup, selection, splits)", prepTook.toFixed(2), x(prepTook)],
      ["write (final files, stats, card)", writeTook.toFixed(2), x(writeTook)],
      ["whole run (wall)", phases.wall.toFixed(2), x(phases.wall)],
    ],
  ),
].join("\n");
console.log(body);
if (process.argv.includes("--write")) writeResultsSection("pipeline on kmp-corpus", body);
