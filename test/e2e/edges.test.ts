/**
 * Every failure a user, the network or the data can cause, against the compiled binary: the exit
 * code README lists, exactly one `kmpdata:`/`error:` line on stderr, no stack trace, nothing new
 * written where nothing should be, and the previous outputs intact.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statfsSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildBinary, runCli } from "../support/cli.ts";

const tmp = mkdtempSync(join(tmpdir(), "kmpdata-edges-"));
let bin = "";
let finished = ""; // a data dir of a finished run on the sample
let html: ReturnType<typeof Bun.serve>;

beforeAll(async () => {
  bin = await buildBinary(join(tmp, "build"));
  finished = join(tmp, "finished");
  const r = await runCli(["run", "--source", "sample", "--data-dir", finished, "-q"], { bin });
  if (r.code !== 0) throw new Error(r.stderr);
  html = Bun.serve({ port: 0, hostname: "127.0.0.1", fetch: () => new Response("<!DOCTYPE html><html></html>", { status: 404, headers: { "content-type": "text/html" } }) });
});
// A full disk needs a small file system: a tmpfs, where this process may mount one (root in a container).
const small = join(tmp, "small");
mkdirSync(small, { recursive: true });
const canMount = process.platform === "linux" && Bun.spawnSync(["mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", small], { stderr: "ignore" }).exitCode === 0;

afterAll(() => {
  html?.stop(true);
  if (canMount) Bun.spawnSync(["umount", small]);
  rmSync(tmp, { recursive: true, force: true });
});

/** A copy of the finished run to damage. */
function copyOfFinished(name: string): string {
  const d = join(tmp, name);
  cpSync(finished, d, { recursive: true });
  return d;
}

/** Every file of the given step folders, marker included. */
function outputsOf(dataDir: string, ...steps: string[]): string[] {
  return steps.flatMap((s) => readdirSync(join(dataDir, s)).map((n) => join(dataDir, s, n)).filter((f) => statSync(f).isFile()));
}

/** A marker as kmpdata wrote it before markers held the sizes of their files. */
function dropSizes(stepDir: string): void {
  const f = join(stepDir, "_SUCCESS.json");
  const { files: _files, ...rest } = JSON.parse(readFileSync(f, "utf8"));
  writeFileSync(f, JSON.stringify(rest));
}

interface Case {
  name: string;
  exit: number;
  says: string;
  /** Builds the data dir (or not) and returns the arguments. */
  args: () => string[];
  /** A data dir where nothing may be created. */
  untouched?: string;
  /** Files that must keep their bytes. */
  intact?: () => string[];
}

const CASES: Case[] = [
  { name: "an unknown command", exit: 2, says: "unknown command 'frobnicate'", args: () => ["frobnicate", "--data-dir", join(tmp, "u1")], untouched: join(tmp, "u1") },
  { name: "a bad number", exit: 2, says: "--threads must be a whole number", args: () => ["run", "--threads", "abc", "--data-dir", join(tmp, "u2")], untouched: join(tmp, "u2") },
  { name: "a number beyond 2^53", exit: 2, says: "must be at most 9007199254740991", args: () => ["--sample-size", "99999999999999999999999", "--data-dir", join(tmp, "u3")], untouched: join(tmp, "u3") },
  { name: "the sample with --max-repos", exit: 2, says: "--max-repos does not apply", args: () => ["--source", "sample", "--max-repos", "3", "--data-dir", join(tmp, "u4")], untouched: join(tmp, "u4") },
  { name: "-q with -v", exit: 2, says: "contradict each other", args: () => ["-q", "-v", "--data-dir", join(tmp, "u5")], untouched: join(tmp, "u5") },
  { name: "an unknown licence id", exit: 2, says: "is not an SPDX licence id", args: () => ["extract", "--licenses", "FOO-1.0", "--data-dir", join(tmp, "u6")], untouched: join(tmp, "u6") },
  { name: "an empty --data-dir", exit: 2, says: "--data-dir must not be empty", args: () => ["run", "--data-dir", ""] },
  { name: "a malformed API URL", exit: 2, says: "--github-api-url must be an http(s) URL", args: () => ["scrape", "--github-api-url", "not-a-url", "--data-dir", join(tmp, "u7")], untouched: join(tmp, "u7") },
  { name: "a file as --repos-dir", exit: 2, says: "is a file", args: () => ["extract", "--repos-dir", join(finished, "metadata", "repos.jsonl"), "--data-dir", join(tmp, "u8")], untouched: join(tmp, "u8") },
  { name: "an API URL that is no GitHub", exit: 3, says: "does not look like a GitHub API", args: () => ["scrape", "--github-api-url", `http://127.0.0.1:${html.port}`, "--data-dir", join(tmp, "n1")] },
  {
    name: "a blocks file cut short after extract wrote it",
    exit: 4,
    says: "changed since `kmpdata extract` wrote it",
    args: () => {
      const d = copyOfFinished("d1");
      const f = join(d, "raw_blocks", "all_blocks.jsonl");
      writeFileSync(f, readFileSync(f).subarray(0, 50_000));
      return ["pairs", "--data-dir", d, "--force"];
    },
    intact: () => outputsOf(join(tmp, "d1"), "training_pairs", "final_training"),
  },
  {
    name: "a truncated blocks file whose marker has no sizes (an older kmpdata)",
    exit: 4,
    says: "not valid JSON",
    args: () => {
      const d = copyOfFinished("d1b");
      const f = join(d, "raw_blocks", "all_blocks.jsonl");
      writeFileSync(f, readFileSync(f).subarray(0, 50_000));
      dropSizes(join(d, "raw_blocks"));
      return ["pairs", "--data-dir", d, "--force"];
    },
    intact: () => outputsOf(join(tmp, "d1b"), "training_pairs"),
  },
  {
    name: "a record that is no block",
    exit: 4,
    says: "not a block record",
    args: () => {
      const d = copyOfFinished("d2");
      writeFileSync(join(d, "raw_blocks", "all_blocks.jsonl"), "{}\n");
      dropSizes(join(d, "raw_blocks"));
      return ["pairs", "--data-dir", d, "--force"];
    },
    intact: () => outputsOf(join(tmp, "d2"), "training_pairs"),
  },
  {
    name: "pairs older than the blocks beside them",
    exit: 4,
    says: "was made from other raw_blocks or metadata than the ones there now",
    args: () => {
      const d = copyOfFinished("d4");
      const f = join(d, "raw_blocks", "all_blocks.jsonl");
      const lines = readFileSync(f, "utf8").split("\n");
      writeFileSync(f, lines.slice(1).join("\n"));
      dropSizes(join(d, "raw_blocks"));
      return ["prepare", "--data-dir", d, "--force"];
    },
    intact: () => outputsOf(join(tmp, "d4"), "final_training"),
  },
  {
    name: "pairs a failed run left (no marker)",
    exit: 4,
    says: "did not finish",
    args: () => {
      const d = copyOfFinished("d3");
      rmSync(join(d, "training_pairs", "_SUCCESS.json"));
      return ["prepare", "--data-dir", d, "--force"];
    },
    intact: () => outputsOf(join(tmp, "d3"), "final_training"),
  },
  {
    name: "a description endpoint nobody answers",
    exit: 3,
    says: "cannot reach the description endpoint http://127.0.0.1:9/v1",
    args: () => ["pairs", "--data-dir", copyOfFinished("d5"), "--force", "--describe-with", "http://127.0.0.1:9/v1", "--describe-model", "m"],
    intact: () => outputsOf(join(tmp, "d5"), "training_pairs"),
  },
  { name: "a missing upstream output", exit: 4, says: "does not exist", args: () => ["pairs", "--data-dir", join(tmp, "empty-data")] },
];

