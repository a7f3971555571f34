import { describe, expect, test } from "bun:test";
import { extractSourceFile } from "../../src/extract/api.ts";

const CATALOG = `[versions]
kotlin = "2.1.0"
ktor = "3.0.0"

[libraries]
ktor-client-core = { module = "io.ktor:ktor-client-core", version.ref = "ktor" }
koin-core = { group = "io.insert-koin", name = "koin-core", version = "4.0.0" }

[plugins]
kotlinMultiplatform = { id = "org.jetbrains.kotlin.multiplatform", version.ref = "kotlin" }
androidLibrary = { id = "com.android.library", version = "8.7.0" }
`;

const KTS = `plugins {
    alias(libs.plugins.kotlinMultiplatform)
    alias(libs.plugins.androidLibrary)
    kotlin("plugin.serialization") version "2.1.0"
}

kotlin {
    androidTarget()
    listOf(iosX64(), iosArm64(), iosSimulatorArm64()).forEach { it.binaries.framework { baseName = "shared" } }
    jvm()
    wasmJs { browser() }

    sourceSets {
        commonMain.dependencies {
            implementation(libs.ktor.client.core)
            api(libs.koin.core)
        }
        androidMain.dependencies {
            implementation("io.ktor:ktor-client-okhttp:3.0.0")
        }
        val jvmMain by getting {
            dependencies {
                implementation("io.ktor:ktor-client-cio:3.0.0")
            }
        }
    }
}

android {
    namespace = "com.example.shared"
    compileSdk = 35
    defaultConfig {
        minSdk = 24
    }
}
`;

