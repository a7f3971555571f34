/**
 * Source sets from Gradle's conventions: `src/<sourceSet>/{kotlin,java}`, the `<target>/src` and
 * `<target>/test` layouts some libraries use, and plain `src/main`/`src/test`, which mean
 * androidMain/androidUnitTest in an Android module and jvmMain/jvmTest otherwise (decided by the
 * module's build script). Anything else is `unknown`: never a silent default.
 */
import type { Platform } from "../types.ts";

export interface Placement {
  source_set: string;
  platform: Platform;
  is_test: boolean;
  /** Folder of the module (relative to the repo) whose build script decides src/main. */
  module: string | null;
}

const KNOWN_TARGET_DIRS = new Set([
  "common", "jvm", "android", "ios", "js", "wasm", "wasmJs", "wasmWasi", "native", "darwin", "apple", "linux", "mingw",
  "macos", "tvos", "watchos", "desktop", "concurrent", "nonJvm", "jsAndWasmShared", "nonJs", "jvmAndAndroid",
]);

const PLATFORM_PREFIXES: [RegExp, Platform][] = [
  [/^common/, "common"],
  [/^android/, "android"],
  [/^ios/, "ios"],
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

/** Platform of a source set name; custom intermediate sets (mobileMain, nonJvmMain) are "mixed". */
export function platformOf(sourceSet: string): Platform {
  if (sourceSet === "unknown") return "unknown";
  for (const [re, p] of PLATFORM_PREFIXES) if (re.test(sourceSet)) return p;
  return "mixed";
}

export function isTestSourceSet(sourceSet: string): boolean {
  return /Test$/.test(sourceSet) || /^test/.test(sourceSet) || /UnitTest$|InstrumentedTest$/.test(sourceSet);
}

const SOURCE_SET_NAME = /^[a-z][A-Za-z0-9]*(Main|Test|UnitTest|InstrumentedTest)$/;

/**
 * Places a repo-relative path. `isAndroidModule(moduleDir)` answers for the plain src/main layout.
 */
export function placeFile(path: string, isAndroidModule: (moduleDir: string) => boolean | null): Placement {
  const parts = path.split("/");
  // src/<sourceSet>/(kotlin|java|…)/…
  for (let i = parts.length - 2; i >= 1; i--) {
    if (parts[i - 1] !== "src") continue;
    const name = parts[i]!;
    const module = parts.slice(0, i - 1).join("/");
    if (SOURCE_SET_NAME.test(name)) {
      return { source_set: name, platform: platformOf(name), is_test: isTestSourceSet(name), module };
    }
    if (name === "main" || name === "test" || name === "androidTest") {
      const android = isAndroidModule(module);
      if (android === null) continue;
      const ss = android
        ? name === "main" ? "androidMain" : name === "test" ? "androidUnitTest" : "androidInstrumentedTest"
        : name === "main" ? "jvmMain" : "jvmTest";
      return { source_set: ss, platform: platformOf(ss), is_test: name !== "main", module };
    }
  }
  // <target>/src and <target>/test layout (e.g. core/common/src, core/jvm/test)
  for (let i = parts.length - 2; i >= 1; i--) {
    const dir = parts[i]!;
    if (dir !== "src" && dir !== "test" && dir !== "testResources") continue;
    const target = parts[i - 1]!;
    if (!KNOWN_TARGET_DIRS.has(target)) continue;
    const base = target === "wasm" ? "wasmJs" : target;
    const ss = `${base}${dir === "src" ? "Main" : "Test"}`;
    return { source_set: ss, platform: platformOf(ss), is_test: dir !== "src", module: parts.slice(0, i - 1).join("/") };
  }
  return { source_set: "unknown", platform: "unknown", is_test: /(^|\/)(test|tests)\//.test(path), module: null };
}

/** Gradle scripts belong to no source set: they configure the build. */
export const BUILD_PLACEMENT: Omit<Placement, "module"> = { source_set: "build", platform: "common", is_test: false };
