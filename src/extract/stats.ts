/** Counters of the extract step, written to extraction_stats.json and printed as a table. */
import type { SkipReason } from "./discover.ts";
import { emptyLicenceTally } from "./licensing.ts";
import type { BlockTally, FileTask, WireFileResult } from "./types.ts";

function bump(m: Record<string, number>, k: string, n = 1): void {
  m[k] = (m[k] ?? 0) + n;
}

function sorted(m: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(m).sort(([a], [b]) => a.localeCompare(b)));
}

/** Skipped files named in extraction_stats.json at most (the rest are counted). */
export const MAX_NAMED_SKIPS = 5000;

export class ExtractStats {
  repos = 0;
  repos_without_kotlin = 0;
  repos_not_in_metadata = 0;
  licences = emptyLicenceTally();
  files_discovered = 0;
  files_parsed = 0;
  files_skipped: Record<string, number> = {};
  files_failed: Record<string, number> = {};
  failed_files: string[] = [];
  /** Every skipped file with its reason (repo:path), up to MAX_NAMED_SKIPS; the rest counted. */
  skipped_files: { file: string; reason: string }[] = [];
  skipped_files_not_listed = 0;
  files_with_parse_errors = 0;
  parse_error_nodes = 0;
  misparse_spans_repaired = 0;
  files_repaired_by_rewrites = 0;
  unknown_source_set_files = 0;
  declarations_too_deep = 0;
  unknown_examples: string[] = [];
  blocks = 0;
  by_kind: Record<string, number> = {};
  by_source_set: Record<string, number> = {};
  by_platform: Record<string, number> = {};
  by_pattern: Record<string, number> = {};
  with_body = 0;
  bytes = 0;
  seconds = 0;
  worker_failures = 0;
  private busyMs = 0;
  private grammarMs = 0;
  private threads = new Set<number>();

  constructor(readonly threadsRequested: number) {}

  skip(reason: SkipReason, file?: string): void {
    bump(this.files_skipped, reason);
    if (file === undefined) return;
    if (this.skipped_files.length < MAX_NAMED_SKIPS) this.skipped_files.push({ file, reason });
    else this.skipped_files_not_listed++;
  }

  fileFailed(f: Pick<FileTask, "repo" | "path">, reason: string): void {
    bump(this.files_failed, reason);
    if (this.failed_files.length < 50) this.failed_files.push(`${f.repo}:${f.path}`);
  }

  unknownFile(path: string): void {
    this.unknown_source_set_files++;
    if (this.unknown_examples.length < 20) this.unknown_examples.push(path);
  }

  workerThread(id: number, busyMs: number, grammarMs: number): void {
    this.threads.add(id);
    this.busyMs += busyMs;
    this.grammarMs += grammarMs;
  }

  fileParsed(f: WireFileResult): void {
    this.files_parsed++;
    if (f.parse_errors > 0) {
      this.files_with_parse_errors++;
      this.parse_error_nodes += f.parse_errors;
    }
    this.misparse_spans_repaired += f.repairs.misparse;
    if (f.repairs.rewrites > 0) this.files_repaired_by_rewrites++;
    this.declarations_too_deep += f.too_deep ?? 0;
  }

  block(b: BlockTally): void {
    this.blocks++;
    bump(this.by_kind, b.kind);
    bump(this.by_source_set, b.source_set);
    bump(this.by_platform, b.platform);
    if (b.arch_pattern) bump(this.by_pattern, b.arch_pattern);
    if (b.has_body) this.with_body++;
  }