describe("gradle blocks", () => {
  test("kts: plugins, targets, source sets, android, catalog", async () => {
    const r = await extractSourceFile(KTS, { path: "shared/build.gradle.kts", catalog: CATALOG });
    expect(r.blocks).toHaveLength(1);
    const b = r.blocks[0]!;
    expect(b.kind).toBe("gradle");
    expect(b.dsl).toBe("kotlin");
    expect(b.code).toBe(KTS);
    const g = b.gradle!;
    expect(g.is_kmp).toBe(true);
    expect(g.plugins).toEqual(["libs.plugins.kotlinMultiplatform", "libs.plugins.androidLibrary", 'kotlin("plugin.serialization")']);
    expect(g.targets).toEqual(["androidTarget", "iosArm64", "iosSimulatorArm64", "iosX64", "jvm", "wasmJs"]);
    expect(g.source_sets).toEqual([
      { name: "androidMain", dependencies: ['"io.ktor:ktor-client-okhttp:3.0.0"'] },
      { name: "commonMain", dependencies: ["api(libs.koin.core)", "libs.ktor.client.core"] },
      { name: "jvmMain", dependencies: ['"io.ktor:ktor-client-cio:3.0.0"'] },
    ]);
    expect(g.android).toEqual({ namespace: "com.example.shared", compile_sdk: "35", min_sdk: "24" });
    const refs = Object.fromEntries(g.catalog_refs.map((r) => [r.alias, r.resolved]));
    expect(refs["libs.ktor.client.core"]).toBe("io.ktor:ktor-client-core:3.0.0");
    expect(refs["libs.koin.core"]).toBe("io.insert-koin:koin-core:4.0.0");
    expect(refs["libs.plugins.kotlinMultiplatform"]).toBe("org.jetbrains.kotlin.multiplatform:2.1.0");
  });

  test("kotlin(\"multiplatform\") without a catalog is KMP; a JVM script is not", async () => {
    const kmp = await extractSourceFile('plugins {\n    kotlin("multiplatform")\n}\n\nkotlin {\n    jvm()\n}\n', { path: "build.gradle.kts" });
    expect(kmp.blocks[0]!.gradle!.is_kmp).toBe(true);
    const jvm = await extractSourceFile('plugins {\n    kotlin("jvm")\n}\n', { path: "build.gradle.kts" });
    expect(jvm.blocks[0]!.gradle!.is_kmp).toBe(false);
  });

  test("plugins declared `apply false` are not applied: a root script is not KMP", async () => {
    const root = await extractSourceFile("plugins {\n    alias(libs.plugins.kotlinMultiplatform) apply false\n    kotlin(\"multiplatform\").apply(false)\n}\n", { path: "build.gradle.kts", catalog: CATALOG });
    expect(root.blocks[0]!.gradle!.plugins).toEqual(["libs.plugins.kotlinMultiplatform", 'kotlin("multiplatform")']);
    expect(root.blocks[0]!.gradle!.is_kmp).toBe(false);
  });

  test("source sets: configured without dependencies, commonMain { dependencies { } }, commonMainApi(…); not compilations or Android's", async () => {
    const kts = `kotlin {
    iosArm64 { compilations.getByName("main").cinterops.create("os") }
    sourceSets {
        val iosMain by creating { dependsOn(commonMain.get()) }
        getByName("jvmTest") { }
        commonMain {
            dependencies {
                api(projects.core)
            }
        }
        android.sourceSets.getByName("test")
    }
}
dependencies {
    commonTestImplementation(kotlin("test"))
    androidTestImplementation("androidx.test:runner:1.6.2")
}
`;
    const g = (await extractSourceFile(kts, { path: "shared/build.gradle.kts" })).blocks[0]!.gradle!;
    expect(g.source_sets).toEqual([
      { name: "commonMain", dependencies: ["api(projects.core)"] },
      { name: "commonTest", dependencies: ['kotlin("test")'] },
      { name: "dependencies", dependencies: ['androidTestImplementation("androidx.test:runner:1.6.2")'] },
      { name: "iosMain", dependencies: [] },
      { name: "jvmTest", dependencies: [] },
    ]);
  });

  test("gradlePlugin registrations: id and implementation class", async () => {
    const kts = 'gradlePlugin {\n    plugins {\n        register("kmp") {\n            id = "acme.kmp"\n            implementationClass = "KmpPlugin"\n        }\n        create("jvm") {\n            id = "acme.jvm"\n            implementationClass = "com.acme.JvmPlugin"\n        }\n    }\n}\n';
    const g = (await extractSourceFile(kts, { path: "build-logic/build.gradle.kts" })).blocks[0]!.gradle!;
    expect(g.plugin_registrations).toEqual([
      { id: "acme.jvm", implementation_class: "com.acme.JvmPlugin" },
      { id: "acme.kmp", implementation_class: "KmpPlugin" },
    ]);
    expect(g.plugins).toEqual([]);
  });

  test("groovy build.gradle is a gradle block marked dsl groovy", async () => {
    const r = await extractSourceFile("plugins {\n    id 'com.android.application'\n}\nandroid {\n    namespace 'com.example.app'\n    compileSdk 34\n}\ndependencies {\n    implementation 'androidx.core:core-ktx:1.13.0'\n}\n", { path: "app/build.gradle" });
    const b = r.blocks[0]!;
    expect(b.kind).toBe("gradle");
    expect(b.dsl).toBe("groovy");
    expect(b.gradle!.plugins).toEqual(["com.android.application"]);
    expect(b.gradle!.android?.namespace).toBe("com.example.app");
    expect(b.gradle!.source_sets[0]!.dependencies).toEqual(["'androidx.core:core-ktx:1.13.0'"]);
  });
});

describe("dependencies are filed under their source set", () => {
  test("`named(\"x\") { dependencies { … } }` and `getByName(\"x\").dependencies { … }` go to x; a top-level block stays the module's", async () => {
    const src = [
      'plugins { kotlin("multiplatform") }',
      "kotlin {",
      "    jvm()",
      "    wasmJs { browser() }",
      "    sourceSets {",
      '        named("wasmJsMain") {',
      "            dependencies {",
      "                implementation(libs.kotlinx.browser)",
      "            }",
      "        }",
      '        getByName("jvmMain").dependencies {',
      '            implementation("a:b:1")',
      "        }",
      "    }",
      "}",
      "dependencies {",
      '    debugImplementation("x:y:1")',
      "}",
      "",
    ].join("\n");
    const r = await extractSourceFile(src, { path: "m/build.gradle.kts" });
    expect(r.blocks[0]!.gradle!.source_sets).toEqual([
      { name: "dependencies", dependencies: ['debugImplementation("x:y:1")'] },
      { name: "jvmMain", dependencies: ['"a:b:1"'] },
      { name: "wasmJsMain", dependencies: ["libs.kotlinx.browser"] },
    ]);
  });
});

test("targets declared in a project's own multiplatform set-up call count as the module's targets", async () => {
  const src = 'plugins { id("com.example.convention") }\nsetupMultiplatform {\n    androidTarget()\n    jvm()\n}\n';
  const r = await extractSourceFile(src, { path: "m/build.gradle.kts" });
  expect(r.blocks[0]!.gradle!.targets.sort()).toEqual(["androidTarget", "jvm"]);
});

