import { describe, expect, test } from "bun:test";
import { KmpError } from "../../src/errors.ts";
import { dropReason, FILTERS } from "../../src/scrape/filters.ts";
import { catalogAccessor, evidenceFrom, kmpCatalogAliases, scriptMarkers, stripComments } from "../../src/scrape/kmp.ts";
import { KMP_QUERIES, parseQueries } from "../../src/scrape/queries.ts";
import { rank, score } from "../../src/scrape/rank.ts";
import { parseReposFile } from "../../src/scrape/reposfile.ts";
import { mergeHit } from "../../src/scrape/search.ts";
import type { Candidate } from "../../src/scrape/types.ts";
import { scriptsWorthFetching } from "../../src/scrape/verify.ts";
import { scrapeOptions } from "./support.ts";

function cand(over: Partial<Candidate> = {}): Candidate {
  return {
    id: 1,
    full_name: "a/b",
    html_url: "https://github.com/a/b",
    clone_url: "https://github.com/a/b.git",
    default_branch: "main",
    stars: 100,
    forks: 1,
    size_kb: 500,
    pushed_at: "2024-06-01T00:00:00Z",
    license: "MIT",
    topics: [],
    description: null,
    fork: false,
    archived: false,
    matched_queries: ["q"],
    from_api: true,
    ...over,
  };
}

describe("queries", () => {
  test("at least 20 distinct built-in queries, each limited to Kotlin", () => {
    expect(KMP_QUERIES.length).toBeGreaterThanOrEqual(20);
    expect(new Set(KMP_QUERIES.map((q) => q.q)).size).toBe(KMP_QUERIES.length);
    for (const q of KMP_QUERIES) expect(q.q).toContain("language:kotlin");
    for (const topic of ["kotlin-multiplatform", "kmp", "kmm", "compose-multiplatform"]) expect(KMP_QUERIES.some((q) => q.q.includes(`topic:${topic} `))).toBe(true);
    for (const lib of ["ktor", "sqldelight", "koin", "kotlinx"]) expect(KMP_QUERIES.some((q) => q.q.includes(lib))).toBe(true);
  });

  test("a queries file: comments and blanks skipped, language:kotlin added when missing, duplicates once", () => {
    const qs = parseQueries("# mine\n\ntopic:kmp\nktor language:java  # kept as written\ntopic:kmp\n", "f");
    expect(qs.map((q) => q.q)).toEqual(["topic:kmp language:kotlin", "ktor language:java"]);
  });
});

describe("filters", () => {
  const o = scrapeOptions("http://x", { minStars: 5, minSizeKb: 10, maxSizeMb: 1, pushedSince: "2023-01-01", licenses: { kind: "list", ids: ["MIT", "Apache-2.0"] } });
  test.each([
    ["fork", { fork: true }],
    ["archived", { archived: true }],
    ["min_stars", { stars: 4 }],
    ["too_small", { size_kb: 9 }],
    ["too_large", { size_kb: 1025 }],
    ["pushed_before", { pushed_at: "2022-12-31T23:00:00Z" }],
    ["pushed_before", { pushed_at: null }],
    ["license", { license: "GPL-3.0" }],
    ["license", { license: null }],
  ] as [string, Partial<Candidate>][])("drops for %s", (reason, over) => {
    expect(dropReason(cand(over), o)).toBe(reason as never);
  });

  test("keeps a candidate on every boundary", () => {
    expect(dropReason(cand({ stars: 5, size_kb: 1024, pushed_at: "2023-01-01T00:00:00Z", license: "apache-2.0" }), o)).toBeNull();
    expect(dropReason(cand({ size_kb: 10 }), o)).toBeNull();
  });

  test("include flags and licenses=any switch rules off", () => {
    const loose = { ...o, includeForks: true, includeArchived: true, licenses: { kind: "any" as const } };
    expect(dropReason(cand({ fork: true, archived: true, license: null }), loose)).toBeNull();
  });

  test("every filter has its own reason", () => {
    expect(new Set(FILTERS.map((f) => f.reason)).size).toBe(FILTERS.length);
  });
});

describe("ranking", () => {
  const now = new Date("2025-01-01T00:00:00Z");
  test("stars count on a log scale; KMP topics, recency and description words add", () => {
    const base = cand({ pushed_at: "2020-01-01T00:00:00Z" });
    expect(score(cand({ ...base, stars: 1000 }), now)).toBeGreaterThan(score(base, now));
    expect(score(cand({ ...base, topics: ["kotlin-multiplatform", "kmm"] }), now)).toBe(score(base, now) + 1);
    expect(score(cand({ ...base, pushed_at: "2024-12-31T00:00:00Z" }), now)).toBeGreaterThan(score(base, now) + 0.99);
    expect(score(cand({ ...base, description: "A Kotlin Multiplatform library for Android and iOS" }), now)).toBeGreaterThan(score(base, now));
    // 10× the stars is worth one point, not ten times the score.
    expect(score(cand({ ...base, stars: 999 }), now) - score(cand({ ...base, stars: 99 }), now)).toBeCloseTo(1, 2);
  });

  test("order is deterministic: score, then stars, then name", () => {
    const r = rank([cand({ full_name: "z/z", id: 1 }), cand({ full_name: "a/a", id: 2 }), cand({ full_name: "m/m", id: 3, stars: 5000 })], now);
    expect(r.map((x) => x.c.full_name)).toEqual(["m/m", "a/a", "z/z"]);
  });
});

