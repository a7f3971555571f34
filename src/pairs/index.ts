/**
 * The pairs stage: data/raw_blocks/all_blocks.jsonl → data/training_pairs/{train,val,test}.jsonl
 * and pairs_stats.json.
 *
 * Pass 1 streams the blocks one repository at a time (the file is sorted by repo, and expect/actual
 * and interface matching never cross repositories), so memory follows the largest repository; kept
 * pairs go to a spool file and only per-file counts stay in memory. The groups are then assigned to
 * splits, and pass 2 streams the spool into the three split files.
 */
import { existsSync, rmSync } from "node:fs";
import { join } from "node:path";
import { KmpError, missingInput } from "../errors.ts";
import { countLines, hashFile, JsonlWriter, readJsonl, stableHash, writeJsonAtomic } from "../io.ts";
import type { PairsOptions } from "../options.ts";
import { createProgress } from "../progress.ts";
import { tokenCounter } from "../tokens.ts";
import type { Stage, StageContext, StageSummary } from "../stage.ts";
import { PAIR_TYPES, type Block, type Pair, type Repo } from "../types.ts";
import { PairMaker, type RepoMeta } from "./maker.ts";
import { RepoBlocks } from "./repo.ts";
import { assignSplits, groupingFor, groupKey, SPLITS, type SplitName } from "./split.ts";
import { buildStats } from "./stats.ts";
import { DEFAULT_PAIRS_CONFIG, type PairsConfig } from "./types.ts";

export const PAIRS_DIR = "training_pairs";
const BLOCKS_FILE = ["raw_blocks", "all_blocks.jsonl"] as const;
const REPOS_FILE = ["metadata", "repos.jsonl"] as const;

export function pairsConfig(opts: PairsOptions, seed: number): PairsConfig {
  return {
    ...DEFAULT_PAIRS_CONFIG,
    seed,
    minTargetLines: opts.minTargetLines,
    maxTargetLines: opts.maxTargetLines,
    excludeTests: opts.excludeTests,
    contextTokens: opts.contextTokens,
    maxInputTokens: opts.maxInputTokens,
    tokenizer: opts.tokenizer,
    maxRowsPerFile: opts.maxRowsPerFile,
    maxFileLines: opts.maxFileLines,
    minAnswerTokens: opts.minAnswerTokens,
  };
}

async function readRepoMeta(path: string): Promise<Map<string, RepoMeta>> {
  const out = new Map<string, RepoMeta>();
  if (!existsSync(path)) return out;
  for await (const r of readJsonl<Repo>(path)) out.set(r.full_name, { license: r.license, commit: r.commit });
  return out;
}

/** Blocks grouped into consecutive runs of one repository. */
async function* byRepo(blocks: AsyncIterable<Block>, onBlock: () => void): AsyncGenerator<[string, Block[]]> {
  let repo: string | null = null;
  let buf: Block[] = [];
  for await (const b of blocks) {
    onBlock();
    if (b.repo !== repo) {
      if (repo !== null) yield [repo, buf];
      repo = b.repo;
      buf = [];
    }
    buf.push(b);
  }
  if (repo !== null) yield [repo, buf];
}

export interface PairsRunResult {
  files: Record<SplitName, { path: string; records: number }>;
  statsPath: string;
  kept: number;
}

