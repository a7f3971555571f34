/**
 * A full disk mid-run: one line and exit 5, no temporary files left, and once there is space again
 * the rerun finishes with the same bytes as a run that never ran out. Needs a small tmpfs, so it
 * runs where this process may mount one (root in a container) and is skipped elsewhere.
 */
import { afterAll, expect, test } from "bun:test";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "../support/cli.ts";

const tmp = mkdtempSync(join(tmpdir(), "kmpdata-disk-"));
const mnt = join(tmp, "small");
mkdirSync(mnt);
const mount = (opts: string) => Bun.spawnSync(["mount", "-t", "tmpfs", "-o", opts, "tmpfs", mnt], { stderr: "ignore" }).exitCode === 0;
const canMount = process.platform === "linux" && mount("size=1500k");
afterAll(() => {
  if (canMount) Bun.spawnSync(["umount", mnt]);
  rmSync(tmp, { recursive: true, force: true });
});

function temps(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.name.includes(".tmp-")) out.push(join(d, e.name));
      else if (e.isDirectory()) walk(join(d, e.name));
    }
  };
  if (existsSync(dir)) walk(dir);
  return out;
}

test.skipIf(!canMount)("the disk fills up: one line, exit 5, no temporary files; with space again the rerun gives the same bytes", async () => {
  const args = (d: string) => ["run", "--source", "sample", "--data-dir", d, "--threads", "1", "--seed", "5"];
  const dataDir = join(mnt, "data");
  const full = await runCli(args(dataDir));
  if (full.code !== 5) console.error(full.stderr);
  expect(full.code).toBe(5);
  const lines = full.stderr.split("\n").filter((l) => l.startsWith("kmpdata:"));
  expect(lines).toEqual([expect.stringMatching(/^kmpdata: the disk is full \(ENOSPC\) writing .*: free some space and rerun/)]);
  expect(full.stderr).not.toContain("    at ");
  expect(temps(dataDir).map((p) => p.slice(dataDir.length))).toEqual([]);

  expect(Bun.spawnSync(["mount", "-o", "remount,size=64m", mnt]).exitCode).toBe(0);
  const again = await runCli(args(dataDir));
  expect(again.code).toBe(0);
  const reference = join(tmp, "reference");
  expect((await runCli(args(reference))).code).toBe(0);
  for (const f of ["train", "val", "test", "all_train"]) {
    expect(readFileSync(join(dataDir, "final_training", `${f}.jsonl`))).toEqual(readFileSync(join(reference, "final_training", `${f}.jsonl`)));
  }
});
