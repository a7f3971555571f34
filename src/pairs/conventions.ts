/**
 * Whether a build script makes a Kotlin Multiplatform module, and how: it applies the KMP plugin
 * itself, or one of the repository's convention plugins that does (a precompiled `*.gradle.kts`
 * script in buildSrc / build-logic, or a class registered in a `gradlePlugin { }` block, reached
 * by id or by a `libs.plugins.x` alias), or its kotlin { } block uses KMP-only DSL. A module of a
 * convention-plugin build often declares no target at all: they come from the convention.
 */
import type { Block, GradleInfo } from "../types.ts";
import type { RepoBlocks } from "./repo.ts";

export type KmpVia = "plugin" | "convention" | "dsl";

/** A repository plugin that applies Kotlin Multiplatform, with the targets it declares (when we can tell). */
export interface KmpConvention {
  id: string;
  path: string;
  targets: string[];
}

export interface GradleKmp {
  via: KmpVia | null;
  /** The KMP convention plugins the script applies, in its plugins-block order. */
  conventions: KmpConvention[];
}

const KMP_IDS = new Set(["org.jetbrains.kotlin.multiplatform", "kotlin-multiplatform"]);
/** Source sets only KMP has: `<name>Main`/`<name>Test`; Android's own `androidTest` is not one. */
const KMP_SOURCE_SET = /^[a-z]\w*(Main|Test)$/;
/** A plugin class applying KMP: `apply("org.jetbrains.kotlin.multiplatform")`, `apply(plugin = …)`, the wrapper class, or a catalog lookup. */
const APPLIES_KMP_CLASS = /apply\s*\(\s*(?:plugin\s*=\s*)?"(?:org\.jetbrains\.kotlin\.multiplatform|kotlin-multiplatform)"|apply\s*\(\s*KotlinMultiplatformPluginWrapper|findPlugin\s*\(\s*"(?:kotlin[-.]?multiplatform|kotlinMultiplatform|multiplatform|kmp)"/i;
/** Plugin ids a class applies by string (to follow one convention applying another). */
const APPLIED_ID = /apply\s*\(\s*(?:plugin\s*=\s*)?"([\w.-]+)"/g;
/** Target-declaring calls, to list what a class convention sets up. */
const TARGET_CALL = /^(androidTarget|androidLibrary|jvm|js|wasmJs|wasmWasi|(ios|macos|tvos|watchos|linux|mingw|androidNative)(X64|X86|Arm32|Arm64|SimulatorArm64|DeviceArm64))$/;

/** A precompiled script plugin's source: `<build>/src/main/kotlin/**\/<id>.gradle.kts`. Not a module's build script. */
export function isConventionScript(path: string): boolean {
  const name = path.slice(path.lastIndexOf("/") + 1);
  return /(^|\/)src\/main\/kotlin\//.test(path) && name.endsWith(".gradle.kts") && name !== "build.gradle.kts" && name !== "settings.gradle.kts";
}

/** The plugin ids a script applies: `kotlin("x")` → org.jetbrains.kotlin.x, catalog aliases resolved (version dropped). */
export function pluginIds(g: GradleInfo): string[] {
  const catalog = new Map(g.catalog_refs.map((r) => [r.alias, r.resolved] as const));
  return g.plugins.map((p) => {
    const kotlin = p.match(/^kotlin\("([\w.-]+)"\)$/);
    if (kotlin) return `org.jetbrains.kotlin.${kotlin[1]}`;
    if (p.startsWith("libs.")) return catalog.get(p)?.split(":")[0] || p;
    return p;
  });
}

interface Candidate {
  id: string;
  path: string;
  appliesKmp: boolean;
  applies: string[];
  targets: string[];
}

function scriptCandidate(b: Block): Candidate | null {
  if (b.kind !== "gradle" || b.dsl !== "kotlin" || !b.gradle || !isConventionScript(b.path)) return null;
  const base = b.name.replace(/\.gradle\.kts$/, "");
  const ids = pluginIds(b.gradle);
  return { id: b.package ? `${b.package}.${base}` : base, path: b.path, appliesKmp: ids.some((id) => KMP_IDS.has(id)), applies: ids, targets: b.gradle.targets };
}

function classCandidates(repo: RepoBlocks): Candidate[] {
  const out: Candidate[] = [];
  for (const b of repo.blocks) {
    for (const r of b.gradle?.plugin_registrations ?? []) {
      const simple = r.implementation_class.slice(r.implementation_class.lastIndexOf(".") + 1);
      const classes = repo.blocks.filter((c) => (c.kind === "class" || c.kind === "object") && c.name === simple);
      const cls = classes.find((c) => c.qualified_name === r.implementation_class) ?? (classes.length === 1 ? classes[0] : undefined);
      if (!cls || !cls.supertypes.some((s) => /^Plugin\b/.test(s))) continue;
      out.push({
        id: r.id,
        path: cls.path,
        appliesKmp: APPLIES_KMP_CLASS.test(cls.code),
        applies: [...cls.code.matchAll(APPLIED_ID)].map((m) => m[1]!),
        targets: cls.calls.filter((c) => TARGET_CALL.test(c)).sort(),
      });
    }
  }
  return out;
}

/** The repository's convention plugins that apply KMP, directly or through another one; targets include the ones they inherit. */
export function findKmpConventions(repo: RepoBlocks): Map<string, KmpConvention> {
  const candidates = [...repo.blocks.map(scriptCandidate).filter((c): c is Candidate => c !== null), ...classCandidates(repo)];
  const byId = new Map(candidates.map((c) => [c.id, c] as const));
  const kmp = new Set(candidates.filter((c) => c.appliesKmp).map((c) => c.id));
  for (let changed = true; changed; ) {
    changed = false;
    for (const c of candidates) {
      if (!kmp.has(c.id) && c.applies.some((id) => kmp.has(id))) {
        kmp.add(c.id);
        changed = true;
      }
    }
  }
  const targetsOf = (id: string, seen: Set<string>): string[] => {
    const c = byId.get(id);
    if (!c || seen.has(id)) return [];
    seen.add(id);
    return [...c.targets, ...c.applies.flatMap((a) => targetsOf(a, seen))];
  };
  const out = new Map<string, KmpConvention>();
  for (const id of [...kmp].sort()) out.set(id, { id, path: byId.get(id)!.path, targets: [...new Set(targetsOf(id, new Set()))].sort() });
  return out;
}

const cache = new WeakMap<RepoBlocks, Map<string, KmpConvention>>();

export function kmpConventions(repo: RepoBlocks): Map<string, KmpConvention> {
  let found = cache.get(repo);
  if (!found) cache.set(repo, (found = findKmpConventions(repo)));
  return found;
}

/** KMP-only DSL: a target other than js (the Kotlin/JS plugin has `js { }` too), or a `<name>Main`/`<name>Test` source set. */
export function usesKmpDsl(g: GradleInfo): boolean {
  return g.targets.some((t) => t !== "js") || g.source_sets.some((s) => KMP_SOURCE_SET.test(s.name) && s.name !== "androidTest");
}

/** Targets, or source sets configured (with dependencies or not): what a KMP module script is for. */
export function configuresKotlin(g: GradleInfo): boolean {
  return g.targets.length > 0 || g.source_sets.some((s) => s.name !== "dependencies");
}

export function gradleKmp(g: GradleInfo, repo: RepoBlocks): GradleKmp {
  const known = kmpConventions(repo);
  const conventions = pluginIds(g).flatMap((id) => known.get(id) ?? []);
  const via: KmpVia | null = g.is_kmp ? "plugin" : conventions.length > 0 ? "convention" : usesKmpDsl(g) ? "dsl" : null;
  return { via, conventions };
}
