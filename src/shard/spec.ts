/**
 * Which part of the corpus a shard takes: the repositories whose stable hash of `full_name` (the
 * folder name when there is none) modulo n is i. The same name lands in the same shard on every
 * machine, whatever the other names.
 */
import { createHash } from "node:crypto";
import { OptionValueError } from "../options.ts";

export interface ShardSpec {
  /** 0-based. */
  index: number;
  count: number;
}

export const MAX_SHARDS = 10_000;

export function shardOf(name: string, count: number): number {
  const h = createHash("sha256").update(name).digest();
  return h.readUInt32BE(0) % count;
}

/** The shard's folder name under `<data-dir>/shards/`. */
export function shardName(s: ShardSpec): string {
  return `${s.index}-of-${s.count}`;
}

/** `i/n` with 0 ≤ i < n. */
export function parseShard(value: string, flag = "--shard"): ShardSpec {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(value);
  if (!m) throw new OptionValueError(`${flag} must be i/n (0-based i, e.g. 0/4) or auto, got "${value}"`);
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1 || count > MAX_SHARDS) throw new OptionValueError(`${flag}: n must be between 1 and ${MAX_SHARDS}, got ${count}`);
  if (index >= count) throw new OptionValueError(`${flag}: i must be below n (0-based: 0/${count} … ${count - 1}/${count}), got ${value}`);
  return { index, count };
}

/**
 * `--shard auto`: the scheduler's own variables. Kubernetes Indexed Jobs set JOB_COMPLETION_INDEX
 * (the count comes from --shards); Slurm job arrays set SLURM_ARRAY_TASK_ID and
 * SLURM_ARRAY_TASK_COUNT (an array 0-(n-1)).
 */
export function shardFromScheduler(env: Record<string, string | undefined>, shards: number | null): ShardSpec {
  const k8s = env.JOB_COMPLETION_INDEX;
  if (k8s !== undefined && k8s !== "") {
    if (shards === null) throw new OptionValueError("--shard auto in a Kubernetes Indexed Job needs --shards <n> (the Job's completions)");
    return parseShard(`${k8s}/${shards}`, "--shard auto (JOB_COMPLETION_INDEX)");
  }
  const id = env.SLURM_ARRAY_TASK_ID;
  if (id !== undefined && id !== "") {
    const count = env.SLURM_ARRAY_TASK_COUNT ?? (shards !== null ? String(shards) : undefined);
    if (count === undefined) throw new OptionValueError("--shard auto: SLURM_ARRAY_TASK_COUNT is not set; pass --shards <n>");
    if (shards !== null && Number(count) !== shards) throw new OptionValueError(`--shards ${shards} contradicts SLURM_ARRAY_TASK_COUNT=${count}`);
    return parseShard(`${id}/${count}`, "--shard auto (SLURM_ARRAY_TASK_ID)");
  }
  throw new OptionValueError("--shard auto found no scheduler index (JOB_COMPLETION_INDEX for Kubernetes, SLURM_ARRAY_TASK_ID for Slurm): pass --shard i/n");
}
