/**
 * KMP verification, twice: cheaply before cloning (the git tree through the API, then a few build
 * scripts through the contents API only when the tree alone does not decide), and for certain on
 * disk after cloning. Only a repo that passes the disk check enters the corpus.
 */
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import fg from "fast-glob";
import type { KmpEvidence } from "../types.ts";
import { type GitHub, status } from "./github.ts";
import { commonMainDir, evidenceFrom, isGradleScript, isVersionCatalog, usesCatalogPlugins } from "./kmp.ts";
import type { Candidate } from "./types.ts";

export type Verdict =
  | { kind: "kmp"; evidence: KmpEvidence[] }
  | { kind: "not_kmp" }
  | { kind: "empty" }
  | { kind: "not_found" }
  | { kind: "unknown" }; // the API could not decide (no branch, truncated tree): the disk check will

const MAX_SCRIPT_BYTES = 1 << 20;

function depth(path: string): number {
  return path.split("/").length;
}

/** Root and module build scripts first: they are where the KMP plugin is applied. */
export function scriptsWorthFetching(paths: string[], max: number): string[] {
  return paths
    .filter(isGradleScript)
    .sort((a, b) => depth(a) - depth(b) || Number(/settings\./.test(a)) - Number(/settings\./.test(b)) || a.localeCompare(b))
    .slice(0, max);
}

export async function verifyRemote(gh: GitHub, c: Candidate, maxScripts: number): Promise<Verdict> {
  if (!c.from_api || c.default_branch === null) return { kind: "unknown" };
  const [owner, repo] = c.full_name.split("/") as [string, string];
  const ref = c.default_branch;
  let paths: string[];
  let truncated: boolean;
  try {
    const t = await gh.rest.git.getTree({ owner, repo, tree_sha: ref, recursive: "1" });
    paths = t.data.tree.map((e) => e.path ?? "").filter(Boolean);
    truncated = t.data.truncated;
  } catch (e) {
    if (status(e) === 409) return { kind: "empty" }; // "Git Repository is empty."
    if (status(e) === 404) return { kind: "not_found" };
    throw gh.userError(e, `reading the file tree of ${c.full_name}`);
  }
  if (paths.some((p) => commonMainDir(p) !== null)) return { kind: "kmp", evidence: evidenceFrom(new Map(), new Map(), paths) };

  const wanted = scriptsWorthFetching(paths, maxScripts);
  const scripts = new Map<string, string>();
  for (const path of wanted) {
    const text = await fileText(gh, owner, repo, path, ref);
    if (text !== null) scripts.set(path, text);
  }
  const catalogs = new Map<string, string>();
  if ([...scripts.values()].some(usesCatalogPlugins)) {
    for (const path of paths.filter(isVersionCatalog).slice(0, 2)) {
      const text = await fileText(gh, owner, repo, path, ref);
      if (text !== null) catalogs.set(path, text);
    }
  }
  const evidence = evidenceFrom(scripts, catalogs, paths);
  if (evidence.length > 0) return { kind: "kmp", evidence };
  const undecided = truncated || paths.filter(isGradleScript).length > wanted.length;
  return undecided ? { kind: "unknown" } : { kind: "not_kmp" };
}

async function fileText(gh: GitHub, owner: string, repo: string, path: string, ref: string): Promise<string | null> {
  try {
    const r = await gh.rest.repos.getContent({ owner, repo, path, ref });
    const d = r.data as { type?: string; encoding?: string; content?: string };
    if (d.type !== "file" || typeof d.content !== "string") return null;
    return d.encoding === "base64" ? Buffer.from(d.content, "base64").toString("utf8") : d.content;
  } catch (e) {
    if (status(e) === 404 || status(e) === 403) return null; // gone, or too large for the contents API
    throw gh.userError(e, `reading ${owner}/${repo}/${path}`);
  }
}

const IGNORE = ["**/.git/**", "**/build/**", "**/node_modules/**", "**/.gradle/**"];

/** The evidence on disk; empty means the clone is not a KMP project. */
export async function verifyLocal(dir: string): Promise<KmpEvidence[]> {
  const files = await fg(["**/*.gradle.kts", "**/*.gradle", "**/gradle/*.versions.toml"], { cwd: dir, ignore: IGNORE, dot: false, onlyFiles: true });
  const dirs = await fg(["**/src/commonMain"], { cwd: dir, ignore: IGNORE, onlyDirectories: true });
  const scripts = new Map<string, string>();
  const catalogs = new Map<string, string>();
  for (const f of files.sort()) {
    const abs = join(dir, f);
    if (statSync(abs).size > MAX_SCRIPT_BYTES) continue;
    (isVersionCatalog(f) ? catalogs : scripts).set(f, readFileSync(abs, "utf8"));
  }
  return evidenceFrom(scripts, catalogs, dirs);
}
