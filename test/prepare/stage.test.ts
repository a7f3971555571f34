/**
 * prepare end to end on synthetic pairs (through the real worker pool): dedup outcomes, leak-free
 * splits, sampling, determinism, formats, and a counter for every drop reason.
 */
import { afterAll, describe, expect, setDefaultTimeout, test } from "bun:test";
import { appendFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runPrepare } from "../../src/prepare/index.ts";
import { FORMAT_KEYS } from "../../src/prepare/formats.ts";
import { DROP_REASONS } from "../../src/prepare/ledger.ts";
import type { PrepareStats } from "../../src/prepare/stats.ts";
import type { PrepareOptions } from "../../src/options.ts";
import type { Pair } from "../../src/types.ts";
import { DISTINCT_KT, REPOSITORY_EDITED_KT, REPOSITORY_KT, REPOSITORY_RENAMED_KT, context, options, pair, randomFunction, rng, writePairs } from "./fixtures.ts";

setDefaultTimeout(60_000); // each test runs the stage with real workers, parser and BPE tokenizer

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

interface Out {
  dir: string;
  stats: PrepareStats;
  files: Record<string, string>;
  rows: Record<string, Record<string, unknown>[]>;
}

async function prepare(pairs: Pair[], over: Partial<PrepareOptions> = {}, seed = 42, threads = 1, extraLines = ""): Promise<Out> {
  const dir = mkdtempSync(join(tmpdir(), "kmpdata-prepare-"));
  dirs.push(dir);
  writePairs(dir, pairs, true);
  if (extraLines) appendFileSync(join(dir, "training_pairs", "train.jsonl"), extraLines);
  await runPrepare(context(dir, seed, threads), options(over));
  const out = join(dir, "final_training");
  const files: Record<string, string> = {};
  const rows: Record<string, Record<string, unknown>[]> = {};
  for (const f of ["train", "val", "test", "all_train"]) {
    files[f] = readFileSync(join(out, `${f}.jsonl`), "utf8");
    rows[f] = files[f].split("\n").filter(Boolean).map((l) => JSON.parse(l));
  }
  files.stats = readFileSync(join(out, "stats.json"), "utf8");
  files.card = readFileSync(join(out, "README.md"), "utf8");
  return { dir, stats: JSON.parse(files.stats), files, rows };
}

/** 40 repositories × 6 random functions, plus the hand-written snippets. */
function corpus(seed = 1): Pair[] {
  const r = rng(seed);
  const types = ["description_to_code", "skeleton_to_complete", "full_file"] as const;
  const pairs: Pair[] = [];
  for (let repo = 0; repo < 40; repo++) {
    for (let k = 0; k < 6; k++) {
      pairs.push(pair(randomFunction(r), { repo: `org/repo${repo}`, path: `src/commonMain/kotlin/F${k}.kt`, pair_type: types[k % 3] }));
    }
  }
  DISTINCT_KT.forEach((code, k) => pairs.push(pair(code, { repo: `org/handmade${k}`, pair_type: k === 6 ? "gradle" : "description_to_code", path: k === 6 ? "build.gradle.kts" : `src/commonMain/kotlin/H${k}.kt` })));
  return pairs;
}

const allRows = (o: Out) => [...o.rows.train!, ...o.rows.val!, ...o.rows.test!];

