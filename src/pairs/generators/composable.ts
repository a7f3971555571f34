/**
 * composable: a @Composable function's signature, its KDoc when it has one, and the project context
 * it needs (the state types it renders, the project composables it calls) → the full function.
 * Parameter roles (state, callback, slot) are recorded in meta, not turned into prose: a name is
 * not evidence of what a parameter does.
 */
import type { Block, Param } from "../../types.ts";
import { bodyLines } from "../bodies.ts";
import type { RepoBlocks } from "../repo.ts";
import { contextSection, declarationPhrase, fence, kdocDescription, paragraphs, sentences, whereSentence } from "../prompt.ts";
import { pick } from "../text.ts";
import type { Candidate, GeneratorTools, PairsConfig, SkipSink } from "../types.ts";
import { parsesStandalone } from "../parses.ts";

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

// Android-only code is Jetpack Compose; anything else a KMP source set holds is Compose Multiplatform.
const OPENERS = [
  (what: string, ui: string) => `Write ${what} for a ${ui} UI.`,
  (what: string) => `Implement ${what}; its body is missing and must be written in full.`,
  (what: string, ui: string) => `Build ${what} in ${ui}.`,
];

function composeFlavour(b: { platform: string }): string {
  return b.platform === "android" ? "Jetpack Compose" : "Compose Multiplatform";
}

export function* composablePairs(repo: RepoBlocks, cfg: PairsConfig, skip: SkipSink, tools: GeneratorTools): Iterable<Candidate> {
  for (const b of repo.blocks) {
    if (b.kind !== "function" || !b.is_composable) continue;
    if (b.annotations.some((a) => a === "Preview" || a.endsWith("Preview"))) {
      skip("composable", "preview");
      continue;
    }
    const opener = OPENERS[pick(cfg.seed, `cp:${b.id}`, OPENERS.length)]!;
    const description = kdocDescription(b.kdoc);
    const target = repo.dedent(b);
    const base = paragraphs(
      sentences(opener(declarationPhrase(b), composeFlavour(b)), whereSentence(b)),
      description ? `What it shows: ${description}` : "",
      fence(repo.dedent(b, b.signature.trim())),
    );
    const context = tools.context({ target: b, prompt: base, imports: true, enclosing: true });
    yield {
      pair_type: "composable",
      input_text: paragraphs(base, contextSection(context)),
      target_text: target,
      target: b,
      sources: [b],
      meta: {
        name: b.name,
        qualified_name: b.qualified_name,
        params: b.params.length,
        state_params: b.params.filter((p) => paramRole(p) === "state").map((p) => p.name),
        callbacks: b.params.filter((p) => paramRole(p) === "callback").map((p) => p.name),
        description_source: description ? "kdoc" : "signature",
      },
      answerLines: bodyLines(b),
      context,
      targetParses: parsesStandalone(b), // the declaration as written, dedented
    };
  }
}
