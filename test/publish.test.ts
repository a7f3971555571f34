import { afterEach, expect, test } from "bun:test";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createStaging, discardStaging, publishStaging, recoverOutputDir } from "../src/publish.ts";

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function tmp(): string {
  const d = mkdtempSync(join(tmpdir(), "kmpdata-publish-"));
  dirs.push(d);
  return d;
}
function folder(dir: string, files: Record<string, string>): void {
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, ".."), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
}
const read = (dir: string) => Object.fromEntries(readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => [join(e.parentPath, e.name).slice(dir.length + 1), readFileSync(join(e.parentPath, e.name), "utf8")]));

test("the new folder replaces the old one whole: no old file stays beside the new ones", () => {
  const out = join(tmp(), "training_pairs");
  folder(out, { "train.jsonl": "old", "val.jsonl": "old", "extra.jsonl": "old", "_SUCCESS.json": "old" });
  const staging = createStaging(out);
  folder(staging, { "train.jsonl": "new", "val.jsonl": "new", "_SUCCESS.json": "new" });
  publishStaging(staging, out);
  expect(read(out)).toEqual({ "train.jsonl": "new", "val.jsonl": "new", "_SUCCESS.json": "new" });
  expect(readdirSync(join(out, ".."))).toEqual(["training_pairs"]);
});

test("working state named by keep moves into the new folder; the new folder's own copy wins", () => {
  const out = join(tmp(), "metadata");
  folder(out, { "repos.jsonl": "old", "clones/a.json": "a", "cache.json": "old cache" });
  const staging = createStaging(out);
  folder(staging, { "repos.jsonl": "new", "cache.json": "new cache" });
  publishStaging(staging, out, (n) => n !== "repos.jsonl");
  expect(read(out)).toEqual({ "repos.jsonl": "new", "clones/a.json": "a", "cache.json": "new cache" });
});

test("a first publish (no old folder) and a discarded staging folder", () => {
  const root = tmp();
  const out = join(root, "final_training");
  const staging = createStaging(out);
  folder(staging, { "train.jsonl": "x" });
  publishStaging(staging, out);
  expect(read(out)).toEqual({ "train.jsonl": "x" });
  const failed = createStaging(out);
  writeFileSync(join(failed, "train.jsonl"), "half");
  discardStaging(failed);
  expect(readdirSync(root)).toEqual(["final_training"]);
  expect(read(out)).toEqual({ "train.jsonl": "x" });
});

test("a crash between the two renames: the folder set aside is put back, leftovers removed", () => {
  const root = tmp();
  const out = join(root, "raw_blocks");
  folder(out, { "all_blocks.jsonl": "complete", "_SUCCESS.json": "m" });
  const staging = createStaging(out);
  folder(staging, { "all_blocks.jsonl": "new" });
  renameSync(out, `${out}.tmp-old-999999`); // the swap's first rename, then the process died
  recoverOutputDir(out);
  expect(read(out)).toEqual({ "all_blocks.jsonl": "complete", "_SUCCESS.json": "m" });
  expect(readdirSync(root)).toEqual(["raw_blocks"]);
});

test("with the folder in place, staging and aside folders a killed run left are removed, other folders are not", () => {
  const root = tmp();
  const out = join(root, "raw_blocks");
  folder(out, { "all_blocks.jsonl": "complete" });
  folder(`${out}.tmp-staging-1`, { "all_blocks.jsonl": "half" });
  folder(`${out}.tmp-old-2`, { "all_blocks.jsonl": "older" });
  folder(join(root, "raw_blocks_backup"), { "x": "kept" });
  recoverOutputDir(out);
  expect(readdirSync(root).sort()).toEqual(["raw_blocks", "raw_blocks_backup"]);
  expect(read(out)).toEqual({ "all_blocks.jsonl": "complete" });
  expect(existsSync(join(root, "raw_blocks_backup", "x"))).toBe(true);
});
