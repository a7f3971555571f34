/** The stage object the pipeline runs: output folder, fingerprints and the summary it reports. */
import { afterAll, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { KmpError } from "../../src/errors.ts";
import { silentLogger } from "../../src/log.ts";
import { defaultPipelineOptions } from "../../src/options.ts";
import { pairsStage } from "../../src/pairs/index.ts";
import type { StageContext } from "../../src/stage.ts";
import { block, writeBlocks } from "./support.ts";

const tmp = mkdtempSync(join(tmpdir(), "kmpdata-pairs-stage-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function context(seed: number): StageContext {
  return {
    global: { dataDir: tmp, threads: 2, seed, force: false, logFormat: "text", quiet: true, verbose: false },
    progress: { mode: "off" },
    signal: new AbortController().signal,
    commandLine: "kmpdata pairs",
    log: silentLogger,
  };
}

const fn = (n: number) => block(`fun f${n}(x: Int): Int ⟦{\n    val y = x + ${n}\n    return y * 2\n}⟧`, { name: `f${n}`, path: `F${n}.kt` });

test("runs, reports its outputs, and fingerprints what it reads and the options that shape it", async () => {
  const opts = defaultPipelineOptions().pairs;
  writeBlocks(tmp, [fn(1), fn(2), fn(3)]);
  const fp1 = await pairsStage.inputFingerprint(context(1), opts);
  const summary = await pairsStage.run(context(1), opts);
  expect(pairsStage.outputDir(tmp)).toBe(join(tmp, "training_pairs"));
  expect(summary.outputs.map((o) => o.path.split("/").pop())).toEqual(["train.jsonl", "val.jsonl", "test.jsonl", "pairs_stats.json"]);
  expect(summary.outputs.slice(0, 3).reduce((n, o) => n + o.records, 0)).toBe(3);
  expect(summary.summary).toContain("3 pairs");
  writeBlocks(tmp, [fn(1), fn(2)]);
  expect(await pairsStage.inputFingerprint(context(1), opts)).not.toBe(fp1);
  expect(JSON.stringify(pairsStage.outputOptions(context(1), opts))).not.toBe(JSON.stringify(pairsStage.outputOptions(context(2), opts)));
  expect(JSON.stringify(pairsStage.outputOptions(context(1), { ...opts, excludeTests: true }))).not.toBe(JSON.stringify(pairsStage.outputOptions(context(1), opts)));
});

test("refuses blocks an unfinished extract left (no marker): one line saying what to run", async () => {
  const opts = defaultPipelineOptions().pairs;
  writeBlocks(tmp, [fn(1), fn(2), fn(3)]);
  rmSync(join(tmp, "raw_blocks", "_SUCCESS.json"));
  const err = await pairsStage.run(context(1), opts).catch((e: Error) => e);
  expect(err).toBeInstanceOf(KmpError);
  expect((err as KmpError).exitCode).toBe(4);
  expect((err as Error).message).toContain("from a `kmpdata extract` run that did not finish");
});
