/**
 * The scrape stage: find KMP repositories (search, or --repos-file), filter and rank them, verify
 * and shallow-clone the best --max-repos, and write metadata/repos.jsonl and scrape_stats.json.
 * With --source sample it materialises the embedded sample projects instead (offline).
 */
import { defaultPushedSince } from "../options.ts";
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { KmpError } from "../errors.ts";
import { shardName, shardOf } from "../shard/spec.ts";
import type { Candidate } from "./types.ts";
import { join } from "node:path";
import { JsonlWriter, writeJsonAtomic } from "../io.ts";
import type { ScrapeOptions } from "../options.ts";
import { createProgress } from "../progress.ts";
import { sampleFiles, sampleProjectNames, writeSampleRepos } from "../sample/index.ts";
import type { Stage, StageContext, StageSummary } from "../stage.ts";
import type { Repo } from "../types.ts";
import { dirBytes } from "./clone.ts";
import { type Kept, buildCorpus } from "./corpus.ts";
import { applyFilters, EXPLICIT_FILTERS, FILTERS } from "./filters.ts";
import { GitHub, type RateLimits } from "./github.ts";
import { metadataDir, removePartials } from "./layout.ts";
import { MARKER_FILE } from "../marker.ts";
import { loadQueries, type SearchQuery } from "./queries.ts";
import { rank } from "./rank.ts";
import { bump, emptyStats, summaryLine, summaryTable } from "./report.ts";
import { loadReposFile, resolveRepoRefs } from "./reposfile.ts";
import { searchAll } from "./search.ts";
import { DEFAULT_TUNING, type ScrapeStats, type ScrapeTuning } from "./types.ts";
import { formatSeconds } from "./wait.ts";

export { DEFAULT_TUNING, type ScrapeTuning } from "./types.ts";

export const REPOS_FILE = "repos.jsonl";
export const STATS_FILE = "scrape_stats.json";
/** --search-only: the ranked candidates the shards clone their parts of. */
export const CANDIDATES_FILE = "candidates.jsonl";

function fileHash(path: string | null): string {
  if (path === null) return "-";
  try {
    return createHash("sha256").update(readFileSync(path)).digest("hex");
  } catch {
    return "unreadable";
  }
}

export const scrapeStage: Stage<ScrapeOptions> = {
  name: "scrape",
  version: "1",
  outputDir: metadataDir,
  // The clone records (and anything else there) are scrape's working state: only its two files are outputs.
  // candidates.jsonl (--search-only) stays for the shards that clone from it.
  keepOnPublish: (name) => name !== REPOS_FILE && name !== STATS_FILE && name !== MARKER_FILE,
  async inputFingerprint(_ctx, opts) {
    if (opts.source === "sample") {
      const h = createHash("sha256");
      for (const name of sampleProjectNames()) h.update(name).update(JSON.stringify(sampleFiles(name)));
      return `sample:${h.digest("hex").slice(0, 16)}`;
    }
    return `github:${fileHash(opts.queriesFile)}:${fileHash(opts.reposFile)}:${fileHash(opts.candidatesFile ?? null)}`;
  },
  outputOptions(_ctx, opts) {
    // The token, concurrency and timeout do not change what is written.
    const { githubToken: _t, cloneConcurrency: _c, cloneTimeoutSec: _s, ...shaping } = opts;
    // The default --pushed-since moves every day; fingerprint the rule, not today's date, so a
    // finished scrape is not redone tomorrow.
    const pushedSince = shaping.pushedSince === defaultPushedSince(new Date()) ? "default: 3 years back" : shaping.pushedSince;
    return opts.source === "sample" ? { source: "sample" } : { ...shaping, pushedSince };
  },
  run: (ctx, opts) => runScrape(ctx, opts),
};

