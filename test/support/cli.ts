/** Runs kmpdata from source (`bun main.ts …`) or a compiled binary, capturing output and exit code. */
import { join } from "node:path";

export const ROOT = join(import.meta.dir, "..", "..");
export const BUN = join(ROOT, "node_modules", ".bin", "bun");

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(args: string[], opts: { cwd?: string; env?: Record<string, string>; bin?: string } = {}): Promise<CliResult> {
  const cmd = opts.bin ? [opts.bin, ...args] : [BUN, join(ROOT, "main.ts"), ...args];
  const proc = Bun.spawn(cmd, {
    cwd: opts.cwd ?? ROOT,
    env: opts.env ?? { ...process.env, NO_COLOR: "1" },
    stdout: "pipe",
    stderr: "pipe",
  });
  const [stdout, stderr, code] = await Promise.all([new Response(proc.stdout).text(), new Response(proc.stderr).text(), proc.exited]);
  return { code, stdout, stderr };
}

/** Builds the binary into `dir` with the project's build script; returns its path. */
export async function buildBinary(dir: string): Promise<string> {
  const out = join(dir, "kmpdata");
  const proc = Bun.spawn([BUN, join(ROOT, "scripts", "build.ts"), "--outfile", out], { cwd: ROOT, stdout: "pipe", stderr: "pipe" });
  const [stderr, code] = await Promise.all([new Response(proc.stderr).text(), proc.exited]);
  if (code !== 0) throw new Error(`build failed (${code}): ${stderr}`);
  return out;
}
