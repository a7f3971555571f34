/**
 * The Kubernetes and Slurm recipes in examples/: every kmpdata command line in them is accepted by
 * the CLI (--dry-run, with the scheduler's variables set as the scheduler would), and the shard
 * counts agree (completions = --shards; the array's size = what merge expects).
 */
import { describe, expect, test } from "bun:test";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { ROOT, runCli } from "../support/cli.ts";

const EXAMPLES = join(ROOT, "examples");

async function accepted(args: string[], env: Record<string, string>): Promise<void> {
  const r = await runCli([...args, "--dry-run"], { env: { PATH: process.env.PATH ?? "", NO_COLOR: "1", ...env } });
  if (r.code !== 0) throw new Error(`kmpdata ${args.join(" ")}: exit ${r.code}: ${r.stderr}`);
  expect(r.stdout).toContain("the command line is valid");
}

/** Shell words of one command line, after expanding `$VAR`, `${VAR}` and `${VAR:-default}` from `vars`. */
function shellWords(line: string, vars: Record<string, string>): string[] {
  const expanded = line.replace(/\$\{(\w+)(?::-([^}]*))?\}|\$(\w+)/g, (_, a, def, b) => vars[a ?? b] ?? def ?? "");
  const words: string[] = [];
  for (const m of expanded.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)) words.push(m[1] ?? m[2] ?? m[3]!);
  return words;
}

describe("Kubernetes", () => {
  const docs = readdirSync(join(EXAMPLES, "kubernetes")).map((f) => [f, Bun.YAML.parse(readFileSync(join(EXAMPLES, "kubernetes", f), "utf8")) as any] as const);

  test("three Jobs: search, the Indexed Job of shards, merge", () => {
    expect(docs.map(([f, d]) => [f, d.kind]).sort()).toEqual([["indexed-job.yaml", "Job"], ["merge-job.yaml", "Job"], ["search-job.yaml", "Job"]]);
  });

  test.each(["indexed-job.yaml", "merge-job.yaml", "search-job.yaml"])("%s: its command is accepted", async (file) => {
    const job = docs.find(([f]) => f === file)![1];
    const [container] = job.spec.template.spec.containers;
    const [binary, ...args] = container.command as string[];
    expect(binary!.endsWith("/kmpdata")).toBe(true);
    await accepted(args, { JOB_COMPLETION_INDEX: "0", GITHUB_TOKEN: "x" });
  });

  test("the shards' count is the Job's completions, and the merge's", () => {
    const shards = docs.find(([f]) => f === "indexed-job.yaml")![1];
    const merge = docs.find(([f]) => f === "merge-job.yaml")![1];
    expect(shards.spec.completionMode).toBe("Indexed");
    const n = (cmd: string[]) => cmd[cmd.indexOf("--shards") + 1];
    expect(n(shards.spec.template.spec.containers[0].command)).toBe(String(shards.spec.completions));
    expect(n(merge.spec.template.spec.containers[0].command)).toBe(String(shards.spec.completions));
  });
});

describe("Slurm", () => {
  const scripts = readdirSync(join(EXAMPLES, "slurm")).map((f) => [f, readFileSync(join(EXAMPLES, "slurm", f), "utf8")] as const);
  const slurmEnv = { SLURM_ARRAY_TASK_ID: "3", SLURM_ARRAY_TASK_COUNT: "16", SLURM_CPUS_PER_TASK: "8", TMPDIR: "/tmp" };

  test.each(scripts.map(([f]) => f))("%s: every kmpdata command line in it is accepted", async (file) => {
    const text = scripts.find(([f]) => f === file)![1];
    const vars: Record<string, string> = { ...slurmEnv };
    for (const m of text.matchAll(/^(\w+)=(\S+)$/gm)) vars[m[1]!] = shellWords(m[2]!, vars)[0]!;
    const lines = text.split("\n").filter((l) => /(^|\s)(\.\/|\S*\/)?kmpdata\s+(run|scrape|merge|extract|pairs|prepare)\b/.test(l) && !/sbatch/.test(l));
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      const words = shellWords(line.replace(/^#\s*/, ""), vars);
      const at = words.findIndex((w) => /(^|\/)kmpdata$/.test(w));
      await accepted(words.slice(at + 1), slurmEnv);
    }
  });

  test("the array's size is the shard count the merge expects", () => {
    const array = /#SBATCH --array=0-(\d+)/.exec(scripts.find(([f]) => f === "kmpdata.sbatch")![1])!;
    const merge = /--shards (\d+)/.exec(scripts.find(([f]) => f === "merge.sbatch")![1])!;
    expect(Number(array[1]) + 1).toBe(Number(merge[1]));
  });
});
