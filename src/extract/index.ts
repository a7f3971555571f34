/**
 * The extract step: every Kotlin and Gradle file of every repo → data/raw_blocks/all_blocks.jsonl.
 * Files are read on the main thread in (repo, path) order, parsed in batches by the worker pool,
 * and written back in the same order through a bounded window, so the output is deterministic
 * whatever the thread count and memory does not grow with the corpus.
 */
import { createHash } from "node:crypto";
import { existsSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import fg from "fast-glob";
import { KmpError } from "../errors.ts";
import { fileExists, hashFile, JsonlWriter, readJsonl, writeJsonAtomic } from "../io.ts";
import type { ExtractOptions } from "../options.ts";
import { WorkerPool } from "../pool.ts";
import { createProgress } from "../progress.ts";
import type { Stage, StageContext, StageSummary } from "../stage.ts";
import type { Block, Repo } from "../types.ts";
import { moduleOracle, type Candidate, discoverRepo, IGNORED_DIRS, isProjectDir, listRepoDirs, readCandidate, readCatalogText, type RepoDir, toTask } from "./discover.ts";
import { resolveLicences } from "./licensing.ts";
import { pairsStage, readRepoMeta as readPairsRepoMeta } from "../pairs/index.ts";
import { REPO_RESULTS_DIR, RepoResults } from "../fused/resume.ts";
import { shardOf } from "../shard/spec.ts";
import pkg from "../../package.json" with { type: "json" };
import { ExtractStats, formatStatsTable } from "./stats.ts";
import type { BatchResult, BatchTask, FileTask } from "./types.ts";

export const BATCH_BYTES = 384 * 1024;
export const BATCH_FILES = 256;
/** Output slot per batch in flight: output runs ~6× a batch's source; a batch that outgrows it still works. */
export const SLOT_BYTES = 8 * 1024 * 1024;
/** Source bytes read between two full collections on the main thread (see GC_EVERY_BYTES in worker.ts). */
export const MAIN_GC_EVERY_BYTES = 32 * 1024 * 1024;

/**
 * Output slots shared with the workers, one per batch in flight, reused batch after batch: a
 * fresh array per batch cost the worker ~10 % of its time in page faults on this kind of VM.
 */
class SlotPool {
  private readonly free: SharedArrayBuffer[] = [];
  take(): SharedArrayBuffer {
    return this.free.pop() ?? new SharedArrayBuffer(SLOT_BYTES);
  }
  give(slot: SharedArrayBuffer): void {
    this.free.push(slot);
  }
}

export function blocksDir(dataDir: string): string {
  return join(dataDir, "raw_blocks");
}

function reposDirOf(ctx: StageContext, opts: ExtractOptions): string {
  return opts.reposDir ?? join(ctx.global.dataDir, "repos");
}

async function readRepoMeta(dataDir: string): Promise<Map<string, Repo>> {
  const meta = new Map<string, Repo>();
  const file = join(dataDir, "metadata", "repos.jsonl");
  if (!fileExists(file)) return meta;
  for await (const r of readJsonl<Repo>(file)) meta.set(r.local_path.split("/").pop()!, r);
  return meta;
}

/** How a batch runs: the pool by default; tests pass a pool that fails on purpose. */
export interface BatchRunner {
  run(task: BatchTask): Promise<{ ok: true; value: BatchResult } | { ok: false; error: { message: string } }>;
  destroy(): Promise<void>;
}

export interface ExtractDeps {
  runner?: (threads: number) => BatchRunner;
}

export async function runExtract(ctx: StageContext, opts: ExtractOptions, deps: ExtractDeps = {}): Promise<StageSummary> {
  const reposDir = reposDirOf(ctx, opts);
  if (!existsSync(reposDir)) {
    throw new KmpError(
      "E_NO_REPOS",
      `${reposDir} does not exist: run \`kmpdata scrape\` first, or pass --repos-dir with a folder of checked-out projects.`,
    );
  }
  if (!statSync(reposDir).isDirectory()) {
    throw new KmpError("E_USAGE", `${reposDir} is a file: --repos-dir takes a folder of checked-out projects (or one project's folder).`);
  }
  const started = performance.now();
  const meta = await readRepoMeta(ctx.global.dataDir);
  const stats = new ExtractStats(ctx.global.threads);
  let repos = listRepoDirs(reposDir, meta);
  if (isProjectDir(reposDir)) ctx.log.info(`extract: ${reposDir} has a Gradle build at its root: it is read as one repository (${repos[0]!.name}), not as a folder of projects`);
  // In the data dir, repos.jsonl is the corpus: a folder left by an earlier scrape with other
  // filters is not in it and is skipped (counted). --repos-dir takes every folder.
  if (opts.reposDir === null && meta.size > 0) {
    const kept = repos.filter((r) => meta.has(r.dir.slice(r.dir.lastIndexOf("/") + 1)));
    stats.repos_not_in_metadata = repos.length - kept.length;
    repos = kept;
  }
  // --shard i/n: only this shard's repositories (by a stable hash of their name).
  const shard = opts.shard ?? null;
  if (shard) repos = repos.filter((r) => shardOf(r.name, shard.count) === shard.index);
  repos = resolveLicences(repos, opts.licenses ?? { kind: "any" }, stats.licences);
  stats.repos = repos.length;
  if (repos.length === 0 && stats.licences.skipped > 0) {
    const found = Object.entries(stats.licences.skipped_by_licence).map(([k, v]) => `${k} ${v}`).join(", ");
    ctx.log.warn(`--licenses left none of the ${stats.licences.skipped} repositories (their licences: ${found}): nothing to extract`);
  } else if (repos.length === 0) ctx.log.warn(`${reposDir} holds no project folders: nothing to extract`);

  // A fused run (extract and pairs in one process): each batch is one repository, whose pairs and
  // analyses the workers make too (src/fused). Else batches of files, as they come.
  const carry = ctx.carry ?? null;
  const pairsMeta = carry ? await readPairsRepoMeta(join(ctx.global.dataDir, "metadata", "repos.jsonl")) : null;
  // The workers start (and load their grammars) while the main thread discovers files.
  const runner = deps.runner ? deps.runner(ctx.global.threads) : new WorkerPool<BatchTask, BatchResult>(carry ? "fused" : "extract", ctx.global.threads, 2);
  // Discovery first (paths only), so progress has a total.
  const perRepo: { repo: RepoDir; files: Candidate[] }[] = [];
  try {
    for (const repo of repos) {
      const files = await discoverRepo(repo);
      perRepo.push({ repo, files });
      stats.files_discovered += files.length;
      if (!files.some((f) => f.kind === "kotlin")) stats.repos_without_kotlin++;
    }
  } catch (e) {
    await runner.destroy();
    throw e;
  }

  // A repository's folder name: the order a run takes repositories in (a merge of shards sorts by it).
  const folderOf = new Map(perRepo.map(({ repo }) => [repo.name, basename(repo.dir.replace(/[\\/]+$/, ""))]));
  const since = () => `${((performance.now() - started) / 1000).toFixed(2)}s`;
  ctx.log.debug(`extract: discovered ${stats.files_discovered} files at ${since()}`);
  let firstResult = "";
  const outDir = ctx.outDir ?? blocksDir(ctx.global.dataDir);
  const writer = new JsonlWriter<Block>(join(outDir, "all_blocks.jsonl"));
  const progress = createProgress("extract", stats.files_discovered, "files", ctx.log, ctx.progress);
  const window: Promise<void>[] = [];
  const maxInFlight = ctx.global.threads * 2;

  // A fused run keeps each finished repository, so a killed run redoes only the rest (src/fused/resume.ts).
  const saved = carry ? new RepoResults(join(blocksDir(ctx.global.dataDir), REPO_RESULTS_DIR), `${pkg.version}:${extractStage.version}:${pairsStage.version}`) : null;
  if (saved && ctx.global.force) saved.clear();

  // Set when the step has failed: batches still in flight end quietly (the pool is being torn down).
  let failed = false;
  const runBatch = async (task: BatchTask): Promise<BatchResult | null> => {
    for (let attempt = 1; attempt <= 2; attempt++) {
      const out = await runner.run(task);
      if (out.ok) return out.value;
      if (failed) return null;
      stats.worker_failures++;
      ctx.log.warn(`a worker failed on a batch of ${task.files.length} files (attempt ${attempt}/2): ${out.error.message}`);
    }
    return null;
  };

  // Results are written strictly in batch order: each batch's promise chains on the previous write.
  let lastWrite: Promise<void> = Promise.resolve();
  const slots = new SlotPool();
  const dispatch = (task: BatchTask, cached: BatchResult | null = null, key: string | null = null) => {
    const result = cached ? Promise.resolve(cached) : runBatch(task);
    const write = Promise.all([result, lastWrite]).then(([r]) => {
      if (r === null) {
        for (const f of task.files) stats.fileFailed(f, "worker_crash");
      } else {
        if (!cached) stats.workerThread(r.threadId, r.busyMs, r.grammarMs);
        if (!firstResult) ctx.log.debug(`extract: first batch back at ${(firstResult = since())}`);
        let records = 0;
        for (const f of r.files) {
          if (f.error) {
            stats.fileFailed(task.files.find((t) => t.path === f.path && t.repo === f.repo)!, "extract_error");
            continue;
          }
          stats.fileParsed(f);
          for (const b of f.tallies) stats.block(b);
          records += f.tallies.length;
        }
        const bytes = r.jsonl ?? new Uint8Array(task.out!, 0, r.jsonlLength);
        if (saved && key && !cached && r.fused) saved.save(key, r, bytes);
        writer.writeBytes(bytes, records);
        if (r.fused && task.fused && records > 0) carry!.add(task.fused.repo, records, r.fused, folderOf.get(task.fused.repo) ?? task.fused.repo);
      }
      if (task.out) slots.give(task.out);
      progress.tick(task.files.length);
    });
    lastWrite = write;
    // Awaited in order below; a failure is raised there once, not again as an unhandled rejection
    // of the writes queued behind it.
    write.catch(() => {});
    return write;
  };

  try {
    let batch: { file: Omit<FileTask, "text">; buf: Uint8Array }[] = [];
    let sinceGc = 0;
    let batchBytes = 0;
    let catalogs: Record<string, string> = {};
    let fused: BatchTask["fused"];
    const flush = async () => {
      if (batch.length === 0) return;
      const bytes = new Uint8Array(batchBytes);
      let offset = 0;
      const files = batch.map(({ file, buf }) => {
        bytes.set(buf, offset);
        const wire = { ...file, offset, length: buf.length };
        offset += buf.length;
        return wire;
      });
      if (fused) {
        // A fused batch is one repository; one a killed run finished is taken as it was.
        const task: BatchTask = { files, bytes, catalogs, out: null, fused };
        const key = saved!.keyOf(task);
        const cached = saved!.load(key);
        window.push(cached ? dispatch(task, cached) : dispatch({ ...task, out: slots.take() }, null, key));
      } else window.push(dispatch({ files, bytes, catalogs, out: slots.take() }));
      fused = undefined;
      // The main thread's garbage (file buffers, batches, results) waits for JSC's own schedule
      // otherwise: ~100 MB of it by 20,000 files.
      if ((sinceGc += bytes.length) >= MAIN_GC_EVERY_BYTES) {
        Bun.gc(true);
        sinceGc = 0;
      }
      batch = [];
      batchBytes = 0;
      catalogs = {};
      if (window.length >= maxInFlight) await window.shift();
    };
    for (const { repo, files } of perRepo) {
      if (ctx.signal.aborted) break;
      const modules = moduleOracle(repo.dir);
      const catalog = readCatalogText(repo.dir);
      for (const c of files) {
        if (ctx.signal.aborted) break;
        const read = readCandidate(c, opts.maxFileBytes);
        if (!read.ok) {
          stats.skip(read.reason, `${c.repo.name}:${c.rel}`);
          ctx.log.debug(`extract: skipped ${c.repo.name}:${c.rel} (${read.reason})`);
          progress.tick(1);
          continue;
        }
        const { text: _text, ...task } = toTask(c, read.text, modules);
        if (task.source_set === "unknown") stats.unknownFile(task.path);
        batch.push({ file: task, buf: read.buf });
        batchBytes += read.bytes;
        stats.bytes += read.bytes;
        if (c.kind !== "kotlin" && catalog !== undefined) catalogs[task.repo] = catalog;
        if (carry) fused ??= { repo: task.repo, cfg: carry.pairsConfig, meta: pairsMeta!.get(task.repo) ?? null, analysis: carry.analysis };
        else if (batchBytes >= BATCH_BYTES || batch.length >= BATCH_FILES) await flush();
      }
      // A fused batch is the whole repository.
      if (carry) await flush();
    }
    ctx.log.debug(`extract: all files read and dispatched at ${since()}`);
    await flush();
    await Promise.all(window);
    await lastWrite;
    ctx.log.debug(`extract: last batch written at ${since()}`);
  } catch (e) {
    failed = true;
    writer.abort();
    throw e;
  } finally {
    progress.stop();
    await runner.destroy();
  }
  if (ctx.signal.aborted) {
    writer.abort();
    throw new KmpError("E_INTERRUPTED", "extract: interrupted; rerun to resume");
  }
  writer.commit();
  if (carry) carry.complete = true;
  if (saved) {
    if (saved.stats.reused > 0) ctx.log.info(`extract: ${saved.stats.reused} of ${saved.stats.reused + saved.stats.saved} repositories taken from an interrupted run's finished work`);
    saved.clear();
  }
  stats.seconds = (performance.now() - started) / 1000;
  const json = stats.toJSON();
  writeJsonAtomic(join(outDir, "extraction_stats.json"), json);
  if (ctx.log.format === "json") ctx.log.info("extraction stats", { stats: json });
  else ctx.log.info(formatStatsTable(json));
  return {
    outputs: [{ path: writer.path, records: writer.count }],
    summary: `${writer.count.toLocaleString("en-US")} blocks from ${json.files_parsed.toLocaleString("en-US")} files of ${json.repos} ${json.repos === 1 ? "repo" : "repos"} (${json.mb_per_s.toFixed(2)} MB/s, ${json.threads_used} threads)`,
    workerThreads: json.worker_thread_ids,
  };
}

/** A listing of every candidate file (path, size, mtime) plus the repo metadata: cheap, no reading. */
async function fingerprint(ctx: StageContext, opts: ExtractOptions): Promise<string> {
  const h = createHash("sha256");
  const reposDir = reposDirOf(ctx, opts);
  const metaFile = join(ctx.global.dataDir, "metadata", "repos.jsonl");
  if (fileExists(metaFile)) h.update(await hashFile(metaFile));
  if (!existsSync(reposDir)) return "missing";
  const entries = await fg(["**/*.kt", "**/*.kts", "**/build.gradle", "*/gradle/libs.versions.toml", "**/build.gradle.kts", "**/module.yaml"], {
    cwd: reposDir,
    ignore: IGNORED_DIRS,
    stats: true,
    followSymbolicLinks: false,
    suppressErrors: true,
  });
  entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (const e of entries) h.update(`${e.path}\0${e.stats?.size}\0${e.stats?.mtimeMs}\n`);
  // A repository's licence may come from these, so a changed one re-extracts.
  const licenceFiles = await fg(["*/{licen[cs]e,copying,unlicense,readme}*"], { cwd: reposDir, stats: true, caseSensitiveMatch: false, onlyFiles: true, suppressErrors: true });
  licenceFiles.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (const e of licenceFiles) h.update(`${e.path}\0${e.stats?.size}\0${e.stats?.mtimeMs}\n`);
  return h.digest("hex").slice(0, 32);
}

export const extractStage: Stage<ExtractOptions> = {
  name: "extract",
  // 2: source sets for custom, flattened and Amper layouts (fewer `unknown`), module.yaml fingerprinted
  // 3: GradleInfo.plugin_registrations and KMP detection through convention plugins (pairs resolves them)
  // 4: a class delegating `by make() { … }` has its body (the grammar read it as a trailing lambda);
  //    properties without code of their own are members too (of their class, or of their file)
  // 5: Block.repaired (the file's parse needed a grammar repair), so pairs can tell which targets parse as written
  // 6: GradleInfo.settings holds every statement inside a block, scoped as written; dependencies carry their configuration
  // 7: a `val x by creating { }` block is named by its property; calls inside `configure<T> { }` are not top-level blocks
  version: "7",
  outputDir: blocksDir,
  inputFingerprint: fingerprint,
  outputOptions: (ctx, opts) => ({ reposDir: reposDirOf(ctx, opts), maxFileBytes: opts.maxFileBytes, licenses: opts.licenses ?? { kind: "any" } }),
  run: (ctx, opts) => runExtract(ctx, opts),
};
