import { expect, test } from "bun:test";
import { sampleFiles, sampleProjectNames } from "../src/sample/index.ts";

test("the embedded sample is the 4 listed KMP projects, each with a license, Gradle scripts and source sets", () => {
  expect(sampleProjectNames()).toEqual(["chat-kmp", "kmp-platform-kit", "recipes-kmp", "tasks-kmp"]);
  for (const name of sampleProjectNames()) {
    const paths = Object.keys(sampleFiles(name));
    expect(paths).toContain("LICENSE");
    expect(paths).toContain("settings.gradle.kts");
    expect(paths.some((p) => p.endsWith("build.gradle.kts") && p.includes("/"))).toBe(true);
    for (const ss of ["commonMain", "androidMain", "iosMain"]) expect(paths.some((p) => p.includes(`/src/${ss}/`) || (ss === "iosMain" && p.includes("/src/appleMain/")))).toBe(true);
  }
});

test("sample repos carry scrape's KMP evidence (plugin markers and commonMain folders)", async () => {
  const { mkdtempSync, rmSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const { join } = await import("node:path");
  const { writeSampleRepos } = await import("../src/sample/index.ts");
  const dir = mkdtempSync(join(tmpdir(), "kmpdata-sample-"));
  try {
    for (const repo of await writeSampleRepos(dir)) {
      expect(repo.kmp_evidence.some((e) => e.marker.includes("org.jetbrains.kotlin.multiplatform") || e.marker.includes('kotlin("multiplatform")'))).toBe(true);
      expect(repo.kmp_evidence.some((e) => e.marker === "src/commonMain")).toBe(true);
      expect(repo.license).not.toBeNull();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
