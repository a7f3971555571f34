/**
 * The dataset card's YAML metadata block, as the Hugging Face Hub reads it: licences as Hub ids,
 * the task, languages, tags, a size category and `configs` naming the split files, so uploading
 * the folder gives a working dataset page. The command line is shown without local paths.
 */

/** SPDX ids → the Hub's licence ids (lower-case; those the Hub lists). */
const HUB_LICENSES: Record<string, string> = {
  "MIT": "mit",
  "Apache-2.0": "apache-2.0",
  "BSD-2-Clause": "bsd-2-clause",
  "BSD-3-Clause": "bsd-3-clause",
  "ISC": "isc",
  "MPL-2.0": "mpl-2.0",
  "Unlicense": "unlicense",
  "0BSD": "0bsd",
  "CC0-1.0": "cc0-1.0",
  "Zlib": "zlib",
  "GPL-2.0": "gpl-2.0",
  "GPL-3.0": "gpl-3.0",
  "LGPL-2.1": "lgpl-2.1",
  "LGPL-3.0": "lgpl-3.0",
  "AGPL-3.0": "agpl-3.0",
  "EPL-1.0": "epl-1.0",
  "EPL-2.0": "epl-2.0",
  "CC-BY-4.0": "cc-by-4.0",
  "CC-BY-SA-4.0": "cc-by-sa-4.0",
  "BSL-1.0": "bsl-1.0",
  "Artistic-2.0": "artistic-2.0",
};

/** The Hub's id for an SPDX id (`-only`/`-or-later` suffixes folded), or null when it has none. */
export function hubLicense(spdx: string): string | null {
  const base = spdx.replace(/-(only|or-later)$/, "");
  return HUB_LICENSES[base] ?? null;
}

/** The Hub's size buckets. */
export function sizeCategory(rows: number): string {
  const buckets: [number, string][] = [
    [1e3, "n<1K"],
    [1e4, "1K<n<10K"],
    [1e5, "10K<n<100K"],
    [1e6, "100K<n<1M"],
    [1e7, "1M<n<10M"],
  ];
  for (const [limit, name] of buckets) if (rows < limit) return name;
  return "10M<n<100M";
}

/** A YAML scalar: quoted when it could be read as something else. */
function scalar(v: string): string {
  return /^[a-z0-9][a-z0-9._-]*$/i.test(v) && !/^(true|false|null|yes|no|on|off|~)$/i.test(v) && !/^[\d.]+$/.test(v) ? v : JSON.stringify(v);
}

export interface CardMeta {
  /** SPDX ids of the rows' licences (null: rows without one). */
  licenses: string[];
  rows: number;
  files: { train: string; validation: string; test: string };
}

export function cardYaml(m: CardMeta): string {
  const known = [...new Set(m.licenses.map((l) => hubLicense(l)).filter((l): l is string => l !== null))].sort();
  const unknown = [...new Set(m.licenses.filter((l) => hubLicense(l) === null))].sort();
  const lines = ["---"];
  // One licence as a value, several as a list; one the Hub has no id for is `other`, named.
  const ids = unknown.length ? [...known, "other"] : known;
  if (ids.length === 1) lines.push(`license: ${scalar(ids[0]!)}`);
  else if (ids.length > 1) lines.push("license:", ...ids.map((l) => `- ${scalar(l)}`));
  if (unknown.length) lines.push(`license_name: ${scalar(unknown.join(", "))}`, `license_details: ${scalar("each row's `license` field holds its repository's SPDX id")}`);
  lines.push(
    "task_categories:",
    "- text-generation",
    "language:",
    "- code",
    "- en",
    "tags:",
    "- code",
    "- kotlin",
    "- kotlin-multiplatform",
    "- compose-multiplatform",
    "- sft",
    "size_categories:",
    `- ${scalar(sizeCategory(m.rows))}`,
    "pretty_name: Kotlin Multiplatform fine-tuning pairs (kmpdata)",
    "configs:",
    "- config_name: default",
    "  data_files:",
    "  - split: train",
    `    path: ${scalar(m.files.train)}`,
    "  - split: validation",
    `    path: ${scalar(m.files.validation)}`,
    "  - split: test",
    `    path: ${scalar(m.files.test)}`,
    "---",
  );
  return lines.join("\n");
}

/**
 * A command line without local paths: the data dir's value becomes `<data-dir>`, any other
 * absolute path its last folder or file name (a card is shared; where the author's disk keeps
 * things is not part of it).
 */
export function portableCommandLine(commandLine: string): string {
  const words = commandLine.split(" ");
  return words
    .map((word, i) => {
      const eq = word.startsWith("--") ? word.indexOf("=") : -1;
      const flag = eq > 0 ? word.slice(0, eq) : (words[i - 1] ?? "");
      const prefix = eq > 0 ? word.slice(0, eq + 1) : "";
      const value = eq > 0 ? word.slice(eq + 1) : word;
      if (flag === "--data-dir" && (eq > 0 || !word.startsWith("-"))) return `${prefix}<data-dir>`;
      if (value.startsWith("/") || /^[A-Za-z]:[\\/]/.test(value)) return `${prefix}…/${value.replace(/[\\/]+$/, "").split(/[\\/]/).pop()}`;
      return word;
    })
    .join(" ");
}
