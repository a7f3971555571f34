/**
 * Source sets from where a file sits, for every Gradle layout we meet, each confirmed by the
 * module's build script when the path alone could mislead:
 * - `src/<set>/{kotlin,java}/…`: the Gradle convention, for standard (commonMain, iosArm64Test) and
 *   custom sets alike (`src/jmh/kotlin`, `src/testFixtures/java`, `src/hashFunctions/kotlin`); a
 *   custom folder without a kotlin/java level counts when the build script names it (`src/testData`).
 * - plain `src/main`/`src/test`: androidMain/androidUnitTest in an Android module, jvmMain/jvmTest
 *   otherwise (as decided by the module's build script, never guessed without one).
 * - the flattened `<module>/<target>/src` and `<module>/<target>/test` layout (kotlinx-io's
 *   `core/common/src`, `core/nativeNonApple/src`): `<target>Main`/`<target>Test`.
 * - Amper: `src@ios`, `test@jvm`, and a module.yaml module's own `src/` and `test/`.
 * - a file at a module's root that its (JVM or Android) build script names, e.g. a version template.
 * Anything else is `unknown`: never a silent default.
 *
 * Platforms: a standard name (commonMain, iosArm64Main, androidNativeTest) decides by itself; every
 * custom set of a single-platform (JVM or Android) module has that module's platform; a custom set
 * of a multiplatform module takes the join of what its build script puts below it (group("x") {
 * withJvm() }, y.dependsOn(x), jsMain { srcDir("src/x/kotlin") }), else the platform of a
 * platform-specific set it depends on, else its name's prefix (`nativeNonApple` → native), else
 * "mixed". A name made of `And` parts joins its parts (`jsAndWasmJs` → mixed, `iosAndMacos` → apple);
 * `common<Qualifier>` (commonJvm, commonJs) is a subset of targets, so "mixed", not "common".
 */
import type { Platform } from "../types.ts";
import { baseName, type ModuleInfo } from "./modulescript.ts";

export interface Placement {
  source_set: string;
  platform: Platform;
  is_test: boolean;
  /** Folder of the module (relative to the repo) whose build script was asked. */
  module: string | null;
}

/** What a module folder's build script says; null when the folder has none. */
export type ModuleOracle = (moduleDir: string) => ModuleInfo | null;

const PLATFORM_PREFIXES: [RegExp, Platform][] = [
  [/^common$/, "common"],
  [/^androidNative/, "native"],
  [/^android/, "android"],
  [/^ios/i, "ios"],
  [/^(apple|darwin)/, "apple"],
  [/^macos/, "macos"],
  [/^watchos/, "watchos"],
  [/^tvos/, "tvos"],
  [/^(native|posix|unix)/, "native"],
  [/^linux/, "linux"],
  [/^(mingw|windows)/, "windows"],
  [/^wasm/, "wasm"],
  [/^js/, "js"],
  [/^desktop/, "desktop"],
  [/^jvm/, "jvm"],
];

/** Names whose platform is fixed by Kotlin itself: targets and the default hierarchy's groups. */
const STANDARD = /^(common|native|apple|darwin|posix|unix|ios|macos|tvos|watchos|linux|mingw|windows|androidNative|android|jvm|js|wasmJs|wasmWasi|wasm|desktop)(X64|X86|Arm64|Arm32|SimulatorArm64|DeviceArm64|Mips32|Mipsel32)?$/;

const APPLE = new Set<Platform>(["ios", "macos", "tvos", "watchos", "apple"]);
const NATIVE = new Set<Platform>([...APPLE, "linux", "windows", "native"]);

/** The smallest platform covering all of them: one platform, apple, native, else mixed. */
export function joinPlatforms(ps: Platform[]): Platform {
  const u = new Set(ps);
  if (u.size === 1) return ps[0]!;
  if ([...u].every((p) => APPLE.has(p))) return "apple";
  if ([...u].every((p) => NATIVE.has(p))) return "native";
  return "mixed";
}

function platformFromName(base: string): Platform | null {
  const parts = base.split(/And(?=[A-Z])/);
  if (parts.length > 1) {
    const ps = parts.map((p) => platformFromName(p[0]!.toLowerCase() + p.slice(1)));
    return ps.every((p) => p !== null) ? joinPlatforms(ps as Platform[]) : null;
  }
  for (const [re, p] of PLATFORM_PREFIXES) if (re.test(base)) return p;
  return null;
}

/** Platform of a source set name alone; custom intermediate sets (mobileMain, nonJvmMain) are "mixed". */
export function platformOf(sourceSet: string): Platform {
  if (sourceSet === "unknown") return "unknown";
  return platformFromName(baseName(sourceSet)) ?? "mixed";
}

/** Platform of a set in its module (see the header for the order of evidence). */
export function platformIn(sourceSet: string, info: ModuleInfo | null, seen = new Set<string>()): Platform {
  const base = baseName(sourceSet);
  const byName = platformFromName(base);
  if (STANDARD.test(base) || !info) return byName ?? "mixed";
  if (!info.kmp) return info.android ? "android" : "jvm";
  if (seen.has(base)) return byName ?? "mixed";
  seen.add(base);
  const below = [...(info.below.get(base) ?? [])].map((k) => platformIn(k, info, seen));
  if (below.length) return joinPlatforms(below);
  for (const parent of info.above.get(base) ?? []) {
    const p = platformIn(parent, info, seen);
    if (p !== "common" && p !== "mixed") return p;
  }
  return byName ?? "mixed";
}

