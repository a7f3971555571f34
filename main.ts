#!/usr/bin/env bun
/**
 * kmpdata's command line. The only module that reads argv and env or calls process.exit: it turns
 * them into one typed options object per step and hands those to the pipeline.
 */
import { existsSync, statSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Command, CommanderError, InvalidArgumentError, Option, type OptionValues } from "@commander-js/extra-typings";
import pkg from "./package.json" with { type: "json" };
import { diskError, KmpError } from "./src/errors.ts";
import { Logger } from "./src/log.ts";
import {
  DEFAULTS,
  defaultPipelineOptions,
  type ExtractOptions,
  type GlobalOptions,
  OptionValueError,
  type PairsOptions,
  type DescribeOptions,
  type PrepareOptions,
  type ScrapeOptions,
  STAGES,
  type StageName,
  defaultPushedSince,
  parseBool,
  parseChoice,
  parseDate,
  parseFloatInRange,
  parseIntStrict,
  parseLicenses,
  parseApiUrl,
  parseSplit,
} from "./src/options.ts";
import { setWorkerBase } from "./src/pool.ts";
import { checkDataDirWritable } from "./src/datadir.ts";
import type { StageContext } from "./src/stage.ts";
import { runPipeline, type PipelineOptions } from "./src/pipeline.ts";
import { printRunSummary } from "./src/summary.ts";
import { runValidate } from "./src/validate/index.ts";
import { runMerge, runShard, runShardScrape } from "./src/shard/index.ts";
import { mergeRemote, runShardRemote, searchRemote } from "./src/shard/remote.ts";
import { parseS3Url, RemoteDir, type S3Credentials } from "./src/storage/s3.ts";
import { MAX_SHARDS, parseShard, shardFromScheduler, shardName, type ShardSpec } from "./src/shard/spec.ts";
import { join } from "node:path";

// Inside the compiled binary the workers are embedded next to main ($bunfs on Unix, ~BUN on Windows);
// point piscina and the pool there.
if (/\$bunfs|~BUN/.test(import.meta.url)) {
  (globalThis as { __KMPDATA_PISCINA_WORKER__?: string }).__KMPDATA_PISCINA_WORKER__ = fileURLToPath(
    new URL("./workers/piscina-bootstrap.js", import.meta.url),
  );
  setWorkerBase(new URL("./workers/", import.meta.url));
}

/** Adapts a value parser of src/options.ts to commander, which prints one line and exits 2. */
function p<T>(fn: (v: string) => T): (v: string) => T {
  return (v) => {
    try {
      return fn(v);
    } catch (e) {
      if (e instanceof OptionValueError) throw new InvalidArgumentError(e.message);
      throw e;
    }
  };
}

const int = (flag: string, min: number, max?: number) => p((v) => parseIntStrict(v, flag, min, max));
const bool = (flag: string) => p((v) => parseBool(v, flag));

function globalFlags<A extends unknown[], O extends OptionValues, G extends OptionValues>(c: Command<A, O, G>) {
  return c
    .addOption(new Option("--data-dir <dir>", "where every step reads and writes").env("KMP_DATA_DIR").default("data"))
    .addOption(
      new Option("--threads <n>", "worker threads for CPU work (parsing, pair making, fingerprinting)")
        .argParser(int("--threads", 1, 1024))
        .default(availableParallelism(), "number of cores"),
    )
    .addOption(new Option("--seed <n>", "seed for every random choice (phrasings, splits, sampling)").argParser(int("--seed", 0)).default(DEFAULTS.seed))
    .addOption(new Option("--force", "redo steps even when their outputs are up to date").default(false))
    .addOption(new Option("-q, --quiet", "print nothing but errors (no progress)").default(false))
    .addOption(new Option("-v, --verbose", "print debug detail").default(false))
    .addOption(new Option("--log-format <format>", "log lines as text or JSON").choices(["text", "json"] as const).default("text" as const))
    .addOption(new Option("--dry-run", "check the command line (flags, combinations, --shard auto's variables), say what would run, and stop").default(false));
}

/** Shared by scrape (on GitHub's licence) and extract (on the repository's own, --repos-dir folders too): added once per command. */
function licenceFlags<A extends unknown[], O extends OptionValues, G extends OptionValues>(c: Command<A, O, G>) {
  return c.addOption(
    new Option("--licenses <list>", "keep repositories under these licences: any, permissive, or a comma list of SPDX ids").argParser(p(parseLicenses)).default(parseLicenses("any"), "any"),
  );
}

