/**
 * The sharded flow with an `s3://` data dir: each process works in a local folder (--work-dir) —
 * clones, scratch and a local copy of what it reads and writes — and the store holds what the
 * processes share: the search's candidates, each shard's output, the merged and final files, each
 * published with its marker last (storage/s3.ts).
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { KmpError } from "../errors.ts";
import { MARKER_FILE, optionsFingerprint } from "../marker.ts";
import type { PipelineOptions } from "../options.ts";
import type { StepResult } from "../pipeline.ts";
import { runPipeline } from "../pipeline.ts";
import { CANDIDATES_FILE } from "../scrape/index.ts";
import type { StageContext } from "../stage.ts";
import { fetchDir, publishDir, type RemoteDir } from "../storage/s3.ts";
import { runMerge, runShard, shardOptions, SHARDS_DIR, type MergeOptions } from "./index.ts";
import { shardName, type ShardSpec } from "./spec.ts";

function local(ctx: StageContext, dataDir: string): StageContext {
  return { ...ctx, global: { ...ctx.global, dataDir } };
}

/** One shard, its output published to the store (a shard the store holds as finished is not redone). */
export async function runShardRemote(ctx: StageContext, opts: PipelineOptions, spec: ShardSpec, remote: RemoteDir, workRoot: string): Promise<StepResult[]> {
  const name = shardName(spec);
  const rel = `${SHARDS_DIR}/${name}`;
  const data = join(workRoot, "data");
  const l = local(ctx, data);
  const marker = await remote.readText(`${rel}/${MARKER_FILE}`);
  if (!ctx.global.force && marker !== null) {
    try {
      if (JSON.parse(marker).options_fingerprint === optionsFingerprint(shardOptions(local(ctx, join(workRoot, name)), opts, spec))) {
        ctx.log.info(`shard ${name}: finished already (${remote.url}/${rel}); --force redoes it`);
        return [];
      }
    } catch {
      /* a damaged marker: the shard is redone */
    }
  }
  if (opts.extract.reposDir === null && opts.scrape.source === "github" && opts.scrape.reposFile === null) {
    const candidates = `metadata/${CANDIDATES_FILE}`;
    if (!(await remote.exists(candidates))) throw new KmpError("E_NO_INPUT", `${remote.url}/${candidates} does not exist: run \`kmpdata scrape --search-only --data-dir ${remote.url}\` once (for every shard) first`);
    await remote.download(candidates, join(data, candidates));
  }
  const results = await runShard(l, opts, spec, join(workRoot, name));
  const out = join(data, rel);
  if (existsSync(join(out, MARKER_FILE))) {
    const n = await publishDir(remote, out, rel);
    ctx.log.info(`shard ${name}: ${n} objects published to ${remote.url}/${rel}`);
  }
  return results;
}

/** scrape --search-only into the store: the candidates every shard clones its part of. */
export async function searchRemote(ctx: StageContext, opts: PipelineOptions, remote: RemoteDir, workRoot: string): Promise<StepResult[]> {
  const data = join(workRoot, "data");
  const results = await runPipeline(local(ctx, data), opts, ["scrape"]);
  await publishDir(remote, join(data, "metadata"), "metadata");
  ctx.log.info(`scrape: candidates published to ${remote.url}/metadata/${CANDIDATES_FILE}`);
  return results;
}

/** Every finished shard fetched from the store, merged locally, the results published with markers last. */
export async function mergeRemote(ctx: StageContext, opts: PipelineOptions, m: MergeOptions, remote: RemoteDir, workRoot: string): Promise<StepResult[]> {
  const data = join(workRoot, "data");
  const names = new Set((await remote.list(SHARDS_DIR)).map((k) => k.split("/")[1]!).filter((n) => /^\d+-of-\d+$/.test(n)));
  let fetched = 0;
  for (const n of [...names].sort()) if (await fetchDir(remote, `${SHARDS_DIR}/${n}`, join(data, SHARDS_DIR, n))) fetched++;
  ctx.log.info(`merge: ${fetched} finished ${fetched === 1 ? "shard" : "shards"} fetched from ${remote.url}`);
  const results = await runMerge(local(ctx, data), opts, m);
  for (const step of ["training_pairs", "final_training"]) await publishDir(remote, join(data, step), step);
  ctx.log.info(`merge: training_pairs/ and final_training/ published to ${remote.url}`);
  return results;
}
