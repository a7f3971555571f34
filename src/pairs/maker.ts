/**
 * Runs the seven generators over one repository's blocks and passes every candidate through the
 * quality filter, secret redaction and exact-duplicate removal, counting each drop by reason.
 *
 * Two halves: RepoPairMaker does one repository's work and needs nothing from the others (it runs
 * in a worker, several repositories at once); PairMaker takes the repositories' rows back in
 * repository order and holds the only cross-repository state, the set of targets already kept
 * (for duplicates), and the run's counts.
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
import { emptySecretCounts, MAX_LISTED_REDACTIONS, recordRedactions, type SecretCounts } from "./secretCounts.ts";
import { redactionKeepsParse } from "./parses.ts";
import { redactSecrets, type SecretRule } from "./secrets.ts";
import { SymbolIndex } from "./symbols.ts";
import { lineCount, normalisedForDedup } from "./text.ts";
import { DROP_REASONS, type Candidate, type DescribeLookup, type DropReason, type GeneratorTools, type PairsConfig, type SkipSink } from "./types.ts";
import { requestKey, type DescribeRequest } from "./describe/template.ts";

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
  /** --describe-with: what came of the model's descriptions, per planned row (see DescribeOutcome). */
  description_checks: Record<string, number>;
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
    description_checks: {},
  };
}

/** Adds one repository's counts to the run's, as if they had been counted in place (key order included). */
export function addCounts(into: MakerCounts, from: MakerCounts): void {
  const sum = <K extends string>(a: Partial<Record<K, number>>, b: Partial<Record<K, number>>) => {
    for (const k in b) a[k] = (a[k] ?? 0) + b[k]!;
  };
  sum(into.candidates, from.candidates);
  sum(into.kept, from.kept);
  sum(into.dropped, from.dropped);
  for (const t of PAIR_TYPES) sum(into.dropped_by_type[t], from.dropped_by_type[t]);
  const s = into.secrets;
  s.pairs_redacted += from.secrets.pairs_redacted;
  s.secrets_redacted += from.secrets.secrets_redacted;
  s.pairs_dropped += from.secrets.pairs_dropped;
  s.secrets_in_dropped_pairs += from.secrets.secrets_in_dropped_pairs;
  sum(s.by_rule, from.secrets.by_rule);
  for (const r of from.secrets.redactions) {
    if (s.redactions.length < MAX_LISTED_REDACTIONS) s.redactions.push(r);
    else s.redactions_not_listed++;
  }
  s.redactions_not_listed += from.secrets.redactions_not_listed;
  into.test_pairs_kept += from.test_pairs_kept;
  sum(into.context as unknown as Record<string, number>, from.context as unknown as Record<string, number>);
  sum(into.description_sources, from.description_sources);
  sum(into.rows_per_file, from.rows_per_file);
  into.licence_headers_stripped += from.licence_headers_stripped;
  sum(into.targets_known_to_parse, from.targets_known_to_parse);
  sum(into.description_checks, from.description_checks);
}

/**
 * One planned row of a repository, redacted and ready for the run-wide duplicate check. Rows stay
 * in generation order: the run-wide half decides them one by one, as if in place.
 */
export interface Row {
  repo: string;
  path: string;
  pair_type: PairType;
  /** The secret rules that fired, in the prompt then the target. */
  rules: SecretRule[];
  /** null: more secrets than allowed, the row is dropped. */
  pair: RowPair | null;
}

export interface RowPair {
  /** Same key, same code: only the first row with it in the whole run is kept. */
  dedupKey: string;
  is_test: boolean;
  /** Declarations the prompt's context section shows; null when the prompt has none. */
  contextShown: number | null;
  /** The pair says its target parses (meta.target_parses). */
  parses: boolean;
  descriptionSource: string | null;
  /** The pair; a worker sends its JSON line instead (`line`) and leaves this null. */
  record: Pair | null;
  /** Where the pair's JSON line (with its newline) is in the result's bytes: [start, end). */
  line: [number, number] | null;
}

/** A repository's share of the work: its own counts (duplicates and kept rows aside) and its rows. */
export interface RepoRows {
  counts: MakerCounts;
  rows: Row[];
  /** --describe-with: the descriptions the planned rows need, one per declaration. */
  requests?: DescribeRequest[];
}

