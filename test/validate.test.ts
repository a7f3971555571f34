import { afterAll, beforeAll, expect, test } from "bun:test";
import { checkGitHub } from "../src/validate/index.ts";
import { type FakeGitHub, startFakeGitHub } from "./support/fake-github.ts";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "./support/cli.ts";

const TOKEN = "ghp_validateTokenForTests";
let gh: FakeGitHub;
beforeAll(async () => {
  gh = await startFakeGitHub({ repos: [], validToken: TOKEN });
});
afterAll(async () => gh.close());

test("a valid token: ok, with the rate limit shown", async () => {
  const c = await checkGitHub({ githubToken: TOKEN, githubApiUrl: gh.url });
  expect(c.status).toBe("ok");
  expect(c.detail).toMatch(/token valid; core \d+\/\d+/);
  expect(c.detail).not.toContain(TOKEN);
});

test("a rejected token fails the check", async () => {
  const c = await checkGitHub({ githubToken: "ghp_wrong", githubApiUrl: gh.url });
  expect(c.status).toBe("fail");
  expect(c.detail).toContain("GITHUB_TOKEN");
});

test("no token: a warning that names GITHUB_TOKEN", async () => {
  const c = await checkGitHub({ githubToken: null, githubApiUrl: gh.url });
  expect(c.status).toBe("warn");
  expect(c.detail).toContain("GITHUB_TOKEN");
});

test("unreachable: a warning, not a failure", async () => {
  const c = await checkGitHub({ githubToken: null, githubApiUrl: "http://127.0.0.1:9" }, 2000);
  expect(c.status).toBe("warn");
  expect(c.detail).toContain("not reachable");
});

/** A web server that is not GitHub: HTML for every path (404 or 200). */
function htmlServer(status: number) {
  return Bun.serve({ port: 0, hostname: "127.0.0.1", fetch: () => new Response("<!DOCTYPE html><html><body>Not here</body></html>", { status, headers: { "content-type": "text/html" } }) });
}

test.each([[404], [200]])("a base URL answering HTML (HTTP %d) fails the check: not a GitHub API, use /api/v3", async (code) => {
  const server = htmlServer(code);
  try {
    const c = await checkGitHub({ githubToken: TOKEN, githubApiUrl: `http://127.0.0.1:${server.port}` });
    expect(c.status).toBe("fail");
    expect(c.detail).toContain("does not look like a GitHub API");
    expect(c.detail).toContain("https://HOST/api/v3");
  } finally {
    server.stop(true);
  }
});

test.each([[404], [200]])("scrape against a base URL answering HTML (HTTP %d): one line, exit 3, nothing cloned", async (code) => {
  const server = htmlServer(code);
  try {
    const dir = mkdtempSync(join(tmpdir(), "kmpdata-notgh-"));
    const r = await runCli(["scrape", "--github-api-url", `http://127.0.0.1:${server.port}`, "--data-dir", dir]);
    expect(r.code).toBe(3);
    const lines = r.stderr.trim().split("\n").filter((l) => l.startsWith("kmpdata:"));
    expect(lines).toEqual([expect.stringContaining("does not look like a GitHub API")]);
    expect(r.stderr).not.toContain("    at ");
    rmSync(dir, { recursive: true, force: true });
  } finally {
    server.stop(true);
  }
});
