/**
 * Runs every query, sorted by stars, page by page up to GitHub's 1,000-result cap, and merges the
 * results by repository id: a repo found by several queries is one candidate that remembers them all.
 */
import type { Progress } from "../progress.ts";
import type { GitHub } from "./github.ts";
import { type ApiRepo, toCandidate } from "./github.ts";
import type { SearchQuery } from "./queries.ts";
import type { Candidate, QueryStat } from "./types.ts";

export const PER_PAGE = 100;
export const SEARCH_CAP = 1000;

export interface SearchResult {
  candidates: Candidate[];
  queries: QueryStat[];
  searchResults: number;
}

/** Adds one search hit to the merged map (exported for the de-duplication tests). */
export function mergeHit(byId: Map<string, Candidate>, hit: Candidate, query: string): void {
  const key = String(hit.id);
  const seen = byId.get(key);
  if (!seen) byId.set(key, { ...hit, matched_queries: [query] });
  else if (!seen.matched_queries.includes(query)) seen.matched_queries.push(query);
}

export async function searchAll(gh: GitHub, queries: SearchQuery[], maxPages: number, progress: Progress): Promise<SearchResult> {
  const byId = new Map<string, Candidate>();
  const stats: QueryStat[] = [];
  let searchResults = 0;
  for (const { q } of queries) {
    const stat: QueryStat = { query: q, total_count: 0, fetched: 0, pages: 0 };
    stats.push(stat);
    const pages = gh.rest.paginate.iterator(gh.rest.search.repos, { q, sort: "stars", order: "desc", per_page: PER_PAGE });
    try {
      for await (const page of pages) {
        const items = page.data as unknown as ApiRepo[] & { total_count?: number };
        stat.pages++;
        stat.total_count = items.total_count ?? stat.total_count;
        for (const item of items) mergeHit(byId, toCandidate(item), q);
        stat.fetched += items.length;
        searchResults += items.length;
        // GitHub stops at 1,000 results; a server that keeps offering pages is not followed past it.
        if (stat.pages >= maxPages || stat.fetched >= SEARCH_CAP || items.length < PER_PAGE) break;
      }
    } catch (e) {
      throw gh.userError(e, `searching "${q}"`);
    }
    progress.tick(1, q);
  }
  return { candidates: [...byId.values()], queries: stats, searchResults };
}
