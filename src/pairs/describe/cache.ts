/**
 * The answers a model gave, kept in `<data-dir>/cache/descriptions.jsonl`: one JSON line per answer,
 * appended as it arrives, so a run killed half-way keeps what it was told and a rerun asks only for
 * the rest. The raw answer is kept (checks run when a prompt uses it, so a changed check needs no
 * new request). A later line for the same key wins; a line cut short by a kill is skipped.
 * `--force` keeps the file; `--describe-refresh` asks everything again.
 */
import { appendFileSync, closeSync, existsSync, mkdirSync, openSync, readFileSync, readSync, statSync } from "node:fs";
import { dirname } from "node:path";

export interface CachedAnswer {
  key: string;
  model: string;
  template: string;
  answer: string;
  prompt_tokens: number;
  completion_tokens: number;
}

export class DescriptionCache {
  private readonly answers = new Map<string, CachedAnswer>();
  /** Lines that were not whole answers (a kill mid-write): skipped. */
  readonly damagedLines: number = 0;

  constructor(
    readonly path: string,
    /** --describe-refresh: start as if the file were empty (it is appended to, never cut). */
    refresh = false,
  ) {
    if (refresh || !existsSync(path)) return;
    let damaged = 0;
    for (const line of readFileSync(path, "utf8").split("\n")) {
      if (line.trim() === "") continue;
      try {
        const a = JSON.parse(line) as CachedAnswer;
        if (typeof a.key === "string" && typeof a.answer === "string") this.answers.set(a.key, a);
        else damaged++;
      } catch {
        damaged++;
      }
    }
    this.damagedLines = damaged;
  }

  get size(): number {
    return this.answers.size;
  }

  get(key: string): CachedAnswer | undefined {
    return this.answers.get(key);
  }

  /** Keeps an answer, on disk at once (one appended line: a kill loses at most the line being written). */
  put(a: CachedAnswer): void {
    mkdirSync(dirname(this.path), { recursive: true });
    // A line a killed run cut short must not swallow this one: start on a fresh line.
    const lead = this.firstPut && endsMidLine(this.path) ? "\n" : "";
    this.firstPut = false;
    appendFileSync(this.path, `${lead}${JSON.stringify(a)}\n`);
    this.answers.set(a.key, a);
  }

  private firstPut = true;
}

function endsMidLine(path: string): boolean {
  if (!existsSync(path)) return false;
  const size = statSync(path).size;
  if (size === 0) return false;
  const fd = openSync(path, "r");
  try {
    const last = Buffer.alloc(1);
    readSync(fd, last, 0, 1, size - 1);
    return last[0] !== 10;
  } finally {
    closeSync(fd);
  }
}
