/**
 * meta.target_parses: the marking rules per transform, and the evidence behind them — extract +
 * pairs on the embedded sample and on ../shared/kmp-corpus (when present), where EVERY marked
 * target must parse without ERROR/MISSING nodes with the grammar prepare uses.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { extractKotlinSource } from "../../src/extract/api.ts";
import { runExtract } from "../../src/extract/index.ts";
import { createParser, type Parser } from "../../src/grammar.ts";
import { silentLogger } from "../../src/log.ts";
import { defaultPipelineOptions } from "../../src/options.ts";
import { pairsConfig, runPairs } from "../../src/pairs/index.ts";
import { PairMaker } from "../../src/pairs/maker.ts";
import { parsesAsWritten, parsesStandalone, redactionKeepsParse } from "../../src/pairs/parses.ts";
import { SPLITS } from "../../src/pairs/split.ts";
import { dedentDeclaration } from "../../src/pairs/text.ts";
import { writeSampleRepos } from "../../src/sample/index.ts";
import type { StageContext } from "../../src/stage.ts";
import type { Block, Pair } from "../../src/types.ts";
import { block, cfg, repoOf } from "./support.ts";

let parser: Parser;
beforeAll(async () => {
  parser = await createParser("kotlin");
});

function parses(text: string): boolean {
  const tree = parser.parse(text)!;
  const ok = !tree.rootNode.hasError;
  tree.delete();
  return ok;
}

const tmp = mkdtempSync(join(tmpdir(), "kmpdata-parses-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const KT = "shared/src/commonMain/kotlin/com/acme/app/";

/** Real blocks of one file, then the maker's kept pairs over them (defaults, but short targets allowed). */
async function pairsOf(files: Record<string, string>, extra: Block[] = []): Promise<Pair[]> {
  const blocks: Block[] = [...extra];
  for (const [path, text] of Object.entries(files)) blocks.push(...(await extractKotlinSource(text, { repo: "acme/app", path })));
  return [...new PairMaker(cfg({ minTargetLines: 1 })).pairsOf(repoOf(blocks))];
}

