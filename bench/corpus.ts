/**
 * Real-world Kotlin benchmark corpus: the `.kt`/`.kts` files that the npm packages pinned in
 * bench/corpus-packages.json ship (React Native / Expo / Capacitor native modules and the like),
 * fetched with `npm pack` (the only registry this project's machines reach) into
 * bench/.cache/realworld/ (git-ignored; third-party code is never committed).
 *
 * Layout: `<out>/<sanitised-package-name>/<path inside the package>` — one folder per package, each
 * one "repo" — with the package's LICENSE file beside its sources when it ships one. A `_COMPLETE`
 * marker holding the package set's hash makes a rerun a single file read; an interrupted fetch
 * resumes package by package (per-package stamps in `<out>/.state/`).
 *
 * Usage: node_modules/.bin/bun bench/corpus.ts [--out bench/.cache/realworld]
 * From another bench script: `await ensureRealWorldCorpus(DEFAULT_CORPUS_DIR)`.
 */
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

export interface CorpusPackage {
  name: string;
  version: string;
}

export interface CorpusResult {
  /** `.kt` and `.kts` files in the corpus (LICENSE files not counted). */
  files: number;
  /** Their bytes. */
  bytes: number;
  /** The corpus folder: one sub-folder per package. */
  dir: string;
}

interface Stamp extends CorpusPackage {
  files: number;
  bytes: number;
}

interface Marker {
  hash: string;
  packages: number;
  files: number;
  bytes: number;
}

export const PACKAGES_FILE = join(import.meta.dir, "corpus-packages.json");
export const DEFAULT_CORPUS_DIR = join(import.meta.dir, ".cache", "realworld");
const MARKER = "_COMPLETE";
const STATE = ".state";
/** Bump when the extraction rules change, so existing caches are rebuilt. */
const FORMAT = 1;
const CONCURRENCY = 4;
const KOTLIN = /\.kts?$/;
const LICENSE = /^licen[cs]e([.-][^/]*)?$/i;

export function loadCorpusPackages(file = PACKAGES_FILE): CorpusPackage[] {
  const list: unknown = JSON.parse(readFileSync(file, "utf8"));
  if (!Array.isArray(list)) throw new Error(`${file}: expected an array of { name, version }`);
  const seen = new Set<string>();
  return list.map((p: unknown, i) => {
    const { name, version } = (p ?? {}) as Partial<CorpusPackage>;
    if (typeof name !== "string" || !/^(@[a-z0-9._~-]+\/)?[a-z0-9._~-]+$/i.test(name)) throw new Error(`${file}[${i}]: bad name ${JSON.stringify(name)}`);
    if (typeof version !== "string" || !/^\d+\.\d+\.\d+([-+][0-9A-Za-z.-]+)?$/.test(version)) throw new Error(`${file}[${i}]: ${name}: pin an exact version, not ${JSON.stringify(version)}`);
    const dir = sanitisePackageName(name);
    if (seen.has(dir)) throw new Error(`${file}[${i}]: ${name} listed twice`);
    seen.add(dir);
    return { name, version };
  });
}

/** `@stripe/stripe-react-native` → `stripe__stripe-react-native`; unscoped names stay as they are. */
export function sanitisePackageName(name: string): string {
  return name.replace(/^@/, "").replace(/\//g, "__").replace(/[^A-Za-z0-9._-]/g, "_");
}

export function packageSetHash(packages: CorpusPackage[]): string {
  const lines = packages.map((p) => `${p.name}@${p.version}`).sort();
  return createHash("sha256").update(`kmpdata-realworld-corpus v${FORMAT}\n${lines.join("\n")}\n`).digest("hex");
}

function readJson<T>(file: string): T | null {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as T;
  } catch {
    return null;
  }
}

/** Keeps only regular files (drops symlinks and the like a tarball could hold); counts Kotlin ones. */
function scrub(dir: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    const st = lstatSync(path);
    if (st.isDirectory()) {
      const sub = scrub(path);
      files += sub.files;
      bytes += sub.bytes;
    } else if (!st.isFile()) {
      rmSync(path, { force: true });
    } else if (KOTLIN.test(entry)) {
      files++;
      bytes += st.size;
    }
  }
  return { files, bytes };
}

