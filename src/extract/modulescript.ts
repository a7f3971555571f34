/**
 * What a module's build script (or Amper `module.yaml`) says about where its files belong: whether
 * it is an Android and/or a Kotlin Multiplatform module, and, for custom source sets, which sets
 * and targets sit below or above them (`group("x") { withJvm() }`, `x.dependsOn(y)`,
 * `jsMain { kotlin.srcDir("src/x/kotlin") }`). Read with regular expressions and a brace scan on
 * the main thread: the tree-sitter reading in gradle.ts runs later, in the workers.
 */

export interface ModuleInfo {
  /** Applies an Android plugin: plain src/main is androidMain. */
  android: boolean;
  /** Kotlin Multiplatform: custom source sets may span several platforms. */
  kmp: boolean;
  /** Amper module (module.yaml): the platforms its product lists; null for Gradle modules. */
  amperPlatforms: string[] | null;
  /** Set base name (no Main/Test) → names of the sets or targets below it. */
  below: Map<string, Set<string>>;
  /** Set base name → names of the sets it depends on. */
  above: Map<string, Set<string>>;
  /** The script text, to answer "does it name this folder or file". */
  script: string;
}

const ANDROID_PLUGIN = /com\.android\.(application|library|dynamic-feature|test)|android[.-]?(application|library)\b|androidApplication|androidLibrary|kotlin\("android"\)|org\.jetbrains\.kotlin\.android/i;
const KMP_HINT = /multiplatform|applyDefaultHierarchyTemplate|\bcommonMain\b|\b(iosArm64|iosX64|iosSimulatorArm64|macosArm64|macosX64|linuxX64|mingwX64|wasmJs|androidTarget)\s*[({]/i;

/** `commonMain`, `commonMain.get()`, `"jsAndWasmJsMain"` → `common`, `common`, `jsAndWasmJs`. */
export function baseName(setName: string): string {
  return setName.replace(/(Main|Test|UnitTest|InstrumentedTest)$/, "");
}

function add(map: Map<string, Set<string>>, key: string, value: string): void {
  if (key === value) return;
  let s = map.get(key);
  if (!s) map.set(key, (s = new Set()));
  s.add(value);
}

/** The name a block opener declares: `val x by creating {`, `create("x") {`, `group("x") {`, `jsMain {`. */
function openerName(head: string): string | null {
  const h = head.trimEnd();
  const byDelegate = /\bval\s+(\w+)\s+by\s+\w+\s*$/.exec(h);
  if (byDelegate) return byDelegate[1]!;
  const call = /\b(?:getByName|create|named|register|maybeCreate|getting|creating|group)\s*\(\s*["'](\w+)["']\s*\)\s*$/.exec(h);
  if (call) return call[1]!;
  const plain = /(?:^|[\s.;{}])(\w+)\s*(?:\(\s*\))?\s*$/.exec(h);
  return plain ? plain[1]! : null;
}

/** Names of the blocks enclosing `at`, innermost first (braces in strings and comments are not told apart). */
export function enclosingBlocks(text: string, at: number): string[] {
  const names: string[] = [];
  let depth = 0;
  for (let i = at - 1; i >= 0; i--) {
    const c = text[i];
    if (c === "}") depth++;
    else if (c === "{") {
      if (depth > 0) {
        depth--;
        continue;
      }
      const lineStart = Math.max(text.lastIndexOf("\n", i - 1), text.lastIndexOf(";", i - 1), text.lastIndexOf("}", i - 1), text.lastIndexOf("{", i - 1)) + 1;
      const name = openerName(text.slice(lineStart, i));
      if (name) names.push(name);
    }
  }
  return names;
}

const SKIP_BLOCKS = new Set(["sourceSets", "kotlin", "dependencies", "common", "applyDefaultHierarchyTemplate", "it", "all", "configureEach", "compilations", "defaultSourceSet"]);

/** `withJvm()` → `jvm`, `withAndroidTarget()` → `android`, `withWasmJs()` → `wasmJs`. */
function targetOfWith(w: string): string {
  const t = w[0]!.toLowerCase() + w.slice(1);
  return t === "androidTarget" ? "android" : t;
}

export function readGradleModule(script: string): ModuleInfo {
  const below = new Map<string, Set<string>>();
  const above = new Map<string, Set<string>>();
  const firstGroup = (blocks: string[]) => blocks.map(baseName).find((b) => !SKIP_BLOCKS.has(b));
  // hierarchy template: group("x") { group("y"); withJs() } → y and js are below x
  for (const m of script.matchAll(/\bgroup\s*\(\s*["'](\w+)["']\s*\)|\bwith([A-Z]\w*)\s*\(\s*\)/g)) {
    const child = m[1] ?? targetOfWith(m[2]!);
    const parent = firstGroup(enclosingBlocks(script, m.index));
    if (parent) add(below, parent, child);
  }
  // x.dependsOn(y), getByName("x").dependsOn(y), val x by creating { dependsOn(y) }
  for (const m of script.matchAll(/(?:(\w+)(?:\.get\(\))?|\(\s*["'](\w+)["']\s*\))\s*\.\s*dependsOn\s*\(\s*(\w+)|(?<![.\w])dependsOn\s*\(\s*(\w+)/g)) {
    const parentName = m[3] ?? m[4]!;
    const childName = m[1] ?? m[2] ?? firstGroup(enclosingBlocks(script, m.index));
    // tasks depend on tasks too: only an edge between source sets counts
    if (!childName || !/(Main|Test)$/.test(parentName)) continue;
    add(above, baseName(childName), baseName(parentName));
    add(below, baseName(parentName), baseName(childName));
  }
  // jsMain { kotlin.srcDir("src/browserMain/kotlin") }: the folder's set serves jsMain
  for (const m of script.matchAll(/\bsrcDirs?\s*\(\s*["']([^"'$]+)["']/g)) {
    const folder = /(?:^|\/)src\/(\w+)(?:\/|$)/.exec(m[1]!)?.[1];
    const host = firstGroup(enclosingBlocks(script, m.index));
    if (folder && host) add(below, baseName(folder), baseName(host));
  }
  return { android: ANDROID_PLUGIN.test(script), kmp: KMP_HINT.test(script), amperPlatforms: null, below, above, script };
}

/** Amper: `product: jvm/app`, or `product: { type: lib, platforms: [jvm, android] }` (either YAML form). */
export function readAmperModule(yaml: string): ModuleInfo {
  const platforms: string[] = [];
  const short = /^product:\s*(\w+)\/\w+\s*$/m.exec(yaml);
  if (short) platforms.push(short[1]!);
  const inline = /^\s*platforms:\s*\[([^\]]*)\]/m.exec(yaml);
  if (inline) platforms.push(...inline[1]!.split(",").map((s) => s.trim()).filter(Boolean));
  const block = /^[ \t]*platforms:[ \t]*\n((?:[ \t]*-[ \t]*\w+[ \t]*(?:\n|$))+)/m.exec(yaml);
  if (block) platforms.push(...[...block[1]!.matchAll(/-[ \t]*(\w+)/g)].map((x) => x[1]!));
  return { android: platforms.includes("android"), kmp: platforms.length !== 1, amperPlatforms: platforms, below: new Map(), above: new Map(), script: yaml };
}