describe("prepare: de-duplication", () => {
  test("renamed-identifier copies collapse to one row, by structure and by MinHash", async () => {
    const o = await prepare([
      pair(REPOSITORY_KT, { repo: "a/one" }),
      pair(REPOSITORY_RENAMED_KT, { repo: "b/two" }),
      pair(REPOSITORY_EDITED_KT, { repo: "c/three" }),
      ...DISTINCT_KT.slice(0, 5).map((c, k) => pair(c, { repo: `d/x${k}` })),
    ]);
    const copies = allRows(o).filter((r) => String(r.target_text).includes("MutableStateFlow<List<User>>"));
    expect(copies.length).toBe(1);
    expect(o.stats.duplicates.structural).toBe(1);
    expect(o.stats.duplicates.near).toBe(1);
  });

  test("distinct code does not collapse", async () => {
    const o = await prepare(DISTINCT_KT.map((c, k) => pair(c, { repo: `d/x${k}`, pair_type: k === 6 ? "gradle" : "description_to_code", path: k === 6 ? "build.gradle.kts" : "a/B.kt" })));
    expect(allRows(o).length).toBe(DISTINCT_KT.length);
    expect(o.stats.duplicates.total).toBe(0);
  });

  test("the same target under two pair types is taught once: the type first in the priority order survives", async () => {
    const pairs = corpus();
    pairs.push(pair(REPOSITORY_KT, { repo: "z/a", pair_type: "skeleton_to_complete" }), pair(REPOSITORY_KT, { repo: "z/b", pair_type: "description_to_code" }));
    const o = await prepare(pairs);
    const hits = Object.entries(o.rows).filter(([f]) => f !== "all_train").flatMap(([f, rows]) => rows.filter((r) => r.target_text === REPOSITORY_KT).map((r) => [f, r.pair_type]));
    expect(hits.map((h) => h[1])).toEqual(["description_to_code"]);
  });

  test("--write-clusters lists what was removed and what it duplicates", async () => {
    const o = await prepare([pair(REPOSITORY_KT, { repo: "a/one" }), pair(REPOSITORY_RENAMED_KT, { repo: "b/two" }), pair(REPOSITORY_EDITED_KT, { repo: "c/three" })], { writeClusters: true });
    const clusters = readFileSync(join(o.dir, "final_training", "clusters.jsonl"), "utf8").trim().split("\n").map((l) => JSON.parse(l));
    expect(clusters.length).toBe(1);
    expect(clusters[0].size).toBe(3);
    const status = clusters[0].members.map((m: { status: string }) => m.status).sort();
    expect(status).toEqual(["kept", "near_duplicate", "structural_duplicate"]);
  });
});

describe("prepare: splits", () => {
  test("no row appears twice, no repository and no near-dup cluster spans two splits", async () => {
    const pairs = corpus();
    // near-duplicates across repositories: the cluster binds repos a/one and c/three into one split
    pairs.push(pair(REPOSITORY_KT, { repo: "a/one", pair_type: "skeleton_to_complete" }), pair(REPOSITORY_EDITED_KT, { repo: "c/three", pair_type: "description_to_code" }));
    const o = await prepare(pairs);
    expect(o.stats.grouping.by).toBe("repository+cluster");
    const seen = new Set<string>();
    const repoSplit = new Map<string, string>();
    for (const split of ["train", "val", "test"]) {
      for (const r of o.rows[split]!) {
        const key = `${r.pair_type}\u0000${r.target_text}`;
        expect(seen.has(key)).toBe(false);
        seen.add(key);
        const prev = repoSplit.get(String(r.repo));
        if (prev) expect(prev).toBe(split);
        repoSplit.set(String(r.repo), split);
      }
    }
    // The two near-duplicates are one code span: taught once, whatever their pair types.
    expect([repoSplit.has("a/one"), repoSplit.has("c/three")].filter(Boolean)).toHaveLength(1);
    expect(o.rows.val!.length).toBeGreaterThan(0);
    expect(o.rows.test!.length).toBeGreaterThan(0);
    expect(o.rows.all_train!.length).toBe(o.rows.train!.length + o.rows.val!.length);
  });

  test("shares follow --split within a few rows when groups are many and small", async () => {
    const o = await prepare(corpus(3), { split: [80, 10, 10] });
    const total = allRows(o).length;
    expect(Math.abs(o.rows.val!.length - total * 0.1)).toBeLessThanOrEqual(7);
    expect(Math.abs(o.rows.test!.length - total * 0.1)).toBeLessThanOrEqual(7);
  });

  test("with few repositories, groups fall back to file + cluster and stats say so", async () => {
    const r = rng(5);
    const pairs = Array.from({ length: 120 }, (_, k) => pair(randomFunction(r), { repo: `few/r${k % 2}`, path: `src/commonMain/kotlin/F${k % 40}.kt` }));
    const o = await prepare(pairs);
    expect(o.stats.grouping.by).toBe("file+cluster");
    expect(o.stats.grouping.note).toContain("only 2 repository groups");
    expect(o.files.card).toContain("file+cluster");
    const fileSplit = new Map<string, string>();
    for (const split of ["train", "val", "test"]) {
      for (const row of o.rows[split]!) {
        const key = `${row.repo}/${row.path}`;
        expect(fileSplit.get(key) ?? split).toBe(split);
        fileSplit.set(key, split);
      }
    }
  });
});