describe("every user-caused failure, against the compiled binary", () => {
  test.each(CASES.map((c) => [c.name, c] as const))("%s", async (_name, c) => {
    const args = c.args();
    const before = (c.intact?.() ?? []).map((f) => [f, readFileSync(f)] as const);
    const r = await runCli(args, { bin });
    expect(r.code).toBe(c.exit);
    const errorLines = r.stderr.split("\n").filter((l) => l.startsWith("kmpdata:") || l.startsWith("error:"));
    expect(errorLines).toHaveLength(1);
    expect(errorLines[0]).toContain(c.says);
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(r.stderr).not.toContain("internal error");
    if (c.untouched) expect(existsSync(c.untouched)).toBe(false);
    for (const [f, bytes] of before) expect(readFileSync(f)).toEqual(bytes);
  });
});

test("the exit codes are documented in the binary's --help", async () => {
  mkdirSync(join(tmp, "h"), { recursive: true });
  const r = await runCli(["--help"], { bin });
  expect(r.stdout.replace(/\s+/g, " ")).toContain("Exit codes: 0 done, 1 validate found a failing check, 2 usage");
});


test.skipIf(!canMount)("the disk fills up mid-run: exit 5, one line, the previous outputs intact, no temporary files; with space again the rerun finishes", async () => {
  const d = join(small, "data");
  const args = (seed: string) => ["run", "--source", "sample", "--data-dir", d, "--threads", "1", "--seed", seed];
  expect((await runCli(args("5"), { bin })).code).toBe(0);
  const before = outputsOf(d, "metadata", "raw_blocks", "training_pairs", "final_training").map((f) => [f, readFileSync(f)] as const);
  // Leave less room than a new seed's pairs need (the steps before are up to date and skipped).
  const { bavail, bsize } = statfsSync(small);
  writeFileSync(join(small, "filler"), new Uint8Array(Math.max(0, bavail * bsize - 200_000)));

  const full = await runCli(args("6"), { bin });
  expect(full.stderr).toContain("pairs: starting"); // scrape and extract were up to date: the disk filled up in pairs
  expect(full.code).toBe(5);
  const lines = full.stderr.split("\n").filter((l) => l.startsWith("kmpdata:"));
  expect(lines).toEqual([expect.stringMatching(/^kmpdata: the disk is full \(ENOSPC\) writing .*: free some space and rerun/)]);
  expect(full.stderr).not.toMatch(/^\s+at /m);
  for (const [f, bytes] of before) expect(readFileSync(f)).toEqual(bytes);
  const temps = readdirSync(d, { recursive: true }).map(String).filter((n) => n.includes(".tmp-"));
  expect(temps).toEqual([]);

  rmSync(join(small, "filler"));
  expect((await runCli(args("6"), { bin })).code).toBe(0);
  const reference = join(tmp, "reference-6");
  expect((await runCli(["run", "--source", "sample", "--data-dir", reference, "--threads", "1", "--seed", "6"], { bin })).code).toBe(0);
  for (const f of ["train", "val", "test", "all_train"]) {
    expect(readFileSync(join(d, "final_training", `${f}.jsonl`))).toEqual(readFileSync(join(reference, "final_training", `${f}.jsonl`)));
  }
});
