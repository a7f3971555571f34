/** bench/RESULTS.md holds one `## <name>` section per benchmark; each bench replaces only its own. */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export const RESULTS_FILE = join(import.meta.dir, "RESULTS.md");

export function writeResultsSection(name: string, body: string, file = RESULTS_FILE): void {
  const header = "# Benchmark results\n\nWritten by `make bench` (bench/run.ts); each section is replaced by the benchmark that owns it.\n";
  const text = existsSync(file) ? readFileSync(file, "utf8") : header;
  const section = `## ${name}\n\n${body.trim()}\n`;
  const re = new RegExp(`^## ${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\n[\\s\\S]*?(?=^## |(?![\\s\\S]))`, "m");
  const next = re.test(text) ? text.replace(re, section + "\n") : `${text.trimEnd()}\n\n${section}`;
  writeFileSync(file, next.trimEnd() + "\n");
}

/** A markdown table from a header row and data rows. */
export function table(head: string[], rows: (string | number)[][]): string {
  const line = (cells: (string | number)[]) => `| ${cells.join(" | ")} |`;
  return [line(head), line(head.map(() => "---")), ...rows.map(line)].join("\n");
}

/** Machine facts for the record. */
export function machineLine(): string {
  const os = require("node:os") as typeof import("node:os");
  return `${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, ${(os.totalmem() / 1024 ** 3).toFixed(0)} GiB, ${new Date().toISOString().slice(0, 10)}`;
}
