/**
 * The three row shapes of final_training/*.jsonl. `default` is FinalRow (the keys the SmolLM3 and
 * Qwen3 notebooks read); `messages` is the conversational shape TRL's SFTTrainer and Unsloth take;
 * `prompt-completion` is TRL's prompt/completion shape. Every format carries the same provenance
 * keys (pair_type, source_set, platform, quality_score, repo, path, license) so rows stay traceable.
 */
import type { OutputFormat } from "../options.ts";
import type { FinalRow } from "../types.ts";

export const SYSTEM_PROMPT =
  "You are an expert Kotlin Multiplatform engineer. Answer with complete, idiomatic, compilable Kotlin " +
  "(or Gradle Kotlin DSL) that implements exactly what is asked, for the source set and platform given.";

/** The keys each format's rows have, in order: the card and the tests read this. */
export const FORMAT_KEYS: Record<OutputFormat, readonly string[]> = {
  default: ["input_text", "target_text", "pair_type", "source_set", "platform", "quality_score", "quality", "repo", "path", "license"],
  messages: ["messages", "pair_type", "source_set", "platform", "quality_score", "repo", "path", "license"],
  "prompt-completion": ["prompt", "completion", "pair_type", "source_set", "platform", "quality_score", "repo", "path", "license"],
};

export interface FormatOptions {
  fence: "kotlin" | "none";
  separator: string;
}

export const DEFAULT_FORMAT_OPTIONS: FormatOptions = { fence: "kotlin", separator: "\n" };

/** The answer as a chat model writes code: in a ```kotlin block (token limits apply to the text inside). */
export function fenced(code: string, fence: FormatOptions["fence"]): string {
  return fence === "kotlin" ? "```kotlin\n" + code.replace(/\n+$/, "") + "\n```" : code;
}

export function formatRow(row: FinalRow, format: OutputFormat, o: FormatOptions = DEFAULT_FORMAT_OPTIONS): Record<string, unknown> {
  const provenance = {
    pair_type: row.pair_type,
    source_set: row.source_set,
    platform: row.platform,
    quality_score: row.quality_score,
    repo: row.repo,
    path: row.path,
    license: row.license,
  };
  switch (format) {
    case "default":
      return {
        input_text: row.input_text,
        target_text: row.target_text,
        pair_type: row.pair_type,
        source_set: row.source_set,
        platform: row.platform,
        quality_score: row.quality_score,
        quality: row.quality,
        repo: row.repo,
        path: row.path,
        license: row.license,
      };
    case "messages":
      return {
        messages: [
          { role: "system", content: SYSTEM_PROMPT },
          { role: "user", content: row.input_text },
          { role: "assistant", content: fenced(row.target_text, o.fence) },
        ],
        ...provenance,
      };
    case "prompt-completion":
      return { prompt: row.input_text + o.separator, completion: row.target_text, ...provenance };
  }
}
