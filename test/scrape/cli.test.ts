/** `kmpdata scrape` from source against the fake GitHub: flags and env reach the stage, exit codes hold. */
import { afterAll, beforeAll, expect, test } from "bun:test";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "../support/cli.ts";
import { FIXTURES, type FakeGitHub, startFakeGitHub } from "../support/fake-github.ts";

const TOKEN = "ghp_cliTokenNeverWritten42";
let gh: FakeGitHub;
let dir: string;
beforeAll(async () => {
  gh = await startFakeGitHub({
    validToken: TOKEN,
    repos: [
      { owner: "acme", name: "one", files: FIXTURES.kmpPlugin("one"), topics: ["kmp"], stars: 30 },
      { owner: "acme", name: "jvm", files: FIXTURES.jvmOnly(), topics: ["kmp"], stars: 20 },
    ],
  });
  dir = mkdtempSync(join(tmpdir(), "kmp-scrape-cli-"));
  writeFileSync(join(dir, "queries.txt"), "topic:kmp\n");
});
afterAll(async () => {
  await gh.close();
  rmSync(dir, { recursive: true, force: true });
});

const args = (dataDir: string) => ["scrape", "--github-api-url", gh.url, "--queries-file", join(dir, "queries.txt"), "--data-dir", dataDir, "--min-stars", "0"];

test("scrape, then a rerun that clones nothing; the token from the env is used and never written", async () => {
  const dataDir = join(dir, "data");
  const env = { ...process.env, NO_COLOR: "1", GITHUB_TOKEN: TOKEN };
  const r = await runCli(args(dataDir), { env });
  expect(r.stderr).not.toContain(TOKEN);
  expect(r.code).toBe(0);
  const repos = readFileSync(join(dataDir, "metadata", "repos.jsonl"), "utf8").trim().split("\n").map((l) => JSON.parse(l));
  expect(repos.map((x) => x.full_name)).toEqual(["acme/one"]);
  expect(r.stderr).toContain("scrape summary");

  const again = await runCli([...args(dataDir), "--force"], { env });
  expect(again.code).toBe(0);
  expect(gh.counts.clonesServed).toEqual({ "acme/one": 1 });
  expect(JSON.parse(readFileSync(join(dataDir, "metadata", "scrape_stats.json"), "utf8")).skipped).toBe(1);
}, 30_000);

test("a bad token exits 2 with one line of advice", async () => {
  const r = await runCli([...args(join(dir, "bad")), "--github-token", "ghp_wrong"], { env: { ...process.env, NO_COLOR: "1" } });
  expect(r.code).toBe(2);
  expect(r.stderr).toContain("GitHub rejected the token");
  expect(r.stderr).not.toContain("ghp_wrong");
}, 30_000);
