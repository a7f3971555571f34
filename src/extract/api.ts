/**
 * In-process extraction for tests and tools: the same code path the workers run, on the calling
 * thread. `extractKotlinSource("class A { … }", { path: "shared/src/commonMain/kotlin/A.kt" })`.
 */
import type { Block } from "../types.ts";
import { createParsers, extractFile, parseCatalog, type Parsers } from "./parse.ts";
import { readGradleModule } from "./modulescript.ts";
import { type ModuleOracle, placeFile } from "./sourceset.ts";
import type { FileResult } from "./types.ts";

let parsers: Promise<Parsers> | null = null;

export interface SourceFile {
  repo?: string;
  path: string;
  /** For gradle scripts: the repo's gradle/libs.versions.toml text. */
  catalog?: string;
  /** Whether the module is an Android one (decides src/main); default: not known. */
  androidModule?: boolean;
  license?: string | null;
  commit?: string | null;
}

/** `androidModule` answers for the module whose src/main, src/test or src/androidTest holds the file. */
function plainLayoutOracle(file: SourceFile): ModuleOracle {
  const m = /^(?:(.*)\/)?src\/(?:main|test|androidTest)\//.exec(file.path);
  if (!m || file.androidModule === undefined) return () => null;
  const info = { ...readGradleModule(""), android: file.androidModule };
  return (dir) => (dir === (m[1] ?? "") ? info : null);
}

export async function extractSourceFile(source: string, file: SourceFile): Promise<FileResult> {
  parsers ??= createParsers();
  const p = await parsers;
  const placement = placeFile(file.path, plainLayoutOracle(file));
  const kind = file.path.endsWith(".gradle.kts") ? "gradle-kts" : file.path.endsWith(".gradle") ? "gradle-groovy" : "kotlin";
  return extractFile(
    p,
    {
      repo: file.repo ?? "test/repo",
      path: file.path,
      text: source,
      source_set: kind === "kotlin" ? placement.source_set : "build",
      platform: kind === "kotlin" ? placement.platform : "common",
      is_test: kind === "kotlin" ? placement.is_test : false,
      license: file.license ?? null,
      commit: file.commit ?? null,
      kind,
    },
    parseCatalog(p, file.catalog),
  );
}

export async function extractKotlinSource(source: string, file: { repo?: string; path: string }): Promise<Block[]> {
  return (await extractSourceFile(source, file)).blocks;
}
