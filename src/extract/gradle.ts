/**
 * What a Gradle script says about the project: plugins, KMP targets, source sets with their
 * dependencies, Android settings, and version-catalog aliases resolved through
 * gradle/libs.versions.toml. Kotlin DSL scripts are read from the Kotlin tree; Groovy scripts have
 * no grammar here and get a best-effort reading of the same facts.
 */
import type { Node, Parser } from "web-tree-sitter";
import { allKids, named } from "./tree.ts";
import type { GradleInfo } from "../types.ts";

const TARGETS = new Set([
  "androidTarget", "android", "jvm", "js", "wasmJs", "wasmWasi", "wasm", "iosX64", "iosArm64", "iosSimulatorArm64", "ios",
  "macosX64", "macosArm64", "linuxX64", "linuxArm64", "mingwX64", "watchosArm32", "watchosArm64", "watchosX64",
  "watchosSimulatorArm64", "watchosDeviceArm64", "tvosX64", "tvosArm64", "tvosSimulatorArm64", "androidNativeArm64",
  "androidNativeX64", "androidNativeArm32", "androidNativeX86", "androidLibrary",
]);
const DEP_CONFIGS = new Set([
  "implementation", "api", "compileOnly", "runtimeOnly", "testImplementation", "androidTestImplementation",
  "debugImplementation", "kapt", "ksp", "annotationProcessor", "coreLibraryDesugaring", "testRuntimeOnly",
]);
/** The ids that apply the Kotlin Multiplatform plugin (`kotlin-multiplatform` is its legacy id). */
const KMP_PLUGIN_IDS = new Set(["org.jetbrains.kotlin.multiplatform", 'kotlin("multiplatform")', "kotlin-multiplatform"]);
/** Catalog aliases that name the KMP plugin, for scripts whose catalog we cannot read (an included build's own). */
const KMP_ALIAS = /^libs\.plugins\.(kotlin[.-]?multiplatform|multiplatform|kmp|jetbrains[.-]kotlin[.-]multiplatform)$/i;
/** Gradle's source-set names: `<name>Main`/`<name>Test` in KMP, `main`/`test` elsewhere. */
const SOURCE_SET_NAME = /^([a-z]\w*(Main|Test)|main|test)$/;
/** `commonMainImplementation(…)`: a KMP source set's dependency declared in the top-level block. */
const SOURCE_SET_CONFIG = /^([a-z]\w*(?:Main|Test))(Implementation|Api|CompileOnly|RuntimeOnly)$/;
/** Where a source set is looked up by name inside `sourceSets { }`. */
const BY_NAME = new Set(["named", "getByName", "create", "maybeCreate", "register"]);

/** A version catalog: accessor (libs.x.y) → what it resolves to. */
export type Catalog = Map<string, string>;

