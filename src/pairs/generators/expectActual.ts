/**
 * expect_actual: the `expect` declaration (with KDoc), its package and the platform source set to
 * implement for → the matching `actual` declaration with its body and the imports it needs.
 * Matched by qualified name + kind (+ parameter types for overloads), one pair per expect × platform.
 */
import type { Block } from "../../types.ts";
import { bodyLines } from "../bodies.ts";
import { isClassLike, type RepoBlocks } from "../repo.ts";
import { renderClassLike } from "../symbols.ts";
import { contextSection, fence, paragraphs, platformLabel } from "../prompt.ts";
import { importLines, neededImports, pick } from "../text.ts";
import type { Candidate, GeneratorTools, PairsConfig, SkipSink } from "../types.ts";
import { parsesStandalone } from "../parses.ts";

const KIND_WORD: Record<string, string> = {
  function: "function",
  class: "class",
  interface: "interface",
  object: "object",
  property: "property",
  typealias: "type alias",
};

function paramKey(b: Block): string {
  return b.params.map((p) => p.type.replace(/\s+/g, "")).join(",") + (b.receiver ? `@${b.receiver}` : "");
}

/** An `expect class` may be actualised by a class or a typealias; otherwise kinds must agree. */
function kindsMatch(expect: Block, actual: Block): boolean {
  if (expect.kind === actual.kind) return true;
  return actual.kind === "typealias" && (expect.kind === "class" || expect.kind === "interface" || expect.kind === "object");
}

/** The actuals of one expect: same qualified name and kind; overloads told apart by parameter types. */
export function matchActuals(expect: Block, actuals: readonly Block[]): Block[] {
  const same = actuals.filter((a) => kindsMatch(expect, a));
  if (expect.kind !== "function") return same;
  const exact = same.filter((a) => paramKey(a) === paramKey(expect));
  return exact.length > 0 ? exact : same.filter((a) => a.params.length === expect.params.length);
}

/** Platform key: an actual for each distinct platform (custom intermediate sets keep their name). */
function platformKey(b: Block): string {
  return b.platform === "mixed" || b.platform === "unknown" ? `${b.platform}:${b.source_set}` : b.platform;
}

const PHRASES = [
  (what: string, set: string, plat: string) => `Write the \`actual\` implementation of this ${what} for the ${set} source set (${plat}).`,
  (what: string, set: string, plat: string) => `Implement the following expect ${what} for the ${set} source set (${plat}).`,
  (what: string, set: string, plat: string) => `Provide the \`actual\` of this ${what} in the ${set} source set (${plat}).`,
];

export function* expectActualPairs(repo: RepoBlocks, cfg: PairsConfig, skip: SkipSink, tools: GeneratorTools): Iterable<Candidate> {
  const actualsByName = new Map<string, Block[]>();
  for (const b of repo.blocks) {
    // Declarations only: a file block carries is_actual/is_expect when it holds one, and a
    // file-to-file pair would repeat the declaration pairs inside it.
    if (!b.is_actual || b.parent !== null || b.kind === "file" || b.kind === "gradle") continue;
    const list = actualsByName.get(b.qualified_name);
    if (list) list.push(b);
    else actualsByName.set(b.qualified_name, [b]);
  }
  for (const expect of repo.blocks) {
    // Members of an expect class are implicitly expect; the top-level declaration carries the pair.
    if (!expect.is_expect || expect.parent !== null || expect.kind === "file" || expect.kind === "gradle") continue;
    const actuals = matchActuals(expect, actualsByName.get(expect.qualified_name) ?? []);
    if (actuals.length === 0) {
      skip("expect_actual", "expect_without_actual");
      continue;
    }
    const seen = new Set<string>();
    for (const actual of actuals) {
      const key = platformKey(actual);
      if (seen.has(key)) continue;
      seen.add(key);
      if (actual.kind === "typealias") {
        // `actual typealias X = platform.Y` has no body to learn from: it only names a class.
        skip("expect_actual", "typealias_actual");
        continue;
      }
      const what = KIND_WORD[expect.kind] ?? expect.kind;
      const phrase = PHRASES[pick(cfg.seed, `ea:${expect.id}:${actual.id}`, PHRASES.length)]!;
      // A platform class with more than its expect declares (a constructor, members the expect
      // leaves out) is determined only when the prompt lists them: by signature, as the interface
      // pairs do.
      const declared = new Set(expect.members.map((m) => m.name));
      const extras = isClassLike(actual.kind) ? actual.members.filter((m) => m.kind !== "typealias" && !declared.has(m.name)) : [];
      const newParams = isClassLike(actual.kind) && actual.params.length > 0 && expect.params.length === 0;
      const base = paragraphs(
        `${phrase(what, `\`${actual.source_set}\``, platformLabel(actual.platform) || actual.source_set)}${expect.package ? ` It lives in the package \`${expect.package}\`.` : ""}`,
        fence(repo.dedent(expect)),
        extras.length || newParams
          ? `The ${KIND_WORD[actual.kind] ?? actual.kind}'s declaration on this platform, with the members it has besides the expected ones:\n${fence(renderClassLike(actual, { all: true, without: declared, nestedOf: tools.nestedOf, max: Infinity }))}`
          : "",
      );
      const imports = neededImports(actual.imports, actual.code);
      const target = (imports.length > 0 ? importLines(imports) + "\n\n" : "") + repo.dedent(actual);
      const context = tools.context({ target: actual, prompt: base, imports: false, enclosing: false });
      const input = paragraphs(base, contextSection(context));
      yield {
        pair_type: "expect_actual",
        input_text: input,
        target_text: target,
        target: actual,
        sources: [expect, actual],
        meta: {
          name: expect.name,
          qualified_name: expect.qualified_name,
          kind: expect.kind,
          expect_path: expect.path,
          expect_source_set: expect.source_set,
          actual_source_set: actual.source_set,
          actual_platform: actual.platform,
          imports: imports.length,
        },
        answerLines: bodyLines(actual),
        context,
        // The imports it needs, then the top-level actual as written (dedented).
        targetParses: parsesStandalone(actual),
      };
    }
  }
}