/**
 * 12 repositories, full_file (≥ 200 rows) concentrated in three of them. With `joined`, code shared
 * under two pair types links each of the first 10 repositories to the next, so near-duplicate
 * clusters bind them into one group far larger than a held-out split may be.
 */
function skewedRepos(joined: boolean): Pair[] {
  const r = rng(21);
  const fullFile = [120, 60, 30, 6, 6, 6, 6, 6, 6, 6, 6, 6];
  const pairs: Pair[] = [];
  fullFile.forEach((count, k) => {
    for (let j = 0; j < count; j++) pairs.push(pair(randomFunction(r), { repo: `skew/r${k}`, path: `src/commonMain/kotlin/F${j % 9}.kt`, pair_type: "full_file" }));
    for (let j = 0; j < 8; j++) pairs.push(pair(randomFunction(r), { repo: `skew/r${k}`, path: `src/commonMain/kotlin/D${j}.kt`, pair_type: "description_to_code" }));
  });
  if (joined) {
    for (let k = 0; k < 9; k++) {
      const code = randomFunction(r);
      pairs.push(pair(code, { repo: `skew/r${k}`, pair_type: "skeleton_to_complete" }), pair(code, { repo: `skew/r${k + 1}`, pair_type: "composable" }));
    }
  }
  return pairs;
}

describe("prepare: held-out coverage", () => {
  test("12 repositories: val and test from ≥ 2 repositories each, ≥ 10 test rows of full_file, byte-identical for any thread count", async () => {
    const a = await prepare(skewedRepos(false), {}, 42, 1);
    const b = await prepare(skewedRepos(false), {}, 42, 2);
    for (const f of ["train", "val", "test", "stats", "card"]) expect(b.files[f]).toBe(a.files[f]!);
    const cov = a.stats.splits.coverage;
    expect(cov.met).toBe(true);
    expect(cov.types_needing_test_rows).toEqual(["full_file"]);
    expect(a.stats.counts.test.full_file!).toBeGreaterThanOrEqual(10);
    for (const split of ["val", "test"] as const) {
      const repos = new Set(a.rows[split]!.map((r) => r.repo));
      expect(repos.size).toBeGreaterThanOrEqual(2);
      expect(a.stats.splits[split].repositories).toBe(repos.size);
      expect(a.stats.splits[split].repository_names).toEqual([...repos].map(String).sort());
    }
    expect(a.files.card).toContain("Held-out coverage met");
    expect(a.files.card).toContain(`| repositories | ${a.stats.splits.train.repositories} | ${a.stats.splits.val.repositories} | ${a.stats.splits.test.repositories} |`);
  });

  test("identical code in 10 repositories is taught once (cross-type dedup), so it no longer joins them and coverage is met", async () => {
    const o = await prepare(skewedRepos(true));
    expect(o.stats.splits.coverage.met).toBe(true);
    expect(o.stats.drops.by_reason.exact_duplicate).toBeGreaterThanOrEqual(9);
  });

  test("a type that only one large repository holds cannot be held out: stats and card say coverage was not met", async () => {
    const r = rng(23);
    const pairs: Pair[] = [];
    for (let j = 0; j < 300; j++) pairs.push(pair(randomFunction(r), { repo: "big/only", path: `src/commonMain/kotlin/F${j % 40}.kt`, pair_type: "full_file" }));
    for (let k = 0; k < 11; k++) for (let j = 0; j < 8; j++) pairs.push(pair(randomFunction(r), { repo: `small/r${k}`, path: `src/commonMain/kotlin/D${j}.kt`, pair_type: "description_to_code" }));
    const o = await prepare(pairs, { maxPerType: 1000 });
    const cov = o.stats.splits.coverage;
    expect(cov.met).toBe(false);
    expect(cov.reasons.length).toBeGreaterThan(0);
    expect(o.files.card).toContain("**Held-out coverage not met.**");
    const repoSplit = new Map<string, string>();
    for (const split of ["train", "val", "test"]) {
      for (const row of o.rows[split]!) {
        expect(repoSplit.get(String(row.repo)) ?? split).toBe(split);
        repoSplit.set(String(row.repo), split);
      }
    }
  });
});

