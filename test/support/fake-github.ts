/**
 * A fake GitHub for offline tests: the REST endpoints scrape uses (search, repos, git trees,
 * contents, rate_limit, user) in GitHub's JSON shapes, and fixture repositories served over git
 * smart HTTP by `git http-backend` run as CGI. Faults can be injected: primary and secondary rate
 * limits, 5xx answers, a clone cut off mid-transfer, a clone that stalls.
 *
 *   const gh = await startFakeGitHub({ repos: [{ owner: "a", name: "b", files: FIXTURES.kmpPlugin() }] });
 *   // scrape with githubApiUrl: gh.url … then gh.counts.packs["a/b"], gh.inject({...}), await gh.close()
 */
import { execFileSync, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { type IncomingMessage, type ServerResponse, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

export interface FakeRepo {
  owner: string;
  name: string;
  /** The repository's files; without them the API knows the repo but its tree is 404 and nothing is served over git. */
  files?: Record<string, string>;
  id?: number;
  stars?: number;
  forks?: number;
  sizeKb?: number;
  pushedAt?: string;
  license?: string | null; // SPDX id
  topics?: string[];
  description?: string | null;
  fork?: boolean;
  archived?: boolean;
  language?: string;
  defaultBranch?: string;
  /** Extra paths the trees API claims (to make the API say KMP while the disk says otherwise). */
  fakeTreePaths?: string[];
}

/** Matches an API path (pathname, or pathname + query for a RegExp). */
export type PathMatch = string | RegExp;

export type Fault =
  | { kind: "rate-limit"; path: PathMatch; times?: number; resetInSec?: number }
  | { kind: "secondary-limit"; path: PathMatch; times?: number; retryAfterSec?: number }
  | { kind: "server-error"; path: PathMatch; times?: number; status?: number }
  /** Cuts the pack response of `repo` ("owner/name") off after `afterBytes` bytes. */
  | { kind: "drop-clone"; repo: string; times?: number; afterBytes?: number }
  /** Sends part of the pack of `repo`, then holds the connection open until close(). */
  | { kind: "stall-clone"; repo: string; times?: number };

export interface FakeGitHubOptions {
  repos: FakeRepo[];
  /** When set, a request carrying any other token gets 401 Bad credentials. */
  validToken?: string;
  /** Requests per rate-limit window before GitHub-style 403s; and the window length. */
  searchLimit?: number;
  coreLimit?: number;
  windowSec?: number;
}

export interface RequestLogEntry {
  method: string;
  path: string;
  query: string;
  status: number;
}

export interface FakeGitHub {
  /** API base URL (pass as githubApiUrl). */
  url: string;
  /** The clone URL the API hands out for a repo. */
  gitUrl(fullName: string): string;
  requests: RequestLogEntry[];
  counts: {
    api: number;
    search: number;
    /** upload-pack POSTs per repo (one per clone attempt). */
    packs: Record<string, number>;
    /** Pack responses sent in full per repo. */
    clonesServed: Record<string, number>;
    faultsFired: Record<Fault["kind"], number>;
    /** Every Authorization header value seen (to prove what was sent, never to log it). */
    authHeaders: string[];
  };
  /** Resolves the next time an upload-pack POST for `repo` arrives (for kill-mid-clone tests). */
  packStarted(repo: string): Promise<void>;
  inject(fault: Fault): void;
  setRepos(repos: FakeRepo[]): void;
  close(): Promise<void>;
}

/** Small hand-written projects for fixture repos. */
export const FIXTURES = {
  /** KMP with kotlin("multiplatform") in a module script and a commonMain source set. */
  kmpPlugin(pkg = "demo"): Record<string, string> {
    return {
      "settings.gradle.kts": `rootProject.name = "${pkg}"\ninclude(":shared")\n`,
      "build.gradle.kts": `plugins {\n    kotlin("multiplatform") version "2.0.0" apply false\n}\n`,
      "shared/build.gradle.kts": `plugins {\n    kotlin("multiplatform")\n}\n\nkotlin {\n    jvm()\n    iosArm64()\n}\n`,
      [`shared/src/commonMain/kotlin/${pkg}/Greeting.kt`]: `package ${pkg}\n\nexpect fun platformName(): String\n\nclass Greeting {\n    fun greet(): String = "Hello, \${platformName()}!"\n}\n`,
      [`shared/src/jvmMain/kotlin/${pkg}/Platform.jvm.kt`]: `package ${pkg}\n\nactual fun platformName(): String = "JVM"\n`,
      "README.md": `# ${pkg}\n\nA tiny Kotlin Multiplatform fixture.\n`,
    };
  },
  /** KMP through a version-catalog alias only, no commonMain folder (the cheap check must read scripts). */
  kmpCatalog(): Record<string, string> {
    return {
      "settings.gradle.kts": `rootProject.name = "catalog"\n`,
      "gradle/libs.versions.toml": `[versions]\nkotlin = "2.0.0"\n\n[plugins]\nkotlin-multiplatform = { id = "org.jetbrains.kotlin.multiplatform", version.ref = "kotlin" }\nandroid-library = { id = "com.android.library", version = "8.5.0" }\n`,
      "build.gradle.kts": `plugins {\n    alias(libs.plugins.kotlin.multiplatform)\n}\n\nkotlin {\n    jvm()\n}\n`,
      "src/jvmMain/kotlin/Main.kt": `fun main() {\n    println("catalog")\n}\n`,
    };
  },
  /** A plain Kotlin/JVM project: not KMP. */
  jvmOnly(): Record<string, string> {
    return {
      "settings.gradle.kts": `rootProject.name = "jvm-only"\n`,
      "build.gradle.kts": `plugins {\n    kotlin("jvm") version "2.0.0"\n    // kotlin("multiplatform") was tried once\n}\n`,
      "src/main/kotlin/App.kt": `fun main() {\n    println("just the JVM")\n}\n`,
    };
  },
};

/** Builds a bare git repository holding `files` in one commit on `branch`; returns its path. */
export function buildBareRepo(barePath: string, files: Record<string, string>, branch = "main"): string {
  const work = mkdtempSync(join(tmpdir(), "kmp-fixture-"));
  try {
    for (const [path, text] of Object.entries(files)) {
      const p = join(work, path);
      mkdirSync(dirname(p), { recursive: true });
      writeFileSync(p, text);
    }
    const git = (...args: string[]) =>
      execFileSync("git", ["-c", "user.name=Fixture", "-c", "user.email=fixture@example.com", "-c", "commit.gpgsign=false", ...args], {
        cwd: work,
        stdio: "pipe",
        env: { ...process.env, GIT_CONFIG_NOSYSTEM: "1", GIT_AUTHOR_DATE: "2024-05-01T12:00:00Z", GIT_COMMITTER_DATE: "2024-05-01T12:00:00Z" },
      });
    git("init", "-q", "-b", branch);
    git("add", "-A");
    git("commit", "-q", "--allow-empty", "-m", "fixture");
    mkdirSync(dirname(barePath), { recursive: true });
    rmSync(barePath, { recursive: true, force: true });
    git("clone", "-q", "--bare", work, barePath);
    return barePath;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

interface Window {
  start: number;
  used: number;
}

function tokenize(q: string): string[] {
  return [...q.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => (m[1] !== undefined ? m[1] : m[2]!));
}

/** GitHub's search, reduced: language: and topic: qualifiers, words and phrases; other qualifiers ignored. */
export function matchesQuery(r: FakeRepo, q: string): boolean {
  const hay = [r.name, r.owner, r.description ?? "", ...(r.topics ?? [])].join(" ").toLowerCase();
  for (const tok of tokenize(q)) {
    const t = tok.toLowerCase();
    const qual = /^([a-z-]+):(.+)$/.exec(t);
    if (qual) {
      const [, key, value] = qual;
      if (key === "language" && (r.language ?? "Kotlin").toLowerCase() !== value) return false;
      if (key === "topic" && !(r.topics ?? []).map((x) => x.toLowerCase()).includes(value!)) return false;
      continue;
    }
    if (!hay.includes(t)) return false;
  }
  return true;
}

function treePaths(files: Record<string, string>, extra: string[] = []): { path: string; type: "blob" | "tree"; size?: number }[] {
  const dirs = new Set<string>();
  const out: { path: string; type: "blob" | "tree"; size?: number }[] = [];
  for (const p of [...Object.keys(files), ...extra].sort()) {
    const parts = p.split("/");
    for (let i = 1; i < parts.length; i++) dirs.add(parts.slice(0, i).join("/"));
    out.push({ path: p, type: "blob", size: (files[p] ?? "").length });
  }
  for (const d of dirs) out.push({ path: d, type: "tree" });
  return out.sort((a, b) => a.path.localeCompare(b.path));
}

export async function startFakeGitHub(opts: FakeGitHubOptions): Promise<FakeGitHub> {
  const root = mkdtempSync(join(tmpdir(), "kmp-fakegh-"));
  let repos: FakeRepo[] = [];
  const setRepos = (list: FakeRepo[]) => {
    repos = list.map((r, i) => ({ id: 1000 + i, ...r }));
    for (const r of repos) if (r.files && Object.keys(r.files).length > 0) buildBareRepo(join(root, r.owner, `${r.name}.git`), r.files, r.defaultBranch ?? "main");
  };
  setRepos(opts.repos);

  const faults: (Fault & { left: number })[] = [];
  const requests: RequestLogEntry[] = [];
  const counts: FakeGitHub["counts"] = {
    api: 0,
    search: 0,
    packs: {},
    clonesServed: {},
    faultsFired: { "rate-limit": 0, "secondary-limit": 0, "server-error": 0, "drop-clone": 0, "stall-clone": 0 },
    authHeaders: [],
  };
  const packWaiters = new Map<string, (() => void)[]>();
  const held = new Set<ServerResponse>();
  const windows: Record<"core" | "search", Window> = { core: { start: Date.now(), used: 0 }, search: { start: Date.now(), used: 0 } };
  const windowMs = (opts.windowSec ?? 60) * 1000;
  const limits = { core: opts.coreLimit ?? 5000, search: opts.searchLimit ?? 1000 };
  let base = "";

  const find = (owner: string, name: string) => repos.find((r) => r.owner.toLowerCase() === owner.toLowerCase() && r.name.toLowerCase() === name.toLowerCase());

  const repoJson = (r: FakeRepo) => ({
    id: r.id,
    node_id: `R_${r.id}`,
    name: r.name,
    full_name: `${r.owner}/${r.name}`,
    owner: { login: r.owner, id: (r.id ?? 0) + 50_000, type: "User" },
    private: false,
    html_url: `${base}/${r.owner}/${r.name}`,
    url: `${base}/repos/${r.owner}/${r.name}`,
    clone_url: `${base}/git/${r.owner}/${r.name}.git`,
    git_url: `git://fake/${r.owner}/${r.name}.git`,
    description: r.description ?? null,
    fork: r.fork ?? false,
    archived: r.archived ?? false,
    disabled: false,
    language: r.language ?? "Kotlin",
    topics: r.topics ?? [],
    stargazers_count: r.stars ?? 10,
    watchers_count: r.stars ?? 10,
    forks_count: r.forks ?? 0,
    size: r.sizeKb ?? 100,
    default_branch: r.defaultBranch ?? "main",
    pushed_at: r.pushedAt ?? "2024-10-01T00:00:00Z",
    created_at: "2022-01-01T00:00:00Z",
    updated_at: r.pushedAt ?? "2024-06-01T00:00:00Z",
    license: r.license ? { key: r.license.toLowerCase(), name: r.license, spdx_id: r.license, url: null } : null,
    visibility: "public",
    score: 1,
  });

  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers });
    res.end(JSON.stringify(body));
  };

  const rateHeaders = (resource: "core" | "search"): Record<string, string> => {
    const w = windows[resource];
    const now = Date.now();
    if (now - w.start >= windowMs) {
      w.start = now;
      w.used = 0;
    }
    w.used++;
    return {
      "x-ratelimit-limit": String(limits[resource]),
      "x-ratelimit-remaining": String(Math.max(0, limits[resource] - w.used)),
      "x-ratelimit-reset": String(Math.ceil((w.start + windowMs) / 1000)),
      "x-ratelimit-used": String(w.used),
      "x-ratelimit-resource": resource,
    };
  };

  const takeFault = (pred: (f: Fault) => boolean): Fault | null => {
    const i = faults.findIndex((f) => f.left > 0 && pred(f));
    if (i === -1) return null;
    faults[i]!.left--;
    counts.faultsFired[faults[i]!.kind]++;
    return faults[i]!;
  };
  const pathMatches = (m: PathMatch, path: string, full: string) => (typeof m === "string" ? path.startsWith(m) : m.test(full));

  function handleApi(req: IncomingMessage, res: ServerResponse, url: URL): number {
    const path = url.pathname;
    counts.api++;
    const auth = req.headers.authorization;
    if (auth) counts.authHeaders.push(auth);
    const token = auth?.split(/\s+/).pop() ?? null;
    if (token !== null && opts.validToken !== undefined && token !== opts.validToken) {
      send(res, 401, { message: "Bad credentials", documentation_url: "https://docs.github.com/rest" });
      return 401;
    }
    const resource = path.startsWith("/search/") ? "search" : "core";
    const fault = takeFault((f) => (f.kind === "rate-limit" || f.kind === "secondary-limit" || f.kind === "server-error") && pathMatches(f.path, path, path + url.search));
    if (fault?.kind === "rate-limit") {
      const reset = Math.ceil(Date.now() / 1000 + (fault.resetInSec ?? 1));
      send(res, 403, { message: `API rate limit exceeded for 127.0.0.1.`, documentation_url: "https://docs.github.com/rest/rate-limit" }, {
        "x-ratelimit-limit": String(limits[resource]),
        "x-ratelimit-remaining": "0",
        "x-ratelimit-reset": String(reset),
        "x-ratelimit-resource": resource,
      });
      return 403;
    }
    if (fault?.kind === "secondary-limit") {
      send(res, 403, { message: "You have exceeded a secondary rate limit. Please wait a few minutes before you try again." }, { "retry-after": String(fault.retryAfterSec ?? 1) });
      return 403;
    }
    if (fault?.kind === "server-error") {
      send(res, fault.status ?? 502, { message: "Server Error" });
      return fault.status ?? 502;
    }
    if (path === "/rate_limit") {
      const snap = (r: "core" | "search") => {
        const w = windows[r];
        return { limit: limits[r], used: w.used, remaining: Math.max(0, limits[r] - w.used), reset: Math.ceil((w.start + windowMs) / 1000) };
      };
      send(res, 200, { resources: { core: snap("core"), search: snap("search") }, rate: snap("core") });
      return 200;
    }
    const headers = rateHeaders(resource);
    if (Number(headers["x-ratelimit-remaining"]) === 0 && windows[resource].used > limits[resource]) {
      send(res, 403, { message: "API rate limit exceeded." }, headers);
      return 403;
    }
    if (path === "/user") {
      if (!token) send(res, 401, { message: "Requires authentication" }, headers);
      else send(res, 200, { login: "fake-user", id: 1 }, headers);
      return token ? 200 : 401;
    }
    if (path === "/search/repositories") {
      counts.search++;
      const q = url.searchParams.get("q") ?? "";
      const perPage = Math.min(100, Number(url.searchParams.get("per_page") ?? 30));
      const page = Math.max(1, Number(url.searchParams.get("page") ?? 1));
      const hits = repos.filter((r) => matchesQuery(r, q)).sort((a, b) => (b.stars ?? 10) - (a.stars ?? 10) || (a.id ?? 0) - (b.id ?? 0));
      const reachable = Math.min(hits.length, 1000);
      if ((page - 1) * perPage >= 1000) {
        send(res, 422, { message: "Only the first 1000 search results are available" }, headers);
        return 422;
      }
      const items = hits.slice((page - 1) * perPage, page * perPage).map(repoJson);
      const last = Math.max(1, Math.ceil(reachable / perPage));
      const link = (p: number) => {
        const u = new URL(base + path);
        u.search = url.search;
        u.searchParams.set("page", String(p));
        u.searchParams.set("per_page", String(perPage));
        return `<${u.href}>`;
      };
      const links = page < last ? `${link(page + 1)}; rel="next", ${link(last)}; rel="last"` : "";
      send(res, 200, { total_count: hits.length, incomplete_results: false, items }, { ...headers, ...(links ? { link: links } : {}) });
      return 200;
    }
    const m = /^\/repos\/([^/]+)\/([^/]+)(\/.*)?$/.exec(path);
    const r = m ? find(m[1]!, m[2]!) : undefined;
    if (!m || !r) {
      send(res, 404, { message: "Not Found" }, headers);
      return 404;
    }
    const rest = m[3] ?? "";
    if (rest === "") {
      send(res, 200, repoJson(r), headers);
      return 200;
    }
    const tree = /^\/git\/trees\/(.+)$/.exec(rest);
    if (tree) {
      if (!r.files) return (send(res, 404, { message: "Not Found" }, headers), 404);
      if (Object.keys(r.files).length === 0) return (send(res, 409, { message: "Git Repository is empty." }, headers), 409);
      const ref = decodeURIComponent(tree[1]!);
      if (ref !== (r.defaultBranch ?? "main") && ref !== "HEAD") return (send(res, 404, { message: "Not Found" }, headers), 404);
      const entries = treePaths(r.files, r.fakeTreePaths).map((e, i) => ({ path: e.path, mode: e.type === "tree" ? "040000" : "100644", type: e.type, sha: `${i}`.padStart(40, "0"), ...(e.size !== undefined ? { size: e.size } : {}) }));
      send(res, 200, { sha: "f".repeat(40), url: `${base}${path}`, tree: entries, truncated: false }, headers);
      return 200;
    }
    const contents = /^\/contents\/(.+)$/.exec(rest);
    if (contents) {
      const p = decodeURIComponent(contents[1]!);
      const text = r.files?.[p];
      if (text === undefined) return (send(res, 404, { message: "Not Found" }, headers), 404);
      send(res, 200, { type: "file", encoding: "base64", size: text.length, name: p.split("/").pop(), path: p, sha: "e".repeat(40), content: Buffer.from(text).toString("base64") }, headers);
      return 200;
    }
    send(res, 404, { message: "Not Found" }, headers);
    return 404;
  }

  /** git smart HTTP through `git http-backend` as CGI. */
  async function handleGit(req: IncomingMessage, res: ServerResponse, url: URL): Promise<number> {
    const pathInfo = url.pathname.slice("/git".length);
    const repoMatch = /^\/([^/]+)\/([^/]+)\.git\//.exec(pathInfo);
    const full = repoMatch ? `${repoMatch[1]}/${repoMatch[2]}` : "";
    const isPack = req.method === "POST" && pathInfo.endsWith("/git-upload-pack");
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks);
    let fault: Fault | null = null;
    if (isPack) {
      counts.packs[full] = (counts.packs[full] ?? 0) + 1;
      for (const w of packWaiters.get(full) ?? []) w();
      packWaiters.delete(full);
      fault = takeFault((f) => (f.kind === "drop-clone" || f.kind === "stall-clone") && f.repo === full);
    }
    const cgi = spawn("git", ["http-backend"], {
      env: {
        ...process.env,
        GIT_PROJECT_ROOT: root,
        GIT_HTTP_EXPORT_ALL: "1",
        PATH_INFO: pathInfo,
        REQUEST_METHOD: req.method ?? "GET",
        QUERY_STRING: url.search.replace(/^\?/, ""),
        CONTENT_TYPE: req.headers["content-type"] ?? "",
        CONTENT_LENGTH: String(body.length),
        REMOTE_ADDR: "127.0.0.1",
        GIT_PROTOCOL: String(req.headers["git-protocol"] ?? ""),
        HTTP_CONTENT_ENCODING: String(req.headers["content-encoding"] ?? ""),
      },
      stdio: ["pipe", "pipe", "ignore"],
    });
    cgi.stdin.end(body);
    return new Promise<number>((resolve) => {
      let head = Buffer.alloc(0);
      let headersDone = false;
      let sent = 0;
      let status = 200;
      const limit = fault?.kind === "drop-clone" ? (fault.afterBytes ?? 64) : fault?.kind === "stall-clone" ? 64 : Infinity;
      let cut = false;
      const writeBody = (chunk: Buffer) => {
        if (cut) return;
        if (sent + chunk.length >= limit) {
          res.write(chunk.subarray(0, Math.max(0, limit - sent)));
          cut = true;
          cgi.kill();
          if (fault?.kind === "drop-clone") res.socket?.destroy();
          else held.add(res);
          resolve(status);
          return;
        }
        sent += chunk.length;
        res.write(chunk);
      };
      cgi.stdout.on("data", (chunk: Buffer) => {
        if (headersDone) return writeBody(chunk);
        head = Buffer.concat([head, chunk]);
        const sep = head.indexOf("\r\n\r\n") !== -1 ? { at: head.indexOf("\r\n\r\n"), len: 4 } : head.indexOf("\n\n") !== -1 ? { at: head.indexOf("\n\n"), len: 2 } : null;
        if (!sep) return;
        headersDone = true;
        const headers: Record<string, string> = {};
        for (const line of head.subarray(0, sep.at).toString("latin1").split(/\r?\n/)) {
          const i = line.indexOf(":");
          if (i === -1) continue;
          const k = line.slice(0, i).trim();
          const v = line.slice(i + 1).trim();
          if (k.toLowerCase() === "status") status = Number(v.split(" ")[0]);
          else headers[k] = v;
        }
        res.writeHead(status, headers);
        writeBody(head.subarray(sep.at + sep.len));
      });
      cgi.on("close", () => {
        if (cut) return;
        if (!headersDone) res.writeHead(502);
        res.end();
        if (isPack && status === 200) counts.clonesServed[full] = (counts.clonesServed[full] ?? 0) + 1;
        resolve(status);
      });
    });
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://fake.invalid");
    const log = (status: number) => requests.push({ method: req.method ?? "GET", path: url.pathname, query: url.search, status });
    if (url.pathname.startsWith("/git/")) {
      handleGit(req, res, url).then(log, (e) => {
        log(500);
        if (!res.headersSent) res.writeHead(500);
        res.end(String(e));
      });
    } else log(handleApi(req, res, url));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: base,
    gitUrl: (fullName) => `${base}/git/${fullName}.git`,
    requests,
    counts,
    packStarted: (repo) =>
      new Promise<void>((resolve) => {
        packWaiters.set(repo, [...(packWaiters.get(repo) ?? []), resolve]);
      }),
    inject: (fault) => faults.push({ ...fault, left: fault.times ?? 1 }),
    setRepos,
    close: async () => {
      for (const res of held) res.socket?.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(root, { recursive: true, force: true });
    },
  };
}
