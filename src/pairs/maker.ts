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
import { buildContext, isUnderspecified, type ContextTools } from "./context.ts";
import { planRows } from "./plan.ts";
import { stripLicenceHeader } from "./licence-header.ts";
import { qualityVerdict } from "./quality.ts";
import type { RepoBlocks } from "./repo.ts";
import { emptySecretCounts, recordRedactions, type SecretCounts } from "./secretCounts.ts";
import { redactionKeepsParse } from "./parses.ts";
import { redactSecrets } from "./secrets.ts";
import { SymbolIndex } from "./symbols.ts";
import { lineCount, normalisedForDedup } from "./text.ts";
import { DROP_REASONS, type Candidate, type DropReason, type GeneratorTools, type PairsConfig, type SkipSink } from "./types.ts";

export type Generator = (repo: RepoBlocks, cfg: PairsConfig, skip: SkipSink, tools: GeneratorTools) => Iterable<Candidate>;

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
  context: ContextCounts;
  description_sources: Record<string, number>;
  /** Kept rows per source file: how many files gave 1, 2, … rows. */
  rows_per_file: Record<string, number>;
  /** Candidates whose target lost the licence header it opened with. */
  licence_headers_stripped: number;
  /** Kept rows marked `meta.target_parses` (prepare does not parse their targets again). */
  targets_known_to_parse: Record<PairType, number>;
}

export interface ContextCounts {
  /** Candidates (past the structural filter) whose target uses project types declared elsewhere. */
  candidates_using_project_types: number;
  /** … of which the prompt without context would have been underspecified, and context fixed. */
  fixed_by_context: number;
  /** … still underspecified with context: dropped. */
  dropped_underspecified: number;
  /** Kept rows whose prompt carries a context section. */
  kept_with_context: number;
  /** Declarations shown in the kept rows' context sections, in all. */
  declarations_shown: number;
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
    context: { candidates_using_project_types: 0, fixed_by_context: 0, dropped_underspecified: 0, kept_with_context: 0, declarations_shown: 0 },
    description_sources: {},
    rows_per_file: {},
    licence_headers_stripped: 0,
    targets_known_to_parse: perType(),
  };
}

export class PairMaker {
  readonly counts = emptyCounts();
  private readonly seenTargets = new Set<string>();

  constructor(
    private readonly cfg: PairsConfig,
    private readonly repoMeta: ReadonlyMap<string, RepoMeta> = new Map(),
    /** Counts tokens for the context budget (the tokenizer of --max-input-tokens). */
    private readonly countTokens: (text: string) => number = (t) => Math.ceil(t.length / 4),
  ) {}

  private drop(type: PairType, reason: DropReason): void {
    this.counts.dropped[reason]++;
    const byType = this.counts.dropped_by_type[type];
    byType[reason] = (byType[reason] ?? 0) + 1;
  }

  /**
   * The kept pairs of one repository, in generator order then block order (deterministic): every
   * candidate is judged, the per-file plan keeps each span once, then secrets and duplicates.
   */
  *pairsOf(repo: RepoBlocks): Iterable<Pair> {
    const skip: SkipSink = (type, reason) => this.drop(type, reason);
    const index = new SymbolIndex(repo);
    // The same signatures and import lists are costed for many candidates of a repository: count each once.
    const counted = new Map<string, number>();
    const count = (text: string) => {
      let n = counted.get(text);
      if (n === undefined) counted.set(text, (n = this.countTokens(text)));
      return n;
    };
    const budget: ContextTools = { count, budget: this.cfg.contextTokens, maxInputTokens: this.cfg.maxInputTokens };
    const tools: GeneratorTools = { context: (req) => buildContext(req, repo, index, budget), nestedOf: index.nestedOf };
    const passed: Candidate[] = [];
    for (const type of PAIR_TYPES) {
      for (const raw of GENERATORS[type](repo, this.cfg, skip, tools)) {
        this.counts.candidates[type]++;
        // Before the quality filter, so a file that is mostly licence is judged by its code.
        const header = stripLicenceHeader(raw.target_text);
        if (header.stripped) this.counts.licence_headers_stripped++;
        const c = header.stripped ? { ...raw, target_text: header.text } : raw;
        const reason = this.verdict(c, repo);
        if (reason) this.drop(c.pair_type, reason);
        else passed.push(c);
      }
    }
    const planned = planRows(
      {
        candidates: passed,
        fileLines: (path) => {
          const f = repo.fileByPath.get(path);
          return f ? lineCount(f.code) : Infinity;
        },
        topLevelCount: (path) => repo.topLevel(path).length,
      },
      this.cfg,
      (c, reason) => this.drop(c.pair_type, reason),
    );
    const perFile = new Map<string, number>();
    for (const c of planned) {
      const pair = this.finish(c);
      if (!pair) continue;
      this.counts.kept[c.pair_type]++;
      if (pair.is_test) this.counts.test_pairs_kept++;
      if (c.context?.code) {
        this.counts.context.kept_with_context++;
        this.counts.context.declarations_shown += c.context.shown;
      }
      const source = c.meta.description_source;
      if (typeof source === "string") this.counts.description_sources[`${c.pair_type}:${source}`] = (this.counts.description_sources[`${c.pair_type}:${source}`] ?? 0) + 1;
      perFile.set(c.target.path, (perFile.get(c.target.path) ?? 0) + 1);
      yield pair;
    }
    for (const n of perFile.values()) this.counts.rows_per_file[String(n)] = (this.counts.rows_per_file[String(n)] ?? 0) + 1;
  }

  /** The quality filter, then whether the prompt (with its context) shows the project types the target uses. */
  private verdict(c: Candidate, repo: RepoBlocks): DropReason | null {
    const reason = qualityVerdict(c, repo, this.cfg);
    if (reason || !c.context || c.context.used.length === 0) return reason;
    const ctx = this.counts.context;
    ctx.candidates_using_project_types++;
    if (isUnderspecified(c.context.used, c.context.missingAfter)) {
      ctx.dropped_underspecified++;
      return "underspecified";
    }
    if (isUnderspecified(c.context.used, c.context.missingBefore)) ctx.fixed_by_context++;
    return null;
  }

  /** Secret redaction and cross-type exact dedup; null when the pair is dropped. */
  private finish(c: Candidate): Pair | null {
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
    // Any pair type: the same code is taught once (the plan already chose the best row of a span).
    const dedupKey = stableHash(normalisedForDedup(target.text));
    if (this.seenTargets.has(dedupKey)) {
      this.drop(c.pair_type, "duplicate");
      return null;
    }
    this.seenTargets.add(dedupKey);
    recordRedactions(this.counts.secrets, at, rules, "redacted");
    const meta = this.repoMeta.get(t.repo);
    // Known to parse (prepare then skips its parse): clean source, and redaction kept to string literals.
    const parses = c.targetParses && redactionKeepsParse(c.target_text, target.text);
    if (parses) this.counts.targets_known_to_parse[c.pair_type]++;
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
      meta: {
        ...c.meta,
        source_block_ids: c.sources.map((s) => s.id),
        secrets_redacted: secrets,
        ...(parses ? { target_parses: true } : {}),
        ...(c.context ? { context_types_used: c.context.used.length, context_types_missing: c.context.missingAfter.length, context_declarations: c.context.shown } : {}),
      },
    };
  }
}