describe("prepare: small data", () => {
  test("val and test are not left empty when there are at least three groups", async () => {
    const r = rng(9);
    // One repository, 12 files: the greedy alone would keep every group in train.
    const pairs = Array.from({ length: 30 }, (_, k) => pair(randomFunction(r), { repo: "solo/app", path: `src/commonMain/kotlin/F${k % 12}.kt` }));
    const o = await prepare(pairs);
    expect(o.rows.val!.length).toBeGreaterThan(0);
    expect(o.rows.test!.length).toBeGreaterThan(0);
    expect(o.stats.grouping.note).toContain("would have been empty");
    const fileSplit = new Map<string, string>();
    for (const split of ["train", "val", "test"]) {
      for (const row of o.rows[split]!) {
        expect(fileSplit.get(String(row.path)) ?? split).toBe(split);
        fileSplit.set(String(row.path), split);
      }
    }
  });
});

describe("prepare: a handful of repositories", () => {
  test("four repositories: grouped by repository, every split non-empty, no repository in two splits", async () => {
    const r = rng(11);
    const pairs = Array.from({ length: 80 }, (_, k) => pair(randomFunction(r), { repo: `four/r${k % 4}`, path: `src/commonMain/kotlin/F${k % 20}.kt` }));
    const o = await prepare(pairs);
    expect(o.stats.grouping.by).toBe("repository+cluster");
    const repoSplit = new Map<string, string>();
    for (const split of ["train", "val", "test"]) {
      expect(o.rows[split]!.length).toBeGreaterThan(0);
      for (const row of o.rows[split]!) {
        expect(repoSplit.get(String(row.repo)) ?? split).toBe(split);
        repoSplit.set(String(row.repo), split);
      }
    }
  });
});

describe("prepare: sampling and balancing", () => {
  test("--sample-size takes exactly N distinct rows, stratified by type, never repeating one", async () => {
    const o = await prepare(corpus(), { sampleSize: 60 });
    const rows = allRows(o);
    expect(rows.length).toBe(60);
    expect(new Set(rows.map((r) => r.target_text)).size).toBe(60);
    const perType = o.stats.counts.total;
    expect(perType.description_to_code! + perType.skeleton_to_complete! + perType.full_file!).toBeGreaterThanOrEqual(58);
    expect(Math.abs(perType.skeleton_to_complete! - perType.full_file!)).toBeLessThanOrEqual(1);
    expect(o.stats.drops.by_reason.not_sampled).toBe(o.stats.sample.available - 60);
  });

  test("a sample larger than the data keeps every row once (no upsampling)", async () => {
    const o = await prepare(corpus(), { sampleSize: 100_000 });
    expect(allRows(o).length).toBe(o.stats.sample.available);
    expect(new Set(allRows(o).map((r) => r.target_text)).size).toBe(allRows(o).length);
  });

  test("the per-type cap keeps the best-scored rows", async () => {
    const o = await prepare(corpus(), { maxPerType: 10 });
    for (const n of Object.values(o.stats.counts.total)) expect(n).toBeLessThanOrEqual(10);
    const kept = allRows(o).filter((r) => r.pair_type === "full_file").map((r) => Number(r.quality_score));
    const all = await prepare(corpus(), {});
    const scores = allRows(all).filter((r) => r.pair_type === "full_file").map((r) => Number(r.quality_score)).sort((a, b) => b - a);
    expect(Math.min(...kept)).toBeGreaterThanOrEqual(scores[9]!);
  });
});