function scrapeFlags<A extends unknown[], O extends OptionValues, G extends OptionValues>(c: Command<A, O, G>) {
  return c
    .addOption(new Option("--source <source>", "github: search and clone; sample: the embedded sample projects (offline)").choices(["github", "sample"] as const).default("github" as const))
    .addOption(new Option("--max-repos <n>", "clone at most this many repositories (best-ranked first)").argParser(int("--max-repos", 1)).default(DEFAULTS.maxRepos))
    .addOption(new Option("--min-stars <n>", "skip repositories with fewer stars").argParser(int("--min-stars", 0)).default(DEFAULTS.minStars))
    .addOption(new Option("--min-size-kb <n>", "skip repositories smaller than this").argParser(int("--min-size-kb", 0)).default(DEFAULTS.minSizeKb))
    .addOption(new Option("--max-size-mb <n>", "skip repositories larger than this").argParser(int("--max-size-mb", 1)).default(DEFAULTS.maxSizeMb))
    .addOption(new Option("--pushed-since <date>", "skip repositories not pushed since (YYYY-MM-DD)").argParser(p((v) => parseDate(v, "--pushed-since"))).default(defaultPushedSince(new Date()), "3 years ago"))
    .addOption(new Option("--include-forks", "keep forks").default(false))
    .addOption(new Option("--include-archived", "keep archived repositories").default(false))
    .addOption(new Option("--github-token <token>", "GitHub token (raises the API rate limit); never logged or written").env("GITHUB_TOKEN"))
    .addOption(new Option("--github-api-url <url>", "GitHub API base URL (GitHub Enterprise)").argParser(p((v) => parseApiUrl(v))).default(DEFAULTS.githubApiUrl))
    .addOption(new Option("--repos-file <file>", "clone the owner/name or clone URLs listed in FILE instead of searching"))
    .addOption(new Option("--queries-file <file>", "search queries, one a line, instead of the built-in ones"))
    .addOption(new Option("--clone-concurrency <n>", "clones at once").argParser(int("--clone-concurrency", 1, 64)).default(DEFAULTS.cloneConcurrency))
    .addOption(new Option("--clone-timeout <seconds>", "give up on one clone after this long").argParser(int("--clone-timeout", 1)).default(DEFAULTS.cloneTimeoutSec))
    .addOption(new Option("--keep-git <bool>", "keep each clone's .git folder").argParser(bool("--keep-git")).default(false));
}

function extractFlags<A extends unknown[], O extends OptionValues, G extends OptionValues>(c: Command<A, O, G>) {
  return c
    .addOption(new Option("--repos-dir <dir>", "extract from every project folder in DIR instead of <data-dir>/repos"))
    .addOption(new Option("--max-file-bytes <n>", "skip source files larger than this").argParser(int("--max-file-bytes", 1)).default(DEFAULTS.maxFileBytes));
}

function pairsFlags<A extends unknown[], O extends OptionValues, G extends OptionValues>(c: Command<A, O, G>) {
  return c
    .addOption(new Option("--min-target-lines <n>", "drop pairs whose target is shorter").argParser(int("--min-target-lines", 1)).default(DEFAULTS.minTargetLines))
    .addOption(new Option("--max-target-lines <n>", "drop pairs whose target is longer").argParser(int("--max-target-lines", 1)).default(DEFAULTS.maxTargetLines))
    .addOption(new Option("--exclude-tests", "drop pairs made from test source sets").default(false))
    .addOption(new Option("--context-tokens <n>", "most tokens of project context (enclosing class, imports, signatures of used declarations) a prompt carries").argParser(int("--context-tokens", 0)).default(DEFAULTS.contextTokens))
    .addOption(new Option("--max-rows-per-file <n>", "most rows one source file gives").argParser(int("--max-rows-per-file", 1)).default(DEFAULTS.maxRowsPerFile))
    .addOption(new Option("--max-file-lines <n>", "files up to this many lines with 2+ top-level declarations are taught whole (full_file)").argParser(int("--max-file-lines", 0)).default(DEFAULTS.maxFileLines))
    .addOption(new Option("--min-answer-tokens <n>", "drop rows whose answer (the bodies the prompt does not show) has fewer code tokens").argParser(int("--min-answer-tokens", 0)).default(DEFAULTS.minAnswerTokens));
}

