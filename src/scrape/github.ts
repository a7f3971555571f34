/**
 * The GitHub API client: @octokit/rest with plugin-throttling (rate limits wait, visibly, instead of
 * failing) and plugin-retry (5xx and dropped connections are retried with backoff). Every HTTP
 * request passes one fetch wrapper that counts API calls, paces requests from the rate-limit
 * headers and marks network failures, so they can be told apart from GitHub's own answers.
 */
import { Octokit } from "@octokit/rest";
import { retry } from "@octokit/plugin-retry";
import { throttling } from "@octokit/plugin-throttling";
import { KmpError } from "../errors.ts";
import type { Logger } from "../log.ts";
import type { Candidate, ScrapeTuning } from "./types.ts";
import { Waiter } from "./wait.ts";

/** A request that never got an HTTP answer (refused, reset, DNS). */
export class NetworkError extends Error {
  override name = "NetworkError";
}

type Resource = "core" | "search";

/**
 * Spreads search calls over the window the server reports (remaining calls until reset), so the
 * search limit is rarely hit at all; any resource at 0 remaining waits for its reset.
 */
class Pacer {
  private nextAt: Record<Resource, number> = { core: 0, search: 0 };

  constructor(private readonly waiter: Waiter) {}

  async before(resource: Resource): Promise<void> {
    const delayMs = this.nextAt[resource] - Date.now();
    if (delayMs <= 0) return;
    if (delayMs > 5000) await this.waiter.wait(delayMs / 1000, `GitHub ${resource} rate limit used up`);
    else await this.waiter.pause(delayMs);
  }

  update(resource: Resource, headers: Headers): void {
    const remaining = Number(headers.get("x-ratelimit-remaining"));
    const resetMs = Number(headers.get("x-ratelimit-reset")) * 1000;
    if (!headers.has("x-ratelimit-remaining") || !Number.isFinite(remaining) || !Number.isFinite(resetMs)) return;
    const now = Date.now();
    const window = Math.max(0, resetMs - now);
    if (remaining <= 0) this.nextAt[resource] = resetMs + 1000;
    else if (resource === "search") this.nextAt[resource] = now + window / remaining;
    else this.nextAt[resource] = 0;
  }
}

export interface GitHubDeps {
  baseUrl: string;
  token: string | null;
  log: Logger;
  signal: AbortSignal;
  tuning: ScrapeTuning;
}

export interface RateLimits {
  core: { limit: number; remaining: number; reset: number };
  search: { limit: number; remaining: number; reset: number };
}

const RestClient = Octokit.plugin(throttling, retry);
type ThrottleOptions = NonNullable<NonNullable<ConstructorParameters<typeof RestClient>[0]>["throttle"]>;
export type RestClient = InstanceType<typeof RestClient>;

/** The things scrape needs from GitHub, with the bookkeeping that goes into scrape_stats.json. */
export class GitHub {
  readonly rest: RestClient;
  readonly waiter: Waiter;
  apiCalls = 0;
  private readonly pacer: Pacer;
  private readonly deps: GitHubDeps;

