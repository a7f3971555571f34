/** Rate limits, flaky servers, bad tokens, no network: waiting, retrying, or one clear error. */
import { afterEach, describe, expect, test } from "bun:test";
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { KmpError } from "../../src/errors.ts";
import { runScrape } from "../../src/scrape/index.ts";
import { FIXTURES, type FakeGitHub, type FakeRepo, startFakeGitHub } from "../support/fake-github.ts";
import { FAST, allFiles, readRepos, readStats, scrapeOptions, type TestContext, testContext } from "./support.ts";

let gh: FakeGitHub | null = null;
let ctx: TestContext | null = null;
afterEach(async () => {
  await gh?.close();
  ctx?.cleanup();
  gh = null;
  ctx = null;
});

const KMP = ["kotlin-multiplatform"];
const REPOS: FakeRepo[] = [
  { owner: "acme", name: "one", files: FIXTURES.kmpPlugin("one"), topics: KMP, stars: 30 },
  { owner: "acme", name: "two", files: FIXTURES.kmpCatalog(), topics: KMP, stars: 20 },
  { owner: "acme", name: "three", files: FIXTURES.kmpPlugin("three"), topics: KMP, stars: 10 },
];

function queriesFile(c: TestContext, ...lines: string[]): string {
  const p = join(c.global.dataDir, "queries.txt");
  writeFileSync(p, lines.join("\n") + "\n");
  return p;
}

async function expectKmpError(p: Promise<unknown>, code: string): Promise<KmpError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(KmpError);
    expect((e as KmpError).code).toBe(code as never);
    return e as KmpError;
  }
  throw new Error(`expected ${code}, but the call succeeded`);
}

/** A port with nothing listening. */
async function deadPort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, "127.0.0.1", r));
  const port = (srv.address() as { port: number }).port;
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

describe("rate limits and flaky answers", () => {
  test("primary and secondary limits are waited out with a countdown; 5xx and a dropped clone are retried; every repo cloned once", async () => {
    gh = await startFakeGitHub({ repos: REPOS });
    gh.inject({ kind: "rate-limit", path: "/search/repositories", times: 2, resetInSec: 3 });
    gh.inject({ kind: "secondary-limit", path: "/repos/acme/two/git/trees", times: 1, retryAfterSec: 4 });
    gh.inject({ kind: "server-error", path: "/repos/acme/two/contents/", times: 2, status: 502 });
    gh.inject({ kind: "server-error", path: "/repos/acme/three/git/trees", times: 1, status: 500 });
    gh.inject({ kind: "drop-clone", repo: "acme/one", times: 2, afterBytes: 40 });
    ctx = testContext();
    await runScrape(ctx, scrapeOptions(gh.url, { queriesFile: queriesFile(ctx, "topic:kotlin-multiplatform"), cloneConcurrency: 2 }), FAST);

    expect(gh.counts.faultsFired).toEqual({ "rate-limit": 2, "secondary-limit": 1, "server-error": 3, "drop-clone": 2, "stall-clone": 0 });
    const stats = readStats(ctx.global.dataDir);
    expect(stats.kept).toBe(3);
    expect(stats.failed).toEqual({});
    expect(stats.clone_retries).toBe(2);
    expect(stats.rate_limit_wait_seconds).toBeGreaterThan(0);
    expect(gh.counts.clonesServed).toEqual({ "acme/one": 1, "acme/two": 1, "acme/three": 1 });
    expect(gh.counts.packs["acme/one"]).toBe(3);
    const log = ctx.lines.join("\n");
    expect(log).toMatch(/GitHub rate limit on GET .*search\/repositories.*: waiting \ds/);
    expect(log).toMatch(/GitHub secondary rate limit on GET .*acme\/two\/git\/trees.*: waiting 4s/);
    expect(log).toContain("… resuming in 3s"); // the countdown
    expect(log).toMatch(/acme\/one: clone attempt 1 failed/);
    expect(readRepos(ctx.global.dataDir).map((r) => r.full_name)).toEqual(["acme/one", "acme/two", "acme/three"]);
  });

  test("the search quota the server reports paces the calls instead of running into 403s", async () => {
    const many: FakeRepo[] = Array.from({ length: 250 }, (_, i) => ({ owner: "bulk", name: `r${i}`, topics: KMP, stars: 0 }));
    gh = await startFakeGitHub({ repos: many, searchLimit: 2, windowSec: 1 });
    ctx = testContext();
    // Waits are not scaled here: the pacing itself is what is tested (3 pages, 2 allowed per 2 s window).
    await runScrape(ctx, scrapeOptions(gh.url, { queriesFile: queriesFile(ctx, "topic:kotlin-multiplatform"), minStars: 1 }), { ...FAST, waitScale: 1 });
    expect(gh.requests.filter((r) => r.path === "/search/repositories").map((r) => r.status)).toEqual([200, 200, 200]);
    expect(readStats(ctx.global.dataDir).rate_limit_wait_seconds).toBeGreaterThan(0.3);
  }, 15_000);

  test("a clone that keeps dropping fails with a reason, leaves nothing behind, and the others still land", async () => {
    gh = await startFakeGitHub({ repos: REPOS });
    gh.inject({ kind: "drop-clone", repo: "acme/two", times: 99 });
    ctx = testContext();
    await runScrape(ctx, scrapeOptions(gh.url, { queriesFile: queriesFile(ctx, "topic:kotlin-multiplatform") }), FAST);
    const stats = readStats(ctx.global.dataDir);
    expect(stats.failed).toEqual({ network: 1 });
    expect(gh.counts.packs["acme/two"]).toBe(FAST.cloneAttempts);
    expect(readdirSync(join(ctx.global.dataDir, "repos")).sort()).toEqual(["acme__one", "acme__three"]);
    expect(readRepos(ctx.global.dataDir).map((r) => r.full_name)).toEqual(["acme/one", "acme/three"]);
  });

  test("Ctrl-C during a rate-limit wait ends the wait at once", async () => {
    gh = await startFakeGitHub({ repos: REPOS });
    gh.inject({ kind: "rate-limit", path: "/search/repositories", times: 1, resetInSec: 600 });
    ctx = testContext();
    const c = ctx;
    setTimeout(() => c.controller.abort(), 300);
    const started = Date.now();
    await expectKmpError(runScrape(ctx, scrapeOptions(gh.url, { queriesFile: queriesFile(ctx, "topic:kotlin-multiplatform") }), { ...FAST, waitScale: 1 }), "E_INTERRUPTED");
    expect(Date.now() - started).toBeLessThan(5000);
    expect(ctx.lines.join("\n")).toMatch(/waiting 10m/);
  });
});

