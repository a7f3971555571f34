import { afterAll, describe, expect, test } from "bun:test";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "./support/cli.ts";

const tmp = mkdtempSync(join(tmpdir(), "kmpdata-cli-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("usage errors: one line, exit 2, nothing written", () => {
  test.each([
    [["--threads", "0"], "--threads must be between 1"],
    [["run", "--threads", "abc"], "--threads must be a whole number"],
    [["--sample-size", "-5"], "--sample-size must be at least 1"],
    [["prepare", "--sample-size", "0"], "--sample-size must be at least 1"],
    [["--bogus-flag"], "unknown option '--bogus-flag'"],
    [["frobnicate"], "unknown command 'frobnicate' (commands: run, scrape, extract, pairs, prepare, merge, validate"],
    [["run", "--step", "train"], "Allowed choices are scrape, extract, pairs, prepare"],
    [["--split", "90,5"], "--split must be three numbers"],
    [["--log-format", "xml"], "Allowed choices are text, json"],
    [["scrape", "--keep-git", "maybe"], "--keep-git must be true or false"],
    [["scrape", "--pushed-since", "last-year"], "--pushed-since must be a date"],
    [["prepare", "--near-dup-threshold", "2"], "--near-dup-threshold must be between"],
    [["frobnicate", "x"], "unknown command 'frobnicate'"],
    [["--source", "sample", "--max-repos", "5"], "--source sample uses the embedded sample projects; --max-repos does not apply to it"],
    [["scrape", "--source", "sample", "--repos-file", "x.txt"], "--repos-file does not apply to it"],
    [["run", "--source", "sample", "--repos-dir", "/tmp"], "--repos-dir does not apply to it"],
    [["-q", "-v"], "-q/--quiet and -v/--verbose contradict each other"],
    [["scrape", "--github-api-url", "not-a-url"], "--github-api-url must be an http(s) URL"],
    [["extract", "--repos-dir", "package.json"], "package.json is a file: --repos-dir takes a folder"],
    [["extract", "--licenses", "FOO-1.0"], '"FOO-1.0" is not an SPDX licence id'],
    [["extract", "--licenses", "mit"], "did you mean MIT?"],
    [["--sample-size", "99999999999999999999999"], "--sample-size must be at most 9007199254740991, got 99999999999999999999999"],
  ])("%p", async (args, message) => {
    const dataDir = join(tmp, `d-${args.join("_").replace(/[^a-z0-9]/gi, "")}`);
    const r = await runCli([...args, "--data-dir", dataDir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(existsSync(dataDir)).toBe(false);
  });

  test.each([["/etc/hostname/data", "is not a folder"], ["/proc/kmpdata-data", "not writable"]])(
    "unwritable data dir %p",
    async (dataDir, message) => {
      const r = await runCli(["extract", "--data-dir", dataDir]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(message);
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
    },
  );
});

describe("threads", () => {
  test("more threads than CPUs is allowed, with a warning that says what to use", async () => {
    const repos = join(tmp, "no-repos");
    mkdirSync(repos, { recursive: true });
    const cores = availableParallelism();
    const r = await runCli(["extract", "--repos-dir", repos, "--threads", String(cores + 3), "--data-dir", join(tmp, "d-threads")]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`--threads ${cores + 3} is more than the ${cores} CPUs here`);
    expect(r.stderr).toContain(`--threads ${cores} is the default`);
    const ok = await runCli(["extract", "--repos-dir", repos, "--threads", String(cores), "--data-dir", join(tmp, "d-threads-ok"), "--force"]);
    expect(ok.stderr).not.toContain("more than the");
  });
});

describe("help and version", () => {
  test("--help lists every command", async () => {
    const r = await runCli(["--help"]);
    expect(r.code).toBe(0);
    for (const c of ["run", "scrape", "extract", "pairs", "prepare", "validate", "--data-dir", "--threads", "--seed"]) expect(r.stdout).toContain(c);
    // The exit codes, as README lists them.
    expect(r.stdout).toContain("Exit codes: 0 done");
    for (const code of ["2 usage", "3 network", "4 input data", "5 disk", "130 Ctrl-C", "143 SIGTERM", "70 a bug"]) expect(r.stdout.replace(/\s+/g, " ")).toContain(code);
  });
  test.each([["run"], ["scrape"], ["extract"], ["pairs"], ["prepare"], ["validate"]])("%s --help", async (cmd) => {
    const r = await runCli([cmd, "--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Usage: kmpdata ${cmd}`);
  });
  test("scrape --help names the token's env var and the seed defaults", async () => {
    const r = await runCli(["scrape", "--help"]);
    expect(r.stdout).toContain("GITHUB_TOKEN");
    expect(r.stdout).toMatch(/--max-repos <n>[\s\S]*default: 500/);
    expect(r.stdout).toMatch(/--min-stars <n>[\s\S]*default: 5/);
  });
  test("--version prints the package version", async () => {
    const pkg = await Bun.file(join(import.meta.dir, "..", "package.json")).json();
    const r = await runCli(["--version"]);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(pkg.version);
  });
});

describe("environment", () => {
  test("KMP_DATA_DIR sets the data dir", async () => {
    const dataDir = join(tmp, "from-env");
    const r = await runCli(["run", "--step", "scrape", "--source", "sample", "-q"], { env: { ...process.env, KMP_DATA_DIR: dataDir } });
    expect(r.code).toBe(0);
    expect(readdirSync(join(dataDir, "repos")).length).toBeGreaterThan(0);
  });
});

describe("--log-format json", () => {
  test("the stopping error is a JSON line too (message, code, exit), and progress figures are numbers", async () => {
    const missing = join(tmp, "json-missing");
    const r = await runCli(["pairs", "--data-dir", missing, "--log-format", "json"]);
    expect(r.code).toBe(4);
    const last = JSON.parse(r.stderr.trim().split("\n").pop()!);
    expect(last).toMatchObject({ level: "error", code: "E_NO_INPUT", exit: 4 });
    expect(last.msg).toContain("does not exist");
    const run = await runCli(["run", "--source", "sample", "--data-dir", join(tmp, "json-run"), "--log-format", "json", "--threads", "1"]);
    expect(run.code).toBe(0);
    const progress = run.stderr.split("\n").filter((l) => l.startsWith("{")).map((l) => JSON.parse(l)).filter((o) => "rate" in o);
    expect(progress.length).toBeGreaterThan(0);
    for (const p of progress) expect(typeof p.rate).toBe("number");
  });
});

describe("a command's own help", () => {
  test("lists the global flags, and a usage error points at that command's help", async () => {
    const help = await runCli(["pairs", "--help"]);
    expect(help.stdout).toContain("Global Options:");
    for (const f of ["--data-dir", "--threads", "--seed"]) expect(help.stdout).toContain(f);
    const bad = await runCli(["pairs", "--context-tokens", "x", "--data-dir", join(tmp, "help-bad")]);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim()).toEndWith("(see kmpdata pairs --help)");
  });
});
