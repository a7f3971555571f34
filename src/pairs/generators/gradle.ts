/**
 * gradle: a project description derived from a build script's GradleInfo (plugins, KMP targets,
 * the convention plugins KMP comes from, source sets with their key dependencies, Android settings,
 * versions-catalog entries it uses) → the full build.gradle.kts.
 */
import type { GradleInfo } from "../../types.ts";
import { allLines } from "../bodies.ts";
import { type GradleKmp, gradleKmp, isConventionScript } from "../conventions.ts";
import type { RepoBlocks } from "../repo.ts";
import { fence } from "../prompt.ts";
import { importLines, listing, pick } from "../text.ts";
import type { Candidate, GeneratorTools, PairsConfig, SkipSink } from "../types.ts";
import { parsesAsWritten } from "../parses.ts";

/** A dependency as written, with its catalog coordinates when it is a `libs.` alias we could resolve. */
function describeDependency(dep: string, catalog: ReadonlyMap<string, string | null>): string {
  // `api(libs.x)`: the configuration wraps the alias.
  const alias = /^\w+\((.*)\)$/.exec(dep)?.[1] ?? dep;
  const resolved = catalog.get(alias) ?? catalog.get(alias.replace(/^libs\./, ""));
  return resolved ? `${dep} (${resolved})` : dep;
}

export function describeGradle(g: GradleInfo, projectPath: string, kmp: GradleKmp = { via: g.is_kmp ? "plugin" : null, conventions: [] }): string[] {
  const catalog = new Map(g.catalog_refs.map((r) => [r.alias, r.resolved] as const));
  const out: string[] = [];
  out.push(`Module: ${projectPath || "(root project)"}${kmp.via ? ", a Kotlin Multiplatform module" : ""}.`);
  if (g.plugins.length) out.push(`Plugins: ${g.plugins.join(", ")}.`);
  const plural = kmp.conventions.length > 1 ? "s" : "";
  if (kmp.conventions.length) {
    out.push(`Repository convention plugin${plural} applying Kotlin Multiplatform: ${kmp.conventions.map((c) => `\`${c.id}\` (${c.path})`).join(", ")}.`);
    const inherited = [...new Set(kmp.conventions.flatMap((c) => c.targets))].sort();
    if (inherited.length) out.push(`Targets the convention plugin${plural} declare${plural ? "" : "s"}: ${inherited.join(", ")}.`);
  }
  if (g.targets.length) out.push(`Kotlin targets${kmp.conventions.length ? " configured in this script" : ""}: ${g.targets.join(", ")}.`);
  else if (kmp.conventions.some((c) => c.targets.length)) out.push(`It declares no targets itself: they come from the convention plugin${plural}.`);
  else if (kmp.via) out.push("It declares no Kotlin targets itself.");
  const ios = g.targets.filter((t) => t.startsWith("ios"));
  if (ios.length) out.push(`iOS: builds for ${listing(ios)}.`);
  const withDeps = g.source_sets.filter((s) => s.dependencies.length > 0);
  if (withDeps.length) {
    out.push("Source sets and their dependencies (`implementation` unless another configuration is written):");
    // "dependencies" is extract's name for the module's top-level `dependencies { }` block, not a source set.
    for (const s of withDeps) out.push(`- ${s.name === "dependencies" ? "the module's top-level dependencies { } block" : s.name}: ${s.dependencies.map((d) => describeDependency(d, catalog)).join(", ")}`);
  }
  const bare = g.source_sets.filter((s) => s.dependencies.length === 0).map((s) => s.name);
  if (bare.length) out.push(`Other source sets configured: ${bare.join(", ")}.`);
  if (g.android) {
    const a = g.android;
    const parts = [a.namespace ? `namespace ${a.namespace}` : "", a.compile_sdk ? `compileSdk ${a.compile_sdk}` : "", a.min_sdk ? `minSdk ${a.min_sdk}` : ""].filter(Boolean);
    if (parts.length) out.push(`Android: ${parts.join(", ")}.`);
  }
  const resolvedRefs = g.catalog_refs.filter((r) => r.resolved);
  if (resolvedRefs.length) {
    out.push("Versions catalog (gradle/libs.versions.toml) entries it references:");
    for (const r of resolvedRefs) out.push(`- ${r.alias} = ${r.resolved}`);
  }
  if (g.blocks.length) out.push(`Other top-level calls and blocks: ${g.blocks.map((b) => `\`${b}\``).join(", ")}.`);
  if (g.settings.length) {
    out.push("What it configures, by where it sits:");
    for (const s of g.settings.slice(0, MAX_SETTINGS)) out.push(`- ${s.scope ? `in \`${s.scope}\`: ` : ""}\`${s.statement}\``);
  }
  return out;
}

/** Settings listed at most: a script that sets more is described by its first ones. */
const MAX_SETTINGS = 40;

const OPENERS = [
  "Write the build.gradle.kts for this Kotlin Multiplatform module.",
  "Create the Gradle Kotlin DSL build script described below.",
  "Produce a complete build.gradle.kts matching this project setup.",
];

export function* gradlePairs(repo: RepoBlocks, cfg: PairsConfig, skip: SkipSink, _tools: GeneratorTools): Iterable<Candidate> {
  for (const b of repo.blocks) {
    // A convention plugin's own source (build-logic/src/main/kotlin/x.gradle.kts) is no module script.
    if (b.kind !== "gradle" || (!b.path.endsWith("build.gradle") && !b.path.endsWith("build.gradle.kts")) || isConventionScript(b.path)) continue;
    if (b.dsl !== "kotlin" || !b.gradle) {
      skip("gradle", "gradle_groovy");
      continue;
    }
    const module = b.path.includes("/") ? b.path.slice(0, b.path.lastIndexOf("/")) : "";
    const kmp = gradleKmp(b.gradle, repo);
    // The script's imports name the helpers and types it uses (`com.arkivanov.gradle.setupMultiplatform`).
    const imports = b.imports.length ? [`Imports:\n${fence(importLines(b.imports))}`] : [];
    const input = [OPENERS[pick(cfg.seed, `gr:${b.id}`, OPENERS.length)]!, ...describeGradle(b.gradle, module, kmp), ...imports].join("\n");
    yield {
      pair_type: "gradle",
      input_text: input,
      target_text: b.code,
      target: b,
      sources: [b],
      meta: {
        module: module || ":",
        is_kmp: kmp.via !== null,
        kmp_via: kmp.via,
        conventions: kmp.conventions.map((c) => c.id),
        targets: b.gradle.targets,
        plugins: b.gradle.plugins,
        catalog_refs: b.gradle.catalog_refs.length,
      },
      answerLines: allLines(b.code),
      context: null,
      targetParses: parsesAsWritten(b), // the script as written
    };
  }
}
