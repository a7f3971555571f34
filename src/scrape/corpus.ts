/**
 * Builds the corpus from ranked candidates: a few workers take candidates best-first until
 * --max-repos are kept. Per candidate: already done? skip. Else the cheap KMP check, the clone into
 * a temp folder, the check on disk, drop .git, rename into place, and write the record last.
 */
import { existsSync, renameSync, rmSync } from "node:fs";
import { join } from "node:path";
import { writeJsonAtomic } from "../io.ts";
import type { Logger } from "../log.ts";
import type { ScrapeOptions } from "../options.ts";
import type { Progress } from "../progress.ts";
import { CloneError, cloneWithRetry, dirBytes } from "./clone.ts";
import { type GitHub, isAbort } from "./github.ts";
import { clonePath, partialPath, readDone, recordPath, repoDirName } from "./layout.ts";
import type { Candidate, CloneRecord, DropReason, FailReason, ScrapeTuning } from "./types.ts";
import { verifyLocal, verifyRemote } from "./verify.ts";

export interface Kept {
  c: Candidate;
  score: number;
  record: CloneRecord;
  dirName: string;
}

export interface CorpusDeps {
  gh: GitHub | null;
  opts: ScrapeOptions;
  tuning: ScrapeTuning;
  dataDir: string;
  log: Logger;
  signal: AbortSignal;
  progress: Progress;
  /** Credentials for clone hosts that ask; null sends none. */
  cloneAuth: (url: string) => { username: string; password: string } | null;
  drop: (r: DropReason) => void;
  fail: (r: FailReason) => void;
  onCloned: () => void;
  onSkipped: () => void;
  onRetry: () => void;
}

export async function buildCorpus(ranked: { c: Candidate; score: number }[], d: CorpusDeps): Promise<Kept[]> {
  const kept: Kept[] = [];
  let next = 0;
  let inFlight = 0;
  let fatal: unknown = null;
  const stop = new AbortController();
  const onCtrlC = () => stop.abort();
  d.signal.addEventListener("abort", onCtrlC, { once: true });
  if (d.signal.aborted) stop.abort();

  const worker = async () => {
    while (!stop.signal.aborted && kept.length + inFlight < d.opts.maxRepos && next < ranked.length) {
      const item = ranked[next++]!;
      inFlight++;
      try {
        const k = await processOne(item.c, item.score, d, stop.signal);
        if (k) {
          kept.push(k);
          d.progress.tick(1, k.c.full_name);
        }
      } catch (e) {
        // A fatal error (GitHub unreachable, token revoked) stops every worker; in-flight clones abort
        // and remove their temp folders before it is rethrown.
        if (fatal === null && !d.signal.aborted && !(isAbort(e) && stop.signal.aborted)) fatal = e;
        stop.abort();
      } finally {
        inFlight--;
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.max(1, d.opts.cloneConcurrency) }, worker));
  } finally {
    d.signal.removeEventListener("abort", onCtrlC);
  }
  if (fatal !== null) throw fatal;
  if (!d.signal.aborted) for (let i = next; i < ranked.length; i++) d.drop("over_max_repos");
  return kept;
}

async function processOne(c: Candidate, score: number, d: CorpusDeps, signal: AbortSignal): Promise<Kept | null> {
  const dirName = repoDirName(c.full_name);
  const done = readDone(d.dataDir, dirName);
  if (done) {
    d.onSkipped();
    return { c, score, record: done, dirName };
  }

  if (d.gh && c.from_api) {
    const v = await verifyRemote(d.gh, c, d.tuning.maxScriptsPerRepo);
    const reason: DropReason | null = v.kind === "not_kmp" ? "not_kmp" : v.kind === "empty" ? "empty_repo" : v.kind === "not_found" ? "not_found" : null;
    if (reason) {
      d.log.debug(`${c.full_name}: dropped (${reason})`);
      d.drop(reason);
      return null;
    }
  }
  if (signal.aborted) return null;

  const tmp = partialPath(d.dataDir, dirName);
  let commit: string;
  let branch: string;
  try {
    ({ commit, branch } = await cloneWithRetry({
      url: c.clone_url,
      ref: c.default_branch,
      tmp,
      timeoutSec: d.opts.cloneTimeoutSec,
      attempts: d.tuning.cloneAttempts,
      backoffMs: d.tuning.cloneBackoffMs,
      signal,
      auth: d.cloneAuth(c.clone_url),
      onRetry: (attempt, why, waitMs) => {
        d.onRetry();
        d.log.warn(`${c.full_name}: clone attempt ${attempt} failed (${why}); retrying in ${(waitMs / 1000).toFixed(1)}s`);
      },
    }));
  } catch (e) {
    if (e instanceof CloneError) {
      d.log.warn(`${c.full_name}: clone failed (${e.reason}: ${e.message})`);
      d.fail(e.reason);
      return null;
    }
    if (isAbort(e)) return null;
    throw e;
  }

  try {
    const evidence = await verifyLocal(tmp);
    if (evidence.length === 0) {
      d.log.debug(`${c.full_name}: no KMP plugin or src/commonMain on disk; removed`);
      d.drop("not_kmp_after_clone");
      rmSync(tmp, { recursive: true, force: true });
      return null;
    }
    if (!d.opts.keepGit) rmSync(join(tmp, ".git"), { recursive: true, force: true });
    const dest = clonePath(d.dataDir, dirName);
    // A folder without a record is a clone killed between rename and record: replace it.
    if (existsSync(dest)) rmSync(dest, { recursive: true, force: true });
    renameSync(tmp, dest);
    const record: CloneRecord = {
      full_name: c.full_name,
      clone_url: c.clone_url,
      default_branch: branch,
      commit,
      kmp_evidence: evidence,
      cloned_at: d.tuning.now().toISOString(),
      bytes: await dirBytes(dest),
    };
    writeJsonAtomic(recordPath(d.dataDir, dirName), record);
    d.onCloned();
    return { c, score, record, dirName };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
