/**
 * Past one machine: shards run side by side (as a Kubernetes Indexed Job's pods or a Slurm array's
 * tasks would), then `kmpdata merge`; the final files are the same bytes as one `kmpdata run` over
 * the same repositories, for n = 1, 3 and 7, on the sample and on a folder of projects. A finished
 * shard is not redone, a killed one resumes per repository, a missing one fails the merge by name.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeSampleRepos } from "../../src/sample/index.ts";
import { BUN, ROOT, runCli } from "../support/cli.ts";

const tmp = mkdtempSync(join(tmpdir(), "kmpdata-shards-"));
const FINAL = ["train", "val", "test", "all_train"];
let projects = ""; // a folder of 8 projects: the 4 sample projects, each twice under another name

beforeAll(async () => {
  const sample = join(tmp, "sample-data");
  await writeSampleRepos(sample);
  projects = join(tmp, "projects");
  mkdirSync(projects);
  for (const name of readdirSync(join(sample, "repos"))) {
    cpSync(join(sample, "repos", name), join(projects, `${name}`), { recursive: true });
    cpSync(join(sample, "repos", name), join(projects, `fork-${name}`), { recursive: true });
    // the fork changed a little: not all of its code is a duplicate of the original's
    writeFileSync(join(projects, `fork-${name}`, "Extra.kt"), `package fork\n\nfun forkedHelper(values: List<Int>): Int {\n    var total = 0\n    for (v in values) total += v * 2\n    return total\n}\n`);
  }
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function ok(args: string[]): Promise<string> {
  const r = await runCli(args);
  if (r.code !== 0) throw new Error(`kmpdata ${args.join(" ")} exited ${r.code}: ${r.stderr}`);
  return r.stderr;
}

function expectSameFinal(a: string, b: string): void {
  for (const f of FINAL) expect(readFileSync(join(a, "final_training", `${f}.jsonl`))).toEqual(readFileSync(join(b, "final_training", `${f}.jsonl`)));
}

describe.each([
  ["the sample", () => ["--source", "sample"]],
  ["a folder of projects", () => ["--repos-dir", projects]],
] as const)("%s: shards side by side, then merge", (_name, source) => {
  const base = join(tmp, _name.replace(/\W+/g, "-"));
  const seed = ["--seed", "11", "--threads", "1", "-q"];

  test.each([1, 3, 7])("n = %i gives the bytes of one run", async (n) => {
    const single = join(base, "single");
    if (!existsSync(join(single, "final_training", "train.jsonl"))) await ok(["run", ...source(), "--data-dir", single, ...seed]);
    const d = join(base, `n${n}`);
    await Promise.all(Array.from({ length: n }, (_, i) => ok(["run", ...source(), "--data-dir", d, "--shard", `${i}/${n}`, ...seed])));
    await ok(["merge", "--data-dir", d, ...seed]);
    expectSameFinal(d, single);
    const stats = JSON.parse(readFileSync(join(d, "final_training", "stats.json"), "utf8"));
    expect(stats.shards).toMatchObject({ count: n, merged: n, missing: [] });
    expect(readFileSync(join(d, "final_training", "README.md"), "utf8")).toContain(`merged with \`kmpdata merge\`: ${n} of ${n} shards`);
    // the shards together hold every repository once
    const repos = Array.from({ length: n }, (_, i) => readFileSync(join(d, "shards", `${i}-of-${n}`, "index.jsonl"), "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l).repo)).flat();
    expect(new Set(repos).size).toBe(repos.length);
    expect(repos.length).toBe(stats.shards.repos);
  }, 120_000);
});

test("a finished shard is not redone; --force redoes it", async () => {
  const d = join(tmp, "again");
  const args = ["run", "--source", "sample", "--data-dir", d, "--shard", "1/2", "--threads", "1"];
  await ok(args);
  const marker = readFileSync(join(d, "shards", "1-of-2", "_SUCCESS.json"), "utf8");
  const second = await ok(args);
  expect(second).toContain("shard 1-of-2: finished already");
  expect(readFileSync(join(d, "shards", "1-of-2", "_SUCCESS.json"), "utf8")).toBe(marker);
  await ok([...args, "--force"]);
  expect(readFileSync(join(d, "shards", "1-of-2", "_SUCCESS.json"), "utf8")).not.toBe(marker);
});

test("a shard killed mid-way resumes per repository and merges to the same bytes", async () => {
  const d = join(tmp, "killed");
  const args = ["run", "--repos-dir", projects, "--data-dir", d, "--shard", "0/1", "--threads", "1", "--seed", "11"];
  const proc = Bun.spawn([BUN, join(ROOT, "main.ts"), ...args], { cwd: ROOT, stdout: "ignore", stderr: "ignore" });
  const kept = join(d, "work", "0-of-1", "raw_blocks", ".fused-repos");
  for (let i = 0; i < 2000 && !(existsSync(kept) && readdirSync(kept).filter((n) => n.endsWith(".bin")).length >= 2); i++) await Bun.sleep(5);
  proc.kill("SIGKILL");
  await proc.exited;
  expect(existsSync(join(d, "shards", "0-of-1", "_SUCCESS.json"))).toBe(false);
  const resumed = await ok(args);
  expect(resumed).toMatch(/extract: [1-7] of 8 repositories taken from an interrupted run's finished work/);
  await ok(["merge", "--data-dir", d, "--seed", "11", "-q"]);
  const single = join(tmp, "killed-single");
  await ok(["run", "--repos-dir", projects, "--data-dir", single, "--threads", "1", "--seed", "11", "-q"]);
  expectSameFinal(d, single);
}, 120_000);

describe("merge refuses what it cannot merge", () => {
  const d = join(tmp, "missing");
  const one = (stderr: string) => stderr.split("\n").filter((l) => l.startsWith("kmpdata:"));

  test("a missing shard fails the merge with a line naming it; --allow-missing merges the rest and the card says so", async () => {
    await ok(["run", "--source", "sample", "--data-dir", d, "--shard", "0/3", "-q"]);
    await ok(["run", "--source", "sample", "--data-dir", d, "--shard", "2/3", "-q"]);
    const r = await runCli(["merge", "--data-dir", d, "--shards", "3"]);
    expect(r.code).toBe(4);
    expect(one(r.stderr)).toEqual([expect.stringContaining("shard 1-of-3 did not finish")]);
    expect(existsSync(join(d, "final_training"))).toBe(false);
    await ok(["merge", "--data-dir", d, "--shards", "3", "--allow-missing", "-q"]);
    expect(readFileSync(join(d, "final_training", "README.md"), "utf8")).toContain("**missing shards: 1-of-3**");
  }, 60_000);

  test("shards made with other options than the merge's: one line", async () => {
    const r = await runCli(["merge", "--data-dir", d, "--shards", "3", "--allow-missing", "--seed", "99"]);
    expect(r.code).toBe(2);
    expect(one(r.stderr)).toEqual([expect.stringContaining("was made with other pairs or prepare options (or --seed) than this merge")]);
  });

  test("no shards at all", async () => {
    const r = await runCli(["merge", "--data-dir", join(tmp, "nothing")]);
    expect(r.code).toBe(4);
    expect(one(r.stderr)).toEqual([expect.stringContaining("holds no shard output")]);
  });
});

describe("shard flags", () => {
  const d = join(tmp, "flags");
  test.each([
    [["run", "--shard", "3/3"], "i must be below n"],
    [["run", "--shard", "x"], "--shard must be i/n"],
    [["run", "--shard", "auto"], "found no scheduler index"],
    [["run", "--shard", "0/2", "--step", "pairs"], "--step does not apply to a shard"],
    [["run", "--shard", "0/2", "--shards", "3"], "--shards 3 contradicts --shard 0/2"],
    [["run", "--work-dir", "/tmp/w"], "--work-dir applies only with --shard"],
    [["scrape", "--search-only", "--shard", "0/2"], "--search-only runs once for every shard"],
  ])("%j", async (args, says) => {
    const r = await runCli([...args, "--data-dir", d], { env: { PATH: process.env.PATH ?? "", NO_COLOR: "1" } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(says);
    expect(existsSync(d)).toBe(false);
  });

  test("--shard auto reads a Kubernetes Indexed Job's and a Slurm array's variables", async () => {
    const k8s = await runCli(["run", "--source", "sample", "--data-dir", join(tmp, "k8s"), "--shard", "auto", "--shards", "2", "-q"], { env: { ...process.env, JOB_COMPLETION_INDEX: "1" } });
    expect(k8s.code).toBe(0);
    expect(existsSync(join(tmp, "k8s", "shards", "1-of-2", "_SUCCESS.json"))).toBe(true);
    const slurm = await runCli(["run", "--source", "sample", "--data-dir", join(tmp, "slurm"), "--shard", "auto", "-q"], { env: { ...process.env, SLURM_ARRAY_TASK_ID: "2", SLURM_ARRAY_TASK_COUNT: "3" } });
    expect(slurm.code).toBe(0);
    expect(existsSync(join(tmp, "slurm", "shards", "2-of-3", "_SUCCESS.json"))).toBe(true);
  }, 60_000);
});

test("GitHub: the search runs once (--search-only), each shard clones only its part, and the merge gives the bytes of one run", async () => {
  const { FIXTURES, startFakeGitHub } = await import("../support/fake-github.ts");
  const names = ["atlas", "beacon", "compass", "dynamo", "ember"];
  const gh = await startFakeGitHub({
    repos: names.map((n, i) => ({ owner: "acme", name: n, files: FIXTURES.kmpPlugin(n), topics: ["kotlin-multiplatform"], stars: 50 + i, license: "MIT" })),
  });
  // ember's clone always breaks off: its shard does not replace it, and the card counts it
  gh.inject({ kind: "drop-clone", repo: "acme/ember", times: 1000, afterBytes: 100 });
  try {
    writeFileSync(join(tmp, "queries.txt"), "topic:kotlin-multiplatform\n");
    const flags = ["--github-api-url", gh.url, "--queries-file", join(tmp, "queries.txt"), "--min-stars", "0", "--min-size-kb", "0", "--seed", "3", "--threads", "1", "-q"];
    const d = join(tmp, "gh");
    await ok(["scrape", "--search-only", "--data-dir", d, ...flags]);
    const candidates = readFileSync(join(d, "metadata", "candidates.jsonl"), "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l).full_name);
    expect(candidates.sort()).toEqual(names.map((n) => `acme/${n}`));
    const searches = gh.counts.search;
    await Promise.all([0, 1].map((i) => ok(["run", "--data-dir", d, "--shard", `${i}/2`, ...flags])));
    expect(gh.counts.search).toBe(searches); // the shards search nothing
    const cloned = [0, 1].map((i) => readdirSync(join(d, "work", `${i}-of-2`, "repos")).sort());
    const kept = names.filter((n) => n !== "ember");
    expect([...cloned[0]!, ...cloned[1]!].sort()).toEqual(kept.map((n) => `acme__${n}`));
    expect(cloned[0]!.filter((n) => cloned[1]!.includes(n))).toEqual([]);
    for (const name of kept) expect(gh.counts.clonesServed[`acme/${name}`]).toBe(1);
    await ok(["merge", "--data-dir", d, "--seed", "3", "--threads", "1", "-q"]);
    expect(readFileSync(join(d, "final_training", "README.md"), "utf8")).toContain("; 1 clone failed and was not replaced by another repository.");
    const single = join(tmp, "gh-single");
    await ok(["run", "--data-dir", single, ...flags]);
    expectSameFinal(d, single);
  } finally {
    await gh.close();
  }
}, 120_000);