/** One repository's candidates, filtered, planned and redacted; no state is shared between repositories. */
export class RepoPairMaker {
  constructor(
    private readonly cfg: PairsConfig,
    private readonly repoMeta: ReadonlyMap<string, RepoMeta> = new Map(),
    /** Counts tokens for the context budget (the tokenizer of --max-input-tokens). */
    private readonly countTokens: (text: string) => number = (t) => Math.ceil(t.length / 4),
    /** --describe-with: the answers known so far, by request key (see describe/). */
    private readonly answers: ReadonlyMap<string, string> = new Map(),
  ) {}

  /** The description requests of a repository's declarations (code and context with secrets redacted). */
  private describeLookup(): DescribeLookup | null {
    const d = this.cfg.describe;
    if (!d) return null;
    return {
      all: d.all,
      lookup: (target, code, context) => {
        const shown = { isTest: target.is_test };
        const request: DescribeRequest = {
          key: "",
          repo: target.repo,
          path: target.path,
          name: target.qualified_name ?? target.name,
          code: redactSecrets(code, shown).text,
          context: redactSecrets(context, shown).text,
        };
        request.key = requestKey(d.model, request.code, request.context);
        return { request, answer: this.answers.get(request.key) };
      },
    };
  }

  /**
   * The rows of one repository, in generator order then block order (deterministic): every
   * candidate is judged, the per-file plan keeps each span once, then secrets are redacted.
   */
  rowsOf(repo: RepoBlocks): RepoRows {
    const counts = emptyCounts();
    const drop = (type: PairType, reason: DropReason) => {
      counts.dropped[reason]++;
      const byType = counts.dropped_by_type[type];
      byType[reason] = (byType[reason] ?? 0) + 1;
    };
    const index = new SymbolIndex(repo);
    // The same signatures and import lists are costed for many candidates of a repository: count each once.
    const counted = new Map<string, number>();
    const count = (text: string) => {
      let n = counted.get(text);
      if (n === undefined) counted.set(text, (n = this.countTokens(text)));
      return n;
    };
    const budget: ContextTools = { count, budget: this.cfg.contextTokens, maxInputTokens: this.cfg.maxInputTokens };
    const tools: GeneratorTools = { context: (req) => buildContext(req, repo, index, budget), nestedOf: index.nestedOf, describe: this.describeLookup() };
    const passed: Candidate[] = [];
    for (const type of PAIR_TYPES) {
      for (const raw of GENERATORS[type](repo, this.cfg, drop, tools)) {
        counts.candidates[type]++;
        // Before the quality filter, so a file that is mostly licence is judged by its code.
        const header = stripLicenceHeader(raw.target_text);
        if (header.stripped) counts.licence_headers_stripped++;
        const c = header.stripped ? { ...raw, target_text: header.text } : raw;
        const reason = this.verdict(c, repo, counts.context);
        if (reason) drop(c.pair_type, reason);
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
      (c, reason) => drop(c.pair_type, reason),
    );
    const rows = planned.map((c) => this.row(c, counts));
    if (!this.cfg.describe) return { counts, rows };
    const requests = new Map<string, DescribeRequest>();
    for (const c of planned) if (c.describe && !requests.has(c.describe.request.key)) requests.set(c.describe.request.key, c.describe.request);
    return { counts, rows, requests: [...requests.values()] };
  }

  /** The quality filter, then whether the prompt (with its context) shows the project types the target uses. */
  private verdict(c: Candidate, repo: RepoBlocks, ctx: ContextCounts): DropReason | null {
    const reason = qualityVerdict(c, repo, this.cfg);
    if (reason || !c.context || c.context.used.length === 0) return reason;
    ctx.candidates_using_project_types++;
    if (isUnderspecified(c.context.used, c.context.missingAfter)) {
      ctx.dropped_underspecified++;
      return "underspecified";
    }
    if (isUnderspecified(c.context.used, c.context.missingBefore)) ctx.fixed_by_context++;
    return null;
  }

  /** Secret redaction and the finished pair (the duplicate check is run-wide: PairMaker.accept). */
  private row(c: Candidate, counts: MakerCounts): Row {
    if (c.describe) counts.description_checks[c.describe.outcome] = (counts.description_checks[c.describe.outcome] ?? 0) + 1;
    const t = c.target;
    const target = redactSecrets(c.target_text, { isTest: t.is_test });
    const input = redactSecrets(c.input_text, { isTest: t.is_test });
    const rules = [...input.redactions, ...target.redactions];
    const at = { repo: t.repo, path: t.path, pair_type: c.pair_type };
    if (rules.length > this.cfg.maxSecretsPerPair) return { ...at, rules, pair: null };
    const meta = this.repoMeta.get(t.repo);
    // Known to parse (prepare then skips its parse): clean source, and redaction kept to string literals.
    const parses = c.targetParses && redactionKeepsParse(c.target_text, target.text);
    const record: Pair = {
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
        secrets_redacted: rules.length,
        ...(parses ? { target_parses: true } : {}),
        ...(c.context ? { context_types_used: c.context.used.length, context_types_missing: c.context.missingAfter.length, context_declarations: c.context.shown } : {}),
      },
    };
    const source = c.meta.description_source;
    return {
      ...at,
      rules,
      pair: {
        // Any pair type: the same code is taught once (the plan already chose the best row of a span).
        dedupKey: stableHash(normalisedForDedup(target.text)),
        is_test: t.is_test,
        contextShown: c.context?.code ? c.context.shown : null,
        parses,
        descriptionSource: typeof source === "string" ? source : null,
        record,
        line: null,
      },
    };
  }
}

