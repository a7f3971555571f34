/**
 * --describe-with against an OpenAI-compatible fake on 127.0.0.1: the rows carry the server's
 * checked answers, the cache makes a rerun ask nothing, a killed run resumes without asking twice,
 * the key is written nowhere, bad answers and faults are counted, and a dead or wrong endpoint is
 * one line.
 */
import { afterAll, describe, expect, test } from "bun:test";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BUN, ROOT, runCli } from "../support/cli.ts";
import { type ChatRequest, declaredName, goodAnswer, startFakeOpenAI, type FakeOpenAI } from "../support/openai.ts";

const tmp = mkdtempSync(join(tmpdir(), "kmpdata-describe-"));
const servers: FakeOpenAI[] = [];
afterAll(() => {
  for (const s of servers) s.stop();
  rmSync(tmp, { recursive: true, force: true });
});
function server(opts: Parameters<typeof startFakeOpenAI>[0] = {}): FakeOpenAI {
  const s = startFakeOpenAI(opts);
  servers.push(s);
  return s;
}

const KEY = "sk-test-4f1c9e-never-written";
const args = (dataDir: string, url: string, ...more: string[]) => ["run", "--source", "sample", "--data-dir", dataDir, "--threads", "2", "--describe-with", url, "--describe-model", "kmp-writer", ...more];

