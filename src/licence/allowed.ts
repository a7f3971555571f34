/** Whether a repository's licence passes --licenses (scrape, on GitHub's id; extract, on the detected one). */
import type { LicenseFilter } from "../options.ts";

/**
 * An SPDX expression passes when the licence it grants does: "MIT OR Apache-2.0" when either
 * alternative is allowed, "MIT AND BSD-3-Clause" when both are. No licence never passes a list:
 * code without one is not licensed for reuse. A parenthesised expression never passes (left
 * unparsed: neither GitHub nor the detector writes one).
 */
export function licenceAllowed(license: string | null, filter: LicenseFilter): boolean {
  if (filter.kind === "any") return true;
  if (license === null) return false;
  const allowed = new Set(filter.ids.map((id) => id.toLowerCase()));
  return license
    .trim()
    .split(/\s+OR\s+/i)
    .some((alternative) => alternative.split(/\s+AND\s+/i).every((id) => allowed.has(id.trim().toLowerCase())));
}
