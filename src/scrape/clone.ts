/**
 * One shallow clone with isomorphic-git: depth 1, one branch, no tags, into a temp folder that is
 * renamed into place only when complete. Network errors and dropped transfers are retried with
 * backoff; a per-repo timeout and Ctrl-C abort the transfer itself, not just the wait for it.
 */
import fs from "node:fs";
import { lstat, readdir, rm } from "node:fs/promises";
import { join } from "node:path";
import git, { type GitHttpRequest, type GitHttpResponse, type HttpClient } from "isomorphic-git";
import nodeHttp from "isomorphic-git/http/node";
import type { FailReason } from "./types.ts";
import { abortError, sleep } from "./wait.ts";

export interface CloneRequest {
  url: string;
  ref: string | null; // null: the remote's HEAD
  tmp: string; // written here; the caller renames it into place
  timeoutSec: number;
  attempts: number;
  backoffMs: number;
  signal: AbortSignal; // Ctrl-C
  /** Credentials for a host that asks for them (only the API's own host gets the token). */
  auth: { username: string; password: string } | null;
  onRetry: (attempt: number, why: string, waitMs: number) => void;
}

export interface CloneResult {
  commit: string;
  branch: string;
}

export class CloneError extends Error {
  constructor(readonly reason: FailReason, message: string) {
    super(message);
    this.name = "CloneError";
  }
}

/** Resolves `p`, or rejects as soon as `signal` aborts (the transfer is torn down separately). */
function raceAbort<T>(p: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(abortError());
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortError());
    signal.addEventListener("abort", onAbort, { once: true });
    p.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}

/**
 * isomorphic-git's node client, with the abort signal passed to the socket and raced against every
 * body chunk: a stalled server would otherwise keep `clone()` waiting forever.
 */
function abortableHttp(signal: AbortSignal): HttpClient {
  return {
    async request(req: GitHttpRequest): Promise<GitHttpResponse> {
      const res = await raceAbort(nodeHttp.request({ ...req, signal }), signal);
      const body = res.body;
      if (!body) return res;
      const iter: AsyncIterableIterator<Uint8Array> = {
        next: () => raceAbort(body.next(), signal),
        return: async () => {
          await body.return?.();
          return { done: true, value: undefined };
        },
        [Symbol.asyncIterator]() {
          return this;
        },
      };
      return { ...res, body: iter };
    },
  };
}

function classify(e: unknown, timedOut: boolean): { reason: FailReason; retry: boolean } {
  if (timedOut) return { reason: "timeout", retry: false };
  const err = e as { code?: string; data?: { statusCode?: number } };
  const code = err.data?.statusCode;
  if (err.code === "HttpError" && code !== undefined) {
    if (code === 404) return { reason: "not_found", retry: false };
    if (code === 401 || code === 403) return { reason: "auth", retry: false };
    return { reason: "network", retry: code >= 500 || code === 429 };
  }
  if (err.code === "UrlParseError" || err.code === "UnknownTransportError") return { reason: "other", retry: false };
  // Resets, refusals, a pack cut off half way: the network, worth another try.
  return { reason: "network", retry: true };
}

async function cloneOnce(req: CloneRequest): Promise<CloneResult> {
  const ctl = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    ctl.abort();
  }, req.timeoutSec * 1000);
  const onCtrlC = () => ctl.abort();
  req.signal.addEventListener("abort", onCtrlC, { once: true });
  try {
    await git.clone({
      fs,
      http: abortableHttp(ctl.signal),
      dir: req.tmp,
      url: req.url,
      ...(req.ref ? { ref: req.ref } : {}),
      depth: 1,
      singleBranch: true,
      noTags: true,
      cache: {},
      onAuth: () => (req.auth ? { ...req.auth } : { cancel: true }),
    });
    const commit = await git.resolveRef({ fs, dir: req.tmp, ref: "HEAD" });
    const branch = (await git.currentBranch({ fs, dir: req.tmp })) ?? req.ref ?? "HEAD";
    return { commit, branch };
  } catch (e) {
    if (req.signal.aborted) throw abortError();
    const { reason, retry } = classify(e, timedOut);
    const msg = timedOut ? `no complete clone after ${req.timeoutSec}s` : (e as Error).message;
    throw Object.assign(new CloneError(reason, msg), { retry });
  } finally {
    clearTimeout(timer);
    req.signal.removeEventListener("abort", onCtrlC);
  }
}

/** Clones into req.tmp, retrying network failures; the temp folder is removed after every failure. */
export async function cloneWithRetry(req: CloneRequest): Promise<CloneResult> {
  for (let attempt = 1; ; attempt++) {
    await rm(req.tmp, { recursive: true, force: true });
    try {
      return await cloneOnce(req);
    } catch (e) {
      await rm(req.tmp, { recursive: true, force: true });
      const retry = (e as { retry?: boolean }).retry === true;
      if (!retry || attempt >= req.attempts || req.signal.aborted) throw e;
      const waitMs = req.backoffMs * 2 ** (attempt - 1);
      req.onRetry(attempt, (e as Error).message, waitMs);
      await sleep(waitMs, req.signal);
    }
  }
}

/** Bytes the folder takes (file sizes; symlinks counted as links). */
export async function dirBytes(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) total += await dirBytes(p);
    else total += (await lstat(p)).size;
  }
  return total;
}