function rows(dataDir: string, dir = "training_pairs"): { input_text: string; meta: Record<string, unknown> }[] {
  return ["train", "val", "test"].flatMap((s) =>
    readFileSync(join(dataDir, dir, `${s}.jsonl`), "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l)),
  );
}
const pairsStats = (dataDir: string) => JSON.parse(readFileSync(join(dataDir, "training_pairs", "pairs_stats.json"), "utf8"));
const userOf = (r: ChatRequest) => r.messages.find((m) => m.role === "user")!.content;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

describe("descriptions from a model", () => {
  const dataDir = join(tmp, "good");
  const s = server({ requireKey: KEY });

  test("the rows carry the server's checked answers; the key is in no file; the card names the model", async () => {
    const r = await runCli(args(dataDir, s.url), { env: { ...process.env, NO_COLOR: "1", OPENAI_API_KEY: KEY } });
    expect(r.code).toBe(0);
    const llm = rows(dataDir).filter((x) => x.meta.description_source === "llm");
    const stats = pairsStats(dataDir).descriptions;
    expect(stats.answered).toBe(s.chats.length);
    expect(stats.checks.used).toBeGreaterThan(5);
    // every used answer is a row, unless the run-wide duplicate check dropped its target
    expect(llm.length).toBe(pairsStats(dataDir).description_sources["description_to_code:llm"]);
    expect(llm.length).toBeGreaterThan(0);
    expect(llm.length).toBeLessThanOrEqual(stats.checks.used);
    const answers = new Set(s.chats.map(goodAnswer));
    for (const row of llm) expect([...answers].some((a) => row.input_text.startsWith(a))).toBe(true);
    expect(s.auth).toEqual(new Set([`Bearer ${KEY}`]));
    for (const f of filesUnder(dataDir)) if (!f.includes("/repos/")) expect(readFileSync(f, "utf8")).not.toContain(KEY);
    const card = readFileSync(join(dataDir, "final_training", "README.md"), "utf8");
    expect(card).toContain("`kmp-writer` with kmpdata's description template v1");
    expect(rows(dataDir, "final_training").some((x) => [...answers].some((a) => x.input_text.startsWith(a)))).toBe(true);
  });

  test("a second run with --force sends no request and writes the same bytes", async () => {
    const before = { chats: s.chats.length, lists: s.modelLists, train: readFileSync(join(dataDir, "training_pairs", "train.jsonl")) };
    const r = await runCli([...args(dataDir, s.url), "--force"], { env: { ...process.env, NO_COLOR: "1", OPENAI_API_KEY: KEY } });
    expect(r.code).toBe(0);
    expect([s.chats.length, s.modelLists]).toEqual([before.chats, before.lists]);
    expect(readFileSync(join(dataDir, "training_pairs", "train.jsonl"))).toEqual(before.train);
    expect(pairsStats(dataDir).descriptions).toMatchObject({ asked: 0, cached: before.chats });
  });

  test("--describe-refresh asks again", async () => {
    const n = s.chats.length;
    const r = await runCli([...args(dataDir, s.url), "--describe-refresh", "--step", "pairs"], { env: { ...process.env, NO_COLOR: "1", OPENAI_API_KEY: KEY } });
    expect(r.code).toBe(0);
    expect(s.chats.length).toBe(2 * n);
  });
});

test("without --describe-with: no cache, no descriptions section, no llm rows", async () => {
  const d = join(tmp, "plain");
  expect((await runCli(["run", "--source", "sample", "--data-dir", d, "-q"])).code).toBe(0);
  expect(existsSync(join(d, "cache"))).toBe(false);
  expect(pairsStats(d).descriptions).toBeUndefined();
  expect(rows(d).some((x) => x.meta.description_source === "llm")).toBe(false);
});

test("answers that leak the body, refuse or are not English are rejected, counted, and the rows stay signature tasks", async () => {
  const bad = server({
    reply: (req, n) => {
      if (n % 3 === 0) return { answer: "I'm sorry, but as an AI I cannot describe this declaration for you." };
      if (n % 3 === 1) return { answer: "Écrivez une fonction qui vérifie les données reçues du serveur distant avant leur affichage." };
      const code = userOf(req).split("```kotlin\n").at(-1)!.split("\n```")[0]!;
      // a line of the body: not the signature, not a comment
      const line = code.split("\n").map((l) => l.trim()).find((l) => l.length > 20 && !/\bfun |\bclass |\bobject |^@|^\/\/|^\*|\{$/.test(l)) ?? code;
      return { answer: `Please write it so that it does this: ${line} and nothing else.` };
    },
  });
  const d = join(tmp, "bad");
  const r = await runCli(args(d, bad.url));
  expect(r.code).toBe(0);
  const st = pairsStats(d).descriptions;
  expect(st.checks.used ?? 0).toBe(0);
  expect(st.checks.refusal).toBeGreaterThan(0);
  expect(st.checks.not_english).toBeGreaterThan(0);
  expect((st.checks.leaks_body ?? 0) + (st.checks.has_code ?? 0)).toBeGreaterThan(0);
  expect(rows(d).some((x) => x.meta.description_source === "llm")).toBe(false);
  for (const row of rows(d)) expect(row.input_text).not.toContain("I'm sorry");
});

test("429 with Retry-After, 500 and a request past --describe-timeout are retried and counted", async () => {
  const seen = new Map<string, number>();
  const flaky = server({
    reply: (req) => {
      const k = userOf(req);
      const n = (seen.get(k) ?? 0) + 1;
      seen.set(k, n);
      const kind = [...k].reduce((a, c) => a + c.charCodeAt(0), 0) % 3;
      if (n === 1 && kind === 0) return { status: 429, retryAfter: "0" };
      if (n === 1 && kind === 1) return { status: 500 };
      if (n === 1 && kind === 2) return { hangMs: 2500 };
      return { answer: goodAnswer(req) };
    },
  });
  const d = join(tmp, "flaky");
  const r = await runCli([...args(d, flaky.url), "--describe-timeout", "1", "--step", "scrape"]);
  expect(r.code).toBe(0);
  const r2 = await runCli([...args(d, flaky.url), "--describe-timeout", "1"]);
  if (r2.code !== 0) console.error(r2.stderr);
  expect(r2.code).toBe(0);
  const st = pairsStats(d).descriptions;
  expect(st.failed).toEqual({});
  expect(st.answered).toBe(seen.size);
  expect(st.retries).toBe(seen.size);
  expect(st.prompt_tokens).toBe(100 * seen.size);
}, 60_000);

test("a killed run resumes without asking for an answer twice", async () => {
  let phase = 1;
  const asked: string[][] = [[], []];
  const slow = server({
    reply: (req) => {
      asked[phase - 1]!.push(userOf(req));
      if (phase === 1 && asked[0]!.length > 4) return { hangMs: 20_000 };
      return { answer: goodAnswer(req) };
    },
  });
  const d = join(tmp, "killed");
  const proc = Bun.spawn([BUN, join(ROOT, "main.ts"), ...args(d, slow.url, "--describe-concurrency", "1")], { cwd: ROOT, stdout: "ignore", stderr: "ignore" });
  const cache = join(d, "cache", "descriptions.jsonl");
  for (let i = 0; i < 200 && !(existsSync(cache) && readFileSync(cache, "utf8").split("\n").filter(Boolean).length >= 4); i++) await Bun.sleep(50);
  proc.kill("SIGKILL");
  await proc.exited;
  const answered = readFileSync(cache, "utf8").split("\n").filter(Boolean).length;
  expect(answered).toBe(4);
  phase = 2;
  const r = await runCli(args(d, slow.url));
  expect(r.code).toBe(0);
  const first = new Set(asked[0]!.slice(0, 4));
  expect(asked[1]!.filter((m) => first.has(m))).toEqual([]);
  expect(pairsStats(d).descriptions).toMatchObject({ cached: 4, answered: asked[1]!.length });
}, 60_000);

describe("an endpoint that cannot be used is one line", () => {
  const one = (stderr: string) => stderr.split("\n").filter((l) => l.startsWith("kmpdata:") || l.startsWith("error:"));

  test("an unknown model: exit 2, the models the server offers", async () => {
    const s = server({ models: ["qwen3-coder", "smollm3"] });
    const r = await runCli(["pairs", "--data-dir", join(tmp, "good"), "--force", "--describe-with", s.url, "--describe-model", "gpt-9", "--describe-refresh"]);
    expect(r.code).toBe(2);
    expect(one(r.stderr)).toEqual([expect.stringContaining("serves no model 'gpt-9' (it serves: qwen3-coder, smollm3)")]);
    expect(r.stderr).not.toMatch(/^\s+at /m);
  });

  test("nothing listening: exit 3", async () => {
    const s = server();
    const url = s.url;
    s.stop();
    const r = await runCli(["pairs", "--data-dir", join(tmp, "good"), "--force", "--describe-with", url, "--describe-model", "kmp-writer", "--describe-refresh"]);
    expect(r.code).toBe(3);
    expect(one(r.stderr)).toEqual([expect.stringContaining(`cannot reach the description endpoint ${url}`)]);
  });

  test("a wrong key: exit 2", async () => {
    const s = server({ requireKey: "right" });
    const r = await runCli(["pairs", "--data-dir", join(tmp, "good"), "--force", "--describe-with", s.url, "--describe-model", "kmp-writer", "--describe-refresh", "--describe-api-key", "wrong"]);
    expect(r.code).toBe(2);
    expect(one(r.stderr)).toEqual([expect.stringContaining("refused the API key (HTTP 401")]);
    expect(r.stderr).not.toContain("wrong");
  });

  test("a server that fails every request: the run stops with exit 3 after a few, the training pairs of the last run intact", async () => {
    const s = server({ reply: () => ({ status: 503, retryAfter: "0" }) });
    const train = readFileSync(join(tmp, "good", "training_pairs", "train.jsonl"));
    const r = await runCli(["pairs", "--data-dir", join(tmp, "good"), "--force", "--describe-with", s.url, "--describe-model", "kmp-writer", "--describe-refresh", "--describe-concurrency", "1"]);
    expect(r.code).toBe(3);
    expect(one(r.stderr)).toEqual([expect.stringContaining("8 description requests in a row failed (last: http_503")]);
    expect(readFileSync(join(tmp, "good", "training_pairs", "train.jsonl"))).toEqual(train);
  }, 60_000);

  test("--describe-with without --describe-model, and --describe-max alone: usage errors", async () => {
    const a = await runCli(["pairs", "--data-dir", join(tmp, "u"), "--describe-with", "http://127.0.0.1:9/v1"]);
    expect(a.code).toBe(2);
    expect(one(a.stderr)).toEqual([expect.stringContaining("--describe-with needs --describe-model")]);
    const b = await runCli(["pairs", "--data-dir", join(tmp, "u"), "--describe-max", "3"]);
    expect(b.code).toBe(2);
    expect(one(b.stderr)).toEqual([expect.stringContaining("--describe-max applies only with --describe-with")]);
    expect(existsSync(join(tmp, "u"))).toBe(false);
  });
});

test("--describe-max sends at most that many requests; the rest stay signature tasks", async () => {
  const s = server();
  const d = join(tmp, "max");
  const r = await runCli(args(d, s.url, "--describe-max", "3", "-v"));
  expect(r.code).toBe(0);
  expect(r.stderr).toContain("description template v1:"); // --verbose shows what is asked
  expect(s.chats.length).toBe(3);
  const st = pairsStats(d).descriptions;
  expect(st).toMatchObject({ asked: 3, answered: 3 });
  expect(st.not_asked).toBe(st.needed - 3);
  expect(st.checks.no_answer).toBe(st.needed - 3);
});

test("validate --describe-with: ✓ when the model is served, ✗ when not", async () => {
  const s = server();
  const ok = await runCli(["validate", "--data-dir", join(tmp, "v"), "--describe-with", s.url, "--describe-model", "kmp-writer", "--github-api-url", s.url]);
  expect(ok.stdout).toContain(`✓ description endpoint: ${s.url} serves kmp-writer`);
  const bad = await runCli(["validate", "--data-dir", join(tmp, "v"), "--describe-with", s.url, "--describe-model", "nope", "--github-api-url", s.url]);
  expect(bad.stdout).toContain("✗ description endpoint:");
  expect(bad.code).toBe(1);
}, 60_000);
