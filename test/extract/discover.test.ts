import { afterAll, describe, expect, test } from "bun:test";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { moduleOracle } from "../../src/extract/discover.ts";
import { placeFile } from "../../src/extract/sourceset.ts";

const repo = mkdtempSync(join(tmpdir(), "kmpdata-modules-"));
const put = (rel: string, text = "") => {
  mkdirSync(join(repo, rel, ".."), { recursive: true });
  writeFileSync(join(repo, rel), text);
};
put("app/build.gradle.kts", `plugins { id("com.android.application") }`);
put("conv/build.gradle.kts", `plugins { id("acme.library") }`);
put("conv/src/mobileMain/kotlin/A.kt");
put("plain/build.gradle", `apply plugin: 'java-library'`);
put("legacy/src/main/AndroidManifest.xml", "<manifest/>");
put("amper/module.yaml", "product: jvm/app\n");
afterAll(() => rmSync(repo, { recursive: true, force: true }));

describe("moduleOracle reads each module folder", () => {
  const modules = moduleOracle(repo);
  test("build scripts, a convention-plugin KMP module shown by its src/<x>Main, manifests, module.yaml", () => {
    expect(modules("app")).toMatchObject({ android: true, kmp: false, amperPlatforms: null });
    expect(modules("conv")).toMatchObject({ android: false, kmp: true });
    expect(modules("plain")).toMatchObject({ android: false, kmp: false });
    expect(modules("legacy")).toMatchObject({ android: true, kmp: false });
    expect(modules("amper")).toMatchObject({ amperPlatforms: ["jvm"] });
    expect(modules("nowhere")).toBeNull();
  });

  test("so a custom set of the convention-plugin module is not taken for a JVM one", () => {
    expect(placeFile("conv/src/mobileMain/kotlin/A.kt", modules)).toMatchObject({ source_set: "mobileMain", platform: "mixed" });
    expect(placeFile("plain/src/jmh/kotlin/B.kt", modules)).toMatchObject({ source_set: "jmh", platform: "jvm", is_test: false });
    expect(placeFile("legacy/src/androidTest/java/T.kt", modules)).toMatchObject({ source_set: "androidInstrumentedTest", platform: "android" });
  });
});
