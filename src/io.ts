/**
 * File IO shared by every stage: atomic writes (temp name + rename, so a reader never sees half a
 * file), streaming JSONL in and out (memory stays flat whatever the corpus size), stable hashes.
 */
import { KmpError } from "./errors.ts";
import { createHash } from "node:crypto";
import { closeSync, createReadStream, existsSync, fsyncSync, mkdirSync, openSync, readSync, renameSync, rmSync, statSync, writeSync } from "node:fs";
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
    // writeSync may write less than asked (a disk filling up): loop, so a short write is never renamed in as whole.
    const bytes = typeof data === "string" ? Buffer.from(data) : data;
    for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at, bytes.length - at);
    fsyncSync(fd);
  } catch (e) {
    closeSync(fd);
    rmSync(tmp, { force: true }); // a failed write leaves nothing behind
    throw e;
  }
  closeSync(fd);
  renameSync(tmp, path);
}

export function writeJsonAtomic(path: string, value: unknown): void {
  writeFileAtomic(path, JSON.stringify(value, null, 2) + "\n");
}

const WRITE_BUFFER = 1 << 20;
const encoder = new TextEncoder();

/**
 * UTF-8 JSONL written straight into one byte array: no string per line, no joined string to
 * flatten and encode again. It starts on a given array (JsonlWriter's buffer; in extract, the
 * batch's output slot shared with the main thread and reused batch after batch) and moves to a
 * larger private one only when a write does not fit.
 */
export class JsonlBytes {
  private buf: Uint8Array;
  private len = 0;
  private readonly initial: Uint8Array;

  constructor(initial: Uint8Array | number) {
    this.buf = typeof initial === "number" ? new Uint8Array(Math.max(1024, initial)) : initial;
    this.initial = this.buf;
  }

  write(s: string): void {
    if (!this.fits(s)) {
      const need = this.len + s.length * 3; // UTF-8 needs at most 3 bytes per UTF-16 code unit
      const grown = new Uint8Array(Math.max(need, this.buf.length * 2));
      grown.set(this.buf.subarray(0, this.len));
      this.buf = grown;
    }
    this.len += encoder.encodeInto(s, this.buf.subarray(this.len)).written;
  }

  /** Appends bytes as they are (UTF-8 lines serialised elsewhere). */
  writeBytes(bytes: Uint8Array): void {
    if (this.len + bytes.length > this.buf.length) {
      const grown = new Uint8Array(Math.max(this.len + bytes.length, this.buf.length * 2));
      grown.set(this.buf.subarray(0, this.len));
      this.buf = grown;
    }
    this.buf.set(bytes, this.len);
    this.len += bytes.length;
  }

  /** True when `s` fits without moving to a bigger array. */
  fits(s: string): boolean {
    return this.len + s.length * 3 <= this.buf.length;
  }

  /** Forgets what was written (the array is kept). */
  clear(): void {
    this.len = 0;
  }

  get length(): number {
    return this.len;
  }

  /** True while the bytes are still in the array the writer started on. */
  get inInitial(): boolean {
    return this.buf === this.initial;
  }

  /** The bytes written (a view of the current array). */
  bytes(): Uint8Array {
    return this.buf.subarray(0, this.len);
  }
}

function writeAll(fd: number, bytes: Uint8Array): void {
  for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done);
}

/**
 * Writes JSON lines to a temp file, buffered; `commit()` renames it into place, `abort()` removes it.
 * Until commit the destination keeps its previous content (or stays absent).
 */
export class JsonlWriter<T> {
  readonly path: string;
  private readonly tmp: string;
  private fd: number | null;
  /** Lines are encoded straight into this buffer: no array of strings to join and encode again. */
  private readonly out = new JsonlBytes(WRITE_BUFFER);
  count = 0;

  constructor(path: string) {
    this.path = path;
    mkdirSync(dirname(path), { recursive: true });
    this.tmp = tmpName(path);
    this.fd = openSync(this.tmp, "w");
  }

  write(record: T): void {
    this.append(JSON.stringify(record));
    this.append("\n");
    this.count++;
  }

  /** Appends UTF-8 bytes of lines serialised elsewhere (each ending in "\n"), counting `records`. */
  writeBytes(bytes: Uint8Array, records: number): void {
    if (bytes.length === 0 || this.fd === null) return;
    if (this.out.length + bytes.length <= WRITE_BUFFER) this.out.writeBytes(bytes); // small pieces: buffered
    else {
      this.flush();
      writeAll(this.fd, bytes);
    }
    this.count += records;
  }

  private append(text: string): void {
    if (this.fd === null) return;
    if (!this.out.fits(text)) this.flush(); // a record larger than the buffer grows it
    this.out.write(text);
  }

