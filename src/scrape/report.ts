/** scrape_stats.json and the table printed at the end of a scrape. */
import type { ScrapeStats } from "./types.ts";
import { formatSeconds } from "./wait.ts";

export function emptyStats(source: ScrapeStats["source"], authenticated: boolean): ScrapeStats {
  return {
    source,
    authenticated,
    queries: [],
    search_results: 0,
    candidates: 0,
    dropped: {},
    kept: 0,
    cloned: 0,
    skipped: 0,
    failed: {},
    clone_retries: 0,
    bytes_on_disk: 0,
    api_calls: 0,
    rate_limit_wait_seconds: 0,
    seconds: 0,
    interrupted: false,
  };
}

export function bump<K extends string>(counts: Partial<Record<K, number>>, key: K): void {
  counts[key] = (counts[key] ?? 0) + 1;
}

const n = (x: number) => x.toLocaleString("en-US");

export function formatBytes(b: number): string {
  const units = ["B", "KB", "MB", "GB", "TB"];
  let v = b;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${i === 0 ? v : v.toFixed(1)} ${units[i]}`;
}

function counts(c: Partial<Record<string, number>>): string {
  const parts = Object.entries(c)
    .filter(([, v]) => (v ?? 0) > 0)
    .sort((a, b) => b[1]! - a[1]! || a[0].localeCompare(b[0]))
    .map(([k, v]) => `${k} ${n(v!)}`);
  return parts.length ? parts.join(", ") : "none";
}

export function summaryTable(s: ScrapeStats): string {
  const rows: [string, string][] = [];
  if (s.source === "github") rows.push(["queries", `${s.queries.length} run, ${n(s.search_results)} results, ${n(s.candidates)} unique repositories`]);
  else rows.push(["source", `${s.source}, ${n(s.candidates)} repositories`]);
  rows.push(["dropped", counts(s.dropped)]);
  rows.push(["kept", `${n(s.kept)} (${n(s.cloned)} cloned now, ${n(s.skipped)} already done)`]);
  rows.push(["failed", `${counts(s.failed)}${s.clone_retries ? ` (${n(s.clone_retries)} clone retries)` : ""}`]);
  rows.push(["on disk", formatBytes(s.bytes_on_disk)]);
  rows.push(["API calls", `${n(s.api_calls)}, ${formatSeconds(s.rate_limit_wait_seconds)} waiting on rate limits`]);
  rows.push(["time", formatSeconds(s.seconds)]);
  const w = Math.max(...rows.map((r) => r[0].length));
  return ["scrape summary", ...rows.map(([k, v]) => `  ${k.padEnd(w)}  ${v}`)].join("\n");
}

export function summaryLine(s: ScrapeStats): string {
  const dropped = Object.values(s.dropped).reduce((a, b) => a + (b ?? 0), 0);
  const failed = Object.values(s.failed).reduce((a, b) => a + (b ?? 0), 0);
  return `${n(s.kept)} ${s.kept === 1 ? "repo" : "repos"} (${n(s.cloned)} cloned, ${n(s.skipped)} already done), ${n(dropped)} dropped, ${n(failed)} failed`;
}
