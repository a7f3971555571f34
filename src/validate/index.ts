/**
 * `kmpdata validate`: the recommended first run. Checks the data dir, the grammar inside a worker,
 * GitHub access (offline is a warning), the description endpoint when given, then runs the whole pipeline on the embedded sample in a
 * temporary folder and checks that every step produced output.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { checkDataDirWritable, freeBytes } from "../datadir.ts";
import { KmpError } from "../errors.ts";
import { Logger } from "../log.ts";
import { defaultPipelineOptions, STAGES } from "../options.ts";
import { runPipeline } from "../pipeline.ts";
import { WorkerPool } from "../pool.ts";
import type { StageContext } from "../stage.ts";
import type { ProbeResult } from "./probe.ts";
import { DescribeClient } from "../pairs/describe/client.ts";
import type { RemoteDir } from "../storage/s3.ts";

export interface ValidateOptions {
  githubToken: string | null;
  githubApiUrl: string;
  /** --describe-with: the endpoint to check (and the model it must serve, when given). */
  describe?: { baseUrl: string; model: string | null; apiKey: string | null } | null;
  /** An s3:// data dir: checked by writing, reading and deleting one object. */
  remote?: RemoteDir | null;
}

export type CheckStatus = "ok" | "warn" | "fail";

export interface Check {
  name: string;
  status: CheckStatus;
  detail: string;
}

const MIN_FREE_BYTES = 2 * 1024 ** 3;
const SYMBOL: Record<CheckStatus, string> = { ok: "✓", warn: "⚠", fail: "✗" };

async function checkDataDir(dataDir: string): Promise<Check[]> {
  try {
    checkDataDirWritable(dataDir);
  } catch (e) {
    return [{ name: "data dir writable", status: "fail", detail: (e as Error).message }];
  }
  const free = freeBytes(dataDir);
  const gib = (free / 1024 ** 3).toFixed(1);
  return [
    { name: "data dir writable", status: "ok", detail: dataDir },
    {
      name: "free disk space",
      status: free >= MIN_FREE_BYTES ? "ok" : "warn",
      detail: free >= MIN_FREE_BYTES ? `${gib} GiB free` : `only ${gib} GiB free; a full scrape of 500 repositories needs tens of GiB`,
    },
  ];
}

async function checkGrammarInWorker(): Promise<Check> {
  const pool = new WorkerPool<string, ProbeResult>("probe", 1);
  try {
    const out = await pool.run("expect fun platformName(): String\n\nclass A {\n    fun b() = 1\n}\n");
    if (!out.ok) return { name: "Kotlin grammar loads in a worker", status: "fail", detail: out.error.message };
    if (out.value.hasError) return { name: "Kotlin grammar loads in a worker", status: "fail", detail: "valid Kotlin parsed with errors" };
    return { name: "Kotlin grammar loads in a worker", status: "ok", detail: `worker thread ${out.value.threadId}` };
  } finally {
    await pool.destroy();
  }
}

/** GitHub reachability and token validity. No network is a warning: the sample works offline. */
export async function checkGitHub(opts: ValidateOptions, timeoutMs = 5000): Promise<Check> {
  const name = "GitHub API";
  const headers: Record<string, string> = { accept: "application/vnd.github+json", "user-agent": "kmpdata" };
  if (opts.githubToken) headers.authorization = `token ${opts.githubToken}`;
  let res: Response;
  try {
    res = await fetch(`${opts.githubApiUrl}/rate_limit`, { headers, signal: AbortSignal.timeout(timeoutMs) });
  } catch (e) {
    return { name, status: "warn", detail: `not reachable at ${opts.githubApiUrl} (${(e as Error).message}); scraping needs the network, the sample does not` };
  }
  if (res.status === 401) return { name, status: "fail", detail: "the GitHub token was rejected (401): check --github-token / GITHUB_TOKEN" };
  const body = (await res.json().catch(() => null)) as { message?: unknown; resources?: { core?: { remaining: number; limit: number }; search?: { remaining: number; limit: number } } } | null;
  const notGitHub = (what: string): Check => ({ name, status: "fail", detail: `${opts.githubApiUrl} does not look like a GitHub API (${what}); for GitHub Enterprise use https://HOST/api/v3` });
  // GitHub Enterprise without rate limiting answers 404 with its JSON message; an HTML page is no GitHub.
  if (res.status === 404 && typeof body?.message !== "string") return notGitHub("HTTP 404 on /rate_limit");
  if (res.ok && !body?.resources?.core) return notGitHub(`HTTP ${res.status} without rate limits`);
  if (!res.ok && res.status !== 404) return { name, status: "warn", detail: `${opts.githubApiUrl}/rate_limit answered ${res.status}` };
  const core = body?.resources?.core;
  const search = body?.resources?.search;
  const limits = core ? `core ${core.remaining}/${core.limit}${search ? `, search ${search.remaining}/${search.limit}` : ""}` : "rate limit unknown";
  return {
    name,
    status: opts.githubToken ? "ok" : "warn",
    detail: opts.githubToken ? `token valid; ${limits}` : `reachable without a token (${limits}); set GITHUB_TOKEN for 5,000 requests/hour`,
  };
}

