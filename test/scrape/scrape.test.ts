/** The scrape stage against the fake GitHub: search, filters, verification, clones, metadata. */
import { afterEach, describe, expect, test } from "bun:test";
import { existsSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { runScrape, scrapeStage } from "../../src/scrape/index.ts";
import { sampleProjectNames } from "../../src/sample/index.ts";
import type { Repo } from "../../src/types.ts";
import { FIXTURES, type FakeGitHub, type FakeRepo, startFakeGitHub } from "../support/fake-github.ts";
import { FAST, readRepos, readStats, scrapeOptions, type TestContext, testContext } from "./support.ts";

let gh: FakeGitHub | null = null;
let ctx: TestContext | null = null;
afterEach(async () => {
  await gh?.close();
  ctx?.cleanup();
  gh = null;
  ctx = null;
});

function queriesFile(c: TestContext, ...lines: string[]): string {
  const p = join(c.global.dataDir, "queries.txt");
  writeFileSync(p, lines.join("\n") + "\n");
  return p;
}

const KMP = ["kotlin-multiplatform"];

describe("search, filters and verification", () => {
  const repos: FakeRepo[] = [
    { owner: "acme", name: "app", files: FIXTURES.kmpPlugin("app"), topics: [...KMP, "kmm"], stars: 900, license: "MIT", description: "Compose Multiplatform app" },
    { owner: "acme", name: "lib", files: FIXTURES.kmpCatalog(), topics: KMP, stars: 40, license: "Apache-2.0" },
    { owner: "acme", name: "jvm", files: FIXTURES.jvmOnly(), topics: KMP, stars: 500, license: "MIT" },
    { owner: "old", name: "stale", files: FIXTURES.kmpPlugin(), topics: KMP, stars: 50, pushedAt: "2019-03-01T00:00:00Z" },
    { owner: "fan", name: "app-fork", files: FIXTURES.kmpPlugin(), topics: KMP, stars: 50, fork: true },
    { owner: "was", name: "archived", files: FIXTURES.kmpPlugin(), topics: KMP, stars: 50, archived: true },
    { owner: "tiny", name: "unstarred", files: FIXTURES.kmpPlugin(), topics: KMP, stars: 1 },
    { owner: "small", name: "empty-ish", files: FIXTURES.kmpPlugin(), topics: KMP, stars: 50, sizeKb: 2 },
    { owner: "huge", name: "monorepo", files: FIXTURES.kmpPlugin(), topics: KMP, stars: 50, sizeKb: 3 * 1024 },
    { owner: "java", name: "not-kotlin", files: FIXTURES.kmpPlugin(), topics: KMP, stars: 50, language: "Java" },
  ];

  test("filters count their reasons, queries are merged by id, non-KMP repos never enter the corpus", async () => {
    gh = await startFakeGitHub({ repos });
    ctx = testContext();
    const opts = scrapeOptions(gh.url, {
      queriesFile: queriesFile(ctx, "topic:kotlin-multiplatform", "# the same repos again, through another qualifier:", "topic:kmm", "compose"),
      minStars: 5,
      minSizeKb: 10,
      maxSizeMb: 2,
      pushedSince: "2022-01-01",
    });
    const summary = await runScrape(ctx, opts, FAST);
    const dataDir = ctx.global.dataDir;
    const stats = readStats(dataDir);

    expect(stats.queries.map((q: { query: string; total_count: number }) => [q.query, q.total_count])).toEqual([
      ["topic:kotlin-multiplatform language:kotlin", 9],
      ["topic:kmm language:kotlin", 1],
      ["compose language:kotlin", 1],
    ]);
    expect(stats.search_results).toBe(11);
    expect(stats.candidates).toBe(9); // acme/app found three times, counted once
    expect(stats.dropped).toEqual({ fork: 1, archived: 1, min_stars: 1, too_small: 1, too_large: 1, pushed_before: 1, not_kmp: 1 });
    expect(stats.kept).toBe(2);
    expect(stats.cloned).toBe(2);
    expect(stats.failed).toEqual({});
    expect(stats.api_calls).toBe(gh.counts.api);
    expect(stats.bytes_on_disk).toBeGreaterThan(0);
    expect(summary.outputs[0]!.records).toBe(2);

    const kept = readRepos(dataDir);
    expect(kept.map((r) => r.full_name)).toEqual(["acme/app", "acme/lib"]);
    const app = kept[0]!;
    expect(Object.keys(app).sort()).toEqual(
      ["full_name", "html_url", "clone_url", "default_branch", "commit", "stars", "forks", "size_kb", "pushed_at", "license", "topics", "description", "score", "matched_queries", "kmp_evidence", "local_path", "cloned_at"].sort(),
    );
    expect(app.matched_queries).toEqual(["topic:kotlin-multiplatform language:kotlin", "topic:kmm language:kotlin", "compose language:kotlin"]);
    expect(app.clone_url).toBe(gh.gitUrl("acme/app"));
    expect(app.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(app.license).toBe("MIT");
    expect(app.default_branch).toBe("main");
    expect(app.local_path).toBe("repos/acme__app");
    expect(app.kmp_evidence).toContainEqual({ file: "shared/build.gradle.kts", marker: 'kotlin("multiplatform")' });
    expect(app.kmp_evidence).toContainEqual({ file: "shared/src/commonMain", marker: "src/commonMain" });
    expect(kept[1]!.kmp_evidence).toEqual([{ file: "build.gradle.kts", marker: "alias(libs.plugins.kotlin.multiplatform) = org.jetbrains.kotlin.multiplatform" }]);
    expect(app.score).toBeGreaterThan(kept[1]!.score);

    // On disk: exactly the kept repos, .git dropped, no temp folders; the JVM-only repo was never cloned.
    expect(readdirSync(join(dataDir, "repos")).sort()).toEqual(["acme__app", "acme__lib"]);
    expect(existsSync(join(dataDir, "repos", "acme__app", "shared", "src", "commonMain", "kotlin", "app", "Greeting.kt"))).toBe(true);
    expect(existsSync(join(dataDir, "repos", "acme__app", ".git"))).toBe(false);
    expect(gh.counts.packs["acme/jvm"]).toBeUndefined();
    // The cheap check read the JVM repo's build script over the API, not by cloning it.
    expect(gh.requests.some((r) => r.path === "/repos/acme/jvm/contents/build.gradle.kts")).toBe(true);
    // A repo with src/commonMain needs no contents call at all.
    expect(gh.requests.some((r) => r.path.startsWith("/repos/acme/app/contents/"))).toBe(false);
  });

  test("licenses=permissive drops unlicensed repos; include flags keep forks and archived ones", async () => {
    gh = await startFakeGitHub({ repos });
    ctx = testContext();
    const opts = scrapeOptions(gh.url, {
      queriesFile: queriesFile(ctx, "topic:kotlin-multiplatform"),
      includeForks: true,
      includeArchived: true,
      pushedSince: "2018-01-01",
      licenses: { kind: "list", ids: ["MIT", "Apache-2.0"] },
    });
    await runScrape(ctx, opts, FAST);
    const stats = readStats(ctx.global.dataDir);
    expect(stats.dropped).toEqual({ license: 6, not_kmp: 1 });
    expect(readRepos(ctx.global.dataDir).map((r) => r.license)).toEqual(["MIT", "Apache-2.0"]);
  });

  test("max-repos keeps the best-ranked and counts the rest", async () => {
    gh = await startFakeGitHub({ repos });
    ctx = testContext();
    await runScrape(ctx, scrapeOptions(gh.url, { queriesFile: queriesFile(ctx, "topic:kotlin-multiplatform"), maxRepos: 1, pushedSince: "2018-01-01", includeForks: true, includeArchived: true }), FAST);
    const stats = readStats(ctx.global.dataDir);
    expect(readRepos(ctx.global.dataDir).map((r) => r.full_name)).toEqual(["acme/app"]);
    expect(stats.dropped.over_max_repos).toBeGreaterThan(0);
    expect(stats.cloned).toBe(1);
    expect(Object.keys(gh.counts.packs)).toEqual(["acme/app"]);
  });

  test("a repo the API calls KMP but the clone shows is not: removed and counted", async () => {
    gh = await startFakeGitHub({ repos: [{ owner: "liar", name: "tree", files: FIXTURES.jvmOnly(), topics: KMP, fakeTreePaths: ["src/commonMain/kotlin/Ghost.kt"] }] });
    ctx = testContext();
    await runScrape(ctx, scrapeOptions(gh.url, { queriesFile: queriesFile(ctx, "topic:kotlin-multiplatform") }), FAST);
    expect(readStats(ctx.global.dataDir).dropped).toEqual({ not_kmp_after_clone: 1 });
    expect(gh.counts.clonesServed["liar/tree"]).toBe(1);
    expect(readRepos(ctx.global.dataDir)).toEqual([]);
    expect(readdirSync(join(ctx.global.dataDir, "repos"))).toEqual([]);
  });

  test("search pages up to the 1,000-result cap, following the server's pages", async () => {
    const many: FakeRepo[] = Array.from({ length: 1050 }, (_, i) => ({ owner: "bulk", name: `r${i}`, topics: KMP, stars: 0 }));
    gh = await startFakeGitHub({ repos: many });
    ctx = testContext();
    await runScrape(ctx, scrapeOptions(gh.url, { queriesFile: queriesFile(ctx, "topic:kotlin-multiplatform"), minStars: 1 }), FAST);
    const stats = readStats(ctx.global.dataDir);
    expect(stats.queries).toEqual([{ query: "topic:kotlin-multiplatform language:kotlin", total_count: 1050, fetched: 1000, pages: 10 }]);
    expect(stats.dropped).toEqual({ min_stars: 1000 });
    expect(gh.counts.search).toBe(10);
  });
});

describe("--repos-file", () => {
  test("owner/name lines come from the API, URL lines are cloned as given; no search; still verified", async () => {
    gh = await startFakeGitHub({
      repos: [
        { owner: "acme", name: "app", files: FIXTURES.kmpPlugin(), stars: 0, sizeKb: 1 },
        { owner: "acme", name: "jvm", files: FIXTURES.jvmOnly() },
        { owner: "other", name: "direct", files: FIXTURES.kmpCatalog() },
        { owner: "other", name: "direct-jvm", files: FIXTURES.jvmOnly() },
      ],
    });
    ctx = testContext();
    const list = join(ctx.global.dataDir, "repos.txt");
    writeFileSync(list, `acme/app\nacme/jvm\nacme/missing\n${gh.gitUrl("other/direct")}\n${gh.gitUrl("other/direct-jvm")}\n`);
    // min-stars / min-size would drop acme/app from a search; a hand-made list is taken as chosen.
    await runScrape(ctx, scrapeOptions(gh.url, { reposFile: list, minStars: 5, minSizeKb: 10 }), FAST);
    const stats = readStats(ctx.global.dataDir);
    expect(gh.counts.search).toBe(0);
    expect(stats.source).toBe("repos-file");
    expect(stats.dropped).toEqual({ not_found: 1, not_kmp: 1, not_kmp_after_clone: 1 });
    const kept = readRepos(ctx.global.dataDir);
    expect(kept.map((r) => r.full_name).sort()).toEqual(["acme/app", "other/direct"]);
    const direct = kept.find((r) => r.full_name === "other/direct")!;
    expect(direct.clone_url).toBe(gh.gitUrl("other/direct"));
    expect(direct.default_branch).toBe("main"); // learnt from the clone
    expect(direct.commit).toMatch(/^[0-9a-f]{40}$/);
  });
});

describe("sample source", () => {
  test("writes the embedded projects' records without any network", async () => {
    ctx = testContext();
    const summary = await runScrape(ctx, { ...scrapeOptions("http://127.0.0.1:9"), source: "sample" }, FAST);
    const kept: Repo[] = readRepos(ctx.global.dataDir);
    expect(kept.map((r) => r.full_name).sort()).toEqual(sampleProjectNames().map((n) => `sample/${n}`).sort());
    expect(summary.outputs[0]!.records).toBe(kept.length);
    for (const r of kept) {
      expect(r.full_name.startsWith("sample/")).toBe(true);
      expect(existsSync(join(ctx.global.dataDir, r.local_path))).toBe(true);
    }
    const stats = readStats(ctx.global.dataDir);
    expect(stats.source).toBe("sample");
    expect(stats.api_calls).toBe(0);
    expect(stats.kept).toBe(kept.length);
  });

  test("the stage contract: output dir, secrets kept out of the options fingerprint", async () => {
    ctx = testContext();
    const opts = scrapeOptions("http://x", { githubToken: "ghp_secret" });
    expect(scrapeStage.outputDir("/d")).toBe("/d/metadata");
    expect(JSON.stringify(scrapeStage.outputOptions(ctx, opts))).not.toContain("ghp_secret");
    expect(await scrapeStage.inputFingerprint(ctx, opts)).toBe(await scrapeStage.inputFingerprint(ctx, { ...opts, githubToken: null }));
  });
});
