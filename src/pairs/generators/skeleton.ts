/**
 * skeleton_to_complete: a class or object whose every function, accessor and init body is replaced
 * by TODO() at the tree's ranges (Block.body_ranges) → the original. Signatures, fields, annotations,
 * KDoc and nested declarations stay as written, so it works for any size, nesting and body style.
 * The skeleton must hide real work (at least 3 lines and a quarter of the target), and the prompt
 * carries the project types the class uses but does not declare.
 */
import { bodyLines, skeletonise, validRanges } from "../bodies.ts";
import type { RepoBlocks } from "../repo.ts";
import { contextSection, fence, paragraphs, sentences, whereSentence } from "../prompt.ts";
import { lineCount, nonBlankLines, pick } from "../text.ts";
import type { Candidate, GeneratorTools, PairsConfig, SkipSink } from "../types.ts";
import { parsesStandalone } from "../parses.ts";

const PHRASES = [
  (kind: string, name: string) => `Complete the ${kind} \`${name}\`: replace every TODO() with a working implementation. Keep the declarations as they are.`,
  (kind: string, name: string) => `Fill in the bodies of this Kotlin ${kind} (\`${name}\`). Every TODO() must become real code.`,
  (kind: string, name: string) => `Here is the skeleton of \`${name}\`. Write the full ${kind} with all function bodies implemented.`,
];

export function* skeletonPairs(repo: RepoBlocks, cfg: PairsConfig, skip: SkipSink, tools: GeneratorTools): Iterable<Candidate> {
  for (const b of repo.blocks) {
    if (b.kind !== "class" && b.kind !== "object") continue;
    // A nested class is taught inside its outer class; pairing it again would repeat the same code.
    if (b.parent !== null && repo.classNames.has(b.parent)) continue;
    const ranges = validRanges(b);
    if (ranges === null) {
      skip("skeleton_to_complete", "bad_body_ranges");
      continue;
    }
    if (ranges.length === 0) {
      skip("skeleton_to_complete", "skeleton_without_bodies");
      continue;
    }
    const phrase = PHRASES[pick(cfg.seed, `sk:${b.id}`, PHRASES.length)]!;
    const skeleton = repo.dedent(b, skeletonise(b.code, ranges));
    const target = repo.dedent(b);
    // A skeleton that hides a line or two teaches little: the hidden part must be real work.
    const total = nonBlankLines(target);
    const hidden = total - nonBlankLines(skeleton);
    if (hidden < cfg.minSkeletonHiddenLines || hidden < cfg.minSkeletonHiddenShare * total || lineCount(target) < cfg.minTargetLines) {
      skip("skeleton_to_complete", "skeleton_hides_too_little");
      continue;
    }
    const base = paragraphs(sentences(phrase(b.kind, b.name), whereSentence(b)), fence(skeleton));
    const context = tools.context({ target: b, prompt: base, imports: true, enclosing: false });
    yield {
      pair_type: "skeleton_to_complete",
      input_text: paragraphs(base, contextSection(context)),
      target_text: target,
      target: b,
      sources: [b],
      meta: { name: b.name, qualified_name: b.qualified_name, kind: b.kind, bodies: ranges.length, hidden_lines: hidden },
      answerLines: bodyLines(b),
      context,
      targetParses: parsesStandalone(b), // the declaration as written, dedented
    };
  }
}