describe("prepare: outputs", () => {
  test("same seed → byte-identical files, whatever the thread count; another seed → another order", async () => {
    const a = await prepare(corpus(), { sampleSize: 150 }, 42, 1);
    const b = await prepare(corpus(), { sampleSize: 150 }, 42, 2);
    for (const f of ["train", "val", "test", "all_train", "stats"]) expect(b.files[f]).toBe(a.files[f]!);
    const c = await prepare(corpus(), { sampleSize: 150 }, 7, 2);
    expect(c.files.train).not.toBe(a.files.train!);
  });

  test.each(["default", "messages", "prompt-completion"] as const)("--format %s writes valid JSONL with the documented keys", async (format) => {
    const o = await prepare(corpus(), { format });
    for (const f of ["train", "val", "test", "all_train"]) {
      for (const row of o.rows[f]!) expect(Object.keys(row)).toEqual([...FORMAT_KEYS[format]]);
    }
    const first = o.rows.train![0]!;
    if (format === "messages") {
      const roles = (first.messages as { role: string }[]).map((m) => m.role);
      expect(roles).toEqual(["system", "user", "assistant"]);
    }
    if (format === "default") {
      for (const k of ["input_text", "target_text", "pair_type", "source_set", "platform", "quality_score", "repo", "path", "license"]) expect(first).toHaveProperty(k);
      const q = first.quality as Record<string, number>;
      for (const v of Object.values(q)) expect(v >= 0 && v <= 1).toBe(true);
    }
  });

  test("messages answer in a ```kotlin block unless --fence none; prompt-completion prompts end with --separator", async () => {
    const base = await prepare(corpus(), { format: "default" });
    const target = base.rows.train![0]!.target_text as string;
    const fenced = await prepare(corpus(), { format: "messages" });
    const answer = (fenced.rows.train![0]!.messages as { content: string }[])[2]!.content;
    expect(answer).toBe("```kotlin\n" + target.replace(/\n+$/, "") + "\n```");
    const bare = await prepare(corpus(), { format: "messages", fence: "none" });
    expect((bare.rows.train![0]!.messages as { content: string }[])[2]!.content).toBe(target);
    const pc = await prepare(corpus(), { format: "prompt-completion", separator: "\n\n### Answer\n" });
    expect(pc.rows.train![0]!.prompt).toBe((base.rows.train![0]!.input_text as string) + "\n\n### Answer\n");
    expect(pc.rows.train![0]!.completion).toBe(target);
    expect(fenced.files.card).toContain("```kotlin block");
  });

  test("stats and card agree with the files", async () => {
    const o = await prepare(corpus(), {}, 42, 1);
    expect(o.stats.written).toEqual({ train: o.rows.train!.length, val: o.rows.val!.length, test: o.rows.test!.length, all_train: o.rows.all_train!.length });
    const total = Object.values(o.stats.counts.total).reduce((a, b) => a + b!, 0);
    expect(total).toBe(allRows(o).length);
    expect(o.stats.input.records - o.stats.drops.total).toBe(allRows(o).length);
    expect(o.files.card).toContain("seed 42");
    expect(o.files.card).toContain("kmpdata prepare");
    expect(o.files.card).toContain(`${o.stats.version}`);
    expect(o.files.card).toContain(`| **all** | ${o.rows.train!.length} | ${o.rows.val!.length} | ${o.rows.test!.length} |`);
  });
});

