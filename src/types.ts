/**
 * The records handed from one stage to the next. Each stage reads one and writes the next:
 * scrape → Repo (data/metadata/repos.jsonl), extract → Block (data/raw_blocks/all_blocks.jsonl),
 * pairs → Pair (data/training_pairs/*.jsonl), prepare → FinalRow (data/final_training/*.jsonl).
 * Field names are snake_case because they are the JSONL schema users' notebooks read.
 */

/** One repository kept by scrape (a line of data/metadata/repos.jsonl). */
export interface Repo {
  full_name: string; // owner/name
  html_url: string;
  clone_url: string;
  default_branch: string;
  commit: string | null; // sha cloned
  stars: number;
  forks: number;
  size_kb: number;
  pushed_at: string | null;
  license: string | null; // SPDX id
  topics: string[];
  description: string | null;
  score: number;
  matched_queries: string[];
  kmp_evidence: KmpEvidence[];
  local_path: string; // relative to the data dir, e.g. repos/owner__name
  cloned_at: string | null;
}

export interface KmpEvidence {
  file: string; // path inside the repo
  marker: string; // e.g. kotlin("multiplatform"), src/commonMain
}

export type BlockKind =
  | "function"
  | "class"
  | "interface"
  | "object"
  | "typealias"
  | "property"
  | "file"
  | "gradle";

export type Platform =
  | "common"
  | "android"
  | "ios"
  | "apple"
  | "native"
  | "jvm"
  | "desktop"
  | "js"
  | "wasm"
  | "linux"
  | "macos"
  | "windows"
  | "watchos"
  | "tvos"
  | "mixed" // intermediate custom source sets spanning several platforms (e.g. mobileMain)
  | "unknown";

/** A parameter of a function or primary constructor, as written in the source. */
export interface Param {
  name: string;
  type: string;
}

/** A direct member of a class-like block (function, property, nested type). */
export interface Member {
  kind: BlockKind;
  name: string;
  signature: string;
  has_body: boolean;
  is_abstract: boolean;
}

/**
 * A body inside a block's `code`, located by UTF-16 offsets into `code` (the tree's ranges).
 * `block` = `{ … }` function/accessor/init body; `expression` = the expression after `=` of an
 * expression-bodied function or accessor. Outermost bodies only (a nested function inside a body
 * is covered by its enclosing body). skeleton_to_complete replaces exactly these ranges.
 */
export interface BodyRange {
  start: number;
  end: number;
  kind: "block" | "expression";
  owner: string; // name of the function/accessor that owns the body
}

/** What extract reads from a Gradle script (kts from the tree; groovy best-effort). */
export interface GradleInfo {
  plugins: string[]; // ids or aliases as written: org.jetbrains.kotlin.multiplatform, libs.plugins.x, kotlin("multiplatform")
  is_kmp: boolean; // the script applies the KMP plugin itself (by id, kotlin("multiplatform") or a catalog alias; not `apply false`)
  targets: string[]; // androidTarget, iosArm64, jvm, js, wasmJs …
  source_sets: { name: string; dependencies: string[] }[]; // with their dependencies; configured ones without any have []
  android: { namespace: string | null; compile_sdk: string | null; min_sdk: string | null } | null;
  catalog_refs: { alias: string; resolved: string | null }[]; // libs.x.y aliases resolved through gradle/libs.versions.toml
  settings: { scope: string; statement: string }[]; // literal settings outside plugins/dependencies: multiplatformResources / resourcesPackage.set("x")
  blocks: string[]; // other top-level calls, as written: `multiplatformResources { }`, `setupMultiplatform()`
  plugin_registrations: { id: string; implementation_class: string }[]; // gradlePlugin { plugins { register(…) { id = …; implementationClass = … } } }
}

/** One extracted code block (a line of data/raw_blocks/all_blocks.jsonl). */
export interface Block {
  id: string; // stable hash of repo, path, range and content
  repo: string; // owner/name (or folder name for --repos-dir)
  path: string; // relative to the repo root, forward slashes
  source_set: string; // commonMain, androidMain, iosTest, … or "unknown"
  platform: Platform;
  kind: BlockKind;
  name: string;
  qualified_name: string; // package + parents + name
  signature: string; // declaration text up to its body
  code: string; // full text of the declaration (with KDoc and annotations)
  start_line: number; // 1-based, inclusive
  end_line: number;
  modifiers: string[];
  annotations: string[]; // names without @, e.g. Composable, OptIn
  is_expect: boolean;
  is_actual: boolean;
  is_composable: boolean;
  kdoc: string | null;
  package: string;
  imports: string[]; // of the file
  parent: string | null; // qualified name of the enclosing declaration
  supertypes: string[]; // as written, generic arguments stripped
  has_body: boolean;
  body_statements: number;
  arch_pattern: string | null;
  arch_patterns: string[];
  is_test: boolean;
  parse_errors: number; // ERROR/MISSING nodes in its range
  /**
   * The file needed a grammar repair (src/extract/repair.ts): offset-preserving rewrites before the
   * parse, or top-level spans re-parsed alone or wrapped. parse_errors then describes the repaired
   * reading, not what the grammar makes of `code` as written.
   */
  repaired: boolean;
  license: string | null;
  commit: string | null;
  // Structure the pair generators use, so they never regex raw text.
  params: Param[]; // functions and primary constructors
  return_type: string | null;
  type_params: string[];
  receiver: string | null; // extension receiver type
  members: Member[]; // class-like kinds
  body_ranges: BodyRange[];
  calls: string[]; // distinct simple names of functions called inside the bodies
  dsl: "kotlin" | "groovy" | null; // gradle blocks only
  gradle: GradleInfo | null; // gradle blocks only
}

export type PairType =
  | "expect_actual"
  | "interface_implementation"
  | "description_to_code"
  | "skeleton_to_complete"
  | "composable"
  | "full_file"
  | "gradle";

export const PAIR_TYPES: readonly PairType[] = [
  "expect_actual",
  "interface_implementation",
  "description_to_code",
  "skeleton_to_complete",
  "composable",
  "full_file",
  "gradle",
];

/** One training pair (a line of data/training_pairs/{train,val,test}.jsonl). */
export interface Pair {
  id: string; // stable hash of type, source block ids and texts
  pair_type: PairType;
  input_text: string;
  target_text: string;
  repo: string;
  path: string;
  source_set: string;
  platform: Platform;
  license: string | null;
  commit: string | null;
  is_test: boolean;
  meta: Record<string, string | number | boolean | string[] | null>; // type-specific, flat
}

/** Per-dimension quality, each in [0, 1]. */
export interface QualityDims {
  implementation_density: number;
  control_flow: number;
  kmp_specificity: number;
  documentation: number;
  idiomatic_kotlin: number;
  size_fit: number;
  prompt: number;
}

/** One row of data/final_training/*.jsonl in the default format. */
export interface FinalRow {
  input_text: string;
  target_text: string;
  pair_type: PairType;
  source_set: string;
  platform: Platform;
  quality_score: number;
  quality: QualityDims;
  repo: string;
  path: string;
  license: string | null;
}
