/**
 * description_to_code: a natural-language request built from the block's structure (KDoc summary,
 * name in words, parameters, return type, architecture pattern, source set and platform) plus its
 * signature → the full declaration. Several phrasings, picked per block by the seed, so the model
 * does not learn one template.
 */
import type { Block } from "../../types.ts";
import { bodyLines } from "../bodies.ts";
import type { RepoBlocks } from "../repo.ts";
import { kdocSummary, listing, pick, words, dedentDeclaration } from "../text.ts";
import type { Candidate, PairsConfig, SkipSink } from "../types.ts";

interface Facts {
  what: string; // "a function", "a class", "a method of `UserRepository`"
  name: string;
  nameWords: string;
  summary: string;
  params: string; // "`id: String` and `force: Boolean`" or ""
  returns: string; // "`User`" or ""
  pattern: string; // "repository" or ""
  where: string; // "the commonMain source set (common)"
  members: string[]; // member signatures of class-likes
}

function facts(b: Block): Facts {
  const owner = b.parent ? b.parent.split(".").pop() : null;
  const kindWord = b.kind === "function" ? (owner ? `a method of \`${owner}\`` : b.receiver ? `an extension function on \`${b.receiver}\`` : "a function") : `${b.modifiers.includes("data") ? "a data " : b.kind === "object" ? "an " : "a "}${b.kind}`;
  return {
    what: kindWord,
    name: b.name,
    nameWords: words(b.name),
    summary: kdocSummary(b.kdoc),
    params: listing(b.params.map((p) => `\`${p.name}: ${p.type}\``)),
    returns: b.return_type && b.return_type !== "Unit" ? `\`${b.return_type}\`` : "",
    pattern: (b.arch_patterns.length ? b.arch_patterns : b.arch_pattern ? [b.arch_pattern] : []).map(words).join(", "),
    where: `the ${b.source_set} source set (${b.platform})`,
    members: b.members.filter((m) => m.kind === "function" || m.kind === "property").map((m) => m.signature.trim()).slice(0, 12),
  };
}

function sentences(f: Facts): { purpose: string; io: string; context: string } {
  const purpose = f.summary || `It should ${f.nameWords}.`;
  const io = [f.params ? `It takes ${f.params}.` : "", f.returns ? `It returns ${f.returns}.` : ""].filter(Boolean).join(" ");
  const context = [f.pattern ? `It is part of the ${f.pattern} layer.` : "", `It lives in ${f.where}.`].filter(Boolean).join(" ");
  return { purpose, io, context };
}

const prose = (...parts: string[]) => parts.filter(Boolean).join(" ");

const PHRASINGS: ((f: Facts, sig: string) => string)[] = [
  (f, sig) => {
    const s = sentences(f);
    return `${prose(`Write ${f.what} \`${f.name}\` in Kotlin.`, s.purpose, s.io, s.context)}\n\nSignature:\n${sig}`;
  },
  (f, sig) => {
    const s = sentences(f);
    return `Implement \`${f.name}\` (${f.nameWords}).\nPurpose: ${s.purpose}\n${s.io ? `Inputs and output: ${s.io}\n` : ""}Context: ${s.context}\n\n${sig}`;
  },
  (f, sig) => {
    const s = sentences(f);
    return `${prose(`I need ${f.what} for a Kotlin Multiplatform project.`, s.purpose, s.io)}\n${s.context}\nComplete this declaration with a full implementation:\n${sig}`;
  },
  (f, sig) => {
    const s = sentences(f);
    return `${sig}\n\n${prose("Give the complete implementation of the declaration above.", s.purpose, s.io, s.context)}`;
  },
  (f, sig) => {
    const s = sentences(f);
    return `Task: ${f.nameWords}.\n${s.purpose}\n${[s.io, s.context].filter(Boolean).join("\n")}\nWrite the whole of \`${f.name}\`, starting from:\n${sig}`;
  },
];

function withMembers(text: string, f: Facts): string {
  if (f.members.length === 0) return text;
  return `${text}\n\nIt has these members:\n${f.members.map((m) => `- ${m}`).join("\n")}`;
}

/** Declarations worth describing: functions, classes and objects with bodies (composables and expect/actual have their own pairs). */
function describable(b: Block): boolean {
  if (b.kind !== "function" && b.kind !== "class" && b.kind !== "object") return false;
  return !b.is_composable && !b.is_expect && !b.is_actual;
}

export function* descriptionPairs(repo: RepoBlocks, cfg: PairsConfig, _skip: SkipSink): Iterable<Candidate> {
  for (const b of repo.blocks) {
    if (!describable(b)) continue;
    const f = facts(b);
    const phrasing = pick(cfg.seed, `dc:${b.id}`, PHRASINGS.length);
    const input = withMembers(PHRASINGS[phrasing]!(f, b.signature.trim()), f);
    yield {
      pair_type: "description_to_code",
      input_text: input,
      target_text: dedentDeclaration(b.code),
      target: b,
      sources: [b],
      meta: { name: b.name, qualified_name: b.qualified_name, kind: b.kind, phrasing, has_kdoc: b.kdoc !== null },
      answerLines: bodyLines(b),
    };
  }
}