describe("marking rules", () => {
  const fn = () => block("fun total(items: List<Int>): Int ⟦{\n    var t = 0\n    for (i in items) t += i\n    return t\n}⟧", { name: "total" });

  test("clean, unrepaired blocks parse as written; errors, a repaired file, an older run's block or a Groovy script do not", () => {
    expect(parsesAsWritten(fn())).toBe(true);
    expect(parsesAsWritten({ ...fn(), parse_errors: 1 })).toBe(false);
    expect(parsesAsWritten({ ...fn(), repaired: true })).toBe(false);
    const old = { ...fn() } as Partial<Block>;
    delete old.repaired;
    expect(parsesAsWritten(old as Block)).toBe(false);
    expect(parsesAsWritten({ ...fn(), kind: "gradle", dsl: "groovy" })).toBe(false);
    expect(parsesAsWritten({ ...fn(), kind: "gradle", dsl: "kotlin" })).toBe(true);
  });

  test("a companion object torn out of its class is not known to parse (the grammar errs on it alone); other members are", async () => {
    const src = "package a\n\nclass Repo {\n    override fun toString(): String {\n        return \"Repo\"\n    }\n\n    companion object : Factory<Repo> {\n        override fun make(): Repo {\n            return Repo()\n        }\n    }\n}\n";
    const blocks = await extractKotlinSource(src, { path: `${KT}Repo.kt` });
    const companion = blocks.find((b) => b.modifiers.includes("companion"))!;
    const member = blocks.find((b) => b.name === "toString")!;
    expect(companion.parse_errors).toBe(0);
    expect(parses(dedentDeclaration(companion.code))).toBe(false); // why the rule exists
    expect(parsesStandalone(companion)).toBe(false);
    expect(parsesStandalone(member)).toBe(true);
    expect(parses(dedentDeclaration(member.code))).toBe(true);
  });

  test("dedenting keeps the parse: only whitespace at line starts goes, raw strings and comments included", () => {
    const member = 'fun banner(): String {\n        val s = """\n            |a\n          b\n        """.trimMargin()\n        /* note\n             more */\n        return s +\n            "x"\n    }';
    const out = dedentDeclaration(member);
    expect(out).not.toBe(member);
    expect(parses(member)).toBe(true);
    expect(parses(out)).toBe(true);
  });

  test("redaction inside a string literal or a comment keeps the parse; over code, or across quotes, it does not", () => {
    const key = "AKIA" + "Q3EGRTZVJ5XWN2HK";
    expect(redactionKeepsParse(`val k = "${key}"`, 'val k = "<REDACTED_SECRET>"')).toBe(true);
    expect(redactionKeepsParse(`val k = """${key}"""`, 'val k = """<REDACTED_SECRET>"""')).toBe(true);
    expect(redactionKeepsParse(`// ${key}\nval k = 1`, "// <REDACTED_SECRET>\nval k = 1")).toBe(true);
    expect(redactionKeepsParse(`val ${key.toLowerCase()} = 1`, "val <REDACTED_SECRET> = 1")).toBe(false);
    // A private key block spread over concatenated literals: the placeholder swallows quotes and `+`.
    expect(redactionKeepsParse('val k = "-----BEGIN" +\n  "x-----"', 'val k = "<REDACTED_SECRET>"')).toBe(false);
    // A string with a template is not vouched for (the placeholder could have cut into it).
    expect(redactionKeepsParse('val k = "${a} abc"', 'val k = "${a} <REDACTED_SECRET>"')).toBe(false);
  });

  test("through the maker: a secret in a string stays marked, a secret as code unmarks, a repaired file is never marked", async () => {
    const secret = "ghp_" + "aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3zA5";
    const inString = `package a\n\nclass Client {\n    private val token = "${secret}"\n\n    fun header(): String {\n        val h = StringBuilder()\n        h.append("Bearer ")\n        h.append(token)\n        return h.toString()\n    }\n}\n`;
    const asCode = `package a\n\nfun ${secret}() {\n    println(1)\n    println(2)\n    println(3)\n}\n`;
    const repaired = "package a\n\nclass Scene {\n    val content: @Composable (() -> Unit) = {\n        println(1)\n    }\n    fun show(): Int {\n        println(2)\n        return 3\n    }\n}\n";
    const a = await pairsOf({ [`${KT}Client.kt`]: inString });
    const client = a.find((p) => p.target_text.includes("class Client"))!;
    expect(client.target_text).toContain("<REDACTED_SECRET>");
    expect(client.meta.target_parses).toBe(true);
    expect(parses(client.target_text)).toBe(true);
    const b = await pairsOf({ [`${KT}Code.kt`]: asCode });
    expect(b.length).toBeGreaterThan(0);
    for (const p of b) {
      expect(p.target_text).toContain("<REDACTED_SECRET>");
      expect(p.meta.target_parses).toBeUndefined();
      expect(parses(p.target_text)).toBe(false);
    }
    const c = await pairsOf({ [`${KT}Scene.kt`]: repaired });
    expect(c.length).toBeGreaterThan(0);
    expect(c.every((p) => p.meta.target_parses === undefined)).toBe(true);
  });

  test("a whole file keeps its mark when its licence header is stripped; expect_actual's imports come before the actual, no package line", async () => {
    const file = `/*\n * Copyright 2024 Acme\n * Licensed under the Apache License, Version 2.0\n */\n\npackage com.acme.app\n\nimport kotlinx.coroutines.flow.Flow\n\nfun one(): Int {\n    println(1)\n    return 1\n}\n\nfun two(f: Flow<Int>): Int {\n    println(f)\n    return 2\n}\n`;
    const ff = (await pairsOf({ [`${KT}Two.kt`]: file })).find((p) => p.pair_type === "full_file")!;
    expect(ff.target_text.startsWith("package com.acme.app")).toBe(true);
    expect(ff.meta.target_parses).toBe(true);
    expect(parses(ff.target_text)).toBe(true);
    const pairs = await pairsOf({
      [`${KT}Platform.kt`]: "package com.acme.app\n\n/** The platform. */\nexpect fun platformName(): String\n",
      "shared/src/androidMain/kotlin/com/acme/app/Platform.android.kt": 'package com.acme.app\n\nimport android.os.Build\n\nactual fun platformName(): String {\n    val v = Build.VERSION.SDK_INT\n    return "Android " + v\n}\n',
    });
    const ea = pairs.find((p) => p.pair_type === "expect_actual")!;
    expect(ea.target_text.startsWith("import android.os.Build\n\nactual fun")).toBe(true);
    expect(ea.meta.target_parses).toBe(true);
    expect(parses(ea.target_text)).toBe(true);
  });
});

