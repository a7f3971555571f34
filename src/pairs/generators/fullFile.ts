/**
 * full_file: a Kotlin file's path, package, source set and platform, the libraries it imports, and
 * an outline of its declarations by signature (KDoc summaries as comments) plus the project context
 * it uses → the complete file. Whether a file is taught whole or by its declarations is the
 * per-file plan's choice (plan.ts), never both.
 */
import type { Block } from "../../types.ts";
import { allLines, bodyLines } from "../bodies.ts";
import type { RepoBlocks } from "../repo.ts";
import { contextSection, fence, paragraphs, sentences, whereSentence } from "../prompt.ts";
import { oneLine, renderClassLike } from "../symbols.ts";
import { importPath, kdocSummary, libraryOf, listing, nonBlankLines, pick } from "../text.ts";
import type { Candidate, GeneratorTools, PairsConfig, SkipSink } from "../types.ts";
import { parsesAsWritten } from "../parses.ts";

/** A declaration by signature, for the file's outline: class-likes with their member signatures, a KDoc summary as a comment. */
export function declarationOutline(b: Block, nestedOf?: (b: Block) => ReadonlyMap<string, Block>): string {
  const summary = kdocSummary(b.kdoc);
  const doc = summary ? `/** ${summary.replace(/\*\//g, "* /")} */\n` : "";
  const body = b.kind === "class" || b.kind === "object" || b.kind === "interface" ? renderClassLike(b, { all: true, nestedOf, max: Infinity }) : oneLine(b.signature);
  return doc + body;
}

/** The file's top-level declarations in source order, by signature: blocks, and the values that have none. */
function fileOutline(file: Block, decls: readonly Block[], tools: GeneratorTools): string[] {
  // Overloads share a name: each member takes the next declaration of its name, both lists being in source order.
  const byName = new Map<string, Block[]>();
  for (const d of decls) {
    const key = `${d.kind}:${d.name}`;
    const list = byName.get(key);
    if (list) list.push(d);
    else byName.set(key, [d]);
  }
  return file.members.map((m) => {
    const d = byName.get(`${m.kind}:${m.name}`)?.shift();
    return d ? declarationOutline(d, tools.nestedOf) : oneLine(m.signature);
  });
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
  (path: string) => `Write the Kotlin file \`${path}\`.`,
  (path: string) => `Create the complete source file \`${path}\` for a Kotlin Multiplatform project.`,
  (path: string) => `Write the full contents of \`${path}\`, with every declaration implemented.`,
];

export function* fullFilePairs(repo: RepoBlocks, cfg: PairsConfig, skip: SkipSink, tools: GeneratorTools): Iterable<Candidate> {
  for (const file of repo.fileByPath.values()) {
    if (!file.path.endsWith(".kt")) continue;
    const decls = repo.topLevel(file.path);
    const { libraries } = importSummary(file.imports, repo);
    const facts = [
      file.package ? `It lives in the package \`${file.package}\`.` : "",
      whereSentence(file),
      libraries.length ? `It imports from ${listing(libraries.map((l) => `\`${l}\``))}.` : "",
    ];
    const outline = fileOutline(file, decls, tools).join("\n\n");
    // Like a skeleton, the outline must leave real work: a file that is mostly signatures is not a task.
    const total = nonBlankLines(file.code) - file.imports.length;
    const hidden = total - nonBlankLines(outline);
    if (hidden < cfg.minSkeletonHiddenLines || hidden < cfg.minSkeletonHiddenShare * total) {
      skip("full_file", "outline_hides_too_little");
      continue;
    }
    const base = paragraphs(
      sentences(OPENERS[pick(cfg.seed, `ff:${file.id}`, OPENERS.length)]!(file.path), ...facts),
      outline ? `It declares:\n${fence(outline)}` : "",
    );
    const context = tools.context({ target: file, prompt: base, imports: false, enclosing: false });
    const bodied = decls.flatMap(bodyLines);
    yield {
      pair_type: "full_file",
      input_text: paragraphs(base, contextSection(context)),
      target_text: file.code,
      target: file,
      sources: [file],
      meta: { file_name: file.path.split("/").pop()!, declarations: decls.map((d) => d.name), libraries },
      // The bodies of its declarations are the answer; a file without any falls back to every line.
      answerLines: bodied.length ? bodied : allLines(file.code),
      context,
      targetParses: parsesAsWritten(file), // the file as written
    };
  }
}
