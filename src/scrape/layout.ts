/**
 * Where scrape keeps things on disk. A clone is complete when both its folder
 * (`repos/<owner>__<name>/`) and its record (`metadata/clones/<owner>__<name>.json`) exist; the record
 * is written last. Temp folders (`repos/.partial-*`) belong to clones that never finished.
 */
import { existsSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import type { CloneRecord } from "./types.ts";

export const PARTIAL_PREFIX = ".partial-";

export function repoDirName(fullName: string): string {
  return fullName.replace("/", "__").replace(/[^A-Za-z0-9._-]/g, "_");
}

export function reposRoot(dataDir: string): string {
  return join(dataDir, "repos");
}

export function metadataDir(dataDir: string): string {
  return join(dataDir, "metadata");
}

export function clonePath(dataDir: string, dirName: string): string {
  return join(reposRoot(dataDir), dirName);
}

export function partialPath(dataDir: string, dirName: string): string {
  return join(reposRoot(dataDir), PARTIAL_PREFIX + dirName);
}

export function recordPath(dataDir: string, dirName: string): string {
  return join(metadataDir(dataDir), "clones", `${dirName}.json`);
}

/** The record of a finished clone, or null when either half is missing or unreadable. */
export function readDone(dataDir: string, dirName: string): CloneRecord | null {
  if (!existsSync(clonePath(dataDir, dirName))) return null;
  try {
    const r = JSON.parse(readFileSync(recordPath(dataDir, dirName), "utf8")) as CloneRecord;
    return typeof r.commit === "string" && Array.isArray(r.kmp_evidence) ? r : null;
  } catch {
    return null;
  }
}

/** Removes the temp folders a killed run left behind; returns how many. */
export function removePartials(dataDir: string): number {
  const root = reposRoot(dataDir);
  if (!existsSync(root)) return 0;
  let n = 0;
  for (const name of readdirSync(root)) {
    if (!name.startsWith(PARTIAL_PREFIX)) continue;
    rmSync(join(root, name), { recursive: true, force: true });
    n++;
  }
  return n;
}