describe("prepare: every drop reason is counted", () => {
  test("one fixture per reason", async () => {
    const r = rng(11);
    const good = Array.from({ length: 60 }, (_, k) => pair(randomFunction(r), { repo: `ok/r${k}`, pair_type: "full_file" }));
    const dup = pair(DISTINCT_KT[5]!, { repo: "x/dup" });
    const pairs: Pair[] = [
      ...good,
      dup,
      { ...dup }, // duplicate_id
      pair("// only a comment\n", { repo: "x/empty" }), // empty_target
      pair("fun broken(x: Int) {\n  return if (x) \n}\n", { repo: "x/parse" }), // parse_error
      pair(randomFunction(r), { repo: "x/prompt", input_text: "Complete it.\n\n```kotlin\nclass A {\n    private val x: Flow<Int> TODO()\n}\n```" }), // prompt_parse_error
      pair("android {\n  compileSdk 34\n", { repo: "x/groovy", path: "build.gradle", pair_type: "gradle" }), // unbalanced_delimiters
      pair(DISTINCT_KT[0]!, { repo: "x/long-in", input_text: "word ".repeat(400) }), // input_too_long
      pair(`fun big() {\n${"    println(\"a line of text\")\n".repeat(200)}}\n`, { repo: "x/long-out" }), // target_too_long
      pair(DISTINCT_KT[1]!, { repo: "x/e1" }),
      pair(DISTINCT_KT[1]!.replace("\n", "\n\n  // same code\n"), { repo: "x/e2" }), // exact_duplicate
      pair(REPOSITORY_KT, { repo: "x/s1" }),
      pair(REPOSITORY_RENAMED_KT, { repo: "x/s2" }), // structural_duplicate
      pair(REPOSITORY_EDITED_KT, { repo: "x/s3" }), // near_duplicate
      pair("val x = 1\n", { repo: "x/low" }), // below_min_quality
      ...Array.from({ length: 3 }, (_, k) => pair(DISTINCT_KT[k + 2]!, { repo: `x/g${k}`, pair_type: "composable" })),
    ];
    const o = await prepare(pairs, { maxInputTokens: 300, maxTargetTokens: 1000, minQuality: 0.2, sampleSize: 10 }, 42, 1, "{not json\n");
    const by = o.stats.drops.by_reason;
    // over_type_cap: 60 full_file rows against 3× the median type count; not_sampled: what the cap leaves above 10.
    for (const reason of DROP_REASONS) {
      if (reason === "analysis_failed") continue; // needs a failing worker: see scan.test.ts
      expect({ reason, counted: (by[reason] ?? 0) > 0 }).toEqual({ reason, counted: true });
    }
    expect(by.invalid_record).toBe(1);
    expect(by.duplicate_id).toBe(1);
    expect(by.empty_target).toBe(1);
    expect(by.parse_error).toBe(1);
    expect(by.prompt_parse_error).toBe(1);
    expect(by.unbalanced_delimiters).toBe(1);
    expect(by.input_too_long).toBe(1);
    expect(by.target_too_long).toBe(1);
    expect(by.exact_duplicate).toBe(1);
    expect(by.structural_duplicate).toBe(1);
    expect(by.near_duplicate).toBe(1);
    expect(by.below_min_quality).toBe(1);
    // every step's rows_out = rows_in − its drops
    for (const st of o.stats.drops.steps) {
      const dropped = Object.values(st.dropped).reduce((a, b) => a + (b ?? 0), 0);
      expect(st.rows_in - dropped).toBe(st.rows_out);
    }
  });
});
