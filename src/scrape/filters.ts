/**
 * The search filters: a table of (drop reason, keep rule). Each candidate is dropped by the first
 * rule it fails, and that reason becomes a counter, so nothing is dropped silently.
 */
import { licenceAllowed } from "../licence/allowed.ts";
import type { ScrapeOptions } from "../options.ts";
import type { Candidate, DropReason } from "./types.ts";

type Rule = { reason: DropReason; keep: (c: Candidate, o: ScrapeOptions) => boolean };

export const FILTERS: readonly Rule[] = [
  { reason: "fork", keep: (c, o) => o.includeForks || !c.fork },
  { reason: "archived", keep: (c, o) => o.includeArchived || !c.archived },
  { reason: "min_stars", keep: (c, o) => c.stars >= o.minStars },
  { reason: "too_small", keep: (c, o) => c.size_kb >= o.minSizeKb },
  { reason: "too_large", keep: (c, o) => c.size_kb <= o.maxSizeMb * 1024 },
  { reason: "pushed_before", keep: (c, o) => c.pushed_at !== null && c.pushed_at.slice(0, 10) >= o.pushedSince },
  { reason: "license", keep: (c, o) => licenceAllowed(c.license, o.licenses) },
];

/** The first rule the candidate fails, or null to keep it. */
export function dropReason(c: Candidate, o: ScrapeOptions, rules: readonly Rule[] = FILTERS): DropReason | null {
  for (const r of rules) if (!r.keep(c, o)) return r.reason;
  return null;
}

/**
 * Candidates named in --repos-file were chosen by hand, so the popularity and freshness rules do not
 * apply; the license rule does, because it is a legal constraint rather than a quality guess.
 */
export const EXPLICIT_FILTERS: readonly Rule[] = FILTERS.filter((r) => r.reason === "license");

export function applyFilters(
  candidates: Candidate[],
  o: ScrapeOptions,
  count: (reason: DropReason) => void,
  rules: readonly Rule[] = FILTERS,
): Candidate[] {
  const kept: Candidate[] = [];
  for (const c of candidates) {
    const reason = dropReason(c, o, rules);
    if (reason === null) kept.push(c);
    else count(reason);
  }
  return kept;
}