  constructor(deps: GitHubDeps) {
    this.deps = deps;
    const { log, signal, tuning } = deps;
    this.waiter = new Waiter(log, signal, tuning.waitScale, tuning.countdownEverySec);
    this.pacer = new Pacer(this.waiter);
    const apiPath = new URL(deps.baseUrl).pathname.replace(/\/+$/, "");
    const fetchCounted = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      const path = url.pathname.slice(apiPath.length);
      const resource: Resource | null = path === "/rate_limit" ? null : path.startsWith("/search/") ? "search" : "core";
      if (resource) await this.pacer.before(resource);
      this.apiCalls++;
      let res: Response;
      try {
        res = await fetch(input, init);
      } catch (e) {
        if (init?.signal?.aborted) throw e;
        throw new NetworkError(`${url.origin}: ${(e as Error).message}`);
      }
      if (resource) this.pacer.update(resource, res.headers);
      return res;
    };
    const onLimit = (kind: string) => async (retryAfter: number, options: { method: string; url: string }, _o: unknown, retryCount: number) => {
      if (retryCount >= 20) return false;
      const url = options.url.replace(/\{(\w+)\}/g, (m, k: string) => String((options as Record<string, unknown>)[k] ?? m));
      await this.waiter.wait(retryAfter, `GitHub ${kind} on ${options.method} ${url}`);
      return true;
    };
    this.rest = new RestClient({
      baseUrl: deps.baseUrl,
      auth: deps.token ?? undefined,
      userAgent: "kmpdata",
      request: { fetch: fetchCounted, signal },
      log: { debug: () => {}, info: () => {}, warn: (m: string) => log.debug(`octokit: ${m}`), error: (m: string) => log.debug(`octokit: ${m}`) },
      throttle: {
        onRateLimit: onLimit("rate limit"),
        onSecondaryRateLimit: onLimit("secondary rate limit"),
        // The handlers above do the waiting (with a countdown and Ctrl-C); the plugin retries at once.
        retryAfterBaseValue: 0,
        // Search spacing comes from the Pacer (the server's own numbers) instead of a fixed 2 s.
        search: passThroughGroup,
      } as unknown as ThrottleOptions,
      retry: { retries: tuning.apiRetries, retryAfterBaseValue: tuning.apiRetryBaseMs },
    });
  }

  get authenticated(): boolean {
    return this.deps.token !== null;
  }

  /**
   * The first call of a run: proves the API answers and the token is good before anything on disk
   * is touched. GitHub Enterprise without rate limiting answers 404 here: unlimited.
   */
  async checkAccess(): Promise<RateLimits | null> {
    // No retries on the first try: an unreachable host should say so in a second, not after the
    // whole backoff. (A per-request `retries` also bypasses plugin-retry's do-not-retry list, so a
    // 401 would be retried.) A 5xx gets the normal retries on the second call.
    const probe = (retries: number | null) =>
      this.rest.request("GET /rate_limit", retries === null ? {} : { request: { retries } }).then((r) => {
        const res = (r.data as unknown as { resources?: RateLimits } | null)?.resources;
        // A page that answers 200 but is no GitHub API (a web server, a proxy's HTML).
        if (!res?.core || !res.search) throw this.notGitHub("HTTP 200 without rate limits");
        return { core: res.core, search: res.search };
      });
    try {
      return await probe(0).catch((e) => {
        if (status(e) === 401 || status(e) === 404 || isNetwork(e) || isAbort(e)) throw e;
        return probe(null);
      });
    } catch (e) {
      // GitHub Enterprise without rate limiting answers 404 with its JSON message; any other 404
      // (an HTML page, a path without /api/v3) is not a GitHub API.
      if (status(e) === 404) {
        if (isGitHubJson(e)) return null;
        throw this.notGitHub("HTTP 404 on /rate_limit");
      }
      throw this.userError(e, "checking access");
    }
  }

  /** A base URL that answers, but not as a GitHub API. */
  notGitHub(what: string): KmpError {
    return new KmpError("E_NETWORK", `${this.deps.baseUrl} does not look like a GitHub API (${what}); for GitHub Enterprise use https://HOST/api/v3`);
  }

  async repo(owner: string, name: string): Promise<Candidate | null> {
    try {
      const r = await this.rest.repos.get({ owner, repo: name });
      return toCandidate(r.data as unknown as ApiRepo);
    } catch (e) {
      if (status(e) === 404 || status(e) === 451) return null;
      throw this.userError(e, `reading ${owner}/${name}`);
    }
  }

  /** Turns a failed API call into advice for the user, or rethrows a bug. */
  userError(e: unknown, doing: string): unknown {
    if (e instanceof KmpError) return e;
    if (isAbort(e) || this.deps.signal.aborted) return new KmpError("E_INTERRUPTED", `scrape: interrupted while ${doing}; rerun to resume`);
    const s = status(e);
    if (s === 401) {
      return new KmpError(
        "E_GITHUB_AUTH",
        `GitHub rejected the token (401 ${(e as Error).message}) at ${this.deps.baseUrl}: check --github-token / GITHUB_TOKEN, or run without one`,
      );
    }
    if (isNetwork(e)) {
      return new KmpError(
        "E_NETWORK",
        `cannot reach GitHub at ${this.deps.baseUrl} while ${doing} (${(e as Error).message}); check the network or --github-api-url. Repositories already cloned were left as they are; rerun to resume.`,
      );
    }
    if (s !== undefined && (s >= 500 || s === 403 || s === 429)) {
      return new KmpError("E_NETWORK", `GitHub kept failing while ${doing} (HTTP ${s}: ${firstLine((e as Error).message)}); rerun later to resume`);
    }
    // Any other answer the API gave (a 404 or 422 on search, an HTML page): the remote side, said in one line.
    if (s !== undefined) {
      return isGitHubJson(e)
        ? new KmpError("E_NETWORK", `GitHub at ${this.deps.baseUrl} answered HTTP ${s} while ${doing}: ${firstLine((e as Error).message)}`)
        : this.notGitHub(`HTTP ${s} while ${doing}, not GitHub's JSON`);
    }
    return e;
  }
}

