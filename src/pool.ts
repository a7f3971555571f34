/**
 * A small typed wrapper over piscina. Every stage does its CPU work (parsing, pair making,
 * fingerprinting) through it; IO stays on the main thread. A task either yields a value or a
 * serialised error: a throwing worker never aborts the run, and a worker that dies is replaced by
 * piscina.
 */
import Piscina from "piscina";

/** Worker files live in workers/; main.ts re-points this inside the compiled binary. */
let workerBase: URL = new URL("../workers/", import.meta.url);

export function setWorkerBase(url: URL): void {
  workerBase = url;
}

/** A worker of workers/ by name, or any worker file given as a file: URL (tests use their own). */
export function workerUrl(name: string): string {
  if (name.startsWith("file:")) return name;
  return new URL(`./${name}.ts`, workerBase).href;
}

/** What crosses the thread boundary when a task fails: plain data, never an Error instance. */
export interface SerializedError {
  name: string;
  message: string;
  stack?: string;
}

export type TaskOutcome<R> = { ok: true; value: R } | { ok: false; error: SerializedError };

export function serializeError(err: unknown): SerializedError {
  if (err instanceof Error) return { name: err.name, message: err.message, stack: err.stack };
  return { name: "Error", message: String(err) };
}

export interface PoolStats {
  tasks: number;
  failed: number;
  threads: number;
}

export class WorkerPool<Task, Result> {
  private readonly piscina: Piscina;
  readonly stats: PoolStats;

  /**
   * `tasksPerWorker` > 1 lets piscina hand a worker its next task while it still works on the
   * current one, so it never waits for the main thread to receive a result before starting the
   * next (the handler must not await between tasks' CPU work, or their work would interleave).
   */
  constructor(worker: string, threads: number, tasksPerWorker = 1) {
    this.piscina = new Piscina({
      filename: workerUrl(worker),
      minThreads: threads,
      maxThreads: threads,
      idleTimeout: 60_000,
      concurrentTasksPerWorker: tasksPerWorker,
    });
    this.stats = { tasks: 0, failed: 0, threads };
  }

  /** `transfer`: buffers of the task moved to the worker rather than cloned (unusable here after). */
  async run(task: Task, transfer?: ArrayBuffer[]): Promise<TaskOutcome<Result>> {
    this.stats.tasks++;
    try {
      // piscina types its list as MessagePort.postMessage options; an array of buffers is what it passes on.
      const options = transfer ? { transferList: transfer as never } : undefined;
      return { ok: true, value: (await this.piscina.run(task, options)) as Result };
    } catch (err) {
      this.stats.failed++;
      return { ok: false, error: serializeError(err) };
    }
  }

  async destroy(): Promise<void> {
    await this.piscina.destroy();
  }
}
