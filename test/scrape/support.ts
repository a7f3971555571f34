/** Shared set-up for scrape tests: a stage context on a temp data dir, fast tuning, option defaults. */
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Logger } from "../../src/log.ts";
import { defaultPipelineOptions, type ScrapeOptions } from "../../src/options.ts";
import type { ScrapeTuning } from "../../src/scrape/index.ts";
import { DEFAULT_TUNING } from "../../src/scrape/types.ts";
import type { StageContext } from "../../src/stage.ts";
import type { Repo } from "../../src/types.ts";

export interface TestContext extends StageContext {
  lines: string[];
  controller: AbortController;
  cleanup(): void;
}

export function testContext(dataDir = mkdtempSync(join(tmpdir(), "kmp-scrape-"))): TestContext {
  const lines: string[] = [];
  const controller = new AbortController();
  const log = new Logger({ level: "debug", format: "text", write: (l) => lines.push(l) });
  return {
    global: { dataDir, threads: 1, seed: 42, force: false, logFormat: "text", quiet: false, verbose: true },
    progress: { mode: "off" },
    signal: controller.signal,
    commandLine: "kmpdata scrape",
    log,
    lines,
    controller,
    cleanup: () => rmSync(dataDir, { recursive: true, force: true }),
  };
}

export function scrapeOptions(apiUrl: string, over: Partial<ScrapeOptions> = {}): ScrapeOptions {
  return { ...defaultPipelineOptions(new Date("2025-01-01T00:00:00Z")).scrape, githubApiUrl: apiUrl, queriesFile: null, minStars: 0, minSizeKb: 0, ...over };
}

/** Waits shrunk 100-fold; no backoff worth waiting for. */
export const FAST: ScrapeTuning = {
  ...DEFAULT_TUNING,
  waitScale: 0.01,
  countdownEverySec: 1,
  apiRetryBaseMs: 5,
  cloneBackoffMs: 5,
  now: () => new Date("2025-01-01T00:00:00Z"),
};

export function readRepos(dataDir: string): Repo[] {
  return readFileSync(join(dataDir, "metadata", "repos.jsonl"), "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l) as Repo);
}

export function readStats(dataDir: string): Record<string, any> {
  return JSON.parse(readFileSync(join(dataDir, "metadata", "scrape_stats.json"), "utf8"));
}

/** Every file under `dir`, recursively (absolute paths). */
export function allFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...allFiles(p));
    else out.push(p);
  }
  return out;
}