describe("auth and network", () => {
  test("a bad token is one E_GITHUB_AUTH error at start, before anything is written", async () => {
    gh = await startFakeGitHub({ repos: REPOS, validToken: "ghp_good" });
    ctx = testContext();
    const e = await expectKmpError(runScrape(ctx, scrapeOptions(gh.url, { githubToken: "ghp_wrong_token_123" }), FAST), "E_GITHUB_AUTH");
    expect(e.exitCode).toBe(2);
    expect(e.message).toContain("Bad credentials");
    expect(e.message).not.toContain("ghp_wrong_token_123");
    expect(gh.requests.map((r) => r.path)).toEqual(["/rate_limit"]);
    expect(existsSync(join(ctx.global.dataDir, "metadata"))).toBe(false);
    expect(existsSync(join(ctx.global.dataDir, "repos"))).toBe(false);
  });

  test("a good token is sent, accepted, and never written to any file or log", async () => {
    const token = "ghp_Sup3rSecretTokenValue0123456789";
    gh = await startFakeGitHub({ repos: REPOS, validToken: token });
    ctx = testContext();
    const list = join(ctx.global.dataDir, "..", `${ctx.global.dataDir.split("/").pop()}-list.txt`);
    writeFileSync(list, "acme/one\n");
    await runScrape(ctx, scrapeOptions(gh.url, { queriesFile: queriesFile(ctx, "topic:kotlin-multiplatform"), githubToken: token, keepGit: true }), FAST);
    expect(readStats(ctx.global.dataDir).authenticated).toBe(true);
    expect(gh.counts.authHeaders.length).toBeGreaterThan(0);
    expect(gh.counts.authHeaders.every((h) => h.endsWith(token))).toBe(true);
    expect(readRepos(ctx.global.dataDir)).toHaveLength(3);
    const files = allFiles(ctx.global.dataDir);
    expect(files.some((f) => f.includes(`${join("acme__one", ".git")}`))).toBe(true); // .git kept, and scanned too
    for (const f of files) expect(readFileSync(f).includes(token)).toBe(false);
    expect(ctx.lines.join("\n")).not.toContain(token);
  });

  test("no token: works, with a warning and a time estimate", async () => {
    gh = await startFakeGitHub({ repos: REPOS, coreLimit: 60, searchLimit: 10 });
    ctx = testContext();
    await runScrape(ctx, scrapeOptions(gh.url, { queriesFile: queriesFile(ctx, "topic:kotlin-multiplatform"), maxRepos: 3 }), FAST);
    expect(ctx.lines.join("\n")).toMatch(/no GitHub token: 60 API requests\/hour and 10 searches\/minute.*about \d/);
    expect(gh.counts.authHeaders).toEqual([]);
    expect(readStats(ctx.global.dataDir).kept).toBe(3);
  });

  test("no network: E_NETWORK, and clones already on disk are left as they are", async () => {
    ctx = testContext();
    const done = join(ctx.global.dataDir, "repos", "acme__one");
    mkdirSync(done, { recursive: true });
    writeFileSync(join(done, "build.gradle.kts"), 'plugins { kotlin("multiplatform") }\n');
    const partial = join(ctx.global.dataDir, "repos", ".partial-acme__two");
    mkdirSync(partial, { recursive: true });
    const port = await deadPort();
    const e = await expectKmpError(runScrape(ctx, scrapeOptions(`http://127.0.0.1:${port}`), FAST), "E_NETWORK");
    expect(e.exitCode).not.toBe(0);
    expect(e.message).toContain(`127.0.0.1:${port}`);
    expect(readFileSync(join(done, "build.gradle.kts"), "utf8")).toContain("multiplatform");
    expect(existsSync(partial)).toBe(true); // not even the temp folders are touched before the API answers
    expect(existsSync(join(ctx.global.dataDir, "metadata"))).toBe(false);
  });

  test("GitHub failing with 5xx beyond the retries: E_NETWORK naming what it was doing", async () => {
    gh = await startFakeGitHub({ repos: REPOS });
    gh.inject({ kind: "server-error", path: "/search/repositories", times: 99, status: 503 });
    ctx = testContext();
    const e = await expectKmpError(runScrape(ctx, scrapeOptions(gh.url, { queriesFile: queriesFile(ctx, "topic:kotlin-multiplatform") }), FAST), "E_NETWORK");
    expect(e.message).toContain("503");
    expect(e.message).toContain("topic:kotlin-multiplatform");
    expect(gh.counts.faultsFired["server-error"]).toBe(FAST.apiRetries + 1);
  });
});
