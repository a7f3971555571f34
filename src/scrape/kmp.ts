/**
 * Is this a Kotlin Multiplatform project? Pure text rules shared by the cheap check (files fetched
 * through the API) and the confirmation on disk: the KMP plugin applied in a Gradle script — by id,
 * by the kotlin("multiplatform") shorthand, or by a version-catalog alias whose id is the KMP
 * plugin — or a src/commonMain folder.
 */
import type { KmpEvidence } from "../types.ts";

export const KMP_PLUGIN_ID = "org.jetbrains.kotlin.multiplatform";
export const COMMON_MAIN = "src/commonMain";

const COMMON_MAIN_RE = /(^|\/)src\/commonMain(\/|$)/;

export function isGradleScript(path: string): boolean {
  return /(^|\/)[^/]+\.gradle(\.kts)?$/.test(path);
}

export function isVersionCatalog(path: string): boolean {
  return /(^|\/)gradle\/[^/]+\.versions\.toml$/.test(path);
}

/** The `.../src/commonMain` folder a path lies in, or null. */
export function commonMainDir(path: string): string | null {
  const m = COMMON_MAIN_RE.exec(path);
  if (!m) return null;
  return path.slice(0, m.index + m[1]!.length + COMMON_MAIN.length);
}

/**
 * Removes comments so a commented-out plugin line is not evidence. Strings are kept (a `//` inside
 * "https://…" is not a comment); Groovy's single-quoted strings count as strings too.
 */
export function stripComments(text: string): string {
  let out = "";
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    const next = text[i + 1];
    if (ch === "/" && next === "/") {
      while (i < text.length && text[i] !== "\n") i++;
    } else if (ch === "/" && next === "*") {
      const end = text.indexOf("*/", i + 2);
      i = end === -1 ? text.length : end + 2;
      out += " ";
    } else if (ch === '"' || ch === "'") {
      const triple = text.startsWith(ch.repeat(3), i);
      const close = triple ? ch.repeat(3) : ch;
      let j = i + close.length;
      while (j < text.length && !text.startsWith(close, j) && (triple || text[j] !== "\n")) j += text[j] === "\\" ? 2 : 1;
      j = Math.min(text.length, j + close.length);
      out += text.slice(i, j);
      i = j;
    } else {
      out += ch;
      i++;
    }
  }
  return out;
}

/** `kotlin-multiplatform`, `kotlin_multiplatform` and `kotlin.multiplatform` are one accessor: libs.plugins.kotlin.multiplatform. */
export function catalogAccessor(key: string): string {
  return key.replace(/[-_.]/g, ".");
}

/** The accessors (without `<catalog>.plugins.`) of the [plugins] entries whose id is the KMP plugin. */
export function kmpCatalogAliases(toml: string): Set<string> {
  const aliases = new Set<string>();
  let section = "";
  for (const raw of toml.split(/\r?\n/)) {
    const line = raw.replace(/#.*$/, "").trim();
    const header = /^\[([^\]]+)\]$/.exec(line);
    if (header) {
      section = header[1]!.trim();
      continue;
    }
    if (section !== "plugins") continue;
    const entry = /^([A-Za-z0-9_.-]+)\s*=\s*(.+)$/.exec(line);
    if (!entry) continue;
    const [, key, value] = entry;
    const id = /\bid\s*=\s*"([^"]+)"/.exec(value!)?.[1] ?? /^"([^":]+)(:[^"]*)?"/.exec(value!)?.[1];
    if (id === KMP_PLUGIN_ID) aliases.add(catalogAccessor(key!));
  }
  return aliases;
}

/** The KMP markers in one Gradle script. `aliases` come from the repo's version catalogs. */
export function scriptMarkers(text: string, aliases: ReadonlySet<string> = new Set()): string[] {
  const code = stripComments(text);
  const found: string[] = [];
  if (/\bkotlin\s*\(\s*"multiplatform"\s*\)/.test(code)) found.push('kotlin("multiplatform")');
  if (code.includes(KMP_PLUGIN_ID)) found.push(KMP_PLUGIN_ID);
  // The pre-1.4 plugin name: apply plugin: 'kotlin-multiplatform' / id("kotlin-multiplatform").
  if (/["']kotlin-multiplatform["']/.test(code)) found.push("kotlin-multiplatform");
  for (const m of code.matchAll(/\balias\s*\(\s*(\w+)\.plugins\.([\w.]+)\s*\)/g)) {
    if (aliases.has(catalogAccessor(m[2]!))) found.push(`alias(${m[1]}.plugins.${m[2]}) = ${KMP_PLUGIN_ID}`);
  }
  return [...new Set(found)];
}

/** Does the script use catalog plugin aliases at all (then the catalog is worth fetching)? */
export function usesCatalogPlugins(text: string): boolean {
  return /\balias\s*\(\s*\w+\.plugins\./.test(text);
}

export function sortEvidence(e: KmpEvidence[]): KmpEvidence[] {
  const seen = new Set<string>();
  return e
    .filter((x) => {
      const k = `${x.file}\u0000${x.marker}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    })
    .sort((a, b) => a.file.localeCompare(b.file) || a.marker.localeCompare(b.marker));
}

/** Evidence from a set of files (path → text) plus the folder listing. Used on disk and over the API. */
export function evidenceFrom(scripts: Map<string, string>, catalogs: Map<string, string>, paths: Iterable<string>, maxCommonMain = 10): KmpEvidence[] {
  const aliases = new Set<string>();
  for (const toml of catalogs.values()) for (const a of kmpCatalogAliases(toml)) aliases.add(a);
  const evidence: KmpEvidence[] = [];
  for (const [file, text] of scripts) for (const marker of scriptMarkers(text, aliases)) evidence.push({ file, marker });
  const dirs = new Set<string>();
  for (const p of paths) {
    const d = commonMainDir(p);
    if (d !== null) dirs.add(d);
  }
  for (const d of [...dirs].sort().slice(0, maxCommonMain)) evidence.push({ file: d, marker: COMMON_MAIN });
  return sortEvidence(evidence);
}
