/**
 * Gradle pairs end to end, from script text: each hand-written build script goes through extract
 * (tree → GradleInfo) and the pair maker inside one repository that has a build-logic with
 * convention plugins; the verdict each one should get is written here, not computed.
 */
import { beforeAll, describe, expect, test } from "bun:test";
import { extractSourceFile } from "../../src/extract/api.ts";
import { kmpConventions } from "../../src/pairs/conventions.ts";
import { PairMaker } from "../../src/pairs/maker.ts";
import { gradleVerdict } from "../../src/pairs/quality.ts";
import type { DropReason } from "../../src/pairs/types.ts";
import type { Block, Pair } from "../../src/types.ts";
import { cfg, repoOf } from "./support.ts";

const CATALOG = `[versions]
kotlin = "2.1.20"

[libraries]
ktor-client-core = { module = "io.ktor:ktor-client-core", version = "3.1.0" }
koin-core = { module = "io.insert-koin:koin-core", version = "4.0.2" }

[plugins]
kotlinMultiplatform = { id = "org.jetbrains.kotlin.multiplatform", version.ref = "kotlin" }
kotlinJvm = { id = "org.jetbrains.kotlin.jvm", version.ref = "kotlin" }
androidApplication = { id = "com.android.application", version = "8.8.0" }
composeMultiplatform = { id = "org.jetbrains.compose", version = "1.7.3" }
acme-kmp-feature = { id = "acme.kmp.feature", version = "unspecified" }
`;

/** The repository: path → text. Build logic first, then the module scripts under test. */
const FILES: Record<string, string> = {
  // A precompiled script plugin: id "acme.kmp.library", applies KMP and declares the targets.
  "build-logic/convention/src/main/kotlin/acme.kmp.library.gradle.kts": `plugins {
    kotlin("multiplatform")
}

kotlin {
    androidTarget()
    iosArm64()
    iosSimulatorArm64()
    jvm("desktop")
}
`,
  // The included build registering two class plugins; only one applies KMP.
  "build-logic/convention/build.gradle.kts": `plugins {
    \`kotlin-dsl\`
}

dependencies {
    compileOnly("org.jetbrains.kotlin:kotlin-gradle-plugin:2.1.20")
}

gradlePlugin {
    plugins {
        register("kmpFeature") {
            id = "acme.kmp.feature"
            implementationClass = "KmpFeatureConventionPlugin"
        }
        register("androidApplication") {
            id = "acme.android.application"
            implementationClass = "AndroidApplicationConventionPlugin"
        }
    }
}
`,
  "build-logic/convention/src/main/kotlin/KmpFeatureConventionPlugin.kt": `import org.gradle.api.Plugin
import org.gradle.api.Project
import org.gradle.kotlin.dsl.configure
import org.jetbrains.kotlin.gradle.dsl.KotlinMultiplatformExtension

class KmpFeatureConventionPlugin : Plugin<Project> {
    override fun apply(target: Project) {
        with(target) {
            pluginManager.apply("org.jetbrains.kotlin.multiplatform")
            extensions.configure<KotlinMultiplatformExtension> {
                jvm()
                iosArm64()
            }
        }
    }
}
`,
  "build-logic/convention/src/main/kotlin/AndroidApplicationConventionPlugin.kt": `import org.gradle.api.Plugin
import org.gradle.api.Project

class AndroidApplicationConventionPlugin : Plugin<Project> {
    override fun apply(target: Project) {
        target.pluginManager.apply("com.android.application")
        target.pluginManager.apply("org.jetbrains.kotlin.android")
    }
}
`,
  // 1. plain kotlin("multiplatform") with targets and source-set dependencies
  "shared/build.gradle.kts": `plugins {
    kotlin("multiplatform")
}

kotlin {
    jvm()
    iosArm64()
    iosSimulatorArm64()

    sourceSets {
        commonMain.dependencies {
            implementation(libs.ktor.client.core)
        }
    }
}
`,
  // 2. the KMP plugin through a catalog alias; targets only, no dependencies
  "core/build.gradle.kts": `plugins {
    alias(libs.plugins.kotlinMultiplatform)
}

kotlin {
    jvm()
    linuxX64()
    macosArm64()
}
`,
  // 3. a convention plugin id, only source-set dependencies (targets come from the convention)
  "feature/home/build.gradle.kts": `plugins {
    id("acme.kmp.library")
}

kotlin {
    sourceSets {
        commonMain.dependencies {
            implementation(projects.core)
            implementation(libs.koin.core)
        }
    }
}
`,
  // 4. a registered class convention reached through its catalog alias; commonMain { dependencies { } }
  "feature/profile/build.gradle.kts": `plugins {
    alias(libs.plugins.acme.kmp.feature)
}

kotlin {
    sourceSets {
        commonMain {
            dependencies {
                api(projects.core)
            }
        }
    }
}
`,
  // 5. a convention module declaring its KMP dependencies in the top-level block
  "feature/search/build.gradle.kts": `plugins {
    id("acme.kmp.library")
}

dependencies {
    commonMainApi(projects.core)
    commonTestImplementation(kotlin("test"))
}
`,
  // 6. Android-only app module
  "androidApp/build.gradle.kts": `plugins {
    alias(libs.plugins.androidApplication)
    kotlin("android")
}

android {
    namespace = "com.acme.android"
    compileSdk = 35
}

dependencies {
    implementation(project(":shared"))
    androidTestImplementation("androidx.test:runner:1.6.2")
}
`,
  // 7. root script: plugins declared, not applied
  "build.gradle.kts": `plugins {
    alias(libs.plugins.kotlinMultiplatform) apply false
    alias(libs.plugins.androidApplication).apply(false)
    kotlin("jvm") version "2.1.20" apply false
}
`,
  // 8. JVM-only module, even with a kotlin { sourceSets { main { } } } block
  "server/build.gradle.kts": `plugins {
    alias(libs.plugins.kotlinJvm)
}

kotlin {
    jvmToolchain(17)
    sourceSets {
        main {
            kotlin.srcDir("src/generated")
        }
    }
}

dependencies {
    implementation(libs.ktor.client.core)
}
`,
  // 9. settings script: never a candidate
  "settings.gradle.kts": `rootProject.name = "acme"
include(":shared")
include(":core")
include(":androidApp")
`,
  // 10. Compose Multiplatform app with wasmJs, js and desktop
  "composeApp/build.gradle.kts": `plugins {
    alias(libs.plugins.kotlinMultiplatform)
    alias(libs.plugins.composeMultiplatform)
}

kotlin {
    jvm("desktop")
    js { browser() }
    wasmJs { browser() }

    sourceSets {
        val desktopMain by getting
        commonMain.dependencies {
            implementation(compose.runtime)
            implementation(compose.material3)
        }
        desktopMain.dependencies {
            implementation(compose.desktop.currentOs)
        }
    }
}
`,
  // 11. KMP applied, but kotlin { } only sets the toolchain: nothing says what the module builds
  "tools/build.gradle.kts": `plugins {
    kotlin("multiplatform")
}

kotlin {
    jvmToolchain(17)
}
`,
  // 12. a repository class plugin that does not apply KMP
  "legacyApp/build.gradle.kts": `plugins {
    id("acme.android.application")
}

dependencies {
    implementation(project(":shared"))
}
`,
  // 13. KMP-only DSL under a plugin from outside the repository
  "external/build.gradle.kts": `plugins {
    id("com.example.setup")
}

kotlin {
    iosArm64()
    sourceSets {
        iosMain.dependencies {
            implementation(libs.ktor.client.core)
        }
    }
}
`,
  // 14. Kotlin/JS: js { } is not KMP-only DSL
  "web/build.gradle.kts": `plugins {
    kotlin("js")
}

kotlin {
    js { browser() }
}
`,
};