/** Test code: `…Test`, `…Tests`, `…UnitTest`, `…InstrumentedTest`, and `test…` sets (testFixtures, testData). Benchmarks are not tests. */
export function isTestSourceSet(sourceSet: string): boolean {
  return /Tests?$/.test(sourceSet) || /^tests?([A-Z0-9]|$)/.test(sourceSet);
}

const SOURCE_SET_NAME = /^[a-z][A-Za-z0-9]*(Main|Test|UnitTest|InstrumentedTest)$/;
const IDENT = /^[a-z][A-Za-z0-9]*$/;

function placed(source_set: string, info: ModuleInfo | null, module: string): Placement {
  return { source_set, platform: platformIn(source_set, info, new Set()), is_test: isTestSourceSet(source_set), module };
}

/** Whether a build script names `src/<name>` (srcDir, inputs.dir …) or declares a set `<name>`. */
function scriptNames(info: ModuleInfo | null, name: string): boolean {
  if (!info) return false;
  const q = `["'](?:[^"'\\n]*/)?src/${name}(?:/[^"'\\n]*)?["']|\\bval\\s+${name}\\s+by\\s+(?:creating|registering)\\b|\\b(?:create|register|maybeCreate)\\s*\\(\\s*["']${name}["']`;
  return new RegExp(q).test(info.script);
}

function placeSrcChild(parts: string[], i: number, modules: ModuleOracle): Placement | null {
  const name = parts[i]!;
  const module = parts.slice(0, i - 1).join("/");
  // src/androidTest of an Android app or library holds instrumented tests (of a multiplatform
  // module before Kotlin 1.9: its androidTest set, kept by name below)
  const plainAndroid = name === "androidTest" && modules(module)?.android === true && !modules(module)!.kmp;
  if (SOURCE_SET_NAME.test(name) && !plainAndroid) return placed(name, modules(module), module);
  if (name === "main" || name === "test" || plainAndroid) {
    const info = modules(module);
    if (info === null || info.amperPlatforms !== null) return null;
    const ss = info.android
      ? name === "main" ? "androidMain" : name === "test" ? "androidUnitTest" : "androidInstrumentedTest"
      : name === "main" ? "jvmMain" : "jvmTest";
    return { source_set: ss, platform: platformOf(ss), is_test: name !== "main", module };
  }
  if (!IDENT.test(name)) return null;
  // a custom set: the folder shows it (src/jmh/kotlin) or the build script names it (src/testData)
  const sub = i + 1 < parts.length - 1 ? parts[i + 1] : null;
  const info = modules(module);
  if (sub === "kotlin" || sub === "java" || scriptNames(info, name)) return placed(name, info, module);
  return null;
}

/**
 * Places a repo-relative path; `modules(dir)` reads the build script of a module folder.
 */
export function placeFile(path: string, modules: ModuleOracle): Placement {
  const parts = path.split("/");
  // Amper: src@ios/…, test@jvm/…
  for (let i = parts.length - 2; i >= 0; i--) {
    const m = /^(src|test)@([a-z][A-Za-z0-9]*)$/.exec(parts[i]!);
    if (!m) continue;
    const ss = `${m[2]}${m[1] === "src" ? "Main" : "Test"}`;
    return { source_set: ss, platform: platformOf(ss), is_test: m[1] === "test", module: parts.slice(0, i).join("/") };
  }
  // src/<sourceSet>/(kotlin|java|…)/…
  for (let i = parts.length - 2; i >= 1; i--) {
    if (parts[i - 1] !== "src") continue;
    const p = placeSrcChild(parts, i, modules);
    if (p) return p;
  }
  // Amper module: its own src/ and test/
  for (let i = parts.length - 2; i >= 0; i--) {
    if (parts[i] !== "src" && parts[i] !== "test") continue;
    const module = parts.slice(0, i).join("/");
    const info = modules(module);
    if (info?.amperPlatforms == null) continue;
    const ps = info.amperPlatforms;
    const ss = `${ps.length === 1 ? ps[0] : "common"}${parts[i] === "src" ? "Main" : "Test"}`;
    return { source_set: ss, platform: platformOf(ss), is_test: parts[i] === "test", module };
  }
  // <module>/<target>/src and <module>/<target>/test (core/common/src, core/nativeNonApple/test):
  // a standard target name, or any name inside a multiplatform module, when <target> is no module itself
  for (let i = parts.length - 2; i >= 1; i--) {
    const dir = parts[i]!;
    if (dir !== "src" && dir !== "test" && dir !== "testResources") continue;
    const target = parts[i - 1]!;
    if (!IDENT.test(target)) continue;
    const module = parts.slice(0, i - 1).join("/");
    const own = modules(parts.slice(0, i).join("/"));
    const parent = modules(module);
    if (own !== null || !(STANDARD.test(target) || parent?.kmp)) continue;
    return placed(`${target}${dir === "src" ? "Main" : "Test"}`, parent, module);
  }
  // a file at a module's root that its JVM or Android build script names (a version template)
  const module = parts.slice(0, -1).join("/");
  const info = modules(module);
  if (info && !info.kmp && new RegExp(`["'/]${parts[parts.length - 1]!.replace(/\./g, "\\.")}["']`).test(info.script)) {
    const ss = info.android ? "androidMain" : "jvmMain";
    return { source_set: ss, platform: platformOf(ss), is_test: false, module };
  }
  return { source_set: "unknown", platform: "unknown", is_test: /(^|\/)(test|tests)\//.test(path), module: null };
}

/** Gradle scripts belong to no source set: they configure the build. */
export const BUILD_PLACEMENT: Omit<Placement, "module"> = { source_set: "build", platform: "common", is_test: false };
