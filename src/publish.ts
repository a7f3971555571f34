/**
 * A step writes into a staging folder beside its output folder and, once everything is written
 * and its marker is in, swaps it in: the old folder is renamed aside, the staging folder takes its
 * name, the old one is removed. A step that fails (a full disk, Ctrl-C, bad data) leaves the
 * previous complete outputs, marker included, as they were — never a new `train` beside an old
 * `val`. A crash between the two renames leaves the old folder aside; `recoverOutputDir` puts it
 * back before anything reads the folder.
 *
 * Entries of the old folder that are the step's working state rather than its outputs (scrape's
 * clone records) are moved into the new one at the swap.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from "node:fs";
import { basename, dirname, join } from "node:path";

const STAGING = ".tmp-staging-";
const OLD = ".tmp-old-";

/** A fresh staging folder for `outDir` (a sibling, so the swap is a rename on one file system). */
export function createStaging(outDir: string): string {
  const dir = `${outDir}${STAGING}${process.pid}`;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
}

/**
 * Swaps `staging` in as `outDir`. `keep(name)` names the old folder's entries to carry over (working
 * state, not outputs); entries the new folder already has are not replaced.
 */
export function publishStaging(staging: string, outDir: string, keep: (name: string) => boolean = () => false): void {
  const old = `${outDir}${OLD}${process.pid}`;
  if (existsSync(outDir)) {
    for (const name of readdirSync(outDir)) {
      if (keep(name) && !existsSync(join(staging, name))) renameSync(join(outDir, name), join(staging, name));
    }
    rmSync(old, { recursive: true, force: true });
    renameSync(outDir, old);
  }
  renameSync(staging, outDir);
  rmSync(old, { recursive: true, force: true });
}

/** Removes a staging folder (a step that failed). */
export function discardStaging(staging: string): void {
  rmSync(staging, { recursive: true, force: true });
}

/**
 * Before a step runs or a reader looks: a folder a crash left aside mid-swap is put back, and every
 * staging or aside folder a killed run left is removed.
 */
export function recoverOutputDir(outDir: string): void {
  const parent = dirname(outDir);
  if (!existsSync(parent)) return;
  const base = basename(outDir);
  const leftovers = readdirSync(parent).filter((n) => n.startsWith(base + STAGING) || n.startsWith(base + OLD));
  if (leftovers.length === 0) return;
  if (!existsSync(outDir)) {
    // The newest folder aside is the one the interrupted swap moved (older ones are older still).
    const aside = leftovers
      .filter((n) => n.startsWith(base + OLD))
      .map((n) => ({ n, t: statSync(join(parent, n)).mtimeMs }))
      .sort((a, b) => b.t - a.t)[0];
    if (aside) renameSync(join(parent, aside.n), outDir);
  }
  for (const n of leftovers) rmSync(join(parent, n), { recursive: true, force: true });
}
