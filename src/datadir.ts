/**
 * Checks, before anything is written, that the data dir can be created and written to, so a bad
 * --data-dir fails with one line and leaves nothing behind.
 */
import { accessSync, constants, existsSync, mkdtempSync, rmdirSync, statSync, statfsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { KmpError } from "./errors.ts";

/** The data dir itself when it exists, else its nearest existing ancestor (where mkdir would write). */
function nearestExisting(path: string): string {
  let p = resolve(path);
  while (!existsSync(p)) {
    const up = dirname(p);
    if (up === p) break;
    p = up;
  }
  return p;
}

export function checkDataDirWritable(dataDir: string): void {
  const target = nearestExisting(dataDir);
  let isDir = false;
  try {
    isDir = statSync(target).isDirectory();
  } catch {
    isDir = false;
  }
  if (!isDir) {
    throw new KmpError("E_DATA_DIR", `--data-dir ${dataDir}: ${target} is not a folder; choose another --data-dir`);
  }
  // access(2) says yes to root almost everywhere; creating (and removing) a probe folder is the real test.
  try {
    accessSync(target, constants.W_OK);
    rmdirSync(mkdtempSync(join(target, ".kmpdata-probe-")));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === "EROFS" ? "is on a read-only file system" : `is not writable (${code ?? "error"})`;
    throw new KmpError("E_DATA_DIR", `--data-dir ${dataDir}: ${target} ${why}; choose another --data-dir or fix its permissions`);
  }
}

/** Free bytes on the file system holding the data dir (or its nearest existing ancestor). */
export function freeBytes(dataDir: string): number {
  const s = statfsSync(nearestExisting(dataDir));
  return Number(s.bavail) * Number(s.bsize);
}