/** The run-wide half: the counts of every repository and the targets already kept. */
export class PairMaker {
  readonly counts = emptyCounts();
  private readonly seenTargets = new Set<string>();
  private readonly repoMaker: RepoPairMaker;

  constructor(cfg: PairsConfig, repoMeta: ReadonlyMap<string, RepoMeta> = new Map(), countTokens?: (text: string) => number) {
    this.repoMaker = new RepoPairMaker(cfg, repoMeta, countTokens);
  }

  /** The kept pairs of one repository, made in place (tests; the stage goes through `accept`). */
  *pairsOf(repo: RepoBlocks): Iterable<Pair> {
    for (const row of this.accept(this.repoMaker.rowsOf(repo))) yield row.pair!.record!;
  }

  private drop(type: PairType, reason: DropReason): void {
    this.counts.dropped[reason]++;
    const byType = this.counts.dropped_by_type[type];
    byType[reason] = (byType[reason] ?? 0) + 1;
  }

  /**
   * Takes a repository's rows (repositories in order): adds its counts, then drops the rows with
   * too many secrets and the targets an earlier row already taught; returns the kept rows in order.
   */
  accept(repo: RepoRows): Row[] {
    addCounts(this.counts, repo.counts);
    const kept: Row[] = [];
    const perFile = new Map<string, number>();
    for (const row of repo.rows) {
      const at = { repo: row.repo, path: row.path, pair_type: row.pair_type };
      const p = row.pair;
      if (!p) {
        recordRedactions(this.counts.secrets, at, row.rules, "pair_dropped");
        this.drop(row.pair_type, "secrets");
        continue;
      }
      if (this.seenTargets.has(p.dedupKey)) {
        this.drop(row.pair_type, "duplicate");
        continue;
      }
      this.seenTargets.add(p.dedupKey);
      recordRedactions(this.counts.secrets, at, row.rules, "redacted");
      this.counts.kept[row.pair_type]++;
      if (p.is_test) this.counts.test_pairs_kept++;
      if (p.parses) this.counts.targets_known_to_parse[row.pair_type]++;
      if (p.contextShown !== null) {
        this.counts.context.kept_with_context++;
        this.counts.context.declarations_shown += p.contextShown;
      }
      if (p.descriptionSource !== null) {
        const key = `${row.pair_type}:${p.descriptionSource}`;
        this.counts.description_sources[key] = (this.counts.description_sources[key] ?? 0) + 1;
      }
      perFile.set(row.path, (perFile.get(row.path) ?? 0) + 1);
      kept.push(row);
    }
    for (const n of perFile.values()) this.counts.rows_per_file[String(n)] = (this.counts.rows_per_file[String(n)] ?? 0) + 1;
    return kept;
  }
}
