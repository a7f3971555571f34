/**
 * A repository's licence from its own files, for projects whose metadata has none (every
 * --repos-dir folder, a clone GitHub could not classify): the licence files at its root first,
 * then what its README says.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { identifyLicenceFile, matchLicenceName, matchLicenceText } from "./match.ts";

export interface DetectedLicence {
  spdx: string;
  /** The file it was read from, relative to the repository. */
  file: string;
  /** licence_text: the file holds the licence's text; licence_title: its first lines name it; readme: the README says it. */
  via: "licence_text" | "licence_title" | "readme";
}

/** Licence files are small; a longer file is read only this far. */
const MAX_READ = 256 * 1024;
const LICENCE_FILE = /^(licen[cs]e|copying|unlicense)([-._].*)?$/i;
const README_FILE = /^readme(\.(md|markdown|txt|rst|adoc))?$/i;
/** LICENSE before COPYING before UNLICENSE; then by name, so the choice never depends on the file system's order. */
const RANK = (name: string) => (/^licen[cs]e/i.test(name) ? 0 : /^copying/i.test(name) ? 1 : 2);

function rootFiles(repoDir: string, re: RegExp): string[] {
  let names: string[];
  try {
    names = readdirSync(repoDir);
  } catch {
    return [];
  }
  return names
    .filter((n) => re.test(n) && isFile(join(repoDir, n)))
    .sort((a, b) => RANK(a) - RANK(b) || (a.length - b.length) || (a < b ? -1 : a > b ? 1 : 0));
}

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

function read(p: string): string {
  try {
    return readFileSync(p, "utf8").slice(0, MAX_READ);
  } catch {
    return "";
  }
}

/** The licence files at a repository's root (LICENSE, LICENCE.md, COPYING.LESSER …), best first. */
export function licenceFiles(repoDir: string): string[] {
  return rootFiles(repoDir, LICENCE_FILE);
}

function fromLicenceFiles(repoDir: string): DetectedLicence | null {
  const found: DetectedLicence[] = [];
  for (const file of licenceFiles(repoDir)) {
    const id = identifyLicenceFile(read(join(repoDir, file)));
    if (id) found.push({ spdx: id.spdx, file, via: id.by === "text" ? "licence_text" : "licence_title" });
  }
  // The LGPL ships as COPYING (the GPL it builds on) plus COPYING.LESSER (the LGPL itself): the LGPL is the licence.
  const lesser = found.find((f) => f.spdx.startsWith("LGPL-"));
  if (lesser && found.some((f) => f.spdx === "GPL-3.0")) return lesser;
  return found[0] ?? null;
}

const ATX_HEADING = /^\s{0,3}#{1,6}\s/;
const BOLD_HEADING = /^\s*(\*\*|__)[^*_]+(\*\*|__)\s*$/;
const UNDERLINE = /^\s*(={3,}|-{3,})\s*$/;

/** The text under a README heading that names the licence, up to the next heading. */
export function readmeLicenceSection(readme: string): string | null {
  const lines = readme.split("\n");
  const underlined = (i: number) => lines[i]!.trim() !== "" && UNDERLINE.test(lines[i + 1] ?? "");
  const heading = (i: number) => ATX_HEADING.test(lines[i]!) || BOLD_HEADING.test(lines[i]!) || underlined(i);
  const start = lines.findIndex((l, i) => heading(i) && /licen[cs]e|copying/i.test(l));
  if (start < 0) return null;
  const body: string[] = [];
  for (let i = start + (underlined(start) ? 2 : 1); i < lines.length && !heading(i); i++) body.push(lines[i]!);
  return body.join("\n").trim() || null;
}

/**
 * What a README says its project is licensed under: the licence section (its full text, else the
 * licence it names); else a "licensed / released / distributed under …" sentence; else a licence
 * badge. Other mentions are ignored: READMEs name their dependencies' licences too.
 */
export function readmeLicence(readme: string): string | null {
  const section = readmeLicenceSection(readme);
  if (section) {
    const spdx = matchLicenceText(section) ?? matchLicenceName(section);
    if (spdx) return spdx;
  }
  for (const sentence of readme.matchAll(/\b(licen[cs]ed|released|distributed|available|published|provided)\s+under\b[^\n]{0,160}/gi)) {
    const named = matchLicenceName(sentence[0]);
    if (named) return named;
  }
  for (const line of readme.split("\n")) {
    // [![License](https://img.shields.io/badge/License-Apache%202.0-blue.svg)](…)
    const badge = /!\[[^\]]*licen[cs]e[^\]]*\]\(([^)]*)\)/i.exec(line);
    if (badge) {
      const spdx = matchLicenceName(badge[1]!);
      if (spdx) return spdx;
    }
  }
  return null;
}

/** The repository's licence, or null when neither a licence file nor the README says one we know. */
export function detectLicence(repoDir: string): DetectedLicence | null {
  const fromFiles = fromLicenceFiles(repoDir);
  if (fromFiles) return fromFiles;
  for (const file of rootFiles(repoDir, README_FILE)) {
    const spdx = readmeLicence(read(join(repoDir, file)));
    if (spdx) return { spdx, file, via: "readme" };
  }
  return null;
}