/** What each build script must get: a pair, a drop reason, or no candidate at all. */
const EXPECTED: Record<string, "pair" | "no candidate" | DropReason> = {
  "build-logic/convention/src/main/kotlin/acme.kmp.library.gradle.kts": "no candidate", // a convention plugin's source, not a module script
  "build-logic/convention/build.gradle.kts": "gradle_not_kmp",
  "shared/build.gradle.kts": "pair",
  "core/build.gradle.kts": "pair",
  "feature/home/build.gradle.kts": "pair",
  "feature/profile/build.gradle.kts": "pair",
  "feature/search/build.gradle.kts": "pair",
  "androidApp/build.gradle.kts": "gradle_not_kmp",
  "build.gradle.kts": "gradle_not_kmp",
  "server/build.gradle.kts": "gradle_not_kmp",
  "settings.gradle.kts": "no candidate",
  "composeApp/build.gradle.kts": "pair",
  // No pair: without targets or source sets the description would hold nothing but "a KMP module",
  // and any script would answer it.
  "tools/build.gradle.kts": "gradle_without_kmp_configuration",
  "legacyApp/build.gradle.kts": "gradle_not_kmp",
  "external/build.gradle.kts": "pair",
  "web/build.gradle.kts": "gradle_not_kmp",
};

let blocks: Block[] = [];
let pairs: Pair[] = [];
let maker: PairMaker;

async function extractAll(files: Record<string, string>): Promise<Block[]> {
  const out: Block[] = [];
  for (const [path, text] of Object.entries(files)) {
    const r = await extractSourceFile(text, { repo: "acme/kmp", path, catalog: CATALOG });
    expect(r.error).toBeUndefined();
    out.push(...r.blocks);
  }
  return out;
}

beforeAll(async () => {
  blocks = await extractAll(FILES);
  maker = new PairMaker(cfg());
  pairs = [...maker.pairsOf(repoOf(blocks, "acme/kmp"))].filter((p) => p.pair_type === "gradle");
});

