/**
 * composable: a @Composable function's KDoc and signature, plus what the component shows as far as
 * its parameters tell (state it renders, events it raises, slots it hosts) → the full function.
 */
import type { Block, Param } from "../../types.ts";
import { bodyLines } from "../bodies.ts";
import type { RepoBlocks } from "../repo.ts";
import { kdocSummary, listing, pick, words, dedentDeclaration } from "../text.ts";
import type { Candidate, PairsConfig, SkipSink } from "../types.ts";

type Role = "modifier" | "slot" | "callback" | "state" | "data";

/** What a parameter is for, read from its declared type. */
export function paramRole(p: Param): Role {
  const t = p.type.replace(/\s+/g, "");
  if (t === "Modifier") return "modifier";
  if (t.includes("@Composable")) return "slot";
  if (t.includes("->")) return "callback";
  if (/(^|[.<])(State|MutableState|StateFlow|MutableStateFlow|UiState|ScrollState|LazyListState)\b|State$/.test(t) || /state$/i.test(p.name)) return "state";
  return "data";
}

function describeParams(params: readonly Param[]): string[] {
  const by = (r: Role) => params.filter((p) => paramRole(p) === r);
  const out: string[] = [];
  const state = by("state");
  const data = by("data");
  const callbacks = by("callback");
  const slots = by("slot");
  if (state.length) out.push(`It renders the state ${listing(state.map((p) => `\`${p.name}\` (${p.type})`))}.`);
  if (data.length) out.push(`It displays ${listing(data.map((p) => `${words(p.name)} (\`${p.name}: ${p.type}\`)`))}.`);
  if (callbacks.length) out.push(`It reports user actions through ${listing(callbacks.map((p) => `\`${p.name}\``))}.`);
  if (slots.length) out.push(`It hosts caller-provided content in ${listing(slots.map((p) => `\`${p.name}\``))}.`);
  if (by("modifier").length) out.push("It applies the given `modifier` to its root layout.");
  return out;
}

const OPENERS = [
  (name: string, what: string) => `Write the Compose Multiplatform UI function \`${name}\`, which shows ${what}.`,
  (name: string, what: string) => `Implement the composable \`${name}\` that displays ${what}.`,
  (name: string, what: string) => `Build a @Composable \`${name}\` for ${what}.`,
];

function subject(b: Block): string {
  const w = words(b.name);
  return w.endsWith(" screen") || w.endsWith(" card") || w.endsWith(" list") ? `a ${w}` : `the ${w}`;
}

export function* composablePairs(repo: RepoBlocks, cfg: PairsConfig, _skip: SkipSink): Iterable<Candidate> {
  for (const b of repo.blocks) {
    if (b.kind !== "function" || !b.is_composable) continue;
    const opener = OPENERS[pick(cfg.seed, `cp:${b.id}`, OPENERS.length)]!;
    const summary = kdocSummary(b.kdoc);
    const lines = [
      opener(b.name, subject(b)),
      ...(summary ? [summary] : []),
      ...describeParams(b.params),
      `Source set: ${b.source_set} (${b.platform}).`,
      "",
      ...(b.kdoc && !b.signature.includes(b.kdoc.trim()) ? [b.kdoc.trim()] : []),
      b.signature.trim(),
    ];
    yield {
      pair_type: "composable",
      input_text: lines.join("\n"),
      target_text: dedentDeclaration(b.code),
      target: b,
      sources: [b],
      meta: {
        name: b.name,
        qualified_name: b.qualified_name,
        params: b.params.length,
        state_params: b.params.filter((p) => paramRole(p) === "state").map((p) => p.name),
        callbacks: b.params.filter((p) => paramRole(p) === "callback").map((p) => p.name),
      },
      answerLines: bodyLines(b),
    };
  }
}
