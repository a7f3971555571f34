/** Extract gives every block its repository's licence (metadata's, else detected) and applies --licenses. */
import { afterAll, describe, expect, test } from "bun:test";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { runExtract } from "../../src/extract/index.ts";
import { silentLogger } from "../../src/log.ts";
import { parseLicenses } from "../../src/options.ts";
import type { StageContext } from "../../src/stage.ts";
import { runCli } from "../support/cli.ts";
import { LICENCE_TEXTS } from "../licence/fixtures.ts";

const tmp = mkdtempSync(join(tmpdir(), "kmpdata-extract-licence-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function ctx(dataDir: string): StageContext {
  return {
    global: { dataDir, threads: 1, seed: 42, force: true, logFormat: "text", quiet: true, verbose: false },
    log: silentLogger,
    progress: { mode: "off" },
    signal: new AbortController().signal,
    commandLine: "test",
  };
}

function write(root: string, files: Record<string, string>): void {
  for (const [p, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, p)), { recursive: true });
    writeFileSync(join(root, p), content);
  }
}

const kt = (name: string) => `package a\n\nclass ${name} {\n    fun run(): Int {\n        return 42\n    }\n}\n`;
const readStats = (dataDir: string) => JSON.parse(readFileSync(join(dataDir, "raw_blocks", "extraction_stats.json"), "utf8"));
const readBlocks = (dataDir: string): { repo: string; license: string | null }[] =>
  readFileSync(join(dataDir, "raw_blocks", "all_blocks.jsonl"), "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l));

const repos = join(tmp, "repos");
write(repos, {
  "acme__mit/LICENSE": LICENCE_TEXTS.MIT!,
  "acme__mit/src/commonMain/kotlin/a/Mit.kt": kt("Mit"),
  "acme__apache/README.md": "# Apache\n\n## License\n\nLicensed under the Apache License, Version 2.0.\n",
  "acme__apache/src/commonMain/kotlin/a/Apache.kt": kt("Apache"),
  "acme__gpl/COPYING": LICENCE_TEXTS["GPL-3.0"]!,
  "acme__gpl/src/commonMain/kotlin/a/Gpl.kt": kt("Gpl"),
  "acme__none/src/commonMain/kotlin/a/None.kt": kt("None"),
});

describe("--repos-dir folders", () => {
  test("blocks carry the licence detected from LICENSE, COPYING or README; each source counted", async () => {
    const dataDir = join(tmp, "any");
    await runExtract(ctx(dataDir), { reposDir: repos, maxFileBytes: 1_000_000 });
    const byRepo = Object.fromEntries(readBlocks(dataDir).map((b) => [b.repo, b.license]));
    expect(byRepo).toEqual({ "acme__apache": "Apache-2.0", "acme__gpl": "GPL-3.0", "acme__mit": "MIT", "acme__none": null });
    const s = readStats(dataDir);
    expect(s.repos).toBe(4);
    expect(s.repos_skipped_licence).toBe(0);
    expect(s.licences.by_source).toEqual({ metadata: 0, licence_text: 2, licence_title: 0, readme: 1, none: 1 });
    expect(s.licences.by_licence).toEqual({ "Apache-2.0": 1, "GPL-3.0": 1, MIT: 1, none: 1 });
  });

  test("--licenses permissive drops the GPL and the unlicensed repository, each counted by licence", async () => {
    const dataDir = join(tmp, "permissive");
    await runExtract(ctx(dataDir), { reposDir: repos, maxFileBytes: 1_000_000, licenses: parseLicenses("permissive") });
    expect(new Set(readBlocks(dataDir).map((b) => b.repo))).toEqual(new Set(["acme__apache", "acme__mit"]));
    const s = readStats(dataDir);
    expect(s.repos).toBe(2);
    expect(s.repos_skipped_licence).toBe(2);
    expect(s.licences.skipped_by_licence).toEqual({ "GPL-3.0": 1, none: 1 });
  });
});

test("the metadata's licence wins over the repository's files", async () => {
  const dataDir = join(tmp, "meta");
  write(join(dataDir, "repos"), { "acme__x/LICENSE": LICENCE_TEXTS.MIT!, "acme__x/src/commonMain/kotlin/a/X.kt": kt("X") });
  write(dataDir, { "metadata/repos.jsonl": JSON.stringify({ full_name: "acme/x", local_path: "repos/acme__x", license: "Apache-2.0", commit: null }) + "\n" });
  await runExtract(ctx(dataDir), { reposDir: null, maxFileBytes: 1_000_000 });
  expect(readBlocks(dataDir).every((b) => b.license === "Apache-2.0")).toBe(true);
  expect(readStats(dataDir).licences.by_source.metadata).toBe(1);
});

test("the CLI takes --licenses on extract, and a rerun with another filter is not skipped as done", async () => {
  const dataDir = join(tmp, "cli");
  const first = await runCli(["extract", "--repos-dir", repos, "--data-dir", dataDir, "--threads", "1", "-q"]);
  expect(first.code).toBe(0);
  expect(readStats(dataDir).repos).toBe(4);
  const second = await runCli(["extract", "--repos-dir", repos, "--data-dir", dataDir, "--threads", "1", "-q", "--licenses", "MIT"]);
  expect(second.code).toBe(0);
  expect(readStats(dataDir).repos).toBe(1);
  expect(new Set(readBlocks(dataDir).map((b) => b.license))).toEqual(new Set(["MIT"]));
});
