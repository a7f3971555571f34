/**
 * The fused `run` (extract's workers also make each repository's pairs and analyses) writes the same
 * bytes as the steps run one by one in separate processes, at any --threads: blocks, pairs, their
 * stats and the final files.
 */
import { afterAll, describe, expect, test } from "bun:test";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BUN, ROOT, runCli } from "../support/cli.ts";

const tmp = mkdtempSync(join(tmpdir(), "kmpdata-fused-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const SAME = [
  "raw_blocks/all_blocks.jsonl",
  "training_pairs/train.jsonl",
  "training_pairs/val.jsonl",
  "training_pairs/test.jsonl",
  "training_pairs/pairs_stats.json",
  "final_training/train.jsonl",
  "final_training/val.jsonl",
  "final_training/test.jsonl",
  "final_training/all_train.jsonl",
];

async function ok(args: string[]): Promise<string> {
  const r = await runCli([...args, "-q"]);
  if (r.code !== 0) throw new Error(`kmpdata ${args.join(" ")} exited ${r.code}: ${r.stderr}`);
  return r.stderr;
}

/** The steps one by one, each its own process (nothing carried). */
async function steps(repos: string[], dataDir: string, threads: string): Promise<void> {
  for (const step of ["extract", "pairs", "prepare"]) await ok([step, ...(step === "extract" ? repos : []), "--data-dir", dataDir, "--threads", threads, "--seed", "3"]);
}

function expectSame(a: string, b: string): void {
  for (const f of SAME) expect(readFileSync(join(a, f))).toEqual(readFileSync(join(b, f)));
  const temps = readdirSync(join(a, "raw_blocks")).filter((n) => n.includes(".tmp-"));
  expect(temps).toEqual([]);
}

describe("fused run", () => {
  test("the embedded sample: run at 1 and 2 threads equals the steps one by one", async () => {
    const stepsDir = join(tmp, "sample-steps");
    await ok(["scrape", "--source", "sample", "--data-dir", stepsDir]);
    await steps([], stepsDir, "2");
    for (const threads of ["1", "2"]) {
      const dir = join(tmp, `sample-run-${threads}`);
      const r = await runCli(["run", "--source", "sample", "--data-dir", dir, "--threads", threads, "--seed", "3", "-v"]);
      expect(r.code).toBe(0);
      // The fused path ran: pairs took the carried repositories, prepare the carried analyses.
      expect(r.stderr).toContain("pairs: 4 repositories carried from extract's workers");
      expect(r.stderr).toMatch(/prepare: [1-9]\d* batches of analyses carried from the fused run \([\d.]+s of its workers. time\), 0 analysed here/);
      expectSame(dir, stepsDir);
    }
    // The card repeats what pairs did (description sources, context, rows per file, secrets) and the contained share.
    const card = readFileSync(join(stepsDir, "final_training", "README.md"), "utf8");
    for (const s of ["## How the pairs were made", "Each code span is taught once: within one file,", "Context: of ", "Pairs per source file:", "Secrets: "]) expect(card).toContain(s);
  });

  const corpus = join(ROOT, "..", "shared", "kmp-corpus");
  test.skipIf(!existsSync(corpus))("three real repositories: run equals the steps one by one", async () => {
    const repos = join(tmp, "repos");
    for (const r of ["android__kotlin-multiplatform-samples", "Kotlin__kmm-production-sample", "xxfast__KStore"]) cpSync(join(corpus, r), join(repos, r), { recursive: true });
    const stepsDir = join(tmp, "corpus-steps");
    await steps(["--repos-dir", repos], stepsDir, "1");
    const dir = join(tmp, "corpus-run");
    await ok(["run", "--repos-dir", repos, "--data-dir", dir, "--threads", "2", "--seed", "3"]);
    expectSame(dir, stepsDir);
  });
});

describe("fused run, killed", () => {
  test("a run killed once some repositories are finished takes them from its kept work and redoes only the rest; same bytes", async () => {
    const reference = join(tmp, "kill-ref");
    await ok(["run", "--source", "sample", "--data-dir", reference, "--threads", "1", "--seed", "3"]);
    const dir = join(tmp, "kill");
    const kept = join(dir, "raw_blocks", ".fused-repos");
    const proc = Bun.spawn([BUN, join(ROOT, "main.ts"), "run", "--source", "sample", "--data-dir", dir, "--threads", "1", "--seed", "3", "-q"], { cwd: ROOT, stdout: "ignore", stderr: "ignore" });
    let exited = false;
    proc.exited.then(() => (exited = true));
    while (!exited && !(existsSync(kept) && readdirSync(kept).some((n) => n.endsWith(".bin")))) await Bun.sleep(1);
    proc.kill("SIGKILL");
    await proc.exited;
    expect(proc.signalCode).toBe("SIGKILL");
    expect(existsSync(join(dir, "raw_blocks", "_SUCCESS.json"))).toBe(false);
    const r = await runCli(["run", "--source", "sample", "--data-dir", dir, "--threads", "1", "--seed", "3"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/extract: [1-4] of 4 repositories taken from an interrupted run's finished work/);
    expectSame(dir, reference);
    // Once extract is done, the kept work goes.
    expect(existsSync(kept)).toBe(false);
  });
});
