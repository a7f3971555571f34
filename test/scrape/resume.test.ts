/** Interrupted scrapes: Ctrl-C and a hard kill mid-clone, then a rerun that finishes the job. */
import { afterEach, expect, test } from "bun:test";
import { existsSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { runScrape } from "../../src/scrape/index.ts";
import { FIXTURES, type FakeGitHub, type FakeRepo, startFakeGitHub } from "../support/fake-github.ts";
import { BUN } from "../support/cli.ts";
import { FAST, readRepos, readStats, scrapeOptions, type TestContext, testContext } from "./support.ts";

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
  { owner: "acme", name: "two", files: FIXTURES.kmpPlugin("two"), topics: KMP, stars: 20 },
  { owner: "acme", name: "three", files: FIXTURES.kmpCatalog(), topics: KMP, stars: 10 },
];

function queriesFile(dataDir: string): string {
  const p = join(dataDir, "..", `${dataDir.split("/").pop()}-queries.txt`);
  writeFileSync(p, "topic:kotlin-multiplatform\n");
  return p;
}

async function until(cond: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error("condition not met in time");
    await Bun.sleep(10);
  }
}

/** The rerun: everything lands, the already-done repo is not fetched again, nothing partial stays. */
async function rerunAndCheck(dataDir: string, qf: string): Promise<void> {
  const again = testContext(dataDir);
  await runScrape(again, scrapeOptions(gh!.url, { queriesFile: qf, cloneConcurrency: 2 }), FAST);
  const stats = readStats(dataDir);
  expect(stats.skipped).toBe(1);
  expect(stats.cloned).toBe(2);
  expect(stats.interrupted).toBe(false);
  expect(gh!.counts.packs["acme/one"]).toBe(1); // never cloned twice
  expect(gh!.counts.clonesServed).toEqual({ "acme/one": 1, "acme/two": 1, "acme/three": 1 });
  expect(readdirSync(join(dataDir, "repos")).sort()).toEqual(["acme__one", "acme__three", "acme__two"]);
  expect(readRepos(dataDir).map((r) => r.full_name)).toEqual(["acme/one", "acme/two", "acme/three"]);
  expect(readRepos(dataDir).every((r) => /^[0-9a-f]{40}$/.test(r.commit ?? ""))).toBe(true);

  // A third run clones nothing at all.
  const packsBefore = JSON.stringify(gh!.counts.packs);
  await runScrape(testContext(dataDir), scrapeOptions(gh!.url, { queriesFile: qf }), FAST);
  expect(JSON.stringify(gh!.counts.packs)).toBe(packsBefore);
  expect(readStats(dataDir).skipped).toBe(3);
}

test("Ctrl-C mid-clone: no new clones start, the half-done one is removed, the done one stays; a rerun finishes", async () => {
  gh = await startFakeGitHub({ repos: REPOS });
  gh.inject({ kind: "stall-clone", repo: "acme/two" });
  ctx = testContext();
  const dataDir = ctx.global.dataDir;
  const qf = queriesFile(dataDir);
  const stalled = gh.packStarted("acme/two");
  const c = ctx;
  stalled.then(() => setTimeout(() => c.controller.abort(), 50));
  await runScrape(ctx, scrapeOptions(gh.url, { queriesFile: qf, cloneConcurrency: 1 }), FAST);

  expect(readStats(dataDir).interrupted).toBe(true);
  expect(gh.counts.packs["acme/three"]).toBeUndefined(); // nothing new started after Ctrl-C
  expect(readdirSync(join(dataDir, "repos"))).toEqual(["acme__one"]); // no temp folder left
  expect(readRepos(dataDir).map((r) => r.full_name)).toEqual(["acme/one"]);
  await rerunAndCheck(dataDir, qf);
});

test("killed hard mid-clone: the rerun deletes the partial clone and retries it", async () => {
  gh = await startFakeGitHub({ repos: REPOS });
  gh.inject({ kind: "stall-clone", repo: "acme/two" });
  ctx = testContext();
  const dataDir = ctx.global.dataDir;
  const qf = queriesFile(dataDir);
  const stalled = gh.packStarted("acme/two");
  const child = Bun.spawn([BUN, join(import.meta.dir, "child-scrape.ts"), gh.url, dataDir, qf], { stdout: "ignore", stderr: "pipe" });
  await stalled;
  const partial = join(dataDir, "repos", ".partial-acme__two");
  await until(() => existsSync(partial));
  child.kill("SIGKILL");
  await child.exited;
  expect(child.signalCode).toBe("SIGKILL");
  expect(existsSync(partial)).toBe(true); // the kill really left a half-done clone
  expect(existsSync(join(dataDir, "metadata", "repos.jsonl"))).toBe(false);

  await rerunAndCheck(dataDir, qf);
  expect(existsSync(partial)).toBe(false);
}, 20_000);

test("a folder without its completion record (killed between rename and record) is cloned again", async () => {
  gh = await startFakeGitHub({ repos: REPOS.slice(0, 1) });
  ctx = testContext();
  const dataDir = ctx.global.dataDir;
  const qf = queriesFile(dataDir);
  await runScrape(ctx, scrapeOptions(gh.url, { queriesFile: qf }), FAST);
  rmSync(join(dataDir, "metadata", "clones", "acme__one.json"));
  writeFileSync(join(dataDir, "repos", "acme__one", "stray.txt"), "from the killed run\n");
  await runScrape(testContext(dataDir), scrapeOptions(gh.url, { queriesFile: qf }), FAST);
  expect(gh.counts.clonesServed["acme/one"]).toBe(2);
  expect(existsSync(join(dataDir, "repos", "acme__one", "stray.txt"))).toBe(false);
  expect(readStats(dataDir).cloned).toBe(1);
});
