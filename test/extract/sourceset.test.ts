import { describe, expect, test } from "bun:test";
import { enclosingBlocks, type ModuleInfo, readAmperModule, readGradleModule } from "../../src/extract/modulescript.ts";
import { isTestSourceSet, joinPlatforms, placeFile, platformOf } from "../../src/extract/sourceset.ts";

const KMP_SCRIPT = `
plugins { kotlin("multiplatform") }
kotlin {
  jvm {
    compilations.getByName("main").defaultSourceSet.kotlin.srcDir("src/jvmExtrasMain/kotlin")
  }
  applyDefaultHierarchyTemplate {
    common {
      group("apples") { group("ios"); group("macos") }
      group("jvmAndroid") {
        withJvm()
        withAndroidTarget()
      }
    }
  }
  sourceSets {
    val hashFunctionsMain by creating { dependsOn(commonMain.get()) }
    jvmMain.get().dependsOn(hashFunctionsMain)
    getByName("iosMain").dependsOn(hashFunctionsMain)
    val fastPathMain by creating {
      dependsOn(jvmMain.get())
    }
    jsMain { kotlin.srcDir("src/browserMain/kotlin") }
    wasmJsMain { kotlin.srcDir("src/browserMain/kotlin") }
  }
}
tasks.register("copyThings") { dependsOn(otherTask) }
`;

const MODULES: Record<string, ModuleInfo> = {
  androidApp: readGradleModule(`plugins { id("com.android.application"); kotlin("android") }`),
  server: readGradleModule(`plugins { kotlin("jvm") }
sourceSets { create("integrationTest") }
tasks.test { inputs.dir("src/testData") }
tasks.jar { from(layout.projectDirectory.file("Template.kt")) }`),
  shared: readGradleModule(KMP_SCRIPT),
  core: readGradleModule(`plugins { id("acme-multiplatform-conventions") }`),
  "libs/jvm": readGradleModule(`plugins { kotlin("jvm") }`),
  amperApp: readAmperModule("product: jvm/app\n"),
  amperLib: readAmperModule("product:\n  type: lib\n  platforms: [jvm, android, iosArm64]\n"),
};
const modules = (dir: string) => MODULES[dir] ?? null;