/** npm pack → keep `.kt`/`.kts` files and the root LICENSE → `<out>/<sanitised>/`. */
async function fetchPackage(pkg: CorpusPackage, outDir: string): Promise<Stamp> {
  const dirName = sanitisePackageName(pkg.name);
  const tmp = mkdtempSync(join(tmpdir(), "kmpdata-corpus-"));
  const stage = join(outDir, `.staging-${dirName}`);
  try {
    await run("npm", ["pack", `${pkg.name}@${pkg.version}`, "--silent", "--ignore-scripts", "--pack-destination", tmp], {
      cwd: tmp,
      maxBuffer: 16 << 20,
    });
    const tarball = readdirSync(tmp).find((f) => f.endsWith(".tgz"));
    if (!tarball) throw new Error("npm pack produced no tarball");
    const tgz = join(tmp, tarball);
    const { stdout } = await run("tar", ["-tzf", tgz], { maxBuffer: 256 << 20 });
    const wanted = new Set<string>();
    for (const member of stdout.split("\n")) {
      if (!member || member.endsWith("/")) continue;
      const parts = member.split("/");
      if (parts.length < 2 || parts.some((p) => p === ".." || p === "")) continue; // npm tarballs put everything under package/
      const inner = parts.slice(1);
      const base = inner[inner.length - 1]!;
      if (KOTLIN.test(base) || (inner.length === 1 && LICENSE.test(base))) wanted.add(member);
    }
    rmSync(stage, { recursive: true, force: true });
    mkdirSync(stage, { recursive: true });
    if (wanted.size > 0) {
      const list = join(tmp, "members.txt");
      writeFileSync(list, [...wanted].join("\n") + "\n");
      await run("tar", ["-xzf", tgz, "-C", stage, "--strip-components=1", "--no-same-owner", "--no-wildcards", "--verbatim-files-from", "-T", list], {
        maxBuffer: 16 << 20,
      });
    }
    const counts = scrub(stage);
    if (counts.files === 0) throw new Error("the tarball holds no .kt/.kts file");
    const target = join(outDir, dirName);
    rmSync(target, { recursive: true, force: true });
    renameSync(stage, target);
    const stamp: Stamp = { name: pkg.name, version: pkg.version, ...counts };
    writeFileSync(join(outDir, STATE, `${dirName}.json`), JSON.stringify(stamp) + "\n");
    return stamp;
  } catch (e) {
    rmSync(stage, { recursive: true, force: true });
    const err = e as { message?: string; stderr?: string };
    throw new Error(`${pkg.name}@${pkg.version}: ${(err.stderr || err.message || String(e)).trim()}`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

export interface EnsureOptions {
  packages?: CorpusPackage[];
  log?: (line: string) => void;
}

/**
 * Makes `outDir` hold the corpus of the pinned package set (a no-op but for one file read when its
 * `_COMPLETE` marker already names that set). Throws, leaving no marker, if any package fails.
 */
export async function ensureRealWorldCorpus(outDir: string = DEFAULT_CORPUS_DIR, options: EnsureOptions = {}): Promise<CorpusResult> {
  const dir = resolve(outDir);
  const packages = options.packages ?? loadCorpusPackages();
  const log = options.log ?? (() => {});
  const hash = packageSetHash(packages);
  const markerFile = join(dir, MARKER);

  const marker = readJson<Marker>(markerFile);
  if (marker?.hash === hash && packages.every((p) => existsSync(join(dir, sanitisePackageName(p.name))))) {
    return { files: marker.files, bytes: marker.bytes, dir };
  }

  rmSync(markerFile, { force: true });
  mkdirSync(join(dir, STATE), { recursive: true });
  const expected = new Set(packages.map((p) => sanitisePackageName(p.name)));
  // Drop what an older package set (or an interrupted run) left behind.
  for (const entry of readdirSync(dir)) {
    if (entry === STATE || expected.has(entry)) continue;
    rmSync(join(dir, entry), { recursive: true, force: true });
  }
  for (const entry of readdirSync(join(dir, STATE))) {
    if (!expected.has(entry.replace(/\.json$/, ""))) rmSync(join(dir, STATE, entry), { force: true });
  }

  const stamps = new Map<string, Stamp>();
  const todo: CorpusPackage[] = [];
  for (const p of packages) {
    const name = sanitisePackageName(p.name);
    const stamp = readJson<Stamp>(join(dir, STATE, `${name}.json`));
    if (stamp && stamp.name === p.name && stamp.version === p.version && existsSync(join(dir, name))) stamps.set(p.name, stamp);
    else todo.push(p);
  }

  const errors: string[] = [];
  let next = 0;
  let done = 0;
  const worker = async (): Promise<void> => {
    while (next < todo.length) {
      const pkg = todo[next++]!;
      try {
        const stamp = await fetchPackage(pkg, dir);
        stamps.set(pkg.name, stamp);
        log(`  [${++done}/${todo.length}] ${pkg.name}@${pkg.version}: ${stamp.files} files, ${stamp.bytes.toLocaleString("en-US")} bytes`);
      } catch (e) {
        errors.push((e as Error).message);
        log(`  [${++done}/${todo.length}] FAILED ${(e as Error).message}`);
      }
    }
  };
  if (todo.length > 0) log(`fetching ${todo.length} of ${packages.length} packages with npm pack into ${dir}`);
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, todo.length) }, worker));
  if (errors.length > 0) throw new Error(`real-world corpus incomplete (${errors.length} package(s) failed):\n${errors.join("\n")}`);

  let files = 0;
  let bytes = 0;
  for (const s of stamps.values()) {
    files += s.files;
    bytes += s.bytes;
  }
  const result: Marker = { hash, packages: packages.length, files, bytes };
  writeFileSync(markerFile, JSON.stringify(result, null, 2) + "\n");
  return { files, bytes, dir };
}

if (import.meta.main) {
  const i = process.argv.indexOf("--out");
  if (process.argv.includes("--help") || process.argv.includes("-h") || (i >= 0 && !process.argv[i + 1])) {
    console.log("Usage: bun bench/corpus.ts [--out bench/.cache/realworld]");
    process.exit(i >= 0 && !process.argv[i + 1] ? 2 : 0);
  }
  const out = i >= 0 ? resolve(process.argv[i + 1]!) : DEFAULT_CORPUS_DIR;
  const packages = loadCorpusPackages();
  const t0 = performance.now();
  try {
    const r = await ensureRealWorldCorpus(out, { packages, log: (line) => console.log(line) });
    const secs = ((performance.now() - t0) / 1000).toFixed(1);
    const mb = (r.bytes / 1e6).toFixed(2);
    const mib = (r.bytes / 2 ** 20).toFixed(2);
    console.log(`real-world corpus: ${packages.length} packages, ${r.files} .kt/.kts files, ${r.bytes.toLocaleString("en-US")} bytes (${mb} MB, ${mib} MiB) in ${r.dir} [${secs} s]`);
  } catch (e) {
    console.error((e as Error).message);
    process.exit(1);
  }
}