function stageCtx(dataDir: string): StageContext {
  return {
    global: { dataDir, threads: 2, seed: 42, force: true, logFormat: "text", quiet: true, verbose: false },
    log: silentLogger,
    progress: { mode: "off" },
    signal: new AbortController().signal,
    commandLine: "test",
  };
}

interface Tally {
  pairs: number;
  marked: number;
  markedFailing: string[];
  unmarkedParsing: number;
  unmarkedFailing: number;
  importBeforePackage: string[];
}

/** extract + pairs with the CLI's defaults on a folder of repositories, then every target through the grammar. */
async function runCorpus(reposDir: string, dataDir: string): Promise<Tally> {
  const ctx = stageCtx(dataDir);
  const opts = defaultPipelineOptions();
  await runExtract(ctx, { ...opts.extract, reposDir });
  await runPairs(dataDir, pairsConfig(opts.pairs, 42), ctx);
  const t: Tally = { pairs: 0, marked: 0, markedFailing: [], unmarkedParsing: 0, unmarkedFailing: 0, importBeforePackage: [] };
  for (const split of SPLITS) {
    for (const line of readFileSync(join(dataDir, "training_pairs", `${split}.jsonl`), "utf8").split("\n")) {
      if (!line) continue;
      const p = JSON.parse(line) as Pair;
      t.pairs++;
      const ok = parses(p.target_text);
      if (p.meta.target_parses === true) {
        t.marked++;
        if (!ok) t.markedFailing.push(`${p.pair_type} ${p.repo}/${p.path}`);
      } else if (ok) t.unmarkedParsing++;
      else t.unmarkedFailing++;
      const pkg = p.target_text.search(/^package\s/m);
      const imp = p.target_text.search(/^import\s/m);
      if (pkg >= 0 && imp >= 0 && imp < pkg) t.importBeforePackage.push(`${p.pair_type} ${p.repo}/${p.path}`);
    }
  }
  console.log(`target_parses on ${reposDir}: ${JSON.stringify({ ...t, markedFailing: t.markedFailing.length, importBeforePackage: t.importBeforePackage.length })}`);
  return t;
}

describe("every marked target parses", () => {
  test("the embedded sample corpus", async () => {
    const dataDir = join(tmp, "sample");
    await writeSampleRepos(dataDir);
    const t = await runCorpus(join(dataDir, "repos"), dataDir);
    expect(t.pairs).toBeGreaterThan(0);
    expect(t.marked).toBeGreaterThan(t.pairs / 2);
    expect(t.markedFailing).toEqual([]);
    expect(t.importBeforePackage).toEqual([]);
  });

  const corpus = resolve(import.meta.dir, "..", "..", "..", "shared", "kmp-corpus");
  test.skipIf(!existsSync(corpus))("../shared/kmp-corpus", async () => {
    const t = await runCorpus(corpus, join(tmp, "corpus"));
    expect(t.pairs).toBeGreaterThan(1000);
    expect(t.marked).toBeGreaterThan(t.pairs / 2);
    expect(t.markedFailing).toEqual([]);
    // The old profile's "expect_actual puts imports before the package line": no target does.
    expect(t.importBeforePackage).toEqual([]);
  });
});