/** The stage's work, callable without the pipeline (tests, benchmarks). */
export async function runPairs(dataDir: string, cfg: PairsConfig, ctx: Pick<StageContext, "log" | "progress" | "signal">): Promise<PairsRunResult | null> {
  const blocksPath = join(dataDir, ...BLOCKS_FILE);
  if (!existsSync(blocksPath)) throw missingInput(blocksPath, "extract");
  const outDir = join(dataDir, PAIRS_DIR);
  const maker = new PairMaker(cfg, await readRepoMeta(join(dataDir, ...REPOS_FILE)), await tokenCounter(cfg.tokenizer));
  const progress = createProgress("pairs", countLines(blocksPath), "blocks", ctx.log, ctx.progress);

  // Pass 1: pairs per repository into the spool; counts per (repo, file) and type.
  const spool = new JsonlWriter<Pair>(join(outDir, `.spool.tmp-${process.pid}.jsonl`));
  const fileCounts = new Map<string, { repo: string; counts: number[] }>();
  const reposSeen = new Set<string>();
  let blocks = 0;
  let fragmentedRepos = 0;
  try {
    for await (const [repo, repoBlocks] of byRepo(readJsonl<Block>(blocksPath), () => blocks++)) {
      if (ctx.signal.aborted) break;
      if (reposSeen.has(repo)) fragmentedRepos++;
      reposSeen.add(repo);
      for (const pair of maker.pairsOf(new RepoBlocks(repo, repoBlocks))) {
        spool.write(pair);
        const key = groupKey("file", pair.repo, pair.path);
        let entry = fileCounts.get(key);
        if (!entry) fileCounts.set(key, (entry = { repo: pair.repo, counts: PAIR_TYPES.map(() => 0) }));
        entry.counts[PAIR_TYPES.indexOf(pair.pair_type)]!++;
      }
      progress.tick(repoBlocks.length, repo);
    }
    spool.commit();
  } catch (e) {
    spool.abort();
    throw e;
  } finally {
    progress.stop();
  }
  try {
    if (ctx.signal.aborted) return null;
    if (blocks === 0) throw new KmpError("E_NO_BLOCKS", `${blocksPath} holds no blocks: check the extract step's output (kmpdata extract --force)`);
    if (fragmentedRepos > 0) ctx.log.warn(`pairs: ${fragmentedRepos} repositories were not contiguous in all_blocks.jsonl; cross-file matching was done per run of blocks`);
    const kept = spool.count;
    if (kept === 0) throw new KmpError("E_NO_PAIRS", `no pair survived the quality filter (see ${join(outDir, "pairs_stats.json")} after a rerun); check --min-target-lines/--max-target-lines`);

    // Split assignment over groups (repositories, or files when there are too few repositories).
    const grouping = groupingFor(reposSeen.size, cfg.minReposForRepoGrouping);
    const groups = new Map<string, number[]>();
    for (const [fileKey, { repo, counts }] of fileCounts) {
      const key = grouping === "repo" ? repo : fileKey;
      const acc = groups.get(key);
      if (acc) counts.forEach((n, i) => (acc[i]! += n));
      else groups.set(key, [...counts]);
    }
    const assignment = assignSplits(groups, cfg.split, cfg.seed);

    // Pass 2: the spool into the split files, in generation order.
    const writers = Object.fromEntries(SPLITS.map((s) => [s, new JsonlWriter<Pair>(join(outDir, `${s}.jsonl`))])) as Record<SplitName, JsonlWriter<Pair>>;
    const byType = Object.fromEntries(SPLITS.map((s) => [s, PAIR_TYPES.map(() => 0)])) as Record<SplitName, number[]>;
    try {
      for await (const pair of readJsonl<Pair>(spool.path)) {
        const split = assignment.get(groupKey(grouping, pair.repo, pair.path))!;
        writers[split].write(pair);
        byType[split][PAIR_TYPES.indexOf(pair.pair_type)]!++;
      }
      for (const s of SPLITS) writers[s].commit();
    } catch (e) {
      for (const s of SPLITS) writers[s].abort();
      throw e;
    }
    const groupsPerSplit = Object.fromEntries(SPLITS.map((s) => [s, 0])) as Record<SplitName, number>;
    for (const s of assignment.values()) groupsPerSplit[s]++;
    const statsPath = join(outDir, "pairs_stats.json");
    writeJsonAtomic(
      statsPath,
      buildStats({ cfg, blocks, repos: reposSeen.size, fragmentedRepos, counts: maker.counts, grouping, groups: groups.size, groupsPerSplit, byType }),
    );
    const files = Object.fromEntries(SPLITS.map((s) => [s, { path: writers[s].path, records: writers[s].count }])) as PairsRunResult["files"];
    return { files, statsPath, kept };
  } finally {
    rmSync(spool.path, { force: true });
  }
}

export const pairsStage: Stage<PairsOptions> = {
  name: "pairs",
  // 3: meta.target_parses on rows whose target is clean source text (prepare skips parsing them)
  version: "3",
  outputDir: (dataDir) => join(dataDir, PAIRS_DIR),
  async inputFingerprint(ctx) {
    const blocks = join(ctx.global.dataDir, ...BLOCKS_FILE);
    const repos = join(ctx.global.dataDir, ...REPOS_FILE);
    return stableHash(existsSync(blocks) ? await hashFile(blocks) : "missing", existsSync(repos) ? await hashFile(repos) : "none");
  },
  outputOptions: (ctx, opts) => pairsConfig(opts, ctx.global.seed),
  async run(ctx, opts): Promise<StageSummary> {
    const result = await runPairs(ctx.global.dataDir, pairsConfig(opts, ctx.global.seed), ctx);
    if (!result) return { outputs: [], summary: "interrupted" };
    const f = result.files;
    return {
      outputs: [...SPLITS.map((s) => f[s]), { path: result.statsPath, records: 1 }],
      summary: `${result.kept.toLocaleString("en-US")} pairs (train ${f.train.records}, val ${f.val.records}, test ${f.test.records})`,
    };
  },
};
