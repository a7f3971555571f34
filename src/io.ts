/**
 * File IO shared by every stage: atomic writes (temp name + rename, so a reader never sees half a
 * file), streaming JSONL in and out (memory stays flat whatever the corpus size), stable hashes.
 */
import { createHash } from "node:crypto";
import { closeSync, createReadStream, existsSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from "node:fs";
import { dirname } from "node:path";

let tmpCounter = 0;
function tmpName(path: string): string {
  return `${path}.tmp-${process.pid}-${++tmpCounter}`;
}

/** Writes a whole file atomically. */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = tmpName(path);
  const fd = openSync(tmp, "w");
  try {
    if (typeof data === "string") writeSync(fd, data);
    else writeSync(fd, data);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
}

export function writeJsonAtomic(path: string, value: unknown): void {
  writeFileAtomic(path, JSON.stringify(value, null, 2) + "\n");
}

/**
 * Writes JSON lines to a temp file, buffered; `commit()` renames it into place, `abort()` removes it.
 * Until commit the destination keeps its previous content (or stays absent).
 */
export class JsonlWriter<T> {
  readonly path: string;
  private readonly tmp: string;
  private fd: number | null;
  private buf: string[] = [];
  private bufLen = 0;
  count = 0;

  constructor(path: string) {
    this.path = path;
    mkdirSync(dirname(path), { recursive: true });
    this.tmp = tmpName(path);
    this.fd = openSync(this.tmp, "w");
  }

  write(record: T): void {
    const line = JSON.stringify(record) + "\n";
    this.buf.push(line);
    this.bufLen += line.length;
    this.count++;
    if (this.bufLen > 1 << 20) this.flush();
  }

  /** Appends lines already serialised elsewhere (each ending in "\n"), counting `records` of them. */
  writeLines(text: string, records: number): void {
    if (text.length === 0) return;
    if (text.length > 1 << 16 && this.fd !== null) {
      // Large pieces go straight out: joining them into the buffer first would copy them twice.
      this.flush();
      writeSync(this.fd, text);
      this.count += records;
      return;
    }
    this.buf.push(text);
    this.bufLen += text.length;
    this.count += records;
    if (this.bufLen > 1 << 20) this.flush();
  }

  /** Appends UTF-8 bytes of lines serialised elsewhere (each ending in "\n"), counting `records`. */
  writeBytes(bytes: Uint8Array, records: number): void {
    if (bytes.length === 0 || this.fd === null) return;
    this.flush();
    for (let done = 0; done < bytes.length; ) done += writeSync(this.fd, bytes, done);
    this.count += records;
  }

  private flush(): void {
    if (this.fd === null || this.buf.length === 0) return;
    writeSync(this.fd, this.buf.join(""));
    this.buf = [];
    this.bufLen = 0;
  }

  commit(): void {
    if (this.fd === null) throw new Error(`JsonlWriter for ${this.path} already closed`);
    this.flush();
    fsyncSync(this.fd);
    closeSync(this.fd);
    this.fd = null;
    renameSync(this.tmp, this.path);
  }

  abort(): void {
    if (this.fd !== null) {
      closeSync(this.fd);
      this.fd = null;
    }
    rmSync(this.tmp, { force: true });
  }
}

/** Streams the records of a JSONL file, one parsed line at a time. Blank lines are skipped. */
export async function* readJsonl<T>(path: string): AsyncGenerator<T> {
  let rest = "";
  let lineNo = 0;
  const stream = createReadStream(path, { encoding: "utf8", highWaterMark: 1 << 20 });
  for await (const chunk of stream as AsyncIterable<string>) {
    const text = rest + chunk;
    let start = 0;
    for (let nl = text.indexOf("\n", start); nl !== -1; nl = text.indexOf("\n", start)) {
      const line = text.slice(start, nl);
      start = nl + 1;
      lineNo++;
      if (line.trim()) yield parseLine<T>(line, path, lineNo);
    }
    rest = text.slice(start);
  }
  if (rest.trim()) yield parseLine<T>(rest, path, lineNo + 1);
}

function parseLine<T>(line: string, path: string, lineNo: number): T {
  try {
    return JSON.parse(line) as T;
  } catch {
    throw new Error(`${path}:${lineNo}: not valid JSON (a truncated file? rerun the step that writes it with --force)`);
  }
}

export function fileExists(path: string): boolean {
  return existsSync(path);
}

/** A short stable hex hash of the given parts (sha256, first 16 hex chars). */
export function stableHash(...parts: (string | number)[]): string {
  const h = createHash("sha256");
  for (const p of parts) {
    h.update(String(p));
    h.update("\u0000");
  }
  return h.digest("hex").slice(0, 16);
}

/** sha256 of a file's bytes, streamed. */
export async function hashFile(path: string): Promise<string> {
  const h = createHash("sha256");
  for await (const chunk of createReadStream(path)) h.update(chunk as Buffer);
  return h.digest("hex");
}
