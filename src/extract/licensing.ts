/**
 * Each repository's licence before its files are read: the metadata's (GitHub's) when it has one,
 * else detected from the repository's own licence files and README; then --licenses, so
 * `--repos-dir` folders are filtered like scraped ones. Every outcome is counted.
 */
import { licenceAllowed } from "../licence/allowed.ts";
import { detectLicence, licenceFiles } from "../licence/detect.ts";
import type { LicenseFilter } from "../options.ts";
import type { RepoDir } from "./discover.ts";

export type LicenceSource = "metadata" | "licence_text" | "licence_title" | "readme" | "none";

export interface LicenceTally {
  by_source: Record<LicenceSource, number>;
  by_licence: Record<string, number>;
  /** repo:file of licence files no signature matched (their repository gets no licence from them). */
  unrecognised_files: string[];
  /** Repositories left out because their licence is not in --licenses. */
  skipped: number;
  skipped_by_licence: Record<string, number>;
}

export function emptyLicenceTally(): LicenceTally {
  return {
    by_source: { metadata: 0, licence_text: 0, licence_title: 0, readme: 0, none: 0 },
    by_licence: {},
    unrecognised_files: [],
    skipped: 0,
    skipped_by_licence: {},
  };
}

const NONE = "none";

/** The repositories to extract, each with its licence, and why the others are not. */
export function resolveLicences(repos: readonly RepoDir[], filter: LicenseFilter, tally: LicenceTally): RepoDir[] {
  const kept: RepoDir[] = [];
  for (const repo of repos) {
    let license = repo.license;
    let source: LicenceSource = "metadata";
    if (license === null) {
      const found = detectLicence(repo.dir);
      license = found?.spdx ?? null;
      source = found?.via ?? "none";
      if (!found) for (const f of licenceFiles(repo.dir)) if (tally.unrecognised_files.length < 50) tally.unrecognised_files.push(`${repo.name}:${f}`);
    }
    tally.by_source[source]++;
    const key = license ?? NONE;
    if (!licenceAllowed(license, filter)) {
      tally.skipped++;
      tally.skipped_by_licence[key] = (tally.skipped_by_licence[key] ?? 0) + 1;
      continue;
    }
    tally.by_licence[key] = (tally.by_licence[key] ?? 0) + 1;
    kept.push(license === repo.license ? repo : { ...repo, license });
  }
  return kept;
}