  toJSON() {
    const mb = this.bytes / 1e6;
    return {
      repos: this.repos,
      repos_without_kotlin: this.repos_without_kotlin,
      repos_not_in_metadata: this.repos_not_in_metadata,
      repos_skipped_licence: this.licences.skipped,
      licences: {
        by_source: this.licences.by_source,
        by_licence: sorted(this.licences.by_licence),
        skipped_by_licence: sorted(this.licences.skipped_by_licence),
        unrecognised_files: this.licences.unrecognised_files,
      },
      files_discovered: this.files_discovered,
      files_parsed: this.files_parsed,
      files_skipped: sorted(this.files_skipped),
      files_failed: sorted(this.files_failed),
      failed_files: this.failed_files,
      skipped_files: this.skipped_files,
      skipped_files_not_listed: this.skipped_files_not_listed,
      files_with_parse_errors: this.files_with_parse_errors,
      parse_error_nodes: this.parse_error_nodes,
      repairs: { misparse_spans: this.misparse_spans_repaired, files_improved_by_rewrites: this.files_repaired_by_rewrites },
      declarations_too_deep: this.declarations_too_deep,
      unknown_source_set_files: this.unknown_source_set_files,
      unknown_source_set_share: this.files_parsed ? this.unknown_source_set_files / this.files_parsed : 0,
      unknown_examples: this.unknown_examples,
      blocks: this.blocks,
      blocks_by_kind: sorted(this.by_kind),
      blocks_by_source_set: sorted(this.by_source_set),
      blocks_by_platform: sorted(this.by_platform),
      blocks_by_pattern: sorted(this.by_pattern),
      has_body_share: this.blocks ? this.with_body / this.blocks : 0,
      bytes: this.bytes,
      megabytes: mb,
      seconds: this.seconds,
      mb_per_s: this.seconds > 0 ? mb / this.seconds : 0,
      // Summed over workers: time on batches, and the part inside the grammar (parse + repair re-parses).
      worker_busy_seconds: this.busyMs / 1000,
      worker_grammar_seconds: this.grammarMs / 1000,
      threads_used: this.threadsRequested,
      worker_thread_ids: [...this.threads].sort((a, b) => a - b),
      worker_failures: this.worker_failures,
    };
  }
}

export type ExtractStatsJson = ReturnType<ExtractStats["toJSON"]>;

export function formatStatsTable(s: ExtractStatsJson): string {
  const rows: [string, string][] = [
    ["repos", `${s.repos} (${s.repos_without_kotlin} without Kotlin${s.repos_skipped_licence ? `; ${s.repos_skipped_licence} more skipped for their licence` : ""})`],
    ["licences", Object.entries(s.licences.by_licence).map(([k, v]) => `${k} ${v}`).join(", ") || "none"],
    ["files", `${s.files_parsed} parsed of ${s.files_discovered}; skipped ${reasons(s.files_skipped)}; failed ${reasons(s.files_failed)}`],
    ["parse errors", `${s.files_with_parse_errors} files, ${s.parse_error_nodes} ERROR/MISSING nodes; repaired ${s.repairs.misparse_spans} misparsed spans, ${s.repairs.files_improved_by_rewrites} files by rewrites`],
    ["source sets", `${s.unknown_source_set_files} files unknown (${(s.unknown_source_set_share * 100).toFixed(1)} %)`],
    ["blocks", `${s.blocks}: ${Object.entries(s.blocks_by_kind).map(([k, v]) => `${k} ${v}`).join(", ")}`],
    ["has body", `${(s.has_body_share * 100).toFixed(1)} %`],
    ["patterns", Object.entries(s.blocks_by_pattern).map(([k, v]) => `${k} ${v}`).join(", ") || "none"],
    ["speed", `${s.megabytes.toFixed(2)} MB in ${s.seconds.toFixed(2)} s = ${s.mb_per_s.toFixed(2)} MB/s on ${s.threads_used} threads`],
  ];
  const w = Math.max(...rows.map(([k]) => k.length));
  return ["extract summary", ...rows.map(([k, v]) => `  ${k.padEnd(w)}  ${v}`)].join("\n");
}

/** Counts by reason as words: "none", or "too_large 2, not_utf8 1". */
function reasons(counts: Record<string, number>): string {
  const parts = Object.entries(counts).filter(([, n]) => n > 0).map(([r, n]) => `${r} ${n}`);
  return parts.length ? parts.join(", ") : "none";
}
