/**
 * interface_implementation: an interface (KDoc + the imports it uses), the implementing class's
 * header and constructor, and the signatures of the members it declares beyond the interface's →
 * that class or object of the same repository, with bodies for every member.
 * A supertype is resolved like the compiler would: fully qualified, explicit import (or alias),
 * same package, then star imports — never by substring.
 */
import type { Block } from "../../types.ts";
import { bodyLines } from "../bodies.ts";
import type { RepoBlocks } from "../repo.ts";
import { contextSection, fence, paragraphs, sentences, whereSentence } from "../prompt.ts";
import { renderClassLike } from "../symbols.ts";
import { importedName, importLines, importPath, neededImports, pick } from "../text.ts";
import type { Candidate, GeneratorTools, PairsConfig, SkipSink } from "../types.ts";
import { parsesStandalone } from "../parses.ts";

/** More members than this beyond the interface's: the prompt cannot pin the class down. */
const MAX_EXTRA_MEMBERS = 24;

/** The interface a supertype names, as seen from `from`'s file; null when it is not in this repo. */
export function resolveSupertype(repo: RepoBlocks, from: Block, supertype: string): Block | null {
  const written = supertype.replace(/\s+/g, "").replace(/\?$/, "");
  const [head, ...rest] = written.split(".");
  if (!head) return null;
  const tail = rest.length ? "." + rest.join(".") : "";
  const byQualified = (q: string) => repo.interfaces.get(q) ?? null;
  // 1. explicit import, possibly aliased: `import a.b.Repo` or `import a.b.Repo as R`
  for (const imp of from.imports) {
    if (importedName(imp) === head) {
      const hit = byQualified(importPath(imp) + tail);
      if (hit) return hit;
    }
  }
  // 2. a type of the same package (or nested in the same parent chain)
  const pkgPrefix = from.package ? from.package + "." : "";
  const samePkg = byQualified(pkgPrefix + written);
  if (samePkg) return samePkg;
  // 3. already fully qualified
  if (rest.length > 0) {
    const full = byQualified(written);
    if (full) return full;
  }
  // 4. star imports
  for (const imp of from.imports) {
    if (importedName(imp) !== "*") continue;
    const hit = byQualified(importPath(imp).replace(/\.\*$/, "") + "." + written);
    if (hit) return hit;
  }
  return null;
}

/** Abstract functions the interface declares (those without a default body). */
function abstractFunctions(iface: Block): string[] {
  return iface.members.filter((m) => m.kind === "function" && !m.has_body).map((m) => m.name);
}

const PHRASES = [
  (kind: string, name: string, iface: string) => `Implement the interface \`${iface}\` below as the ${kind} \`${name}\`, with a working body for every member.`,
  (kind: string, name: string, iface: string) => `Write ${kind === "object" ? "an" : "a"} ${kind} named \`${name}\` that implements \`${iface}\`. Give each member a complete implementation.`,
  (kind: string, name: string, iface: string) => `Here is the interface \`${iface}\`. Write \`${name}\`, ${kind === "object" ? "an" : "a"} ${kind} implementing it in full.`,
];

export function* interfaceImplementationPairs(repo: RepoBlocks, cfg: PairsConfig, skip: SkipSink, tools: GeneratorTools): Iterable<Candidate> {
  for (const impl of repo.blocks) {
    if ((impl.kind !== "class" && impl.kind !== "object") || impl.supertypes.length === 0) continue;
    for (const st of impl.supertypes) {
      const iface = resolveSupertype(repo, impl, st);
      if (!iface) {
        // Only a supertype that names an interface somewhere in the repo counts as unresolved;
        // library types (ViewModel, Exception, …) are simply not interfaces of this repo.
        const simple = st.split(".").pop() ?? st;
        if (repo.interfacesByName.has(simple)) skip("interface_implementation", "interface_unresolved");
        continue;
      }
      const required = abstractFunctions(iface);
      const implemented = new Set(impl.members.filter((m) => m.kind === "function" && m.has_body).map((m) => m.name));
      if (required.length === 0) {
        skip("interface_implementation", "interface_without_abstract_functions");
        continue;
      }
      if (required.some((n) => !implemented.has(n))) {
        skip("interface_implementation", "interface_members_unimplemented");
        continue;
      }
      // Members the interface does not ask for are listed by signature, so the target is determined.
      const asked = new Set(iface.members.map((m) => m.name));
      const extras = impl.members.filter((m) => m.kind !== "typealias" && !asked.has(m.name));
      if (extras.length > MAX_EXTRA_MEMBERS) {
        skip("interface_implementation", "interface_members_beyond_prompt");
        continue;
      }
      const ifaceImports = neededImports(iface.imports, iface.code);
      const phrase = PHRASES[pick(cfg.seed, `ii:${iface.id}:${impl.id}`, PHRASES.length)]!;
      const base = paragraphs(
        sentences(phrase(impl.kind, impl.name, iface.name), impl.package ? `It lives in the package \`${impl.package}\`.` : "", whereSentence(impl)),
        `The interface:\n${fence((ifaceImports.length ? importLines(ifaceImports) + "\n\n" : "") + repo.dedent(iface))}`,
        extras.length
          ? `The ${impl.kind}'s declaration, with the members it has besides the interface's:\n${fence(renderClassLike(impl, { all: true, without: asked, nestedOf: tools.nestedOf, max: Infinity }))}`
          : `The ${impl.kind}'s declaration:\n${fence(repo.dedent(impl, impl.signature.trim()))}`,
      );
      const implImports = neededImports(impl.imports, impl.code);
      const target = (implImports.length ? importLines(implImports) + "\n\n" : "") + repo.dedent(impl);
      const context = tools.context({ target: impl, prompt: base, imports: false, enclosing: true });
      yield {
        pair_type: "interface_implementation",
        input_text: paragraphs(base, contextSection(context)),
        target_text: target,
        target: impl,
        sources: [iface, impl],
        meta: {
          name: impl.name,
          qualified_name: impl.qualified_name,
          kind: impl.kind,
          interface: iface.qualified_name,
          interface_path: iface.path,
          members_required: required.length,
          extra_members: extras.length,
        },
        answerLines: bodyLines(impl),
        context,
        // The imports it needs, then the class as written (dedented); a companion implementing it does not parse alone.
        targetParses: parsesStandalone(impl),
      };
    }
  }
}
