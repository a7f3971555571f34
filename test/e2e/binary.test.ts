/**
 * The compiled binary, alone: copied to an empty folder and run with no node, no bun and no
 * node_modules on PATH, as a user on a GPU prep box would.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PAIR_TYPES } from "../../src/types.ts";
import { buildBinary, runCli } from "../support/cli.ts";

const tmp = mkdtempSync(join(tmpdir(), "kmpdata-bin-"));
const home = join(tmp, "home");
let bin = "";
const env = () => ({ PATH: "/nonexistent", HOME: home, NO_COLOR: "1" });

/** A loopback port with nothing listening: an "offline" GitHub that refuses at once. */
async function closedPort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, "127.0.0.1", () => r()));
  const port = (srv.address() as { port: number }).port;
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

beforeAll(async () => {
  const built = await buildBinary(join(tmp, "build"));
  mkdirSync(join(tmp, "empty"));
  mkdirSync(home);
  bin = join(tmp, "empty", "kmpdata");
  copyFileSync(built, bin);
  rmSync(join(tmp, "build"), { recursive: true, force: true });
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const jsonl = (p: string) => readFileSync(p, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l));

describe("the compiled binary with no node or bun on PATH", () => {
  test("--help", async () => {
    const r = await runCli(["--help"], { bin, cwd: join(tmp, "empty"), env: env() });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Usage: kmpdata");
  });

  test("validate passes offline, the network check as a warning", async () => {
    const port = await closedPort();
    const r = await runCli(["validate", "--data-dir", join(tmp, "vdata"), "--github-api-url", `http://127.0.0.1:${port}`, "--threads", "2"], {
      bin,
      cwd: join(tmp, "empty"),
      env: env(),
    });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("✓ Kotlin grammar loads in a worker");
    expect(r.stdout).toMatch(/⚠ GitHub API: not reachable/);
    for (const s of ["scrape", "extract", "pairs", "prepare"]) expect(r.stdout).toContain(`✓ sample: ${s}`);
    expect(r.stdout).not.toContain("✗");
  });

  test("run --source sample produces every output, with the work done in worker threads", async () => {
    const data = join(tmp, "data");
    const r = await runCli(["run", "--source", "sample", "--data-dir", data, "--threads", "2"], { bin, cwd: join(tmp, "empty"), env: env() });
    expect(r.code).toBe(0);
    for (const f of [
      "metadata/repos.jsonl",
      "metadata/scrape_stats.json",
      "raw_blocks/all_blocks.jsonl",
      "raw_blocks/extraction_stats.json",
      "training_pairs/train.jsonl",
      "training_pairs/val.jsonl",
      "training_pairs/test.jsonl",
      "final_training/train.jsonl",
      "final_training/val.jsonl",
      "final_training/test.jsonl",
      "final_training/all_train.jsonl",
    ]) expect(existsSync(join(data, f))).toBe(true);
    const stats = JSON.parse(readFileSync(join(data, "raw_blocks/extraction_stats.json"), "utf8"));
    expect(stats.worker_thread_ids.length).toBeGreaterThan(0);
    expect(stats.worker_thread_ids.every((id: number) => id > 0)).toBe(true);
    const blocks = jsonl(join(data, "raw_blocks/all_blocks.jsonl"));
    expect(blocks.filter((b) => b.source_set === "unknown")).toEqual([]);
    const pairs = ["train", "val", "test"].flatMap((s) => jsonl(join(data, "training_pairs", `${s}.jsonl`)));
    expect(new Set(pairs.map((p) => p.pair_type))).toEqual(new Set(PAIR_TYPES));
    const rows = jsonl(join(data, "final_training/train.jsonl"));
    expect(rows.length).toBeGreaterThan(0);
    for (const k of ["input_text", "target_text", "pair_type", "source_set", "platform", "quality_score", "repo", "path", "license"]) {
      expect(rows[0]).toHaveProperty(k);
    }
  });
});
