/**
 * The compiled binary against a fake GitHub on 127.0.0.1 with injected faults (rate limit,
 * secondary limit, 5xx, a clone cut mid-transfer, a non-KMP repo): every eligible repo is cloned
 * exactly once with correct metadata, the token is never written, and a rerun clones nothing.
 */
import { afterAll, beforeAll, expect, test } from "bun:test";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildBinary, runCli } from "../support/cli.ts";
import { FIXTURES, type FakeGitHub, startFakeGitHub } from "../support/fake-github.ts";

const TOKEN = "ghp_binaryTestTokenNeverWritten7";
const tmp = mkdtempSync(join(tmpdir(), "kmpdata-bin-scrape-"));
let gh: FakeGitHub;
let bin = "";

beforeAll(async () => {
  const built = await buildBinary(join(tmp, "build"));
  mkdirSync(join(tmp, "empty"));
  bin = join(tmp, "empty", "kmpdata");
  copyFileSync(built, bin);
  gh = await startFakeGitHub({
    validToken: TOKEN,
    repos: [
      { owner: "acme", name: "notes", files: FIXTURES.kmpPlugin("notes"), topics: ["kotlin-multiplatform"], stars: 120, license: "MIT" },
      { owner: "acme", name: "catalog", files: FIXTURES.kmpCatalog(), topics: ["kmp"], stars: 40, license: "Apache-2.0" },
      { owner: "acme", name: "server", files: FIXTURES.jvmOnly(), topics: ["kmp"], stars: 80, license: "MIT" },
    ],
  });
  gh.inject({ kind: "rate-limit", path: "/search/repositories", times: 1, resetInSec: 1 });
  gh.inject({ kind: "secondary-limit", path: /\/git\/trees\//, times: 1, retryAfterSec: 1 });
  gh.inject({ kind: "server-error", path: "/repos/acme/catalog", times: 1 });
  gh.inject({ kind: "drop-clone", repo: "acme/notes", times: 1, afterBytes: 200 });
  writeFileSync(join(tmp, "queries.txt"), "topic:kotlin-multiplatform\ntopic:kmp\n");
});
afterAll(async () => {
  await gh.close();
  rmSync(tmp, { recursive: true, force: true });
});

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

test("scrape through faults, then a rerun that clones nothing", async () => {
  const dataDir = join(tmp, "data");
  const args = ["scrape", "--github-api-url", gh.url, "--queries-file", join(tmp, "queries.txt"), "--data-dir", dataDir, "--min-stars", "0", "--min-size-kb", "0"];
  const env = { PATH: "/nonexistent", HOME: tmp, NO_COLOR: "1", GITHUB_TOKEN: TOKEN };
  const r = await runCli(args, { bin, cwd: join(tmp, "empty"), env });
  expect(r.code).toBe(0);
  expect(r.stderr).not.toContain(TOKEN);
  const repos = readFileSync(join(dataDir, "metadata", "repos.jsonl"), "utf8").trim().split("\n").map((l) => JSON.parse(l));
  expect(repos.map((x) => x.full_name).sort()).toEqual(["acme/catalog", "acme/notes"]);
  for (const repo of repos) {
    expect(repo.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(repo.kmp_evidence.length).toBeGreaterThan(0);
    expect(statSync(join(dataDir, repo.local_path)).isDirectory()).toBe(true);
  }
  expect(repos.find((x) => x.full_name === "acme/notes").license).toBe("MIT");
  expect(gh.counts.clonesServed["acme/notes"]).toBe(1);
  expect(gh.counts.clonesServed["acme/server"] ?? 0).toBe(0);
  expect(gh.counts.faultsFired["drop-clone"]).toBe(1);
  expect(gh.counts.faultsFired["rate-limit"]).toBe(1);
  for (const f of filesUnder(dataDir)) expect(readFileSync(f, "utf8")).not.toContain(TOKEN);

  const packsBefore = { ...gh.counts.packs };
  const again = await runCli([...args, "--force"], { bin, cwd: join(tmp, "empty"), env });
  expect(again.code).toBe(0);
  expect(gh.counts.packs).toEqual(packsBefore);
});