/** --describe-with: descriptions written by a model the user serves (pairs and run). */
function describeFlags<A extends unknown[], O extends OptionValues, G extends OptionValues>(c: Command<A, O, G>) {
  return c
    .addOption(new Option("--describe-with <url>", "OpenAI-compatible endpoint (vLLM, llama.cpp, Ollama, TGI) that writes descriptions for declarations without KDoc, e.g. http://localhost:8000/v1").argParser(p((v) => parseApiUrl(v, "--describe-with", "http://localhost:8000/v1"))))
    .addOption(new Option("--describe-model <name>", "the model the endpoint serves (kmpdata validate --describe-with URL lists them)"))
    .addOption(new Option("--describe-api-key <key>", "API key for the endpoint; never logged or written").env("OPENAI_API_KEY"))
    .addOption(new Option("--describe-concurrency <n>", "description requests at once").argParser(int("--describe-concurrency", 1, 256)).default(DEFAULTS.describeConcurrency))
    .addOption(new Option("--describe-max <n>", "send at most this many requests (a seeded choice of the declarations; 0: the cache only)").argParser(int("--describe-max", 0)))
    .addOption(new Option("--describe-all", "describe declarations that have a KDoc too").default(false))
    .addOption(new Option("--describe-refresh", "ask again for answers in <data-dir>/cache/descriptions.jsonl (--force keeps them)").default(false))
    .addOption(new Option("--describe-timeout <seconds>", "give up on one request after this long (retries aside)").argParser(int("--describe-timeout", 1)).default(DEFAULTS.describeTimeoutSec));
}

/** --shard: this process takes one part of the corpus (a Kubernetes Indexed Job pod, a Slurm array task). */
function shardFlags<A extends unknown[], O extends OptionValues, G extends OptionValues>(c: Command<A, O, G>) {
  return c
    .addOption(new Option("--shard <i/n|auto>", "take only shard i of n (0-based) and write <data-dir>/shards/<i>-of-<n>/; auto: from JOB_COMPLETION_INDEX (with --shards) or SLURM_ARRAY_TASK_ID/COUNT"))
    .addOption(new Option("--shards <n>", "the number of shards (--shard auto in a Kubernetes Indexed Job; merge)").argParser(int("--shards", 1, MAX_SHARDS)))
    .addOption(new Option("--work-dir <dir>", "a shard's clones and scratch, on local disk (default <data-dir>/work/<i>-of-<n>)"));
}

/** Token limits both pairs (context budget) and prepare (row limits) apply, counted the same way. */
function tokenFlags<A extends unknown[], O extends OptionValues, G extends OptionValues>(c: Command<A, O, G>) {
  return c
    .addOption(new Option("--max-input-tokens <n>", "drop rows whose input is longer (pairs keeps added context within it)").argParser(int("--max-input-tokens", 1)).default(DEFAULTS.maxInputTokens))
    .addOption(new Option("--tokenizer <name>", "bpe (a real BPE tokenizer) or chars4 (characters / 4)").choices(["bpe", "chars4"] as const).default("bpe" as const));
}

function prepareFlags<A extends unknown[], O extends OptionValues, G extends OptionValues>(c: Command<A, O, G>) {
  return c
    .addOption(new Option("--sample-size <n>", "keep this many rows, quality-weighted, without replacement").argParser(int("--sample-size", 1)))
    .addOption(new Option("--near-dup-threshold <x>", "MinHash Jaccard threshold for near-duplicates").argParser(p((v) => parseFloatInRange(v, "--near-dup-threshold", 0.05, 1))).default(DEFAULTS.nearDupThreshold))
    .addOption(new Option("--minhash-perms <n>", "MinHash permutations").argParser(int("--minhash-perms", 16, 1024)).default(DEFAULTS.minhashPerms))
    .addOption(new Option("--write-clusters", "write near-duplicate clusters to final_training/clusters.jsonl").default(false))
    .addOption(new Option("--max-target-tokens <n>", "drop rows whose target is longer").argParser(int("--max-target-tokens", 1)).default(DEFAULTS.maxTargetTokens))
    .addOption(new Option("--min-quality <x>", "drop rows scored below this (0..1)").argParser(p((v) => parseFloatInRange(v, "--min-quality", 0, 1))).default(DEFAULTS.minQuality))
    .addOption(new Option("--max-per-type <n>", "cap rows per pair type (default: 3 × the median type count)").argParser(int("--max-per-type", 1)))
    .addOption(new Option("--split <train,val,test>", "split percentages").argParser(p(parseSplit)).default([90, 5, 5] as [number, number, number], "90,5,5"))
    .addOption(new Option("--format <format>", "row format: default (input_text/target_text), messages (chat), prompt-completion").choices(["default", "messages", "prompt-completion"] as const).default("default" as const))
    .addOption(new Option("--fence <fence>", "messages: the assistant's answer in a ```kotlin block, or none").choices(["kotlin", "none"] as const).default("kotlin" as const))
    .addOption(new Option("--separator <text>", "prompt-completion: what ends the prompt (\\n for a newline)").default("\\n"));
}

