/**
 * Completion markers: a stage writes `<outputDir>/_SUCCESS.json` last, holding a fingerprint of
 * its inputs and of the options that shape its output. A rerun skips the stage only when the
 * marker exists and both fingerprints match; a stage that died leaves no marker and is redone.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { KmpError } from "./errors.ts";
import { basename, join } from "node:path";
import { stableHash, writeJsonAtomic } from "./io.ts";

export const MARKER_FILE = "_SUCCESS.json";

export interface Marker {
  stage: string;
  version: string;
  input_fingerprint: string;
  options_fingerprint: string;
  finished_at: string;
  /** The byte size of every file the step wrote, so a reader notices one changed since. */
  files?: Record<string, number>;
}

export function optionsFingerprint(options: unknown): string {
  return stableHash(JSON.stringify(options));
}

export function readMarker(outputDir: string): Marker | null {
  try {
    return JSON.parse(readFileSync(join(outputDir, MARKER_FILE), "utf8")) as Marker;
  } catch {
    return null;
  }
}

export function markerMatches(outputDir: string, expected: Omit<Marker, "finished_at">): boolean {
  const m = readMarker(outputDir);
  return (
    m !== null &&
    m.stage === expected.stage &&
    m.version === expected.version &&
    m.input_fingerprint === expected.input_fingerprint &&
    m.options_fingerprint === expected.options_fingerprint
  );
}

/** Writes the marker last, with the sizes of the files beside it. */
export function writeMarker(outputDir: string, m: Omit<Marker, "finished_at" | "files">): void {
  const files: Record<string, number> = {};
  for (const e of readdirSync(outputDir, { withFileTypes: true })) {
    if (e.isFile() && e.name !== MARKER_FILE && !e.name.startsWith(".")) files[e.name] = statSync(join(outputDir, e.name)).size;
  }
  writeJsonAtomic(join(outputDir, MARKER_FILE), { ...m, finished_at: new Date().toISOString(), files });
}

/**
 * A step reads an upstream step's files only when that step finished: its marker is there. Files
 * without one were left by a run that failed or was stopped (partial, or older than the options
 * the user gave since): refused with what to run.
 */
export function requireFinished(upstreamDir: string, upstreamStep: string, file: string): void {
  if (!existsSync(file)) return;
  if (!existsSync(join(upstreamDir, MARKER_FILE))) {
    throw new KmpError(
      "E_BAD_INPUT",
      `${file} is from a \`kmpdata ${upstreamStep}\` run that did not finish (no ${MARKER_FILE} in ${upstreamDir}): rerun \`kmpdata ${upstreamStep}\` (or \`kmpdata run\`)`,
    );
  }
  const wrote = readMarker(upstreamDir)?.files?.[basename(file)];
  const size = statSync(file).size;
  if (wrote !== undefined && wrote !== size) {
    throw new KmpError(
      "E_BAD_INPUT",
      `${file} changed since \`kmpdata ${upstreamStep}\` wrote it (${size.toLocaleString("en-US")} bytes, it wrote ${wrote.toLocaleString("en-US")}): rerun \`kmpdata ${upstreamStep} --force\``,
    );
  }
}