async function checkSampleRun(ctx: StageContext): Promise<Check[]> {
  const dir = mkdtempSync(join(tmpdir(), "kmpdata-validate-"));
  try {
    const opts = defaultPipelineOptions();
    opts.scrape.source = "sample";
    // The checklist is the output; the steps' own warnings (e.g. few repos to split by) would only clutter it.
    const quiet = new Logger({ level: ctx.global.verbose ? "debug" : "error", format: ctx.log.format });
    const sub: StageContext = { ...ctx, log: quiet, progress: { mode: "off" }, global: { ...ctx.global, dataDir: dir, force: true } };
    const results = await runPipeline(sub, opts, STAGES);
    return results.map((r) => {
      const outs = r.summary?.outputs ?? [];
      const empty = outs.filter((o) => o.records === 0 && !/\/(val|test)\.jsonl$/.test(o.path));
      const ok = outs.length > 0 && empty.length === 0;
      return {
        name: `sample: ${r.stage}`,
        status: ok ? ("ok" as const) : ("fail" as const),
        detail: ok ? r.summary!.summary : `no output from ${empty.map((o) => o.path).join(", ") || "the step"}`,
      };
    });
  } catch (e) {
    const msg = e instanceof KmpError ? e.message : ((e as Error).stack ?? String(e));
    return [{ name: "sample pipeline", status: "fail", detail: msg }];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The description endpoint answers as an OpenAI-compatible API and serves the model. */
export async function checkDescribeEndpoint(d: NonNullable<ValidateOptions["describe"]>): Promise<Check> {
  const name = "description endpoint";
  const client = new DescribeClient({ baseUrl: d.baseUrl, model: d.model ?? "", apiKey: d.apiKey, timeoutSec: 10, maxRetries: 1 });
  try {
    if (d.model === null) {
      const ids = await client.models();
      return { name, status: "warn", detail: `${d.baseUrl} serves ${ids.length ? ids.join(", ") : "no model"}; pass --describe-model to check one` };
    }
    await client.checkModel();
    return { name, status: "ok", detail: `${d.baseUrl} serves ${d.model}` };
  } catch (e) {
    if (e instanceof KmpError) return { name, status: "fail", detail: e.message };
    throw e;
  }
}

export function formatChecks(checks: Check[]): string {
  return checks.map((c) => `${SYMBOL[c.status]} ${c.name}: ${c.detail}`).join("\n");
}

/** An s3:// data dir: one object written, read back and deleted. */
export async function checkRemoteDataDir(remote: RemoteDir): Promise<Check> {
  const name = "data dir (object storage)";
  const probe = `.kmpdata-validate-${process.pid}-${Date.now()}`;
  try {
    await remote.putText(probe, "kmpdata validate");
    const back = await remote.readText(probe);
    await remote.remove(probe);
    if (back !== "kmpdata validate") return { name, status: "fail", detail: `${remote.url}: an object written could not be read back` };
    return { name, status: "ok", detail: `${remote.url}: objects can be written, read and deleted` };
  } catch (e) {
    if (e instanceof KmpError) return { name, status: "fail", detail: e.message };
    throw e;
  }
}

/** Runs every check, prints the ✓/⚠/✗ list to stdout, and returns true when nothing failed. */
export async function runValidate(ctx: StageContext, opts: ValidateOptions): Promise<boolean> {
  const checks: Check[] = [];
  if (opts.remote) checks.push(await checkRemoteDataDir(opts.remote));
  else checks.push(...(await checkDataDir(ctx.global.dataDir)));
  checks.push(await checkGrammarInWorker());
  checks.push(await checkGitHub(opts));
  if (opts.describe) checks.push(await checkDescribeEndpoint(opts.describe));
  checks.push(...(await checkSampleRun(ctx)));
  const failed = checks.filter((c) => c.status === "fail").length;
  const warned = checks.filter((c) => c.status === "warn").length;
  process.stdout.write(`${formatChecks(checks)}\n\n${failed === 0 ? "ready" : "not ready"}: ${checks.length - failed - warned} ok, ${warned} ${warned === 1 ? "warning" : "warnings"}, ${failed} failed\n`);
  return failed === 0;
}
