/**
 * The search queries: one data table, so adding a query is adding a row. Each names a KMP signal
 * (a topic, a phrase, or a library that is mostly used from common code) and is limited to Kotlin;
 * search sorts by stars and pages up to GitHub's 1,000-result cap.
 */
import { readFileSync } from "node:fs";
import { KmpError } from "../errors.ts";

export interface SearchQuery {
  q: string;
  why: string;
}

export const KMP_QUERIES: readonly SearchQuery[] = [
  { q: "topic:kotlin-multiplatform language:kotlin", why: "the canonical KMP topic" },
  { q: "topic:kmp language:kotlin", why: "short KMP topic" },
  { q: "topic:kmm language:kotlin", why: "Kotlin Multiplatform Mobile, the old name" },
  { q: "topic:compose-multiplatform language:kotlin", why: "Compose Multiplatform apps and libraries" },
  { q: "topic:kotlin-multiplatform-mobile language:kotlin", why: "long form of the KMM topic" },
  { q: "topic:kotlin-multiplatform-library language:kotlin", why: "libraries published for KMP" },
  { q: "topic:multiplatform language:kotlin", why: "generic multiplatform topic, Kotlin only" },
  { q: "topic:kotlin-native language:kotlin", why: "Kotlin/Native targets mostly come with common code" },
  { q: "topic:compose-desktop topic:android language:kotlin", why: "shared Compose UI across desktop and Android" },
  { q: "\"kotlin multiplatform\" in:name,description,readme language:kotlin", why: "the phrase" },
  { q: "\"compose multiplatform\" in:name,description,readme language:kotlin", why: "the UI framework's phrase" },
  { q: "kmp in:name,description language:kotlin", why: "KMP in the name or description" },
  { q: "kmm in:name,description language:kotlin", why: "KMM in the name or description" },
  { q: "multiplatform library in:description language:kotlin", why: "multiplatform libraries" },
  { q: "ktor client multiplatform language:kotlin", why: "Ktor client is the usual KMP HTTP stack" },
  { q: "sqldelight multiplatform language:kotlin", why: "SQLDelight generates common database code" },
  { q: "koin multiplatform language:kotlin", why: "Koin is the usual KMP dependency injection" },
  { q: "kotlinx coroutines multiplatform language:kotlin", why: "kotlinx.coroutines in common code" },
  { q: "kotlinx serialization multiplatform language:kotlin", why: "kotlinx.serialization in common code" },
  { q: "kotlinx datetime multiplatform language:kotlin", why: "kotlinx-datetime exists for common code" },
  { q: "expect actual multiplatform language:kotlin", why: "expect/actual declarations" },
  { q: "commonMain iosMain androidMain language:kotlin", why: "source-set names in READMEs" },
  { q: "shared android ios multiplatform language:kotlin", why: "shared-module mobile apps" },
  { q: "decompose multiplatform language:kotlin", why: "Decompose navigation for KMP" },
  { q: "voyager compose multiplatform language:kotlin", why: "Voyager navigation for Compose Multiplatform" },
  { q: "moko multiplatform language:kotlin", why: "the moko-* KMP libraries" },
  { q: "wasm compose multiplatform language:kotlin", why: "Compose for Web (wasmJs) targets" },
];

/** One query a line; `#` starts a comment. A line without a `language:` qualifier gets `language:kotlin`. */
export function parseQueries(text: string, source: string): SearchQuery[] {
  const out: SearchQuery[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/(^|\s)#.*$/, "").trim();
    if (!line) continue;
    const q = /(^|\s)language:/i.test(line) ? line : `${line} language:kotlin`;
    if (!out.some((o) => o.q === q)) out.push({ q, why: source });
  }
  return out;
}

export function loadQueries(file: string | null): SearchQuery[] {
  if (file === null) return [...KMP_QUERIES];
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    throw new KmpError("E_USAGE", `--queries-file ${file}: cannot read it (${(e as NodeJS.ErrnoException).code ?? e})`);
  }
  const queries = parseQueries(text, file);
  if (queries.length === 0) throw new KmpError("E_USAGE", `--queries-file ${file} holds no query (one a line, # for comments)`);
  return queries;
}
