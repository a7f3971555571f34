/**
 * Asks the endpoint for the descriptions the cache does not hold: in a seeded order (so
 * --describe-max picks the same candidates every run), a few requests at once, each answer cached
 * as it arrives. A request that fails after its retries is counted and its row stays a signature
 * task; a run of failures in a row means the endpoint is gone, and the run stops with one line
 * (what was answered is cached: a rerun asks only for the rest).
 */
import { KmpError } from "../../errors.ts";
import { stableHash } from "../../io.ts";
import type { Logger } from "../../log.ts";
import { createProgress, type ProgressOptions } from "../../progress.ts";
import type { DescriptionCache } from "./cache.ts";
import type { Answer, DescribeClient } from "./client.ts";
import { messagesFor, TEMPLATE_VERSION, type DescribeRequest } from "./template.ts";

/** Failures in a row that stop the run. */
export const MAX_FAILURES_IN_A_ROW = 8;

export interface AskOptions {
  model: string;
  concurrency: number;
  /** Most requests to send; null: all. */
  max: number | null;
  seed: number;
}

export interface AskStats {
  /** Descriptions the kept rows needed (unique declarations). */
  needed: number;
  /** … found in the cache. */
  cached: number;
  /** … asked for in this run. */
  asked: number;
  answered: number;
  /** Left unasked by --describe-max. */
  not_asked: number;
  failed: Record<string, number>;
  /** HTTP requests beyond one per question: the package's retries on 429/5xx/timeouts. */
  retries: number;
  prompt_tokens: number;
  completion_tokens: number;
}

export function emptyAskStats(): AskStats {
  return { needed: 0, cached: 0, asked: 0, answered: 0, not_asked: 0, failed: {}, retries: 0, prompt_tokens: 0, completion_tokens: 0 };
}

/** The requests still to ask, in the order they are asked, and how many --describe-max leaves out. */
export function toAsk(requests: readonly DescribeRequest[], cache: DescriptionCache, o: Pick<AskOptions, "max" | "seed">): { ask: DescribeRequest[]; notAsked: number } {
  const missing = requests.filter((r) => !cache.get(r.key));
  const ordered = missing
    .map((r) => ({ r, rank: stableHash(String(o.seed), r.key) }))
    .sort((a, b) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : 0))
    .map((x) => x.r);
  const ask = o.max === null ? ordered : ordered.slice(0, o.max);
  return { ask, notAsked: ordered.length - ask.length };
}

export async function askAll(
  requests: readonly DescribeRequest[],
  cache: DescriptionCache,
  client: DescribeClient,
  o: AskOptions,
  ctx: { log: Logger; progress: ProgressOptions; signal: AbortSignal },
): Promise<AskStats> {
  const stats = emptyAskStats();
  stats.needed = requests.length;
  const { ask, notAsked } = toAsk(requests, cache, o);
  stats.cached = requests.length - ask.length - notAsked;
  stats.not_asked = notAsked;
  if (ask.length === 0) return stats;
  // Only now does the endpoint matter: a run the cache answers in full sends no request at all.
  await client.checkModel();
  ctx.log.info(`pairs: asking ${o.model} for ${ask.length.toLocaleString("en-US")} description${ask.length === 1 ? "" : "s"} (${stats.cached.toLocaleString("en-US")} cached${notAsked ? `, ${notAsked.toLocaleString("en-US")} left out by --describe-max` : ""})`);
  const progress = createProgress("pairs: describing", ask.length, "requests", ctx.log, ctx.progress);
  const httpBefore = client.httpRequests;
  let next = 0;
  let inARow = 0;
  let fatal: KmpError | null = null;
  let thrown: unknown = null;
  const stop = new AbortController();
  const onAbort = () => stop.abort();
  ctx.signal.addEventListener("abort", onAbort, { once: true });
  const worker = async () => {
    while (!fatal && !thrown && !stop.signal.aborted && next < ask.length) {
      const r = ask[next++]!;
      stats.asked++;
      let a: Answer;
      try {
        a = await client.describe(messagesFor(r), stop.signal);
      } catch (e) {
        const f = client.failure(e);
        if (f.reason === "interrupted") break;
        stats.failed[f.reason] = (stats.failed[f.reason] ?? 0) + 1;
        ctx.log.debug(`pairs: describing ${r.repo}/${r.path} ${r.name} failed: ${(e as Error).message}`);
        if (f.fatal) fatal ??= f.fatal;
        else if (++inARow >= MAX_FAILURES_IN_A_ROW) {
          fatal ??= new KmpError(
            "E_NETWORK",
            `${MAX_FAILURES_IN_A_ROW} description requests in a row failed (last: ${f.reason}: ${(e as Error).message.split("\n")[0]}): check the model server; a rerun asks only for what is missing`,
          );
        }
        progress.tick(1, r.name);
        continue;
      }
      // A disk that cannot take the answer fails the run (as a disk error), the other requests stopped.
      try {
        cache.put({ key: r.key, model: o.model, template: TEMPLATE_VERSION, answer: a.text, prompt_tokens: a.promptTokens, completion_tokens: a.completionTokens });
      } catch (e) {
        thrown ??= e;
        stop.abort();
        break;
      }
      stats.answered++;
      stats.prompt_tokens += a.promptTokens;
      stats.completion_tokens += a.completionTokens;
      inARow = 0;
      progress.tick(1, r.name);
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(o.concurrency, ask.length) }, worker));
  } finally {
    ctx.signal.removeEventListener("abort", onAbort);
    progress.stop();
  }
  stats.retries = Math.max(0, client.httpRequests - httpBefore - stats.asked);
  if (thrown) throw thrown;
  if (fatal) throw fatal;
  if (ctx.signal.aborted) throw new KmpError("E_INTERRUPTED", "pairs: interrupted while describing; rerun to resume (answers so far are cached)");
  return stats;
}
