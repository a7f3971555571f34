import { describe, expect, test } from "bun:test";
import { placeFile, platformOf } from "../../src/extract/sourceset.ts";

const android = (m: string) => (m === "androidApp" ? true : m === "server" ? false : null);

describe("source sets from Gradle's conventions", () => {
  test.each([
    ["shared/src/commonMain/kotlin/a/A.kt", "commonMain", "common", false],
    ["shared/src/commonTest/kotlin/a/ATest.kt", "commonTest", "common", true],
    ["shared/src/androidMain/kotlin/a/A.kt", "androidMain", "android", false],
    ["shared/src/androidUnitTest/kotlin/a/A.kt", "androidUnitTest", "android", true],
    ["shared/src/iosMain/kotlin/A.kt", "iosMain", "ios", false],
    ["shared/src/iosArm64Main/kotlin/A.kt", "iosArm64Main", "ios", false],
    ["shared/src/appleMain/kotlin/A.kt", "appleMain", "apple", false],
    ["shared/src/nativeMain/kotlin/A.kt", "nativeMain", "native", false],
    ["shared/src/linuxX64Main/kotlin/A.kt", "linuxX64Main", "linux", false],
    ["shared/src/wasmJsMain/kotlin/A.kt", "wasmJsMain", "wasm", false],
    ["shared/src/jsMain/kotlin/A.kt", "jsMain", "js", false],
    ["shared/src/jvmMain/kotlin/A.kt", "jvmMain", "jvm", false],
    ["shared/src/jvmMain/java/A.kt", "jvmMain", "jvm", false],
    ["composeApp/src/desktopMain/kotlin/Main.kt", "desktopMain", "desktop", false],
    ["shared/src/mobileMain/kotlin/A.kt", "mobileMain", "mixed", false],
    ["shared/src/mobileTest/kotlin/A.kt", "mobileTest", "mixed", true],
    ["core/common/src/A.kt", "commonMain", "common", false],
    ["core/jvm/test/ATest.kt", "jvmTest", "jvm", true],
    ["core/native/src/A.kt", "nativeMain", "native", false],
    ["androidApp/src/main/kotlin/MainActivity.kt", "androidMain", "android", false],
    ["androidApp/src/test/kotlin/T.kt", "androidUnitTest", "android", true],
    ["server/src/main/kotlin/App.kt", "jvmMain", "jvm", false],
    ["server/src/test/kotlin/AppTest.kt", "jvmTest", "jvm", true],
  ])("%s → %s", (path, ss, platform, isTest) => {
    const p = placeFile(path, android);
    expect(p.source_set).toBe(ss);
    expect(p.platform as string).toBe(platform);
    expect(p.is_test).toBe(isTest);
  });

  test.each([["scripts/Tool.kt"], ["lib/src/main/kotlin/X.kt"], ["Foo.kt"]])("%s is unknown, never a silent default", (path) => {
    expect(placeFile(path, android).source_set).toBe("unknown");
  });

  test("platformOf", () => {
    expect(platformOf("iosSimulatorArm64Test")).toBe("ios");
    expect(platformOf("unknown")).toBe("unknown");
    expect(platformOf("concurrentMain")).toBe("mixed");
  });
});
