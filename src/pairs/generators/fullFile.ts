/**
 * full_file: a description of a Kotlin file (name, package, source set and platform, the
 * declarations it holds with one-line summaries, the libraries it imports) → the complete file.
 */
import type { Block } from "../../types.ts";
import { allLines, bodyLines } from "../bodies.ts";
import type { RepoBlocks } from "../repo.ts";
import { importPath, kdocSummary, libraryOf, pick, words } from "../text.ts";
import type { Candidate, PairsConfig, SkipSink } from "../types.ts";

function kindLabel(b: Block): string {
  if (b.is_composable) return "composable";
  const prefix = [b.is_expect ? "expect" : "", b.is_actual ? "actual" : "", b.modifiers.includes("data") ? "data" : ""].filter(Boolean).join(" ");
  return prefix ? `${prefix} ${b.kind}` : b.kind;
}

export function declarationLine(b: Block): string {
  const summary = kdocSummary(b.kdoc) || words(b.name);
  return `- ${kindLabel(b)} \`${b.name}\`: ${summary}`;
}

/** Imported libraries (external ones) and the repository's own types the file uses. */
export function importSummary(imports: readonly string[], repo: RepoBlocks): { libraries: string[]; project: string[] } {
  const libraries = new Set<string>();
  const project = new Set<string>();
  for (const imp of imports) {
    const path = importPath(imp);
    if (repo.qualifiedNames.has(path)) project.add(path.split(".").pop()!);
    else libraries.add(libraryOf(imp));
  }
  return { libraries: [...libraries].sort(), project: [...project].sort() };
}

const OPENERS = [
  (name: string) => `Write the Kotlin file \`${name}\`.`,
  (name: string) => `Create the complete source file \`${name}\` for a Kotlin Multiplatform project.`,
  (name: string) => `Produce the full contents of \`${name}\`, as described below.`,
];

export function* fullFilePairs(repo: RepoBlocks, cfg: PairsConfig, _skip: SkipSink): Iterable<Candidate> {
  for (const file of repo.fileByPath.values()) {
    if (!file.path.endsWith(".kt")) continue;
    const decls = repo.topLevel(file.path);
    const { libraries, project } = importSummary(file.imports, repo);
    const name = file.path.split("/").pop()!;
    const lines = [
      OPENERS[pick(cfg.seed, `ff:${file.id}`, OPENERS.length)]!(name),
      `Path: ${file.path}`,
      `Package: ${file.package || "(default)"}`,
      `Source set: ${file.source_set} (${file.platform})${file.is_test ? ", test code" : ""}`,
    ];
    if (decls.length) lines.push("It declares:", ...decls.map(declarationLine));
    if (libraries.length) lines.push(`It uses these libraries: ${libraries.join(", ")}.`);
    if (project.length) lines.push(`It uses these types of the project: ${project.join(", ")}.`);
    const bodied = decls.flatMap(bodyLines);
    yield {
      pair_type: "full_file",
      input_text: lines.join("\n"),
      target_text: file.code,
      target: file,
      sources: [file],
      meta: { file_name: name, declarations: decls.map((d) => d.name), libraries },
      // The bodies of its declarations are the answer; a file without any falls back to every line.
      answerLines: bodied.length ? bodied : allLines(file.code),
    };
  }
}
