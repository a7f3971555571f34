/**
 * What the pairs stage passes between its parts: a generator yields Candidates, the quality filter
 * turns each into a kept Pair or a drop reason, the splitter places kept pairs.
 */
import type { Block, Pair, PairType } from "../types.ts";
import type { Context, ContextRequest } from "./context.ts";
import type { DescribeRequest } from "./describe/template.ts";

/** --describe-with: what shapes the rows (the endpoint and key do not). */
export interface DescribeConfig {
  model: string;
  /** The template's version: part of every answer's key. */
  template: string;
  /** Describe declarations with a KDoc too (--describe-all). */
  all: boolean;
  /** --describe-max: most requests a run sends (which candidates get an answer). */
  max: number | null;
}

/** The typed config of the pairs algorithms, seed included (built from PairsOptions + globals). */
export interface PairsConfig {
  seed: number;
  minTargetLines: number;
  maxTargetLines: number;
  excludeTests: boolean;
  /** Shares of train/val/test, summing to 1. */
  split: [number, number, number];
  /** Below this many repositories, groups are files rather than repositories (noted in the stats). */
  minReposForRepoGrouping: number;
  /** A pair whose input holds at least this share of the target's body lines is dropped. */
  answerInInputShare: number;
  /** Class-like targets need at least this share of their functions with bodies. */
  minBodiedFunctionShare: number;
  /** More secrets than this in one pair: drop it instead of redacting. */
  maxSecretsPerPair: number;
  /** Most tokens of project context a prompt may carry (--context-tokens). */
  contextTokens: number;
  /** The prompt limit prepare applies (--max-input-tokens): context never pushes a prompt past it. */
  maxInputTokens: number;
  /** Tokenizer the two budgets are counted with (--tokenizer). */
  tokenizer: "bpe" | "chars4";
  /** Most rows one source file may give (--max-rows-per-file). */
  maxRowsPerFile: number;
  /** Files up to this many lines with two or more top-level declarations are taught whole (--max-file-lines). */
  maxFileLines: number;
  /** The answer a row teaches (its bodies, less what the prompt shows) must hold this many code tokens (--min-answer-tokens). */
  minAnswerTokens: number;
  /** A skeleton must hide at least this many lines … */
  minSkeletonHiddenLines: number;
  /** … and at least this share of its target's lines. */
  minSkeletonHiddenShare: number;
  /** Model-written descriptions (--describe-with); absent: none. */
  describe?: DescribeConfig;
}

export const DEFAULT_PAIRS_CONFIG: Omit<PairsConfig, "seed" | "minTargetLines" | "maxTargetLines" | "excludeTests" | "contextTokens" | "maxInputTokens" | "tokenizer" | "maxRowsPerFile" | "maxFileLines" | "minAnswerTokens"> = {
  split: [0.9, 0.05, 0.05],
  // Group by repository whenever each split can get one; below that, by file (said in the stats).
  minReposForRepoGrouping: 3,
  answerInInputShare: 0.5,
  minBodiedFunctionShare: 0.5,
  maxSecretsPerPair: 3,
  minSkeletonHiddenLines: 3,
  minSkeletonHiddenShare: 0.25,
};

/** A pair before the quality filter. */
export interface Candidate {
  pair_type: PairType;
  input_text: string;
  target_text: string;
  /** The block the target is made of: location, platform, license and the structural checks. */
  target: Block;
  /** Every block that contributed (for the stable id). */
  sources: Block[];
  meta: Pair["meta"];
  /** The target's body lines (normalised): the answer the input must not already hold. */
  answerLines: string[];
  /** The project context the prompt carries and what it still misses (null: not measured, e.g. gradle). */
  context: Context | null;
  /**
   * The target is clean source text changed only in ways that keep the parse (see parses.ts): it
   * becomes `meta.target_parses: true` unless redaction touches more than string literals.
   */
  targetParses: boolean;
  /** A description_to_code candidate a model was (or would be) asked to describe, and what came of it. */
  describe?: { request: DescribeRequest; outcome: DescribeOutcome };
}

/** What became of a model's description: used, rejected by a check (its reason), or none to use. */
export type DescribeOutcome = "used" | "no_answer" | import("./describe/check.ts").RejectReason;

/** A declaration's description request, and the model's answer when there is one (see maker.ts). */
export interface DescribeLookup {
  /** Describe declarations with a KDoc too. */
  all: boolean;
  lookup(target: Block, code: string, context: string): { request: DescribeRequest; answer: string | undefined };
}

