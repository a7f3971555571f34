import { expect, test } from "bun:test";
import { pathToFileURL } from "node:url";
import { join } from "node:path";
import { WorkerPool } from "../src/pool.ts";

type Task = { mode: "ok" | "throw" | "die"; value: number };
type Result = { value: number; threadId: number };
const worker = pathToFileURL(join(import.meta.dir, "support", "flaky-worker.ts")).href;

test("a throwing task yields a serialised error; the pool goes on", async () => {
  const pool = new WorkerPool<Task, Result>(worker, 2);
  try {
    const bad = await pool.run({ mode: "throw", value: 3 });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.error.message).toContain("bad value 3");
      expect(Object.getPrototypeOf(bad.error)).toBe(Object.prototype); // plain data, not an Error
    }
    const good = await pool.run({ mode: "ok", value: 21 });
    expect(good).toEqual({ ok: true, value: { value: 42, threadId: expect.any(Number) } });
    expect(pool.stats).toEqual({ tasks: 2, failed: 1, threads: 2 });
  } finally {
    await pool.destroy();
  }
});

test("a worker that dies fails its task and is replaced", async () => {
  const pool = new WorkerPool<Task, Result>(worker, 1);
  try {
    const first = await pool.run({ mode: "ok", value: 1 });
    const died = await pool.run({ mode: "die", value: 0 });
    expect(died.ok).toBe(false);
    const after = await Promise.all([1, 2, 3].map((v) => pool.run({ mode: "ok", value: v })));
    expect(after.map((r) => r.ok && r.value.value)).toEqual([2, 4, 6]);
    // The replacement is a new thread.
    expect(first.ok && after[0]!.ok && first.value.threadId !== after[0]!.value.threadId).toBe(true);
  } finally {
    await pool.destroy();
  }
});
