/**
 * --repos-file: one `owner/name` or clone URL a line (`#` comments). Names are looked up through the
 * API (so clone URLs, branch and stars come from GitHub, or GitHub Enterprise); URLs are cloned as
 * given, and verified on disk only.
 */
import { readFileSync } from "node:fs";
import { KmpError } from "../errors.ts";
import type { GitHub } from "./github.ts";
import type { Candidate, DropReason } from "./types.ts";

export type RepoRef = { kind: "name"; owner: string; name: string } | { kind: "url"; url: string; owner: string; name: string };

const NAME = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/;

export function parseRepoLine(line: string): RepoRef | null {
  const m = NAME.exec(line);
  if (m) return { kind: "name", owner: m[1]!, name: m[2]!.replace(/\.git$/, "") };
  if (!/^https?:\/\//i.test(line)) return null;
  let url: URL;
  try {
    url = new URL(line);
  } catch {
    return null;
  }
  const parts = url.pathname.replace(/\/+$/, "").replace(/\.git$/, "").split("/").filter(Boolean);
  if (parts.length < 2) return null;
  return { kind: "url", url: line, owner: parts[parts.length - 2]!, name: parts[parts.length - 1]! };
}

export function parseReposFile(text: string, file: string): RepoRef[] {
  const refs: RepoRef[] = [];
  const seen = new Set<string>();
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.replace(/(^|\s)#.*$/, "").trim();
    if (!line) return;
    const ref = parseRepoLine(line);
    if (!ref) throw new KmpError("E_USAGE", `--repos-file ${file}:${i + 1}: "${line}" is neither owner/name nor an http(s) clone URL`);
    const key = `${ref.owner}/${ref.name}`.toLowerCase();
    if (!seen.has(key)) refs.push(ref);
    seen.add(key);
  });
  if (refs.length === 0) throw new KmpError("E_USAGE", `--repos-file ${file} lists no repository (one owner/name or clone URL a line)`);
  return refs;
}

export function loadReposFile(file: string): RepoRef[] {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    throw new KmpError("E_USAGE", `--repos-file ${file}: cannot read it (${(e as NodeJS.ErrnoException).code ?? e})`);
  }
  return parseReposFile(text, file);
}

function fromUrl(ref: Extract<RepoRef, { kind: "url" }>): Candidate {
  return {
    id: ref.url,
    full_name: `${ref.owner}/${ref.name}`,
    html_url: ref.url.replace(/\.git$/, ""),
    clone_url: ref.url,
    default_branch: null,
    stars: 0,
    forks: 0,
    size_kb: 0,
    pushed_at: null,
    license: null,
    topics: [],
    description: null,
    fork: false,
    archived: false,
    matched_queries: [],
    from_api: false,
  };
}

export async function resolveRepoRefs(gh: GitHub | null, refs: RepoRef[], drop: (r: DropReason) => void): Promise<Candidate[]> {
  const out: Candidate[] = [];
  for (const ref of refs) {
    if (ref.kind === "url") {
      out.push(fromUrl(ref));
      continue;
    }
    const c = gh ? await gh.repo(ref.owner, ref.name) : null;
    if (c === null) drop("not_found");
    else out.push(c);
  }
  return out;
}
