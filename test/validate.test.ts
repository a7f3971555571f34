import { afterAll, beforeAll, expect, test } from "bun:test";
import { checkGitHub } from "../src/validate/index.ts";
import { type FakeGitHub, startFakeGitHub } from "./support/fake-github.ts";

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