/** What generators get besides the repository: the context builder, bound to its symbol index and budget. */
export interface GeneratorTools {
  context(req: ContextRequest): Context;
  /** Nested class-likes (the companion, `object Keys`, sealed cases) of a class-like, to render it with their members. */
  nestedOf(b: Block): ReadonlyMap<string, Block>;
  /** --describe-with: the model's answers by request; null without it. */
  describe: DescribeLookup | null;
}

/** Why a candidate (or a would-be candidate) was dropped; every one is a counter in pairs_stats.json. */
export const DROP_REASONS = [
  // generators: structure that cannot make a pair of that type
  "expect_without_actual",
  "typealias_actual",
  "interface_unresolved",
  "interface_members_unimplemented",
  "interface_without_abstract_functions",
  "bad_body_ranges",
  "skeleton_without_bodies",
  "skeleton_hides_too_little",
  "outline_hides_too_little",
  "preview",
  "interface_members_beyond_prompt",
  "gradle_groovy",
  // quality filter, in the order it checks
  "generated",
  "test_data",
  "parse_errors",
  "test_code",
  "too_short",
  "too_long",
  "no_real_body",
  "mostly_bodiless",
  "composable_without_ui_call",
  "gradle_not_kmp",
  "gradle_without_kmp_configuration",
  "answer_in_input",
  "trivial_answer",
  "underspecified",
  "secrets",
  // the per-file plan: each code span taught once
  "taught_by_another_row",
  "over_file_cap",
  "duplicate",
] as const;

export type DropReason = (typeof DROP_REASONS)[number];

/** What each reason means, written into pairs_stats.json so the file explains itself. */
export const DROP_REASON_HELP: Record<DropReason, string> = {
  expect_without_actual: "an expect declaration with no actual in the repository",
  typealias_actual: "the actual is a typealias to a platform type: no body to learn from",
  interface_unresolved: "a supertype named like a repository interface did not resolve to it through package or imports",
  interface_members_unimplemented: "the class does not give bodies to all of the interface's abstract functions",
  interface_without_abstract_functions: "the interface declares no abstract function (a marker or sealed interface): nothing to implement",
  bad_body_ranges: "the block's body ranges do not fit its code (an extract bug)",
  skeleton_without_bodies: "a class or object with no function, accessor or init body to skeletonise",
  skeleton_hides_too_little: "the skeleton hides fewer than 3 lines or less than a quarter of its target: little left to learn",
  outline_hides_too_little: "the file's outline (its declarations by signature) leaves fewer than 3 lines or less than a quarter of the file to write",
  preview: "a @Preview composable: sample arguments for a design-time preview, not UI to learn from",
  interface_members_beyond_prompt: "the class declares more members than the prompt can list as signatures",
  gradle_groovy: "a Groovy build script (only build.gradle.kts targets are taught)",
  generated: "generated code (build/ or generated/ paths, @Generated, or a generated-file header)",
  test_data: "input files of a compiler or generator test (a testData/ folder): data for a tool, not code to learn from",
  parse_errors: "the target's range has parse errors",
  test_code: "test code, dropped because of --exclude-tests",
  too_short: "the target has fewer lines than --min-target-lines",
  too_long: "the target has more lines than --max-target-lines",
  no_real_body: "no function body with a real statement in the target",
  mostly_bodiless: "a class-like target where most functions have no body",
  composable_without_ui_call: "a composable whose body calls no layout, component or other composable",
  gradle_not_kmp: "a build script that does not make a KMP module: no KMP plugin (applied, not `apply false`), no repository convention plugin applying it, no KMP-only kotlin { } DSL",
  gradle_without_kmp_configuration: "a KMP build script that declares no targets and configures no source set (only toolchain or compiler settings)",
  answer_in_input: "the input already holds at least half of the target's body lines",
  trivial_answer: "the answer (the bodies the prompt does not show) has fewer than --min-answer-tokens code tokens: a one-liner teaches next to nothing",
  underspecified: "over half of the project types the target uses appear nowhere in the prompt, even with context added",
  secrets: "more secrets than can be safely redacted",
  taught_by_another_row: "its code is taught by another row of the same file (the same span by a higher-priority type, or a span that contains it)",
  over_file_cap: "the file already gives --max-rows-per-file rows (best kept: see README, 'Each code span taught once')",
  duplicate: "the same normalised target was already kept (any pair type)",
};

/** Where generators report structural skips (counted, never silent). */
export type SkipSink = (type: PairType, reason: DropReason) => void;