/** The stage with explicit tuning (tests shrink the waits). */
export async function runScrape(ctx: StageContext, opts: ScrapeOptions, tuning: ScrapeTuning = DEFAULT_TUNING): Promise<StageSummary> {
  const started = performance.now();
  const dataDir = ctx.global.dataDir;
  if (opts.source === "sample") return runSample(ctx, started);

  // Everything that can be wrong with the command line fails before the network or the disk is touched.
  const refs = opts.reposFile !== null ? loadReposFile(opts.reposFile) : null;
  const queries = refs === null ? loadQueries(opts.queriesFile) : [];
  const stats = emptyStats(refs ? "repos-file" : "github", opts.githubToken !== null);
  const drop = (r: Parameters<typeof bump<string>>[1]) => bump(stats.dropped as Record<string, number>, r);

  const needsApi = refs === null || refs.some((r) => r.kind === "name");
  const gh = needsApi ? new GitHub({ baseUrl: opts.githubApiUrl, token: opts.githubToken, log: ctx.log, signal: ctx.signal, tuning }) : null;
  try {
    if (gh) announceLimits(ctx, opts, queries, await gh.checkAccess(), tuning);

    const stale = removePartials(dataDir);
    if (stale > 0) ctx.log.info(`scrape: removed ${stale} unfinished clone(s) left by an earlier run`);

    let candidates;
    // A shard clones its part of the search's ranked list (kmpdata scrape --search-only), searching nothing.
    const shard = opts.shard ?? null;
    if (shard && opts.candidatesFile) {
      const part = readCandidates(opts.candidatesFile).filter((r) => shardOf(r.c.full_name, shard.count) === shard.index);
      stats.candidates = part.length;
      ctx.log.info(`scrape: shard ${shardName(shard)} clones ${part.length} of the search's candidates`);
      return await cloneAndWrite(ctx, opts, part, part.length, stats, gh, tuning, started);
    }
    if (refs) {
      candidates = await resolveRepoRefs(gh, refs, drop);
      stats.candidates = candidates.length + (stats.dropped.not_found ?? 0);
      candidates = applyFilters(candidates, opts, drop, EXPLICIT_FILTERS);
    } else {
      const bar = createProgress("search", queries.length, "queries", ctx.log, ctx.progress);
      const found = await searchAll(gh!, queries, tuning.maxPagesPerQuery, bar).finally(() => bar.stop());
      stats.queries = found.queries;
      stats.search_results = found.searchResults;
      stats.candidates = found.candidates.length;
      candidates = applyFilters(found.candidates, opts, drop, FILTERS);
    }
    let ranked = rank(candidates, tuning.now());
    if (opts.searchOnly) return writeCandidates(ctx, ranked.slice(0, opts.maxRepos), stats, gh, started);
    if (shard) ranked = ranked.filter((r) => shardOf(r.c.full_name, shard.count) === shard.index);
    ctx.log.info(`scrape: ${ranked.length} candidates after filters; keeping up to ${opts.maxRepos}`);
    return await cloneAndWrite(ctx, opts, ranked, opts.maxRepos, stats, gh, tuning, started);
  } catch (e) {
    throw gh ? gh.userError(e, "scraping") : e;
  }
}

/** The search's ranked candidates, as --search-only wrote them. */
function readCandidates(path: string): { c: Candidate; score: number }[] {
  if (!existsSync(path)) throw new KmpError("E_NO_INPUT", `${path} does not exist: run \`kmpdata scrape --search-only\` once (for every shard) first`);
  const out: { c: Candidate; score: number }[] = [];
  readFileSync(path, "utf8").split("\n").forEach((line, i) => {
    if (!line.trim()) return;
    try {
      const { score, ...c } = JSON.parse(line) as Candidate & { score: number };
      if (typeof c.full_name !== "string" || typeof score !== "number") throw new Error("not a candidate");
      out.push({ c, score });
    } catch {
      throw new KmpError("E_BAD_INPUT", `${path}:${i + 1} is not a candidate record: rerun \`kmpdata scrape --search-only\``);
    }
  });
  return out;
}

function writeCandidates(ctx: StageContext, ranked: { c: Candidate; score: number }[], stats: ScrapeStats, gh: GitHub | null, started: number): StageSummary {
  const dir = ctx.outDir ?? metadataDir(ctx.global.dataDir);
  const w = new JsonlWriter<Candidate & { score: number }>(join(dir, CANDIDATES_FILE));
  for (const r of ranked) w.write({ score: r.score, ...r.c });
  w.commit();
  stats.kept = ranked.length;
  stats.api_calls = gh?.apiCalls ?? 0;
  stats.seconds = Math.round((performance.now() - started) / 100) / 10;
  writeJsonAtomic(join(dir, STATS_FILE), stats);
  ctx.log.info(`scrape: ${ranked.length} candidates ranked into ${join(dir, CANDIDATES_FILE)}; each shard clones its part (kmpdata run --shard i/n)`);
  return { outputs: [{ path: w.path, records: ranked.length }], summary: `${ranked.length.toLocaleString("en-US")} candidates (search only)` };
}

