import { describe, expect, test } from "bun:test";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DescriptionCache } from "../../src/pairs/describe/cache.ts";
import { checkAnswer } from "../../src/pairs/describe/check.ts";
import { askAll, toAsk } from "../../src/pairs/describe/ask.ts";
import type { DescribeClient } from "../../src/pairs/describe/client.ts";
import { messagesFor, requestKey, type DescribeRequest } from "../../src/pairs/describe/template.ts";

const target = `fun retryDelay(attempt: Int, base: Long = 200): Long {
    val capped = minOf(attempt, 10)
    val exponential = base * (1L shl capped)
    return exponential + Random.nextLong(0, base)
}`;
const body = ["val capped = minOf(attempt, 10)", "val exponential = base * (1L shl capped)", "return exponential + Random.nextLong(0, base)"];
const check = (answer: string) => checkAnswer(answer, target, body);

describe("a model's answer is checked before a prompt uses it", () => {
  test("a real request passes, cleaned to one line", () => {
    const v = check('  "Write `retryDelay(attempt, base)`, which tells a network client how long to wait before trying a request again,\n growing with each attempt and adding jitter so clients do not retry in lockstep."  ');
    expect(v).toEqual({ ok: true, text: expect.stringMatching(/^Write `retryDelay\(attempt, base\)`, which tells .* lockstep\.$/) });
  });

  test.each([
    ["", "empty"],
    ["   ", "empty"],
    ["Computes delay.", "too_short"],
    ["As an AI language model, I cannot see the rest of your project, but here is what it might do.", "refusal"],
    ["I'm sorry, but I can't help with that request about the retry delay.", "refusal"],
    ["Calcule le délai d'attente avant une nouvelle tentative réseau, avec une gigue aléatoire.", "not_english"],
    ["Berechnet die Wartezeit vor dem nächsten Versuch einer Netzwerkanfrage mit Zufall.", "not_english"],
    ["Here it is:\n```kotlin\nfun retryDelay(attempt: Int) = 1L\n```", "has_code"],
    ["Compute the delay: val exponential = base * (1L shl capped) and add some jitter to it.", "leaks_body"],
    ["It should do return exponential + Random.nextLong(0, base) after computing the cap for callers.", "leaks_body"],
    ["Retry delay.", "too_short"],
    ["Implement the retry delay for the attempt and the base.", "echoes_names"],
    ["One. Two sentences here for sure. Three is fine for the model to write. Four is too many for a request.", "too_long"],
    ["x".repeat(20) + " the request " + "y ".repeat(400), "too_long"],
  ])("%j → %s", (answer, reason) => {
    expect(check(answer)).toEqual({ ok: false, reason: reason as never });
  });

  test("naming the signature, parameters and types is allowed", () => {
    expect(check("Implement `fun retryDelay(attempt: Int, base: Long = 200): Long` so a client can back off exponentially between failed requests.").ok).toBe(true);
  });
});

describe("the request and its key", () => {
  test("the key changes with model, code and context, and only with them", () => {
    const k = requestKey("m", "fun a() = 1", "ctx");
    expect(requestKey("m", "fun a() = 1", "ctx")).toBe(k);
    expect(new Set([k, requestKey("m2", "fun a() = 1", "ctx"), requestKey("m", "fun a() = 2", "ctx"), requestKey("m", "fun a() = 1", "ctx2")]).size).toBe(4);
    // parts are length-prefixed: moving text between code and context is another key
    expect(requestKey("m", "ab", "c")).not.toBe(requestKey("m", "a", "bc"));
  });

  test("the messages carry the context, the path and the code", () => {
    const [system, user] = messagesFor({ path: "shared/src/commonMain/kotlin/Retry.kt", code: target, context: "interface Clock" });
    expect(system!.role).toBe("system");
    expect(user!.content).toContain("interface Clock");
    expect(user!.content).toContain("shared/src/commonMain/kotlin/Retry.kt");
    expect(user!.content).toContain(target);
  });
});