describe("source sets for every layout", () => {
  test.each([
    // src/<set>/kotlin: standard names decide by themselves
    ["shared/src/commonMain/kotlin/a/A.kt", "commonMain", "common", false],
    ["shared/src/commonTest/kotlin/a/ATest.kt", "commonTest", "common", true],
    ["shared/src/androidMain/kotlin/a/A.kt", "androidMain", "android", false],
    ["shared/src/androidUnitTest/kotlin/a/A.kt", "androidUnitTest", "android", true],
    ["shared/src/androidInstrumentedTest/kotlin/a/A.kt", "androidInstrumentedTest", "android", true],
    ["shared/src/iosMain/kotlin/A.kt", "iosMain", "ios", false],
    ["shared/src/iosArm64Main/kotlin/A.kt", "iosArm64Main", "ios", false],
    ["shared/src/iOSMain/kotlin/A.kt", "iOSMain", "ios", false],
    ["shared/src/appleMain/kotlin/A.kt", "appleMain", "apple", false],
    ["shared/src/nativeMain/kotlin/A.kt", "nativeMain", "native", false],
    ["shared/src/androidNativeMain/kotlin/A.kt", "androidNativeMain", "native", false],
    ["shared/src/androidNativeArm64Test/kotlin/A.kt", "androidNativeArm64Test", "native", true],
    ["shared/src/linuxX64Main/kotlin/A.kt", "linuxX64Main", "linux", false],
    ["shared/src/windowsMain/kotlin/A.kt", "windowsMain", "windows", false],
    ["shared/src/wasmJsMain/kotlin/A.kt", "wasmJsMain", "wasm", false],
    ["shared/src/jsMain/kotlin/A.kt", "jsMain", "js", false],
    ["shared/src/jvmMain/kotlin/A.kt", "jvmMain", "jvm", false],
    ["shared/src/jvmMain/java/A.kt", "jvmMain", "jvm", false],
    ["composeApp/src/desktopMain/kotlin/Main.kt", "desktopMain", "desktop", false],
    // custom sets of a multiplatform module: what the build script puts below or above them
    ["shared/src/applesMain/kotlin/A.kt", "applesMain", "apple", false],
    ["shared/src/jvmAndroidMain/kotlin/A.kt", "jvmAndroidMain", "mixed", false],
    ["shared/src/jvmAndroidTest/kotlin/A.kt", "jvmAndroidTest", "mixed", true],
    ["shared/src/hashFunctionsMain/kotlin/A.kt", "hashFunctionsMain", "mixed", false],
    ["shared/src/fastPathMain/kotlin/A.kt", "fastPathMain", "jvm", false],
    ["shared/src/jvmExtrasMain/kotlin/A.kt", "jvmExtrasMain", "jvm", false],
    ["shared/src/browserMain/kotlin/A.kt", "browserMain", "mixed", false],
    // … else their name
    ["shared/src/mobileMain/kotlin/A.kt", "mobileMain", "mixed", false],
    ["shared/src/mobileTest/kotlin/A.kt", "mobileTest", "mixed", true],
    ["shared/src/commonJvmMain/kotlin/A.kt", "commonJvmMain", "mixed", false],
    ["shared/src/commonJsMain/kotlin/A.kt", "commonJsMain", "mixed", false],
    ["shared/src/jsAndWasmJsMain/kotlin/A.kt", "jsAndWasmJsMain", "mixed", false],
    ["shared/src/iosAndMacosMain/kotlin/A.kt", "iosAndMacosMain", "apple", false],
    ["shared/src/nativeNonAppleMain/kotlin/A.kt", "nativeNonAppleMain", "native", false],
    ["shared/src/nonJvmMain/kotlin/A.kt", "nonJvmMain", "mixed", false],
    ["other/src/quartzMain/kotlin/A.kt", "quartzMain", "mixed", false],
    // plain src/main and src/test, decided by the module's build script
    ["androidApp/src/main/kotlin/MainActivity.kt", "androidMain", "android", false],
    ["androidApp/src/test/kotlin/T.kt", "androidUnitTest", "android", true],
    ["androidApp/src/androidTest/java/T.kt", "androidInstrumentedTest", "android", true],
    ["shared/src/androidTest/kotlin/A.kt", "androidTest", "android", true], // a multiplatform module's old name
    ["server/src/main/kotlin/App.kt", "jvmMain", "jvm", false],
    ["server/src/test/kotlin/AppTest.kt", "jvmTest", "jvm", true],
    // custom sets of a single-platform module have its platform
    ["server/src/jmh/kotlin/Bench.kt", "jmh", "jvm", false],
    ["server/src/testFixtures/kotlin/Fake.kt", "testFixtures", "jvm", true],
    ["server/src/integrationTest/kotlin/ItTest.kt", "integrationTest", "jvm", true],
    ["server/src/testData/codegen/input.kt", "testData", "jvm", true],
    ["androidApp/src/benchmark/java/Bench.kt", "benchmark", "android", false],
    ["lib/src/hashFunctions/kotlin/Sha.kt", "hashFunctions", "mixed", false],
    // flattened <module>/<target>/src|test
    ["core/common/src/A.kt", "commonMain", "common", false],
    ["core/jvm/test/ATest.kt", "jvmTest", "jvm", true],
    ["core/native/src/A.kt", "nativeMain", "native", false],
    ["core/wasm/src/A.kt", "wasmMain", "wasm", false],
    ["core/androidNative/src/files/A.kt", "androidNativeMain", "native", false],
    ["core/windows/src/A.kt", "windowsMain", "windows", false],
    ["core/commonKotlin/src/A.kt", "commonKotlinMain", "mixed", false],
    ["core/nodeShared/test/files/ATest.kt", "nodeSharedTest", "mixed", true],
    ["core/jvm/testResources/R.kt", "jvmTest", "jvm", true],
    ["other/js/src/A.kt", "jsMain", "js", false],
    // Amper
    ["amperLib/src@ios/A.kt", "iosMain", "ios", false],
    ["amperLib/test@jvm/ATest.kt", "jvmTest", "jvm", true],
    ["amperLib/src/A.kt", "commonMain", "common", false],
    ["amperLib/test/ATest.kt", "commonTest", "common", true],
    ["amperApp/src/Main.kt", "jvmMain", "jvm", false],
    ["amperApp/test/MainTest.kt", "jvmTest", "jvm", true],
    // a module-root file its build script names
    ["server/Template.kt", "jvmMain", "jvm", false],
  ])("%s → %s (%s)", (path, ss, platform, isTest) => {
    const p = placeFile(path, modules);
    expect(p.source_set).toBe(ss);
    expect(p.platform as string).toBe(platform);
    expect(p.is_test).toBe(isTest);
  });

  test.each([
    ["scripts/Tool.kt"], // no src, no module
    ["lib/src/main/kotlin/X.kt"], // src/main without a build script: Android or JVM is not known
    ["Foo.kt"],
    ["server/Other.kt"], // at a module root, but the build script does not name it
    ["server/src/com/acme/X.kt"], // a package folder, not a set: no kotlin/java level, not named by the script
    ["libs/jvm/src/X.kt"], // libs/jvm is a module of its own, not a target folder of libs
    ["shared/Readme.kt"], // a multiplatform module's root file
  ])("%s is unknown, never a silent default", (path) => {
    const p = placeFile(path, modules);
    expect(p.source_set).toBe("unknown");
    expect(p.platform).toBe("unknown");
  });

  test("platformOf from the name alone", () => {
    expect(platformOf("iosSimulatorArm64Test")).toBe("ios");
    expect(platformOf("unknown")).toBe("unknown");
    expect(platformOf("concurrentMain")).toBe("mixed");
    expect(platformOf("commonMain")).toBe("common");
    expect(platformOf("commonJvmMain")).toBe("mixed");
    expect(platformOf("watchosAndTvosMain")).toBe("apple");
    expect(platformOf("linuxAndMingwMain")).toBe("native");
  });

  test("joinPlatforms", () => {
    expect(joinPlatforms(["ios", "ios"])).toBe("ios");
    expect(joinPlatforms(["ios", "tvos"])).toBe("apple");
    expect(joinPlatforms(["ios", "linux"])).toBe("native");
    expect(joinPlatforms(["jvm", "android"])).toBe("mixed");
    expect(joinPlatforms(["common", "jvm"])).toBe("mixed");
  });

  test.each([
    ["commonTest", true], ["androidUnitTest", true], ["androidInstrumentedTest", true], ["testFixtures", true],
    ["testData", true], ["integrationTests", true], ["test", true], ["compilerTestMain", false], ["compilerTestTest", true],
    ["jmh", false], ["benchmark", false], ["testingUtilsMain", false], ["commonMain", false],
  ])("is_test of %s is %s", (name, expected) => {
    expect(isTestSourceSet(name)).toBe(expected);
  });
});