async function cloneAndWrite(
  ctx: StageContext,
  opts: ScrapeOptions,
  ranked: { c: Candidate; score: number }[],
  maxRepos: number,
  stats: ScrapeStats,
  gh: GitHub | null,
  tuning: ScrapeTuning,
  started: number,
): Promise<StageSummary> {
  const dataDir = ctx.global.dataDir;
  const drop = (r: Parameters<typeof bump<string>>[1]) => bump(stats.dropped as Record<string, number>, r);
  {
    const bar = createProgress("clone", Math.min(maxRepos, ranked.length), "repos", ctx.log, ctx.progress);
    let kept: Kept[];
    try {
      kept = await buildCorpus(ranked, {
        gh,
        opts: { ...opts, maxRepos },
        tuning,
        dataDir,
        log: ctx.log,
        signal: ctx.signal,
        progress: bar,
        cloneAuth: cloneAuthFor(opts),
        drop,
        fail: (r) => bump(stats.failed, r),
        onCloned: () => stats.cloned++,
        onSkipped: () => stats.skipped++,
        onRetry: () => stats.clone_retries++,
      });
    } finally {
      bar.stop();
    }
    stats.interrupted = ctx.signal.aborted;
    stats.bytes_on_disk = kept.reduce((a, k) => a + k.record.bytes, 0);
    return writeOutputs(ctx, kept.map(toRepo), stats, gh, started);
  }
}

/**
 * The token goes only to the host that serves the API (github.com for api.github.com), and only
 * when that host asks for credentials.
 */
function cloneAuthFor(opts: ScrapeOptions): (url: string) => { username: string; password: string } | null {
  const token = opts.githubToken;
  if (token === null) return () => null;
  const apiHost = new URL(opts.githubApiUrl).host;
  const hosts = new Set([apiHost, apiHost.replace(/^api\./, "")]);
  return (url) => {
    try {
      return hosts.has(new URL(url).host) ? { username: "x-access-token", password: token } : null;
    } catch {
      return null;
    }
  };
}

function announceLimits(ctx: StageContext, opts: ScrapeOptions, queries: SearchQuery[], limits: RateLimits | null, tuning: ScrapeTuning): void {
  if (limits === null) {
    ctx.log.info(`scrape: ${opts.githubApiUrl} reports no rate limit`);
    return;
  }
  if (opts.githubToken !== null) {
    ctx.log.info(`scrape: GitHub token accepted`, { core_remaining: limits.core.remaining, search_remaining: limits.search.remaining });
    return;
  }
  // A rough upper bound: every page of every query, and about two API calls per repository checked.
  const searchCalls = queries.length * tuning.maxPagesPerQuery;
  const coreCalls = opts.maxRepos * 2;
  const searchSecs = (searchCalls / Math.max(1, limits.search.limit)) * 60;
  const coreSecs = (coreCalls / Math.max(1, limits.core.limit)) * 3600;
  ctx.log.warn(
    `no GitHub token: ${limits.core.limit} API requests/hour and ${limits.search.limit} searches/minute. ` +
      `This run may need up to ~${searchCalls} searches and ~${coreCalls} requests: about ${formatSeconds(searchSecs + coreSecs)} at these limits. ` +
      `Set GITHUB_TOKEN or --github-token for 5,000 requests/hour.`,
  );
}

function toRepo(k: Kept): Repo {
  const { c, record } = k;
  return {
    full_name: c.full_name,
    html_url: c.html_url,
    clone_url: c.clone_url,
    default_branch: record.default_branch,
    commit: record.commit,
    stars: c.stars,
    forks: c.forks,
    size_kb: c.size_kb,
    pushed_at: c.pushed_at,
    license: c.license,
    topics: c.topics,
    description: c.description,
    score: k.score,
    matched_queries: c.matched_queries,
    kmp_evidence: record.kmp_evidence,
    local_path: `repos/${k.dirName}`,
    cloned_at: record.cloned_at,
  };
}

function writeOutputs(ctx: StageContext, records: Repo[], stats: ScrapeStats, gh: GitHub | null, started: number): StageSummary {
  const dir = ctx.outDir ?? metadataDir(ctx.global.dataDir);
  const repos = records.sort((a, b) => b.score - a.score || a.full_name.localeCompare(b.full_name));
  const w = new JsonlWriter<Repo>(join(dir, REPOS_FILE));
  for (const r of repos) w.write(r);
  w.commit();
  stats.kept = repos.length;
  stats.api_calls = gh?.apiCalls ?? 0;
  stats.rate_limit_wait_seconds = Math.round((gh?.waiter.waitedSeconds ?? 0) * 10) / 10;
  stats.seconds = Math.round((performance.now() - started) / 100) / 10;
  writeJsonAtomic(join(dir, STATS_FILE), stats);
  ctx.log.info(summaryTable(stats));
  return {
    outputs: [
      { path: w.path, records: repos.length },
      { path: join(dir, STATS_FILE), records: 1 },
    ],
    summary: summaryLine(stats),
  };
}

async function runSample(ctx: StageContext, started: number): Promise<StageSummary> {
  const repos = await writeSampleRepos(ctx.global.dataDir);
  const stats = emptyStats("sample", false);
  stats.candidates = repos.length;
  stats.cloned = repos.length;
  for (const r of repos) stats.bytes_on_disk += await dirBytes(join(ctx.global.dataDir, r.local_path));
  return writeOutputs(ctx, repos, stats, null, started);
}