type GlobalFlags = ReturnType<ReturnType<typeof globalFlags<[], {}, {}>>["opts"]>;
type LicenceFlags = ReturnType<ReturnType<typeof licenceFlags<[], {}, {}>>["opts"]>;
type ScrapeFlags = ReturnType<ReturnType<typeof scrapeFlags<[], {}, {}>>["opts"]> & LicenceFlags;
type ExtractFlags = ReturnType<ReturnType<typeof extractFlags<[], {}, {}>>["opts"]> & LicenceFlags;
type PairsFlags = ReturnType<ReturnType<typeof pairsFlags<[], {}, {}>>["opts"]>;
type PrepareFlags = ReturnType<ReturnType<typeof prepareFlags<[], {}, {}>>["opts"]>;
type TokenFlags = ReturnType<ReturnType<typeof tokenFlags<[], {}, {}>>["opts"]>;
type DescribeFlags = ReturnType<ReturnType<typeof describeFlags<[], {}, {}>>["opts"]>;
type ShardFlags = ReturnType<ReturnType<typeof shardFlags<[], {}, {}>>["opts"]>;

/** The shard this process takes (--shard i/n or auto), and its work folder. */
function toShard(o: ShardFlags, dataDir: string, fail: (m: string) => never): { spec: ShardSpec; workDir: string } | null {
  const remote = parseS3Url(dataDir) !== null;
  if (o.shard === undefined) {
    if (o.workDir !== undefined && !remote) fail("--work-dir applies only with --shard or an s3:// --data-dir");
    return null;
  }
  let spec: ShardSpec;
  try {
    spec = o.shard === "auto" ? shardFromScheduler(process.env, o.shards ?? null) : parseShard(o.shard);
  } catch (e) {
    if (e instanceof OptionValueError) fail(e.message);
    throw e;
  }
  if (o.shards !== undefined && o.shards !== spec.count) fail(`--shards ${o.shards} contradicts --shard ${o.shard} (n = ${spec.count})`);
  if (o.workDir !== undefined && o.workDir.trim() === "") fail("--work-dir must not be empty");
  // With an s3:// data dir the work dir is the local root of everything (clones, scratch, local copies).
  return { spec, workDir: o.workDir ?? (remote ? DEFAULT_WORK_ROOT : join(dataDir, "work", shardName(spec))) };
}

/** Where an s3:// data dir's processes work locally when --work-dir is not given. */
const DEFAULT_WORK_ROOT = "kmpdata-work";

/** An s3:// data dir's store, with the credentials of the environment (AWS_* or S3_*; never written). */
function remoteFor(dataDir: string): RemoteDir | null {
  const loc = parseS3Url(dataDir);
  if (!loc) return null;
  const e = process.env;
  const creds: S3Credentials = {
    accessKeyId: e.S3_ACCESS_KEY_ID ?? e.AWS_ACCESS_KEY_ID,
    secretAccessKey: e.S3_SECRET_ACCESS_KEY ?? e.AWS_SECRET_ACCESS_KEY,
    sessionToken: e.S3_SESSION_TOKEN ?? e.AWS_SESSION_TOKEN,
    region: e.S3_REGION ?? e.AWS_REGION ?? e.AWS_DEFAULT_REGION,
    endpoint: e.S3_ENDPOINT ?? e.AWS_ENDPOINT_URL_S3 ?? e.AWS_ENDPOINT_URL,
  };
  for (const k of Object.keys(creds) as (keyof S3Credentials)[]) if (!creds[k]) delete creds[k];
  return new RemoteDir(loc, creds);
}

function toGlobal(o: GlobalFlags): GlobalOptions {
  return { dataDir: o.dataDir, threads: o.threads, seed: o.seed, force: o.force, logFormat: o.logFormat, quiet: o.quiet, verbose: o.verbose };
}

function toScrape(o: ScrapeFlags): ScrapeOptions {
  return {
    source: o.source,
    maxRepos: o.maxRepos,
    minStars: o.minStars,
    minSizeKb: o.minSizeKb,
    maxSizeMb: o.maxSizeMb,
    pushedSince: o.pushedSince,
    includeForks: o.includeForks,
    includeArchived: o.includeArchived,
    licenses: o.licenses,
    githubToken: o.githubToken ?? null,
    githubApiUrl: o.githubApiUrl.replace(/\/+$/, ""),
    reposFile: o.reposFile ?? null,
    queriesFile: o.queriesFile ?? null,
    cloneConcurrency: o.cloneConcurrency,
    cloneTimeoutSec: o.cloneTimeout,
    keepGit: o.keepGit,
  };
}

function toExtract(o: ExtractFlags): ExtractOptions {
  return { reposDir: o.reposDir ?? null, maxFileBytes: o.maxFileBytes, licenses: o.licenses };
}