test("literal settings and other top-level blocks are recorded, with their scope; plugins and dependencies are not settings", async () => {
  const src = [
    'plugins { kotlin("multiplatform") }',
    "kotlin {",
    "    iosArm64 {",
    "        binaries.framework {",
    '            baseName = "SharedKit"',
    "        }",
    "    }",
    "}",
    "multiplatformResources {",
    '    resourcesPackage.set("com.example.app")',
    "}",
    "setupPublication()",
    "compose.desktop {",
    "    application {",
    '        mainClass = "com.example.MainKt"',
    "    }",
    "}",
    "dependencies {",
    '    add("kspCommonMainMetadata", libs.room.compiler)',
    "}",
    "",
  ].join("\n");
  const g = (await extractSourceFile(src, { path: "m/build.gradle.kts" })).blocks[0]!.gradle!;
  expect(g.settings).toEqual([
    { scope: "kotlin › iosArm64 › binaries.framework", statement: 'baseName = "SharedKit"' },
    { scope: "multiplatformResources", statement: 'resourcesPackage.set("com.example.app")' },
    { scope: "compose.desktop › application", statement: 'mainClass = "com.example.MainKt"' },
  ]);
  expect(g.blocks).toEqual(["multiplatformResources { }", "setupPublication()", "compose.desktop { }"]);
});

test("statements inside blocks are recorded as written, where they sit: compiler options, exports, named targets, withType, nested dependencies", async () => {
  const src = [
    'plugins { kotlin("multiplatform") }',
    "kotlin {",
    '    jvm("desktop")',
    "    iosArm64()",
    "    targets.withType<KotlinNativeTarget> {",
    "        binaries.all {",
    '            linkerOpts("-framework", "Metal")',
    "        }",
    "    }",
    "    listOf(iosArm64()).forEach {",
    "        it.binaries.framework {",
    "            export(projects.core)",
    "        }",
    "    }",
    "    compilerOptions {",
    '        freeCompilerArgs.add("-Xexpect-actual-classes")',
    "    }",
    "    sourceSets {",
    "        val nativeMain by creating {",
    "            dependsOn(commonMain.get())",
    "        }",
    "        nonJvmMain.dependsOn(commonMain.get())",
    "        commonMain.dependencies { api(libs.koin.core) }",
    "    }",
    "}",
    "android {",
    '    namespace = "com.acme"',
    "    dependencies { debugImplementation(compose.uiTooling) }",
    "}",
    "dependencies {",
    '    add("kspAndroid", libs.room.compiler)',
    "}",
    "rootProject.extensions.configure<WasmNodeJsEnvSpec> {",
    '    version.set("22.0.0")',
    "}",
    "",
  ].join("\n");
  const g = (await extractSourceFile(src, { path: "m/build.gradle.kts" })).blocks[0]!.gradle!;
  expect(g.settings).toEqual([
    { scope: "kotlin", statement: 'jvm("desktop")' },
    { scope: "kotlin › targets.withType<KotlinNativeTarget> › binaries.all", statement: 'linkerOpts("-framework", "Metal")' },
    { scope: "kotlin › listOf(iosArm64()).forEach › it.binaries.framework", statement: "export(projects.core)" },
    { scope: "kotlin › compilerOptions", statement: 'freeCompilerArgs.add("-Xexpect-actual-classes")' },
    { scope: "kotlin › sourceSets › val nativeMain by creating", statement: "dependsOn(commonMain.get())" },
    { scope: "kotlin › sourceSets", statement: "nonJvmMain.dependsOn(commonMain.get())" },
    { scope: "rootProject.extensions.configure<WasmNodeJsEnvSpec>", statement: 'version.set("22.0.0")' },
  ]);
  // Inside that block, not a top-level call.
  expect(g.blocks.some((b) => b.includes("version.set"))).toBe(false);
  expect(g.source_sets).toContainEqual({ name: "commonMain", dependencies: ["api(libs.koin.core)"] });
  expect(g.source_sets).toContainEqual({ name: "android › dependencies", dependencies: ["debugImplementation(compose.uiTooling)"] });
  expect(g.source_sets).toContainEqual({ name: "dependencies", dependencies: ['add("kspAndroid", libs.room.compiler)'] });
});
