// A worker for test/pool.test.ts: echoes, throws, or kills its own thread on request.
import { threadId } from "node:worker_threads";

export default function flaky(task: { mode: "ok" | "throw" | "die"; value: number }): { value: number; threadId: number } {
  if (task.mode === "throw") throw new TypeError(`bad value ${task.value}`);
  if (task.mode === "die") process.exit(1);
  return { value: task.value * 2, threadId };
}
