/**
 * Waiting out a rate limit, visibly: one line saying why and for how long, then a countdown line
 * every few seconds, so a run that looks stuck is seen to be waiting. Ctrl-C ends the wait at once.
 * The wait is scaled by tuning.waitScale so tests pay milliseconds for a server's seconds.
 */
import type { Logger } from "../log.ts";

export class Waiter {
  /** Seconds actually spent waiting, for scrape_stats.json. */
  waitedSeconds = 0;

  constructor(
    private readonly log: Logger,
    private readonly signal: AbortSignal,
    private readonly scale: number,
    private readonly everySec: number,
  ) {}

  /** Waits `seconds` (as the server counts them); rejects with an AbortError on Ctrl-C. */
  async wait(seconds: number, why: string): Promise<void> {
    const secs = Math.max(0, Math.ceil(seconds));
    if (secs === 0) return;
    const until = new Date(Date.now() + secs * 1000 * this.scale);
    this.log.warn(`${why}: waiting ${formatSeconds(secs)} (until ${until.toISOString().slice(11, 19)} UTC)`);
    const started = performance.now();
    try {
      for (let left = secs; left > 0; ) {
        const step = Math.min(left, this.everySec);
        await sleep(step * 1000 * this.scale, this.signal);
        left -= step;
        if (left > 0) this.log.info(`  … resuming in ${formatSeconds(left)}`);
      }
    } finally {
      this.waitedSeconds += (performance.now() - started) / 1000;
    }
    this.log.info(`  … resuming now`);
  }

  /** A short pause (request spacing) that is not worth a log line but still counts as waiting. */
  async pause(ms: number): Promise<void> {
    const started = performance.now();
    try {
      await sleep(ms * this.scale, this.signal);
    } finally {
      this.waitedSeconds += (performance.now() - started) / 1000;
    }
  }
}

export function formatSeconds(s: number): string {
  if (s < 60) return `${Math.round(s)}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m ${Math.round(s % 60)}s`;
  return `${Math.floor(m / 60)}h ${m % 60}m`;
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortError());
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, Math.max(0, ms));
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError());
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

export function abortError(): Error {
  const e = new Error("interrupted");
  e.name = "AbortError";
  return e;
}