const passThroughGroup = {
  key: () => ({ schedule: <T>(_opts: unknown, fn: (...a: unknown[]) => T, ...args: unknown[]) => Promise.resolve().then(() => fn(...args)) }),
};

/** An HTTP error whose body is GitHub's JSON (`{ "message": … }`), not an HTML page. */
function isGitHubJson(e: unknown): boolean {
  const data = (e as { response?: { data?: unknown } })?.response?.data;
  return typeof data === "object" && data !== null && typeof (data as { message?: unknown }).message === "string";
}

function firstLine(text: string): string {
  const line = text.split("\n").find((l) => l.trim() !== "")?.trim() ?? "";
  return line.length > 160 ? `${line.slice(0, 157)}...` : line;
}

export function status(e: unknown): number | undefined {
  const s = (e as { status?: unknown })?.status;
  return typeof s === "number" ? s : undefined;
}

export function isNetwork(e: unknown): boolean {
  return e instanceof NetworkError || (e as { cause?: unknown })?.cause instanceof NetworkError;
}

export function isAbort(e: unknown): boolean {
  return (e as { name?: string })?.name === "AbortError";
}

/** The fields of GitHub's repository JSON (search items and GET /repos share it) that scrape reads. */
export interface ApiRepo {
  id: number;
  full_name: string;
  html_url: string;
  clone_url: string;
  default_branch?: string;
  stargazers_count?: number;
  forks_count?: number;
  size?: number;
  pushed_at?: string | null;
  license?: { spdx_id?: string | null } | null;
  topics?: string[];
  description?: string | null;
  fork?: boolean;
  archived?: boolean;
}

export function toCandidate(r: ApiRepo, query?: string): Candidate {
  const spdx = r.license?.spdx_id ?? null;
  return {
    id: r.id,
    full_name: r.full_name,
    html_url: r.html_url,
    clone_url: r.clone_url,
    default_branch: r.default_branch ?? null,
    stars: r.stargazers_count ?? 0,
    forks: r.forks_count ?? 0,
    size_kb: r.size ?? 0,
    pushed_at: r.pushed_at ?? null,
    // NOASSERTION is GitHub's "a license file we could not identify": not an SPDX id.
    license: spdx && spdx !== "NOASSERTION" ? spdx : null,
    topics: r.topics ?? [],
    description: r.description ?? null,
    fork: r.fork ?? false,
    archived: r.archived ?? false,
    matched_queries: query ? [query] : [],
    from_api: true,
  };
}