describe("gradle pairs from hand-written scripts", () => {
  test("the repository's KMP convention plugins: the precompiled script and the registered class that applies KMP", () => {
    const conventions = kmpConventions(repoOf(blocks, "acme/kmp"));
    expect([...conventions.keys()]).toEqual(["acme.kmp.feature", "acme.kmp.library"]);
    expect(conventions.get("acme.kmp.library")!.targets).toEqual(["androidTarget", "iosArm64", "iosSimulatorArm64", "jvm"]);
    expect(conventions.get("acme.kmp.feature")!.path).toBe("build-logic/convention/src/main/kotlin/KmpFeatureConventionPlugin.kt");
  });

  test.each(Object.entries(EXPECTED))("%s → %s", (path, expected) => {
    const b = blocks.find((x) => x.kind === "gradle" && x.path === path)!;
    expect(b).toBeDefined();
    const paired = pairs.some((p) => p.path === path);
    if (expected === "pair") {
      expect(paired).toBe(true);
      expect(gradleVerdict(b, repoOf(blocks, "acme/kmp"))).toBeNull();
    } else if (expected === "no candidate") {
      expect(paired).toBe(false);
    } else {
      expect(paired).toBe(false);
      expect(gradleVerdict(b, repoOf(blocks, "acme/kmp"))).toBe(expected);
    }
  });

  test("drops are counted under their reasons", () => {
    expect(maker.counts.dropped_by_type.gradle).toMatchObject({ gradle_not_kmp: 6, gradle_without_kmp_configuration: 1 });
    expect(maker.counts.kept.gradle).toBe(7);
  });

  test("how KMP comes in is recorded", () => {
    const via = Object.fromEntries(pairs.map((p) => [p.path, p.meta.kmp_via]));
    expect(via).toEqual({
      "shared/build.gradle.kts": "plugin",
      "core/build.gradle.kts": "plugin",
      "feature/home/build.gradle.kts": "convention",
      "feature/profile/build.gradle.kts": "convention",
      "feature/search/build.gradle.kts": "convention",
      "composeApp/build.gradle.kts": "plugin",
      "external/build.gradle.kts": "dsl",
    });
  });

  test("a convention module's description says where KMP and the targets come from", () => {
    const home = pairs.find((p) => p.path === "feature/home/build.gradle.kts")!.input_text;
    expect(home).toContain("Module: feature/home, a Kotlin Multiplatform module.");
    expect(home).toContain("Repository convention plugin applying Kotlin Multiplatform: `acme.kmp.library` (build-logic/convention/src/main/kotlin/acme.kmp.library.gradle.kts).");
    expect(home).toContain("Targets the convention plugin declares: androidTarget, iosArm64, iosSimulatorArm64, jvm.");
    expect(home).toContain("It declares no targets itself: they come from the convention plugin.");
    expect(home).toContain("- commonMain: libs.koin.core (io.insert-koin:koin-core:4.0.2), projects.core");
    const profile = pairs.find((p) => p.path === "feature/profile/build.gradle.kts")!.input_text;
    expect(profile).toContain("`acme.kmp.feature` (build-logic/convention/src/main/kotlin/KmpFeatureConventionPlugin.kt)");
    expect(profile).toContain("Targets the convention plugin declares: iosArm64, jvm.");
    expect(profile).toContain("- commonMain: api(projects.core)");
    const search = pairs.find((p) => p.path === "feature/search/build.gradle.kts")!.input_text;
    expect(search).toContain("- commonMain: api(projects.core)");
    expect(search).toContain('- commonTest: kotlin("test")');
  });

  test("a KMP module whose targets come from no known plugin says it declares none", () => {
    const ext = pairs.find((p) => p.path === "external/build.gradle.kts")!.input_text;
    expect(ext).toContain("Kotlin targets: iosArm64.");
    const compose = pairs.find((p) => p.path === "composeApp/build.gradle.kts")!.input_text;
    expect(compose).toContain("Kotlin targets: js, jvm, wasmJs.");
    expect(compose).toContain("- desktopMain: compose.desktop.currentOs");
  });

  test("identical module scripts make one pair", async () => {
    const twin = await extractAll({
      "feature/home/build.gradle.kts": FILES["feature/home/build.gradle.kts"]!,
      "feature/settings/build.gradle.kts": FILES["feature/home/build.gradle.kts"]!,
      "build-logic/convention/src/main/kotlin/acme.kmp.library.gradle.kts": FILES["build-logic/convention/src/main/kotlin/acme.kmp.library.gradle.kts"]!,
    });
    const m = new PairMaker(cfg());
    const kept = [...m.pairsOf(repoOf(twin, "acme/kmp"))].filter((p) => p.pair_type === "gradle");
    expect(kept).toHaveLength(1);
    expect(m.counts.dropped_by_type.gradle.duplicate).toBe(1);
  });
});
