/**
 * The embedded sample corpus: hand-written KMP projects (src/sample/projects) compiled into the
 * binary, so `kmpdata run --source sample` and `kmpdata validate` work offline.
 */
import { createHash } from "node:crypto";
import { mkdirSync, rmSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { embedSampleProjects } from "./embed.macro.ts" with { type: "macro" };
import { identifyLicenceFile } from "../licence/match.ts";
import type { KmpEvidence, Repo } from "../types.ts";
import { evidenceFrom, isGradleScript, isVersionCatalog } from "../scrape/kmp.ts";

const SAMPLE = embedSampleProjects();

export const SAMPLE_OWNER = "sample";

export function sampleProjectNames(): string[] {
  return Object.keys(SAMPLE).sort();
}

export function sampleFiles(project: string): Record<string, string> {
  const files = SAMPLE[project];
  if (!files) throw new Error(`no embedded sample project named ${project}`);
  return files;
}

/** A content hash standing in for the commit sha: the sample has no git history. */
function contentSha(files: Record<string, string>): string {
  const h = createHash("sha1");
  for (const path of Object.keys(files).sort()) h.update(path).update("\0").update(files[path]!).update("\0");
  return h.digest("hex");
}

/** The same evidence scrape records for a clone, from the same rules. */
function kmpEvidence(files: Record<string, string>): KmpEvidence[] {
  const entries = Object.entries(files);
  const scripts = new Map(entries.filter(([p]) => isGradleScript(p)));
  const catalogs = new Map(entries.filter(([p]) => isVersionCatalog(p)));
  return evidenceFrom(scripts, catalogs, Object.keys(files));
}

/**
 * Writes every sample project to `<dataDir>/repos/sample__<name>/` (atomically: temp folder, then
 * rename) and returns its Repo record, as a clone would.
 */
export async function writeSampleRepos(dataDir: string): Promise<Repo[]> {
  const repos: Repo[] = [];
  for (const name of sampleProjectNames()) {
    const files = sampleFiles(name);
    const localPath = `repos/${SAMPLE_OWNER}__${name}`;
    const dest = join(dataDir, localPath);
    const tmp = `${dest}.partial`;
    rmSync(tmp, { recursive: true, force: true });
    for (const [path, text] of Object.entries(files)) {
      const p = join(tmp, path);
      mkdirSync(dirname(p), { recursive: true });
      writeFileSync(p, text);
    }
    rmSync(dest, { recursive: true, force: true });
    renameSync(tmp, dest);
    const readme = files["README.md"]?.split("\n").find((l) => l.trim() && !l.startsWith("#"));
    repos.push({
      full_name: `${SAMPLE_OWNER}/${name}`,
      html_url: `kmpdata-sample://${name}`,
      clone_url: `kmpdata-sample://${name}`,
      default_branch: "main",
      commit: contentSha(files),
      stars: 0,
      forks: 0,
      size_kb: Math.ceil(Object.values(files).reduce((n, t) => n + Buffer.byteLength(t), 0) / 1024),
      pushed_at: null,
      license: identifyLicenceFile(files["LICENSE"] ?? "")?.spdx ?? null,
      topics: ["kotlin-multiplatform", "sample"],
      description: readme?.trim() ?? null,
      score: 0,
      matched_queries: [],
      kmp_evidence: kmpEvidence(files),
      local_path: localPath,
      cloned_at: null,
    });
  }
  return repos;
}