  private flush(): void {
    if (this.fd === null || this.out.length === 0) return;
    writeAll(this.fd, this.out.bytes());
    this.out.clear();
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

const READ_CHUNK = 4 << 20;

/**
 * Streams the records of a JSONL file, one parsed line at a time. Blank lines are skipped.
 * Reads 4 MB at a time and decodes only whole lines (up to the last newline read; a newline byte
 * is never inside a multi-byte character), with Buffer's decoder: a utf8 read stream, or a
 * streaming TextDecoder, cost more than parsing the JSON.
 */
export async function* readJsonl<T>(path: string): AsyncGenerator<T> {
  let lineNo = 0;
  const fd = openSync(path, "r");
  try {
    let buf = Buffer.allocUnsafe(READ_CHUNK);
    let held = 0; // bytes of an unfinished line kept at the front of buf
    for (;;) {
      if (held === buf.length) {
        // A line longer than the buffer: grow it.
        const grown = Buffer.allocUnsafe(buf.length * 2);
        buf.copy(grown, 0, 0, held);
        buf = grown;
      }
      const n = readSync(fd, buf, held, buf.length - held, null);
      const end = held + n;
      const cut = n === 0 ? end : buf.lastIndexOf(10, end - 1) + 1; // whole lines only, until the end
      if (cut > 0) {
        const text = buf.toString("utf8", 0, cut);
        let start = 0;
        for (let nl = text.indexOf("\n"); start < text.length; nl = text.indexOf("\n", start)) {
          const stop = nl === -1 ? text.length : nl;
          const line = text.slice(start, stop);
          start = stop + 1;
          lineNo++;
          if (!isBlank(line)) yield parseLine<T>(line, path, lineNo);
        }
        buf.copy(buf, 0, cut, end);
      }
      held = end - cut;
      if (n === 0) break;
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * The lines of a file as UTF-8 bytes, undecoded, with their 1-based numbers (blank ones too, so
 * whoever parses them can name a line). Each view is valid only until the next line is asked for.
 */
export function* jsonlLineBytes(path: string): Generator<{ bytes: Uint8Array; lineNo: number }> {
  let lineNo = 0;
  const fd = openSync(path, "r");
  try {
    let buf = new Uint8Array(READ_CHUNK);
    let held = 0;
    for (;;) {
      if (held === buf.length) {
        const grown = new Uint8Array(buf.length * 2);
        grown.set(buf.subarray(0, held));
        buf = grown;
      }
      const n = readSync(fd, buf, held, buf.length - held, null);
      const end = held + n;
      const cut = n === 0 ? end : buf.lastIndexOf(10, end - 1) + 1;
      let start = 0;
      while (start < cut) {
        let nl = buf.indexOf(10, start);
        if (nl === -1 || nl >= cut) nl = cut;
        yield { bytes: buf.subarray(start, nl), lineNo: ++lineNo };
        start = nl + 1;
      }
      buf.copyWithin(0, cut, end);
      held = end - cut;
      if (n === 0) break;
    }
  } finally {
    closeSync(fd);
  }
}

/** Lines of a file, counted on its bytes (no decoding). */
export function countLines(path: string): number {
  const fd = openSync(path, "r");
  try {
    const buf = new Uint8Array(READ_CHUNK);
    let lines = 0;
    for (let n = readSync(fd, buf, 0, READ_CHUNK, null); n > 0; n = readSync(fd, buf, 0, READ_CHUNK, null)) {
      const chunk = buf.subarray(0, n);
      for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
    }
    return lines;
  } finally {
    closeSync(fd);
  }
}

/** A line readJsonl skips (whitespace only). */
export function isBlank(line: string): boolean {
  // Records start with "{" or "[": a quick look at the first character avoids trimming every line.
  const c = line.charCodeAt(0);
  return c !== 123 && c !== 91 && line.trim() === "";
}

/** One JSONL record; a line that is not JSON fails naming the file and line. */
export function parseLine<T>(line: string, path: string, lineNo: number): T {
  try {
    return JSON.parse(line) as T;
  } catch {
    throw new KmpError("E_BAD_INPUT", `${path}:${lineNo}: not valid JSON (a truncated file? rerun the step that writes it with --force)`);
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
const fileHashes = new Map<string, string>();

/**
 * A file's sha256. Remembered for as long as the file is the same one (inode, size, times): a step
 * and the next check the same upstream file (pairs' fingerprint, then prepare's staleness check).
 */
export async function hashFile(path: string): Promise<string> {
  const st = statSync(path);
  const key = `${path}\0${st.ino}\0${st.size}\0${st.mtimeMs}\0${st.ctimeMs}`;
  const known = fileHashes.get(key);
  if (known) return known;
  const h = createHash("sha256");
  for await (const chunk of createReadStream(path)) h.update(chunk as Buffer);
  const hex = h.digest("hex");
  fileHashes.set(key, hex);
  return hex;
}
