/**
 * Runs resume and never corrupt: a run killed mid-stage and rerun ends with the same bytes as an
 * uninterrupted run, and a rerun of a finished run redoes nothing.
 */
import { afterAll, describe, expect, test } from "bun:test";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BUN, ROOT, runCli } from "../support/cli.ts";

const tmp = mkdtempSync(join(tmpdir(), "kmpdata-resume-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const OUTPUTS = [
  "metadata/repos.jsonl",
  "raw_blocks/all_blocks.jsonl",
  "training_pairs/train.jsonl",
  "training_pairs/val.jsonl",
  "training_pairs/test.jsonl",
  "final_training/train.jsonl",
  "final_training/val.jsonl",
  "final_training/test.jsonl",
  "final_training/all_train.jsonl",
];

const args = (dataDir: string) => ["run", "--source", "sample", "--data-dir", dataDir, "--threads", "2", "--seed", "7"];

function leftovers(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (/\.tmp-|\.partial/.test(e.name)) out.push(p);
      else if (e.isDirectory()) walk(p);
    }
  };
  walk(dir);
  return out;
}

/** Starts a run and kills it (SIGKILL) as soon as `marker` appears, i.e. while the next stage runs. */
async function killAfter(dataDir: string, marker: string): Promise<boolean> {
  const proc = Bun.spawn([BUN, join(ROOT, "main.ts"), ...args(dataDir), "-q"], { cwd: ROOT, stdout: "ignore", stderr: "ignore" });
  let exited = false;
  proc.exited.then(() => (exited = true));
  while (!exited && !existsSync(join(dataDir, marker))) await Bun.sleep(2);
  proc.kill("SIGKILL");
  await proc.exited;
  return proc.signalCode === "SIGKILL";
}

describe("resume", () => {
  const reference = join(tmp, "ref");

  test("an uninterrupted run", async () => {
    const r = await runCli([...args(reference), "-q"]);
    expect(r.code).toBe(0);
    for (const f of OUTPUTS) expect(existsSync(join(reference, f))).toBe(true);
  });

  test.each([["metadata/_SUCCESS.json"], ["raw_blocks/_SUCCESS.json"], ["training_pairs/_SUCCESS.json"]])(
    "killed after %s, rerun gives byte-identical outputs",
    async (marker) => {
      const dataDir = join(tmp, `killed-${marker.split("/")[0]}`);
      const killed = await killAfter(dataDir, marker);
      expect(killed).toBe(true);
      const r = await runCli([...args(dataDir), "-q"]);
      expect(r.code).toBe(0);
      for (const f of OUTPUTS) expect(readFileSync(join(dataDir, f))).toEqual(readFileSync(join(reference, f)));
      expect(leftovers(dataDir)).toEqual([]);
    },
  );

  test("a finished run is not redone; --force redoes it", async () => {
    const again = await runCli(args(reference));
    expect(again.code).toBe(0);
    for (const s of ["scrape", "extract", "pairs", "prepare"]) expect(again.stderr).toContain(`${s}: up to date, skipped`);
    const forced = await runCli([...args(reference), "--force", "--step", "pairs"]);
    expect(forced.code).toBe(0);
    expect(forced.stderr).not.toContain("up to date");
    expect(forced.stderr).toContain("pairs: done");
  });

  test("changing a step's options reruns that step", async () => {
    const dataDir = join(tmp, "killed-metadata");
    const r = await runCli([...args(dataDir), "--step", "prepare", "--split", "80,10,10"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("prepare: done");
  });

  test("prepare refuses the pairs a failed pairs run left behind (no marker): exit 4, one line", async () => {
    const dataDir = join(tmp, "stale-pairs");
    cpSync(reference, dataDir, { recursive: true });
    rmSync(join(dataDir, "training_pairs", "_SUCCESS.json"));
    const r = await runCli(["prepare", "--data-dir", dataDir, "--force"]);
    expect(r.code).toBe(4);
    expect(r.stderr.trim().split("\n").filter((l) => l.startsWith("kmpdata:"))).toEqual([expect.stringContaining("from a `kmpdata pairs` run that did not finish")]);
    expect(r.stderr).not.toContain("    at ");
  });

  test("SIGTERM (a scheduler stopping the job) stops cleanly with exit 143", async () => {
    const dataDir = join(tmp, "sigterm");
    const proc = Bun.spawn([BUN, join(ROOT, "main.ts"), ...args(dataDir), "-q"], { cwd: ROOT, stdout: "ignore", stderr: "pipe" });
    while (!existsSync(join(dataDir, "metadata/_SUCCESS.json"))) await Bun.sleep(2);
    proc.kill("SIGTERM");
    const code = await proc.exited;
    expect([0, 143]).toContain(code); // 0 only if the run finished before the signal landed
    expect(leftovers(dataDir)).toEqual([]);
  });

  test("Ctrl-C stops cleanly with exit 130 and the rerun finishes", async () => {
    const dataDir = join(tmp, "sigint");
    const proc = Bun.spawn([BUN, join(ROOT, "main.ts"), ...args(dataDir), "-q"], { cwd: ROOT, stdout: "ignore", stderr: "pipe" });
    while (!existsSync(join(dataDir, "metadata/_SUCCESS.json"))) await Bun.sleep(2);
    proc.kill("SIGINT");
    const code = await proc.exited;
    expect([0, 130]).toContain(code); // 0 only if the run finished before the signal landed
    expect(leftovers(dataDir)).toEqual([]);
    const r = await runCli([...args(dataDir), "-q"]);
    expect(r.code).toBe(0);
    for (const f of OUTPUTS) expect(readFileSync(join(dataDir, f))).toEqual(readFileSync(join(reference, f)));
  });
});
