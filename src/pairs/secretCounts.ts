/**
 * The secrets section of pairs_stats.json: counts per rule and a list of every redaction with where
 * it was (capped, with the overflow counted), so each one can be read and judged by hand.
 */
import type { PairType } from "../types.ts";
import { SECRET_RULES, type SecretRule } from "./secrets.ts";

/** More redactions than this are counted but not listed (a corpus full of keys would bloat the stats). */
export const MAX_LISTED_REDACTIONS = 1000;

export interface SecretRedaction {
  repo: string;
  path: string;
  rule: SecretRule;
  pair_type: PairType;
  /** "redacted": the pair was kept with a placeholder; "pair_dropped": it held more than maxSecretsPerPair. */
  action: "redacted" | "pair_dropped";
}

export interface SecretCounts {
  pairs_redacted: number;
  /** Redactions in kept pairs. */
  secrets_redacted: number;
  pairs_dropped: number;
  secrets_in_dropped_pairs: number;
  /** Every redaction found, kept or dropped pair, by the rule that found it. */
  by_rule: Record<SecretRule, number>;
  redactions: SecretRedaction[];
  redactions_not_listed: number;
}

export function emptySecretCounts(): SecretCounts {
  return {
    pairs_redacted: 0,
    secrets_redacted: 0,
    pairs_dropped: 0,
    secrets_in_dropped_pairs: 0,
    by_rule: Object.fromEntries(SECRET_RULES.map((r) => [r, 0])) as Record<SecretRule, number>,
    redactions: [],
    redactions_not_listed: 0,
  };
}

/** Records one pair's redactions (nothing when it had none). */
export function recordRedactions(
  counts: SecretCounts,
  at: { repo: string; path: string; pair_type: PairType },
  rules: SecretRule[],
  action: SecretRedaction["action"],
): void {
  if (rules.length === 0) return;
  if (action === "redacted") {
    counts.pairs_redacted++;
    counts.secrets_redacted += rules.length;
  } else {
    counts.pairs_dropped++;
    counts.secrets_in_dropped_pairs += rules.length;
  }
  for (const rule of rules) {
    counts.by_rule[rule]++;
    if (counts.redactions.length < MAX_LISTED_REDACTIONS) counts.redactions.push({ repo: at.repo, path: at.path, rule, pair_type: at.pair_type, action });
    else counts.redactions_not_listed++;
  }
}