/** Commands without the describe flags (merge) have none: no descriptions. */
function toDescribe(o: Partial<DescribeFlags>): DescribeOptions | null {
  if (o.describeWith === undefined) return null;
  return {
    baseUrl: o.describeWith.replace(/\/+$/, ""),
    model: o.describeModel!,
    apiKey: o.describeApiKey ?? null,
    concurrency: o.describeConcurrency ?? DEFAULTS.describeConcurrency,
    max: o.describeMax ?? null,
    all: o.describeAll ?? false,
    refresh: o.describeRefresh ?? false,
    timeoutSec: o.describeTimeout ?? DEFAULTS.describeTimeoutSec,
  };
}

function toPairs(o: PairsFlags & TokenFlags & Partial<DescribeFlags>): PairsOptions {
  return {
    describe: toDescribe(o),
    minTargetLines: o.minTargetLines,
    maxTargetLines: o.maxTargetLines,
    excludeTests: o.excludeTests,
    contextTokens: o.contextTokens,
    maxRowsPerFile: o.maxRowsPerFile,
    maxFileLines: o.maxFileLines,
    minAnswerTokens: o.minAnswerTokens,
    maxInputTokens: o.maxInputTokens,
    tokenizer: o.tokenizer,
  };
}

function toPrepare(o: PrepareFlags & TokenFlags): PrepareOptions {
  return {
    sampleSize: o.sampleSize ?? null,
    nearDupThreshold: o.nearDupThreshold,
    minhashPerms: o.minhashPerms,
    writeClusters: o.writeClusters,
    maxInputTokens: o.maxInputTokens,
    maxTargetTokens: o.maxTargetTokens,
    tokenizer: o.tokenizer,
    minQuality: o.minQuality,
    maxPerType: o.maxPerType ?? null,
    split: o.split,
    format: o.format,
    fence: o.fence,
    separator: o.separator.replace(/\\n/g, "\n").replace(/\\t/g, "\t"),
  };
}

/** The command line as typed, with any token value hidden, for stats and dataset cards. */
function redactedCommandLine(argv: string[]): string {
  const out: string[] = ["kmpdata"];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const secret = ["--github-token", "--describe-api-key"].find((f) => a === f || a.startsWith(`${f}=`));
    if (secret && a === secret) {
      out.push(a, "***");
      i++;
    } else if (secret) out.push(`${secret}=***`);
    else out.push(a);
  }
  return out.join(" ");
}

function makeContext(g: GlobalOptions, argv: string[], signal: AbortSignal): StageContext {
  const log = new Logger({ level: g.quiet ? "error" : g.verbose ? "debug" : "info", format: g.logFormat });
  const cores = availableParallelism();
  if (g.threads > cores) {
    // Measured on 2 cores: 20 MB extracted in ~8 s with --threads 2, ~28 s with --threads 16.
    log.warn(`--threads ${g.threads} is more than the ${cores} CPUs here: each worker loads its own grammar and they compete for the CPUs, which is slower; --threads ${cores} is the default`);
  }
  return { global: g, log, signal, progress: { mode: g.quiet ? "off" : "auto" }, commandLine: redactedCommandLine(argv) };
}

/** Usage errors are one line: commander's message with its suggestion folded in. */
function oneLine(text: string): string {
  return text.split("\n").map((l) => l.trim()).filter(Boolean).join(" ");
}

