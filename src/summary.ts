/** The table printed at the end of a run: one row per step. */
import type { StepResult } from "./pipeline.ts";
import type { StageContext } from "./stage.ts";

export function formatRunSummary(results: StepResult[]): string {
  const rows = results.map((r) => [
    r.stage,
    r.skipped ? "skipped (up to date)" : `${r.seconds.toFixed(1)}s`,
    r.summary?.summary ?? "",
  ]);
  const widths = [0, 1].map((i) => Math.max(...rows.map((r) => r[i]!.length), i === 0 ? 4 : 4));
  return rows.map((r) => `  ${r[0]!.padEnd(widths[0]!)}  ${r[1]!.padEnd(widths[1]!)}  ${r[2]}`).join("\n");
}

export function printRunSummary(ctx: StageContext, results: StepResult[]): void {
  if (results.length === 0) return;
  if (ctx.log.format === "json") {
    for (const r of results) ctx.log.info("step", { stage: r.stage, skipped: r.skipped, seconds: r.seconds, summary: r.summary?.summary ?? null });
    return;
  }
  ctx.log.info(`\nkmpdata finished (data dir: ${ctx.global.dataDir})\n${formatRunSummary(results)}`);
}
