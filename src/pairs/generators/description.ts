/**
 * description_to_code: a request for one declaration → its full code. With a KDoc the request
 * carries its description (`meta.description_source: "kdoc"`); without one it is a signature task
 * (`"signature"`): implement this signature, given the context. Either way the prompt holds the
 * signature, where the code lives, and the project context the body needs (see context.ts).
 *
 * With --describe-with, a declaration without KDoc (any, with --describe-all) is described by a
 * model from the same code and context (`"llm"`); an answer that fails its checks
 * (describe/check.ts) leaves the row as it would have been, the outcome counted.
 */
import type { Block } from "../../types.ts";
import { bodyLines } from "../bodies.ts";
import { contextSection, declarationPhrase, fence, kdocDescription, paragraphs, sentences, whereSentence } from "../prompt.ts";
import type { RepoBlocks } from "../repo.ts";
import { renderClassLike } from "../symbols.ts";
import { pick } from "../text.ts";
import type { Candidate, GeneratorTools, PairsConfig, SkipSink } from "../types.ts";
import { parsesStandalone } from "../parses.ts";
import { checkAnswer } from "../describe/check.ts";

/** Openers, all plain instructions; `what` is a declaration phrase ("the method `f` of `C`"). */
const WITH_KDOC: ((what: string) => string)[] = [
  (what) => `Implement ${what} in Kotlin.`,
  (what) => `Write ${what}, with a complete body.`,
  (what) => `I need ${what} in a Kotlin Multiplatform project. Please write its full implementation.`,
];

const SIGNATURE_ONLY: ((what: string) => string)[] = [
  (what) => `Implement ${what} with the signature below.`,
  (what) => `Write the complete body of ${what}, keeping the signature below as it is.`,
  (what) => `Complete ${what}: the signature is given below; write the whole declaration.`,
];

/** Declarations worth describing: functions, classes and objects with bodies (composables and expect/actual have their own pairs). */
function describable(b: Block): boolean {
  if (b.kind !== "function" && b.kind !== "class" && b.kind !== "object") return false;
  return !b.is_composable && !b.is_expect && !b.is_actual;
}

/** The declaration as the prompt shows it: signature (with the KDoc when the prompt quotes it). */
function shownSignature(b: Block, repo: RepoBlocks): string {
  return repo.dedent(b, b.signature.trim());
}



export function* descriptionPairs(repo: RepoBlocks, cfg: PairsConfig, _skip: SkipSink, tools: GeneratorTools): Iterable<Candidate> {
  for (const b of repo.blocks) {
    if (!describable(b)) continue;
    const kdoc = kdocDescription(b.kdoc);
    const phrasing = pick(cfg.seed, `dc:${b.id}`, SIGNATURE_ONLY.length);
    const target = repo.dedent(b);
    // A class-like is shown with its member signatures, so the request says what it must hold.
    const shape = fence(b.kind === "function" ? shownSignature(b, repo) : renderClassLike(b, { all: true, nestedOf: tools.nestedOf, max: Infinity }));
    const answerLines = bodyLines(b);
    const made = (base: string, context: Candidate["context"], source: string): Candidate => ({
      pair_type: "description_to_code",
      input_text: paragraphs(base, contextSection(context)),
      target_text: target,
      target: b,
      sources: [b],
      meta: { name: b.name, qualified_name: b.qualified_name, kind: b.kind, phrasing, has_kdoc: b.kdoc !== null, description_source: source },
      answerLines,
      context,
      targetParses: parsesStandalone(b), // the declaration as written, dedented
    });
    const opener = (kdoc ? WITH_KDOC : SIGNATURE_ONLY)[phrasing]!(declarationPhrase(b));
    const base = paragraphs(sentences(opener, whereSentence(b)), kdoc ? `What it does: ${kdoc}` : "", shape);
    const describe = tools.describe;
    if (!describe || (kdoc && !describe.all)) {
      yield made(base, tools.context({ target: b, prompt: base, imports: true, enclosing: true }), kdoc ? "kdoc" : "signature");
      continue;
    }
    // The model sees the declaration and the context of the signature task; a description it
    // writes replaces the opener (and the KDoc), over the same signature and context.
    const signatureBase = paragraphs(sentences(SIGNATURE_ONLY[phrasing]!(declarationPhrase(b)), whereSentence(b)), shape);
    const context = tools.context({ target: b, prompt: signatureBase, imports: true, enclosing: true });
    const { request, answer } = describe.lookup(b, target, context.code);
    const verdict = answer === undefined ? null : checkAnswer(answer, target, answerLines);
    if (verdict?.ok) {
      yield { ...made(paragraphs(sentences(verdict.text, whereSentence(b)), shape), context, "llm"), describe: { request, outcome: "used" } };
      continue;
    }
    const outcome = verdict ? verdict.reason : "no_answer";
    const fallback = kdoc ? made(base, tools.context({ target: b, prompt: base, imports: true, enclosing: true }), "kdoc") : made(signatureBase, context, "signature");
    yield { ...fallback, describe: { request, outcome } };
  }
}
