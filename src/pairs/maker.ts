/**
 * Runs the seven generators over one repository's blocks and passes every candidate through the
 * quality filter, secret redaction and exact-duplicate removal, counting each drop by reason.
 * Holds the only cross-repository state: the set of targets already kept (for duplicates).
 */
import { stableHash } from "../io.ts";
import { PAIR_TYPES, type Pair, type PairType } from "../types.ts";
import { composablePairs } from "./generators/composable.ts";
import { descriptionPairs } from "./generators/description.ts";
import { expectActualPairs } from "./generators/expectActual.ts";
import { fullFilePairs } from "./generators/fullFile.ts";
import { gradlePairs } from "./generators/gradle.ts";
import { interfaceImplementationPairs } from "./generators/interfaceImpl.ts";
import { skeletonPairs } from "./generators/skeleton.ts";
import { qualityVerdict } from "./quality.ts";
import type { RepoBlocks } from "./repo.ts";
import { emptySecretCounts, recordRedactions, type SecretCounts } from "./secretCounts.ts";
import { redactSecrets } from "./secrets.ts";
import { normalisedForDedup } from "./text.ts";
import { DROP_REASONS, type Candidate, type DropReason, type PairsConfig, type SkipSink } from "./types.ts";

export type Generator = (repo: RepoBlocks, cfg: PairsConfig, skip: SkipSink) => Iterable<Candidate>;

export const GENERATORS: Record<PairType, Generator> = {
  expect_actual: expectActualPairs,
  interface_implementation: interfaceImplementationPairs,
  description_to_code: descriptionPairs,
  skeleton_to_complete: skeletonPairs,
  composable: composablePairs,
  full_file: fullFilePairs,
  gradle: gradlePairs,
};

export interface RepoMeta {
  license: string | null;
  commit: string | null;
}

export interface MakerCounts {
  candidates: Record<PairType, number>;
  kept: Record<PairType, number>;
  dropped: Record<DropReason, number>;
  dropped_by_type: Record<PairType, Partial<Record<DropReason, number>>>;
  secrets: SecretCounts;
  test_pairs_kept: number;
}

const perType = () => Object.fromEntries(PAIR_TYPES.map((t) => [t, 0])) as Record<PairType, number>;

export function emptyCounts(): MakerCounts {
  return {
    candidates: perType(),
    kept: perType(),
    dropped: Object.fromEntries(DROP_REASONS.map((r) => [r, 0])) as Record<DropReason, number>,
    dropped_by_type: Object.fromEntries(PAIR_TYPES.map((t) => [t, {}])) as Record<PairType, Partial<Record<DropReason, number>>>,
    secrets: emptySecretCounts(),
    test_pairs_kept: 0,
  };
}

export class PairMaker {
  readonly counts = emptyCounts();
  private readonly seenTargets = new Set<string>();

  constructor(
    private readonly cfg: PairsConfig,
    private readonly repoMeta: ReadonlyMap<string, RepoMeta> = new Map(),
  ) {}

  private drop(type: PairType, reason: DropReason): void {
    this.counts.dropped[reason]++;
    const byType = this.counts.dropped_by_type[type];
    byType[reason] = (byType[reason] ?? 0) + 1;
  }

  /** The kept pairs of one repository, in generator order then block order (deterministic). */
  *pairsOf(repo: RepoBlocks): Iterable<Pair> {
    const skip: SkipSink = (type, reason) => this.drop(type, reason);
    for (const type of PAIR_TYPES) {
      for (const c of GENERATORS[type](repo, this.cfg, skip)) {
        this.counts.candidates[type]++;
        const pair = this.judge(c, repo);
        if (pair) {
          this.counts.kept[type]++;
          if (pair.is_test) this.counts.test_pairs_kept++;
          yield pair;
        }
      }
    }
  }

  private judge(c: Candidate, repo: RepoBlocks): Pair | null {
    const reason = qualityVerdict(c, repo, this.cfg);
    if (reason) {
      this.drop(c.pair_type, reason);
      return null;
    }
    const t = c.target;
    const target = redactSecrets(c.target_text, { isTest: t.is_test });
    const input = redactSecrets(c.input_text, { isTest: t.is_test });
    const rules = [...input.redactions, ...target.redactions];
    const secrets = rules.length;
    const at = { repo: t.repo, path: t.path, pair_type: c.pair_type };
    if (secrets > this.cfg.maxSecretsPerPair) {
      recordRedactions(this.counts.secrets, at, rules, "pair_dropped");
      this.drop(c.pair_type, "secrets");
      return null;
    }
    const dedupKey = stableHash(c.pair_type, normalisedForDedup(target.text));
    if (this.seenTargets.has(dedupKey)) {
      this.drop(c.pair_type, "duplicate");
      return null;
    }
    this.seenTargets.add(dedupKey);
    recordRedactions(this.counts.secrets, at, rules, "redacted");
    const meta = this.repoMeta.get(t.repo);
    return {
      id: stableHash(c.pair_type, ...c.sources.map((s) => s.id), input.text, target.text),
      pair_type: c.pair_type,
      input_text: input.text,
      target_text: target.text,
      repo: t.repo,
      path: t.path,
      source_set: t.source_set,
      platform: t.platform,
      license: t.license ?? meta?.license ?? null,
      commit: t.commit ?? meta?.commit ?? null,
      is_test: t.is_test,
      meta: { ...c.meta, source_block_ids: c.sources.map((s) => s.id), secrets_redacted: secrets },
    };
  }
}