async function main(argv: string[]): Promise<number> {
  const controller = new AbortController();
  let interrupts = 0;
  process.on("SIGINT", () => {
    interrupts++;
    if (interrupts > 1) process.exit(130);
    process.stderr.write("\nstopping after the current work (Ctrl-C again to quit at once)…\n");
    controller.abort();
  });
  // The exit status says which signal stopped the run: 130 for Ctrl-C, 143 for SIGTERM (a scheduler's stop).
  let interruptedExit = 130;
  process.on("SIGTERM", () => {
    interruptedExit = 143;
    controller.abort();
  });

  let exitCode = 0;
  /** A usage error of a command: one line, exit 2. */
  const usage = (cmd: Command, message: string): never => {
    throw new KmpError("E_USAGE", `${message} (see kmpdata ${cmd.name() === "kmpdata" ? "" : `${cmd.name()} `}--help)`);
  };
  /** Flags that contradict each other, or an empty path: one line, exit 2, before anything runs. */
  const checkCombinations = (cmd: Command, g: GlobalFlags) => {
    const given = (key: string) => cmd.getOptionValueSource(key) === "cli" || cmd.getOptionValueSource(key) === "env";
    const fail = (message: string) => {
      throw new KmpError("E_USAGE", `${message} (see kmpdata ${cmd.name() === "kmpdata" ? "" : `${cmd.name()} `}--help)`);
    };
    if (g.quiet && g.verbose) fail("-q/--quiet and -v/--verbose contradict each other: pick one");
    if (g.dataDir.trim() === "") fail("--data-dir must not be empty");
    const opts = cmd.opts() as Record<string, unknown>;
    if (opts.source === "sample") {
      const clash = ["reposFile", "maxRepos", "reposDir", "queriesFile", "minStars"].filter(given);
      const flag = (k: string) => `--${k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
      if (clash.length) fail(`--source sample uses the embedded sample projects; ${clash.map(flag).join(", ")} ${clash.length > 1 ? "do" : "does"} not apply to it`);
    }
    if (opts.reposDir !== undefined && String(opts.reposDir).trim() === "") fail("--repos-dir must not be empty");
    const describing = opts.describeWith !== undefined;
    if (describing && (typeof opts.describeModel !== "string" || opts.describeModel.trim() === "")) {
      fail("--describe-with needs --describe-model: the name of a model the endpoint serves (kmpdata validate --describe-with URL lists them)");
    }
    if (!describing) {
      const orphan = ["describeModel", "describeMax", "describeAll", "describeRefresh", "describeConcurrency", "describeTimeout"].filter((k) => cmd.getOptionValueSource(k) === "cli");
      const flag = (k: string) => `--${k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
      if (orphan.length) fail(`${orphan.map(flag).join(", ")} ${orphan.length > 1 ? "apply" : "applies"} only with --describe-with <url>`);
    }
    if (typeof opts.reposDir === "string" && existsSync(opts.reposDir) && !statSync(opts.reposDir).isDirectory()) {
      fail(`${opts.reposDir} is a file: --repos-dir takes a folder of checked-out projects (or one project's folder)`);
    }
  };
  /** --dry-run: the command line was accepted; nothing is touched. */
  const dryRun = (g: GlobalFlags, what: string): boolean => {
    if (g.dryRun) process.stdout.write(`kmpdata: the command line is valid: it would ${what} (data dir ${g.dataDir})\n`);
    return g.dryRun;
  };
  const steps = async (g: GlobalFlags, only: StageName[], po: Partial<PipelineOptions>, cmd?: Command) => {
    if (cmd) checkCombinations(cmd, g);
    if (parseS3Url(g.dataDir) && cmd) {
      usage(cmd, "an s3:// --data-dir holds the shards' and the merge's files: use it with `run --shard`, `scrape --search-only` and `merge` (one machine's run needs a local --data-dir)");
    }
    if (dryRun(g, `run ${only.join(", ")}`)) return;
    const global = toGlobal(g);
    checkDataDirWritable(global.dataDir);
    const ctx = makeContext(global, argv, controller.signal);
    const results = await runPipeline(ctx, po as PipelineOptions, only);
    printRunSummary(ctx, results);
  };

  const program = globalFlags(new Command("kmpdata"))
    .description("Turns Kotlin Multiplatform repositories into fine-tuning pairs for code LLMs.\nWith no command: `kmpdata run` (every step).")
    .version(pkg.version, "-V, --version")
    .showSuggestionAfterError()
    // Each command's --help lists the global flags too (--data-dir, --threads, --seed …).
    .configureHelp({ showGlobalOptions: true })
    .exitOverride()
    .configureOutput({ outputError: (str, write) => write(oneLine(str) + " (see kmpdata --help)\n") })
    .addHelpText(
      "after",
      "\nExit codes: 0 done, 1 validate found a failing check, 2 usage (flags, values, paths), 3 network or\nremote service, 4 input data (missing, damaged or unfinished upstream outputs), 5 disk (full,\nread-only), 130 Ctrl-C, 143 SIGTERM, 70 a bug (with its stack trace).",
    );

  shardFlags(prepareFlags(describeFlags(tokenFlags(pairsFlags(extractFlags(scrapeFlags(licenceFlags(program.command("run", { isDefault: true })))))))))
    .description("run the steps in order: scrape → extract → pairs → prepare (done steps are skipped)")
    .addOption(new Option("--step <step>", "run only this step").choices(STAGES))
    .action(async function (o) {
      const g = this.optsWithGlobals() as unknown as GlobalFlags;
      const cmd = this as unknown as Command;
      const shard = toShard(o, g.dataDir, (m) => usage(cmd, m));
      if (shard) {
        if (o.step) usage(cmd, "--step does not apply to a shard: a shard runs scrape and extract, and `kmpdata merge` the rest");
        if (o.describeWith) usage(cmd, "--describe-with does not work with --shard yet: shards make their pairs without a model (model-written descriptions need a one-machine run)");
        checkCombinations(cmd, g);
        if (dryRun(g, `run shard ${shardName(shard.spec)} (work dir ${shard.workDir})`)) return;
        const global = toGlobal(g);
        const remote = remoteFor(global.dataDir);
        if (!remote) checkDataDirWritable(global.dataDir);
        const ctx = makeContext(global, argv, controller.signal);
        const po = { scrape: toScrape(o), extract: toExtract(o), pairs: toPairs(o), prepare: toPrepare(o) };
        const results = remote ? await runShardRemote(ctx, po, shard.spec, remote, shard.workDir) : await runShard(ctx, po, shard.spec, shard.workDir);
        printRunSummary(ctx, results);
        return;
      }
      // Projects already on disk (--repos-dir) need no scraping.
      const only = o.step ? [o.step] : o.reposDir ? STAGES.filter((s) => s !== "scrape") : [...STAGES];
      await steps(g, only, { scrape: toScrape(o), extract: toExtract(o), pairs: toPairs(o), prepare: toPrepare(o) }, this as unknown as Command);
    });

  shardFlags(scrapeFlags(licenceFlags(program.command("scrape"))))
    .description("search GitHub for KMP repositories, verify and shallow-clone them into <data-dir>/repos")
    .addOption(new Option("--search-only", "rank the candidates, apply --max-repos and write <data-dir>/metadata/candidates.jsonl for the shards; clone nothing").default(false))
    .action(async function (o) {
      const g = this.optsWithGlobals() as unknown as GlobalFlags;
      const cmd = this as unknown as Command;
      const shard = toShard(o, g.dataDir, (m) => usage(cmd, m));
      if (o.searchOnly && shard) usage(cmd, "--search-only runs once for every shard: leave out --shard");
      if (o.searchOnly && o.source === "sample") usage(cmd, "--search-only searches GitHub: it does not apply to --source sample");
      if (shard && parseS3Url(g.dataDir)) usage(cmd, "with an s3:// --data-dir a shard runs whole: `kmpdata run --shard i/n`");
      if (o.searchOnly && parseS3Url(g.dataDir)) {
        checkCombinations(cmd, g);
        if (dryRun(g, "search and publish the candidates")) return;
        const ctx = makeContext(toGlobal(g), argv, controller.signal);
        const po = { ...defaultPipelineOptions(), scrape: { ...toScrape(o), searchOnly: true } };
        printRunSummary(ctx, await searchRemote(ctx, po, remoteFor(g.dataDir)!, o.workDir ?? DEFAULT_WORK_ROOT));
        return;
      }
      if (shard) {
        checkCombinations(cmd, g);
        if (dryRun(g, `clone shard ${shardName(shard.spec)}'s part of the candidates (work dir ${shard.workDir})`)) return;
        const global = toGlobal(g);
        checkDataDirWritable(global.dataDir);
        const ctx = makeContext(global, argv, controller.signal);
        printRunSummary(ctx, await runShardScrape(ctx, toScrape(o), shard.spec, shard.workDir));
        return;
      }
      await steps(g, ["scrape"], { scrape: { ...toScrape(o), searchOnly: o.searchOnly } }, cmd);
    });
  extractFlags(licenceFlags(program.command("extract")))
    .description("parse every Kotlin file into blocks: <data-dir>/raw_blocks/all_blocks.jsonl")
    .action(async function (o) {
      await steps(this.optsWithGlobals() as unknown as GlobalFlags, ["extract"], { extract: toExtract(o) }, this as unknown as Command);
    });
  describeFlags(tokenFlags(pairsFlags(program.command("pairs"))))
    .description("make training pairs from the blocks: <data-dir>/training_pairs/{train,val,test}.jsonl")
    .action(async function (o) {
      await steps(this.optsWithGlobals() as unknown as GlobalFlags, ["pairs"], { pairs: toPairs(o) }, this as unknown as Command);
    });
  prepareFlags(tokenFlags(program.command("prepare")))
    .description("dedup, score, balance, sample and split: <data-dir>/final_training/*.jsonl")
    .action(async function (o) {
      await steps(this.optsWithGlobals() as unknown as GlobalFlags, ["prepare"], { prepare: toPrepare(o) }, this as unknown as Command);
    });
  prepareFlags(tokenFlags(pairsFlags(program.command("merge"))))
    .description("merge every shard (<data-dir>/shards/<i>-of-<n>/) into training_pairs/ and final_training/, as one run would")
    .addOption(new Option("--shards <n>", "how many shards there are (default: the count the shards folder holds)").argParser(int("--shards", 1, MAX_SHARDS)))
    .addOption(new Option("--allow-missing", "merge the shards that finished when some did not (the card says which are missing)").default(false))
    .addOption(new Option("--work-dir <dir>", "with an s3:// --data-dir: the local folder the merge works in (default ./kmpdata-work)"))
    .action(async function (o) {
      const g = this.optsWithGlobals() as unknown as GlobalFlags;
      const cmd = this as unknown as Command;
      checkCombinations(cmd, g);
      const remote = remoteFor(g.dataDir);
      if (o.workDir !== undefined && !remote) usage(cmd, "--work-dir applies to merge only with an s3:// --data-dir");
      if (dryRun(g, `merge ${o.shards ?? "the"} shards`)) return;
      const global = toGlobal(g);
      if (!remote) checkDataDirWritable(global.dataDir);
      const ctx = makeContext(global, argv, controller.signal);
      const po = { ...defaultPipelineOptions(), pairs: toPairs(o), prepare: toPrepare(o) };
      const m = { shards: o.shards ?? null, allowMissing: o.allowMissing };
      printRunSummary(ctx, remote ? await mergeRemote(ctx, po, m, remote, o.workDir ?? DEFAULT_WORK_ROOT) : await runMerge(ctx, po, m));
    });
  program
    .command("validate")
    .description("check the set-up: data dir, grammar in a worker, GitHub access, and a full run on the embedded sample")
    .addOption(new Option("--github-token <token>", "GitHub token to check").env("GITHUB_TOKEN"))
    .addOption(new Option("--github-api-url <url>", "GitHub API base URL").argParser(p((v) => parseApiUrl(v))).default(DEFAULTS.githubApiUrl))
    .addOption(new Option("--describe-with <url>", "an OpenAI-compatible endpoint to check (lists its models)").argParser(p((v) => parseApiUrl(v, "--describe-with", "http://localhost:8000/v1"))))
    .addOption(new Option("--describe-model <name>", "the model it must serve"))
    .addOption(new Option("--describe-api-key <key>", "API key for the endpoint").env("OPENAI_API_KEY"))
    .action(async function (o) {
      const global = toGlobal(this.optsWithGlobals() as unknown as GlobalFlags);
      const ctx = makeContext(global, argv, controller.signal);
      const describe = o.describeWith ? { baseUrl: o.describeWith.replace(/\/+$/, ""), model: o.describeModel ?? null, apiKey: o.describeApiKey ?? null } : null;
      const ok = await runValidate(ctx, { githubToken: o.githubToken ?? null, githubApiUrl: o.githubApiUrl.replace(/\/+$/, ""), describe, remote: remoteFor(global.dataDir) });
      if (!ok) exitCode = 1;
    });

  // A usage error points at the help of the command it happened in.
  for (const c of program.commands) c.configureOutput({ outputError: (str, write) => write(`${oneLine(str)} (see kmpdata ${c.name()} --help)\n`) });
  // `kmpdata frobnicate` would reach the default command as an extra argument: say what it is.
  const commands = program.commands.map((c) => c.name());
  if (argv[0] !== undefined && !argv[0].startsWith("-") && argv[0] !== "help" && !commands.includes(argv[0])) {
    process.stderr.write(`kmpdata: unknown command '${argv[0]}' (commands: ${commands.join(", ")}; see kmpdata --help)\n`);
    return 2;
  }
  try {
    await program.parseAsync(argv, { from: "user" });
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version end here with 0; any usage error with 2.
      return e.exitCode === 0 ? 0 : 2;
    }
    // A full disk or unwritable file outside a step (a marker, the summary): advice too.
    // The last line says why the run stopped, as the log does: a JSON object with --log-format json.
    const jsonLog = argv.some((a, i) => a === "--log-format=json" || (a === "--log-format" && argv[i + 1] === "json"));
    const fail = (message: string, exit: number, code: string, stack?: string) => {
      if (jsonLog) process.stderr.write(JSON.stringify({ time: new Date().toISOString(), level: "error", msg: message, code, exit, ...(stack ? { stack } : {}) }) + "\n");
      else process.stderr.write(`kmpdata: ${message}${stack ? `\n${stack}` : ""}\n`);
      return exit;
    };
    const disk = e instanceof KmpError ? null : diskError(e, null);
    if (disk) return fail(disk.message, disk.exitCode, disk.code);
    if (e instanceof KmpError) return fail(e.message, e.code === "E_INTERRUPTED" ? interruptedExit : e.exitCode, e.code);
    return fail("internal error (a bug; please report it with this output):", 70, "E_BUG", (e as Error)?.stack ?? String(e));
  }
  return exitCode;
}

process.exit(await main(process.argv.slice(2)));