describe("what a build script says", () => {
  test("hierarchy groups, dependsOn and srcDir hosts; task dependencies are no edges", () => {
    const info = MODULES.shared!;
    expect(info.kmp).toBe(true);
    expect(info.android).toBe(false);
    expect([...info.below.get("apples")!].sort()).toEqual(["ios", "macos"]);
    expect([...info.below.get("jvmAndroid")!].sort()).toEqual(["android", "jvm"]);
    expect([...info.below.get("hashFunctions")!].sort()).toEqual(["ios", "jvm"]);
    expect([...info.above.get("fastPath")!]).toEqual(["jvm"]);
    expect([...info.below.get("browser")!].sort()).toEqual(["js", "wasmJs"]);
    expect([...info.below.get("jvmExtras")!]).toEqual(["jvm"]);
    expect(info.above.has("copyThings")).toBe(false);
  });

  test("enclosingBlocks names the openers, innermost first", () => {
    const text = `kotlin {\n  sourceSets {\n    val fooMain by creating {\n      dependsOn(x)\n    }\n  }\n}`;
    expect(enclosingBlocks(text, text.indexOf("dependsOn"))).toEqual(["fooMain", "sourceSets", "kotlin"]);
  });

  test("Amper products", () => {
    expect(readAmperModule("product: android/app\n").amperPlatforms).toEqual(["android"]);
    expect(readAmperModule("product:\n  type: lib\n  platforms:\n    - jvm\n    - iosArm64\n").amperPlatforms).toEqual(["jvm", "iosArm64"]);
  });
});