describe("the answers cache", () => {
  const dir = mkdtempSync(join(tmpdir(), "kmpdata-desc-cache-"));
  const path = join(dir, "cache", "descriptions.jsonl");
  const entry = (key: string, answer: string) => ({ key, model: "m", template: "1", answer, prompt_tokens: 1, completion_tokens: 1 });

  test("answers survive a reload; a later line wins; a line cut short by a kill is skipped and the next answer starts on its own line", () => {
    const c = new DescriptionCache(path);
    c.put(entry("a", "first"));
    c.put(entry("b", "second"));
    c.put(entry("a", "again"));
    writeFileSync(path, readFileSync(path, "utf8") + '{"key":"c","answ'); // killed mid-write
    const d = new DescriptionCache(path);
    expect(d.damagedLines).toBe(1);
    expect([d.get("a")?.answer, d.get("b")?.answer, d.get("c")]).toEqual(["again", "second", undefined]);
    d.put(entry("c", "third"));
    const e = new DescriptionCache(path);
    expect(e.get("c")?.answer).toBe("third");
    expect(e.size).toBe(3);
  });

  test("--describe-refresh starts empty but keeps the file", () => {
    const c = new DescriptionCache(path, true);
    expect(c.size).toBe(0);
    expect(new DescriptionCache(path).size).toBe(3);
    rmSync(dir, { recursive: true, force: true });
  });

  test("--describe-max picks the same requests for a seed, other ones for another seed, and never a cached one", () => {
    const reqs: DescribeRequest[] = Array.from({ length: 40 }, (_, i) => ({ key: `k${i}`, repo: "r", path: "p", name: `n${i}`, code: "", context: "" }));
    const cache = { get: (k: string) => (k === "k1" || k === "k2" ? entry(k, "x") : undefined) } as unknown as DescriptionCache;
    const a = toAsk(reqs, cache, { max: 5, seed: 1 });
    expect(a.ask).toHaveLength(5);
    expect(a.notAsked).toBe(33);
    expect(toAsk(reqs, cache, { max: 5, seed: 1 }).ask.map((r) => r.key)).toEqual(a.ask.map((r) => r.key));
    expect(toAsk(reqs, cache, { max: 5, seed: 2 }).ask.map((r) => r.key)).not.toEqual(a.ask.map((r) => r.key));
    expect(a.ask.map((r) => r.key)).not.toContain("k1");
    expect(toAsk(reqs, cache, { max: null, seed: 1 }).ask).toHaveLength(38);
  });
});

describe("asking", () => {
  const reqs: DescribeRequest[] = Array.from({ length: 6 }, (_, i) => ({ key: `k${i}`, repo: "r", path: "p", name: `n${i}`, code: "fun a() = 1", context: "" }));
  const ctx = { log: { info() {}, debug() {}, warn() {}, enabled: () => false, format: "text" } as never, progress: { mode: "off" as const }, signal: new AbortController().signal };
  const client = (answer: (n: number) => Promise<string>) => {
    let n = 0;
    const c = {
      httpRequests: 0,
      async checkModel() {
        return ["m"];
      },
      async describe() {
        c.httpRequests++;
        return { text: await answer(++n), promptTokens: 1, completionTokens: 1 };
      },
      failure: (e: unknown) => ({ reason: String((e as Error).message), fatal: null }),
    };
    return c as unknown as DescribeClient;
  };

  test("a cache that cannot be written (a full disk) fails the run with that error, not a counted request failure", async () => {
    const full = Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
    const cache = { get: () => undefined, put: () => { throw full; } } as unknown as DescriptionCache;
    const err = await askAll(reqs, cache, client(async () => "An answer long enough to be a description of it."), { model: "m", concurrency: 2, max: null, seed: 1 }, ctx).catch((e) => e);
    expect(err).toBe(full);
  });

  test("answers go to the cache as they arrive; failures are counted by reason", async () => {
    const put: string[] = [];
    const cache = { get: () => undefined, put: (a: { key: string }) => put.push(a.key) } as unknown as DescriptionCache;
    const stats = await askAll(reqs, cache, client(async (n) => { if (n % 3 === 0) throw new Error("http_500"); return "fine"; }), { model: "m", concurrency: 1, max: null, seed: 1 }, ctx);
    expect(stats).toMatchObject({ needed: 6, asked: 6, answered: 4, failed: { http_500: 2 } });
    expect(put).toHaveLength(4);
  });
});