describe("KMP markers", () => {
  test.each([
    ['plugins { kotlin("multiplatform") }', ['kotlin("multiplatform")']],
    ['plugins { kotlin( "multiplatform" ) version "2.0.0" }', ['kotlin("multiplatform")']],
    ['plugins { id("org.jetbrains.kotlin.multiplatform") version "2.0.0" }', ["org.jetbrains.kotlin.multiplatform"]],
    ["apply plugin: 'org.jetbrains.kotlin.multiplatform'", ["org.jetbrains.kotlin.multiplatform"]],
    ["apply plugin: 'kotlin-multiplatform'", ["kotlin-multiplatform"]],
    ['plugins { kotlin("jvm") }', []],
    ['plugins {\n  // kotlin("multiplatform")\n  kotlin("jvm")\n}', []],
    ['/* id("org.jetbrains.kotlin.multiplatform") */ plugins { }', []],
    ['val url = "https://example.com" // kotlin("multiplatform")', []],
  ])("%s", (script, markers) => {
    expect(scriptMarkers(script)).toEqual(markers);
  });

  test("catalog aliases resolve through [plugins] entries in every spelling", () => {
    const toml = `[versions]\nkotlin = "2.0.0"\n[plugins]\nkotlinMultiplatform = { id = "org.jetbrains.kotlin.multiplatform", version.ref = "kotlin" }\nkotlin-mpp = "org.jetbrains.kotlin.multiplatform:2.0.0"\nandroid-app = { id = "com.android.application" }\n[libraries]\nfake = { id = "org.jetbrains.kotlin.multiplatform" }\n`;
    const aliases = kmpCatalogAliases(toml);
    expect([...aliases].sort()).toEqual(["kotlin.mpp", "kotlinMultiplatform"]);
    expect(scriptMarkers("plugins { alias(libs.plugins.kotlinMultiplatform) }", aliases)).toEqual(["alias(libs.plugins.kotlinMultiplatform) = org.jetbrains.kotlin.multiplatform"]);
    expect(scriptMarkers("plugins { alias(libs.plugins.kotlin.mpp) }", aliases)).toHaveLength(1);
    expect(scriptMarkers("plugins { alias(libs.plugins.android.app) }", aliases)).toEqual([]);
    expect(catalogAccessor("kotlin_multiplatform")).toBe("kotlin.multiplatform");
  });

  test("comments go, strings stay", () => {
    expect(stripComments('a // b\n"c // d" /* e */ f')).toBe('a \n"c // d"   f');
  });

  test("evidence lists commonMain folders once each, sorted", () => {
    const e = evidenceFrom(new Map(), new Map(), ["shared/src/commonMain/kotlin/A.kt", "shared/src/commonMain", "lib/src/commonMain/kotlin/B.kt", "src/jvmMain/C.kt"]);
    expect(e).toEqual([
      { file: "lib/src/commonMain", marker: "src/commonMain" },
      { file: "shared/src/commonMain", marker: "src/commonMain" },
    ]);
  });

  test("root and module build scripts are fetched first", () => {
    expect(scriptsWorthFetching(["a/b/c/build.gradle.kts", "settings.gradle.kts", "build.gradle.kts", "shared/build.gradle", "README.md"], 3)).toEqual([
      "build.gradle.kts",
      "settings.gradle.kts",
      "shared/build.gradle",
    ]);
  });
});

describe("search merge", () => {
  test("a repo found by two queries is one candidate that remembers both", () => {
    const byId = new Map<string, Candidate>();
    mergeHit(byId, cand({ id: 7 }), "q1");
    mergeHit(byId, cand({ id: 8, full_name: "c/d" }), "q1");
    mergeHit(byId, cand({ id: 7 }), "q2");
    mergeHit(byId, cand({ id: 7 }), "q2");
    expect(byId.size).toBe(2);
    expect(byId.get("7")!.matched_queries).toEqual(["q1", "q2"]);
  });
});

describe("repos file", () => {
  test("owner/name and clone URLs, comments, duplicates once", () => {
    const refs = parseReposFile("# list\nacme/one\nhttps://git.example.com/group/two.git\n\nacme/one  # again\nACME/One\n", "f");
    expect(refs).toEqual([
      { kind: "name", owner: "acme", name: "one" },
      { kind: "url", url: "https://git.example.com/group/two.git", owner: "group", name: "two" },
    ]);
  });

  test.each(["not a repo", "git@github.com:a/b.git", "a/b/c"])("rejects %s with its line number", (line) => {
    try {
      parseReposFile(`ok/fine\n${line}\n`, "list.txt");
      throw new Error("accepted");
    } catch (e) {
      expect(e).toBeInstanceOf(KmpError);
      expect((e as KmpError).code).toBe("E_USAGE");
      expect((e as Error).message).toContain("list.txt:2");
    }
  });
});
