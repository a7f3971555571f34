/**
 * The ranking score that orders candidates before cloning: popularity on a log scale (so a 40k-star
 * repo does not drown everything), KMP topics, recency and KMP words in the description. Weights are
 * a typed config so the ordering is explainable and testable.
 */
import type { Candidate } from "./types.ts";

export interface RankConfig {
  stars: number; // per decade of stars
  topic: number; // per KMP topic, up to maxTopics
  maxTopics: number;
  recency: number; // 1 for pushed today, falling linearly to 0 at recencyYears
  recencyYears: number;
  keyword: number; // per KMP word in the description, up to maxKeywords
  maxKeywords: number;
  query: number; // per extra query that found the repo, up to maxQueries
  maxQueries: number;
}

export const DEFAULT_RANK: RankConfig = {
  stars: 1,
  topic: 0.5,
  maxTopics: 3,
  recency: 1,
  recencyYears: 3,
  keyword: 0.25,
  maxKeywords: 3,
  query: 0.1,
  maxQueries: 5,
};

export const KMP_TOPICS = new Set([
  "kotlin-multiplatform",
  "kmp",
  "kmm",
  "compose-multiplatform",
  "kotlin-multiplatform-mobile",
  "kotlin-multiplatform-library",
  "multiplatform",
  "kotlin-native",
]);

const KEYWORDS = [/multiplatform/i, /\bkmp\b/i, /\bkmm\b/i, /\bcompose\b/i, /\bios\b/i, /\bandroid\b/i, /\bdesktop\b/i, /\bwasm\b/i];

export function score(c: Candidate, now: Date, cfg: RankConfig = DEFAULT_RANK): number {
  const stars = cfg.stars * Math.log10(1 + Math.max(0, c.stars));
  const topics = cfg.topic * Math.min(cfg.maxTopics, c.topics.filter((t) => KMP_TOPICS.has(t.toLowerCase())).length);
  let recency = 0;
  if (c.pushed_at) {
    const ageYears = (now.getTime() - Date.parse(c.pushed_at)) / (365.25 * 86_400_000);
    recency = cfg.recency * Math.max(0, Math.min(1, 1 - ageYears / cfg.recencyYears));
  }
  const words = cfg.keyword * Math.min(cfg.maxKeywords, KEYWORDS.filter((k) => k.test(c.description ?? "")).length);
  const queries = cfg.query * Math.min(cfg.maxQueries, Math.max(0, c.matched_queries.length - 1));
  return Math.round((stars + topics + recency + words + queries) * 1000) / 1000;
}

/** Best first; ties broken by stars, then name, so the order is the same on every run. */
export function rank(candidates: Candidate[], now: Date, cfg: RankConfig = DEFAULT_RANK): { c: Candidate; score: number }[] {
  return candidates
    .map((c) => ({ c, score: score(c, now, cfg) }))
    .sort((a, b) => b.score - a.score || b.c.stars - a.c.stars || a.c.full_name.localeCompare(b.c.full_name));
}