function unquote(s: string): string {
  return s.trim().replace(/^"""|"""$/g, "").replace(/^["']|["']$/g, "");
}

/** libs.versions.toml → accessors, from the TOML tree. */
export function readCatalog(parser: Parser, toml: string): Catalog {
  const catalog: Catalog = new Map();
  const tree = parser.parse(toml);
  if (!tree) return catalog;
  const versions = new Map<string, string>();
  const entries: { table: string; key: string; fields: Map<string, string> }[] = [];
  for (const table of named(tree.rootNode)) {
    if (table.type !== "table") continue;
    const header = named(table).find((c) => c.type === "bare_key" || c.type === "dotted_key" || c.type === "quoted_key");
    const tableName = header?.text ?? "";
    for (const pair of named(table)) {
      if (pair.type !== "pair") continue;
      const keyNode = named(pair)[0];
      const value = named(pair)[named(pair).length - 1];
      if (!keyNode || !value) continue;
      const key = unquote(keyNode.text);
      const fields = new Map<string, string>();
      if (value.type === "inline_table") {
        for (const f of named(value)) {
          if (f.type !== "pair") continue;
          const k = named(f)[0]?.text.replace(/\s+/g, "") ?? "";
          const v = named(f)[named(f).length - 1];
          if (v && (v.type === "string" || v.type === "integer")) fields.set(k, unquote(v.text));
        }
      } else if (value.type === "string") {
        fields.set("", unquote(value.text));
      }
      if (tableName === "versions") versions.set(key, fields.get("") ?? fields.get("strictly") ?? fields.get("require") ?? "");
      entries.push({ table: tableName, key, fields });
    }
  }
  tree.delete();
  const accessor = (key: string) => key.replace(/[-_.]/g, ".");
  for (const e of entries) {
    const ver = e.fields.get("version") ?? (e.fields.get("version.ref") ? versions.get(e.fields.get("version.ref")!) : undefined);
    const at = ver ? `:${ver}` : "";
    if (e.table === "libraries") {
      const module = e.fields.get("module") ?? (e.fields.get("group") ? `${e.fields.get("group")}:${e.fields.get("name")}` : e.fields.get("") ?? "");
      catalog.set(`libs.${accessor(e.key)}`, module.includes(":") && at && module.split(":").length < 3 ? module + at : module);
    } else if (e.table === "plugins") {
      catalog.set(`libs.plugins.${accessor(e.key)}`, (e.fields.get("id") ?? e.fields.get("") ?? "") + at);
    } else if (e.table === "versions") {
      catalog.set(`libs.versions.${accessor(e.key)}`, versions.get(e.key) ?? "");
    } else if (e.table === "bundles") {
      catalog.set(`libs.bundles.${accessor(e.key)}`, "bundle");
    }
  }
  return catalog;
}

/** Accessors are case-insensitive in practice (kotlin-multiplatform → kotlin.multiplatform). */
function resolve(catalog: Catalog | null, ref: string): string | null {
  if (!catalog) return null;
  const direct = catalog.get(ref);
  if (direct !== undefined) return direct;
  const norm = ref.toLowerCase();
  for (const [k, v] of catalog) if (k.toLowerCase() === norm) return v;
  return null;
}

function calleeName(call: Node): { name: string; receiver: string | null } {
  const callee = call.firstNamedChild;
  if (!callee) return { name: "", receiver: null };
  if (callee.type === "identifier") return { name: callee.text, receiver: null };
  if (callee.type === "navigation_expression") {
    const last = callee.lastNamedChild;
    const first = callee.firstNamedChild;
    return { name: last?.text ?? "", receiver: first && first.id !== last?.id ? first.text : null };
  }
  return { name: "", receiver: null };
}

function firstArgText(call: Node): string | null {
  const args = named(call).find((c) => c.type === "value_arguments");
  const arg = (args ? named(args) : []).find((c) => c.type === "value_argument");
  return arg ? arg.text.trim() : null;
}

/** `getByName("iosMain")`, `sourceSets.commonMain`, `sourceSets["jvmMain"]` → the source set's name. */
function sourceSetName(receiver: string): string {
  const byName = receiver.match(/^(?:sourceSets\s*\.\s*)?(?:getByName|named|getting|maybeCreate|create)\s*\(\s*"(\w+)"\s*\)$/);
  if (byName) return byName[1]!;
  const indexed = receiver.match(/^sourceSets\s*\[\s*"(\w+)"\s*\]$/);
  if (indexed) return indexed[1]!;
  return receiver.replace(/^sourceSets\s*\.\s*/, "");
}

/** Whether a plugins-block entry is declared but not applied (`… apply false` or `….apply(false)`, a root script's habit). */
function appliedFalse(call: Node): boolean {
  for (let p = call.parent; p && p.type !== "lambda_literal" && p.type !== "statements"; p = p.parent) {
    const kids = named(p);
    if (p.type === "infix_expression" && kids.length === 3 && kids[1]!.text === "apply" && kids[2]!.text === "false") return true;
    if (p.type === "call_expression" && calleeName(p).name === "apply" && firstArgText(p) === "false") return true;
  }
  return false;
}

/** The nearest enclosing call, whatever its callee: it groups the assignments of one lambda. */
function nearestCall(n: Node): Node | null {
  for (let p = n.parent; p; p = p.parent) if (p.type === "call_expression") return p;
  return null;
}

/** The source set a dependency call belongs to, from its enclosing calls/declarations. */
function sourceSetOf(call: Node): string | null {
  for (let p = call.parent; p; p = p.parent) {
    if (p.type === "call_expression") {
      const { name, receiver } = calleeName(p);
      if (name === "dependencies" && receiver) return sourceSetName(receiver);
      if ((name === "named" || name === "getByName" || name === "create" || name === "maybeCreate") && firstArgText(p)) return unquote(firstArgText(p)!);
      if (name === "dependencies" && !receiver) {
        // `val commonMain by getting { dependencies { … } }` or a top-level dependencies block.
        for (let q = p.parent; q; q = q.parent) {
          if (q.type === "property_declaration") {
            const v = named(q).find((c) => c.type === "variable_declaration");
            return (v ? named(v) : []).find((c) => c.type === "identifier")?.text ?? null;
          }
          if (q.type === "call_expression") {
            // `named("jvmMain") { … }` is a call of the call `named("jvmMain")` with a trailing lambda.
            const head = q.firstNamedChild?.type === "call_expression" ? q.firstNamedChild : q;
            const outer = calleeName(head);
            if ((outer.name === "named" || outer.name === "getByName") && firstArgText(head)) return unquote(firstArgText(head)!);
            // `commonMain { dependencies { … } }`
            if (!outer.receiver && SOURCE_SET_NAME.test(outer.name)) return outer.name;
          }
        }
        // A `dependencies { }` inside another block (`android { dependencies { … } }`) is named by where it sits.
        const heads = scopeHeads(p);
        return heads.length ? [...heads, "dependencies"].join(" › ") : "dependencies";
      }
    }
  }
  return null;
}

/**
 * Where a node sits, as the script writes it: each enclosing lambda's head, outermost first —
 * `kotlin`, `jvm("desktop")`, `targets.withType<KotlinNativeTarget>`, `binaries.all` — with long
 * argument lists shortened to `(…)`.
 */
export function scopeHeads(n: Node): string[] {
  const heads: string[] = [];
  for (let p = n.parent; p; p = p.parent) {
    if (p.type !== "lambda_literal" || p.id === n.id) continue;
    const holder = p.parent;
    let head: string | null = null;
    if (holder?.type === "annotated_lambda" && holder.parent?.type === "call_expression") {
      const call = holder.parent;
      head = call.text.slice(0, holder.startIndex - call.startIndex);
      // `val iosMain by creating { … }`: the block is named by its property, not by `creating`.
      const decl = call.parent?.type === "property_delegate" ? call.parent.parent : null;
      const variable = decl?.type === "property_declaration" ? named(decl).find((c) => c.type === "variable_declaration") : undefined;
      const name = variable ? named(variable).find((c) => c.type === "identifier")?.text : undefined;
      if (name) head = `val ${name} by ${head.trim()}`;
    } else if (holder?.type === "binary_expression") {
      // `targets.withType<T> { … }` reads as a comparison to the grammar: its head is what precedes the lambda.
      head = holder.text.slice(0, p.startIndex - holder.startIndex);
    }
    if (head !== null) heads.push(shortHead(head));
  }
  return heads.reverse();
}

function shortHead(head: string): string {
  let h = head.replace(/\s+/g, " ").trim();
  for (let prev = ""; prev !== h; ) {
    prev = h;
    h = h.replace(/\(([^()]{40,})\)/g, "(…)");
  }
  return h.length > 80 ? `${h.slice(0, 77)}…` : h;
}

/** Longest statement listed as written (one line); longer ones are summarised by their head. */
const MAX_STATEMENT = 120;

function enclosingCallNames(n: Node): string[] {
  const names: string[] = [];
  for (let p = n.parent; p; p = p.parent) if (p.type === "call_expression") names.push(calleeName(p).name);
  return names;
}

/** GradleInfo of a Kotlin DSL script from its tree. */
export function gradleInfoFromTree(root: Node, catalog: Catalog | null): GradleInfo {
  const plugins: string[] = [];
  const notApplied = new Set<string>();
  const targets = new Set<string>();
  const sourceSets = new Map<string, Set<string>>();
  const configured = new Set<string>();
  const android: { namespace: string | null; compile_sdk: string | null; min_sdk: string | null } = { namespace: null, compile_sdk: null, min_sdk: null };
  const refs = new Set<string>();
  const registrations = new Map<number, { id: string | null; implementation_class: string | null }>();
  const settings: GradleInfo["settings"] = [];
  const blocks = new Set<string>();
  let sawAndroid = false;
  const addDep = (ss: string, arg: string) => {
    if (!sourceSets.has(ss)) sourceSets.set(ss, new Set());
    sourceSets.get(ss)!.add(arg.replace(/\s+/g, " "));
  };
  const cursor = root.walk();
  let done = false;
  while (!done) {
    const n = cursor.currentNode;
    if (isStatement(n) && !n.descendantsOfType("lambda_literal").length) {
      // A statement inside a block, as written: `baseName = "Shared"`, `freeCompilerArgs.add("-X…")`,
      // `export(projects.core)`, `jvm("desktop")`. Dependencies and plugins have their own lists;
      // a bare target call (`iosArm64()`) is in the targets.
      const outer = enclosingCallNames(n);
      const text = n.text.replace(/\s+/g, " ").trim();
      const call = n.type === "call_expression" ? calleeName(n) : null;
      const bareTarget = call !== null && TARGETS.has(call.name) && !call.receiver && firstArgText(n) === null;
      // The Android facts have their own line.
      const androidFact = n.type === "assignment" && /^(?:namespace|compileSdk|minSdk)$/.test(named(n)[0]?.text ?? "");
      const heads = scopeHeads(n);
      if (heads.length && !bareTarget && !androidFact && !outer.includes("plugins") && !outer.includes("dependencies") && !outer.includes("gradlePlugin") && !/\bdependencies\b/.test(heads[heads.length - 1]!)) {
        settings.push({ scope: heads.join(" › "), statement: text.length <= MAX_STATEMENT ? text : `${text.slice(0, text.search(/[({=]/) > 0 ? text.search(/[({=]/) : 60).trim()}(…)` });
      }
    }
    if (n.type === "call_expression") {
      const { name, receiver } = calleeName(n);
      const outer = enclosingCallNames(n);
      if (outer.includes("plugins") && !outer.includes("dependencies") && !outer.includes("gradlePlugin")) {
        const arg = firstArgText(n);
        const entry = name === "id" && arg ? unquote(arg) : name === "kotlin" && arg ? `kotlin(${arg})` : name === "alias" && arg ? arg : null;
        if (entry) {
          plugins.push(entry);
          if (appliedFalse(n)) notApplied.add(entry);
        }
      }
      // `kotlin { … }`, or a project's own set-up call around it: `setupMultiplatform { jvm(); iosArm64() }`.
      const inKotlin = outer.some((c) => c === "kotlin" || /multiplatform|kmp/i.test(c));
      if (inKotlin && !outer.includes("sourceSets") && TARGETS.has(name)) targets.add(name);
      if (inKotlin && outer.includes("sourceSets")) {
        // Source sets configured without dependencies: `iosMain { … }`, `iosMain.dependsOn(…)`, `getByName("jvmMain") { … }`.
        if (!receiver && SOURCE_SET_NAME.test(name) && named(n).some((c) => c.type === "annotated_lambda")) configured.add(name);
        if (receiver && SOURCE_SET_NAME.test(sourceSetName(receiver))) configured.add(sourceSetName(receiver));
        const arg = firstArgText(n);
        // Not `compilations.getByName("main")` nor `android.sourceSets.getByName("test")`.
        const onSourceSets = receiver === null || /^(?:(?:project\.)?kotlin\.)?sourceSets$/.test(receiver);
        if (BY_NAME.has(name) && onSourceSets && arg && SOURCE_SET_NAME.test(unquote(arg))) configured.add(unquote(arg));
      }
      const arg = firstArgText(n);
      const perSourceSet = name.match(SOURCE_SET_CONFIG);
      // A dependency is written bare when it is `implementation`, else with its configuration (`api(…)`, `ksp(…)`).
      if (DEP_CONFIGS.has(name) && arg) addDep(sourceSetOf(n) ?? "dependencies", name === "implementation" ? arg : `${name}(${arg})`);
      else if (perSourceSet && perSourceSet[1] !== "androidTest" && outer.includes("dependencies") && arg) {
        const config = perSourceSet[2]!.charAt(0).toLowerCase() + perSourceSet[2]!.slice(1);
        addDep(perSourceSet[1]!, config === "implementation" ? arg : `${config}(${arg})`);
      } else if (name === "add" && !receiver && outer[0] === "dependencies" && arg) addDep(sourceSetOf(n) ?? "dependencies", n.text);
      if (name === "android" && outer.length === 0) sawAndroid = true;
      // (Not inside a block the grammar reads as a comparison: `configure<T> { version.set(…) }`.)
      if (outer.length === 0 && name && !DESCRIBED_BLOCKS.has(name) && n.parent?.type !== "call_expression" && scopeHeads(n).length === 0) {
        // A plugin's extension block (`dependencyGuard { }`) or a project helper (`setupMultiplatform()`).
        const full = receiver ? `${receiver}.${name}` : name;
        const text = n.text.replace(/\s+/g, " ");
        blocks.add(named(n).some((c) => c.type === "annotated_lambda") ? `${full} { }` : text.length <= 60 ? text : `${full}(…)`);
      }
    } else if (n.type === "property_declaration") {
      // `val iosMain by creating { … }` / `by getting` inside kotlin { sourceSets { } }
      const outer = enclosingCallNames(n);
      const v = named(n).find((c) => c.type === "variable_declaration");
      const id = (v ? named(v) : []).find((c) => c.type === "identifier")?.text;
      if (id && outer.includes("kotlin") && outer.includes("sourceSets") && named(n).some((c) => c.type === "property_delegate") && SOURCE_SET_NAME.test(id)) configured.add(id);
    } else if (n.type === "assignment") {
      const left = named(n)[0]?.text ?? "";
      const right = named(n)[named(n).length - 1]?.text ?? "";
      if (left === "namespace") android.namespace = unquote(right);
      else if (left === "compileSdk") android.compile_sdk = right.trim();
      else if (left === "minSdk") android.min_sdk = right.trim();
      else if (LITERAL_VALUES.has(named(n)[named(n).length - 1]?.type ?? "") && scopeHeads(n).length === 0) {
        // A top-level assignment (`version = "1.0"`); those inside blocks are statements (above).
        settings.push(setting([], n.text));
      }
      if ((left === "id" || left === "implementationClass") && enclosingCallNames(n).includes("gradlePlugin")) {
        // gradlePlugin { plugins { register("x") { id = "…"; implementationClass = "…" } } }
        const group = nearestCall(n);
        if (group) {
          const reg = registrations.get(group.id) ?? { id: null, implementation_class: null };
          if (left === "id") reg.id = unquote(right);
          else reg.implementation_class = unquote(right);
          registrations.set(group.id, reg);
        }
      }
    } else if (n.type === "navigation_expression") {
      const t = n.text;
      if (/^libs\.[\w.]+$/.test(t) && n.parent?.type !== "navigation_expression") refs.add(t);
    }
    if (cursor.gotoFirstChild()) continue;
    while (!cursor.gotoNextSibling()) {
      if (!cursor.gotoParent()) {
        done = true;
        break;
      }
    }
  }
  cursor.delete();
  for (const ss of configured) if (!sourceSets.has(ss)) sourceSets.set(ss, new Set());
  const registered = [...registrations.values()].filter((r): r is { id: string; implementation_class: string } => r.id !== null && r.implementation_class !== null);
  const info = finish(plugins, notApplied, targets, sourceSets, sawAndroid || android.namespace !== null ? android : null, refs, catalog, registered);
  return { ...info, settings, blocks: [...blocks] };
}

/** Top-level blocks the pair's prompt already describes from their own facts. */
const DESCRIBED_BLOCKS = new Set(["plugins", "kotlin", "dependencies", "android", "buildscript", "repositories"]);
/** Values a setting may be stated with: literals and constants (`JavaVersion.VERSION_17`), not expressions. */
const LITERAL_VALUES = new Set(["string_literal", "number_literal", "identifier", "navigation_expression"]);

/** A statement of a block's lambda (or of the script): its direct child, not a part of an expression. */
function isStatement(n: Node): boolean {
  const p = n.parent;
  if (!p || !n.isNamed) return false;
  if (p.type === "lambda_literal") return n.type !== "lambda_parameters" && n.type !== "line_comment" && n.type !== "block_comment";
  return p.type === "statements" && p.parent?.type === "lambda_literal";
}

/** `{ scope: "compose › desktop › application", statement: 'mainClass = "x.MainKt"' }`, the statement on one line. */
function setting(outer: readonly string[], text: string): GradleInfo["settings"][number] {
  return { scope: [...outer].reverse().filter(Boolean).join(" › "), statement: text.replace(/\s+/g, " ").trim() };
}

function finish(
  plugins: string[],
  notApplied: Set<string>,
  targets: Set<string>,
  sourceSets: Map<string, Set<string>>,
  android: GradleInfo["android"],
  refs: Set<string>,
  catalog: Catalog | null,
  plugin_registrations: GradleInfo["plugin_registrations"],
): GradleInfo {
  const catalog_refs = [...refs].sort().map((alias) => ({ alias, resolved: resolve(catalog, alias) }));
  // Applied, not merely declared: a root script's `alias(libs.plugins.kotlinMultiplatform) apply false` is no KMP module.
  const is_kmp = plugins.some((p) => {
    if (notApplied.has(p)) return false;
    if (!p.startsWith("libs.")) return KMP_PLUGIN_IDS.has(p);
    const resolved = resolve(catalog, p);
    return resolved !== null ? KMP_PLUGIN_IDS.has(resolved.split(":")[0]!) : KMP_ALIAS.test(p);
  });
  return {
    plugins,
    is_kmp,
    targets: [...targets].sort(),
    source_sets: [...sourceSets.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([name, deps]) => ({ name, dependencies: [...deps].sort() })),
    android,
    catalog_refs,
    plugin_registrations: plugin_registrations.sort((a, b) => a.id.localeCompare(b.id)),
    settings: [],
    blocks: [],
  };
}

/** Best-effort reading of a Groovy build.gradle (no grammar for Groovy here). */
export function gradleInfoFromGroovy(text: string, catalog: Catalog | null): GradleInfo {
  const plugins = [...text.matchAll(/\bid\s*\(?\s*['"]([\w.-]+)['"]/g)].map((m) => m[1]!);
  const applied = [...text.matchAll(/apply\s+plugin:\s*['"]([\w.-]+)['"]/g)].map((m) => m[1]!);
  const targets = new Set([...text.matchAll(/^\s*(\w+)\s*\(\s*\)|^\s*(\w+)\s*\{/gm)].map((m) => (m[1] ?? m[2])!).filter((t) => TARGETS.has(t)));
  const deps = new Map<string, Set<string>>();
  for (const m of text.matchAll(/^\s*(implementation|api|compileOnly|runtimeOnly|testImplementation|kapt|ksp)\s*\(?\s*(['"][^'"\n]+['"]|[\w.]+(?:\([^)\n]*\))?)/gm)) {
    if (!deps.has("dependencies")) deps.set("dependencies", new Set());
    deps.get("dependencies")!.add(m[2]!);
  }
  const ns = text.match(/namespace\s*=?\s*['"]([\w.]+)['"]/);
  const compile = text.match(/compileSdk(?:Version)?\s*=?\s*(\d+)/);
  const min = text.match(/minSdk(?:Version)?\s*=?\s*(\d+)/);
  const refs = new Set([...text.matchAll(/\blibs\.[\w.]+/g)].map((m) => m[0]));
  const android = /^\s*android\s*\{/m.test(text) ? { namespace: ns?.[1] ?? null, compile_sdk: compile?.[1] ?? null, min_sdk: min?.[1] ?? null } : null;
  return finish([...plugins, ...applied], new Set(), targets, deps, android, refs, catalog, []);
}
