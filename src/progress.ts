/**
 * Progress for long work: a bar with rate and ETA when stderr is a terminal, a plain line every
 * few seconds otherwise (CI logs), nothing when quiet. JSON log format gets JSON progress lines.
 */
import cliProgress from "cli-progress";
import type { Logger } from "./log.ts";

export interface ProgressOptions {
  mode: "auto" | "bar" | "lines" | "off";
  intervalMs?: number; // for line mode
}

export interface Progress {
  tick(n?: number, label?: string): void;
  setTotal(total: number): void;
  stop(): void;
}

export function createProgress(
  title: string,
  total: number,
  unit: string,
  log: Logger,
  opts: ProgressOptions,
): Progress {
  const mode =
    opts.mode === "auto" ? (!log.enabled("info") ? "off" : process.stderr.isTTY && log.format === "text" ? "bar" : "lines") : opts.mode;
  if (mode === "off") return { tick() {}, setTotal() {}, stop() {} };
  if (mode === "bar") return barProgress(title, total, unit);
  return lineProgress(title, total, unit, log, opts.intervalMs ?? 5000);
}

function barProgress(title: string, total: number, unit: string): Progress {
  const bar = new cliProgress.SingleBar(
    {
      format: `${title} [{bar}] {percentage}% {value}/{total} ${unit} | {rate}/s | ETA {eta_formatted} {label}`,
      stream: process.stderr,
      hideCursor: true,
      clearOnComplete: false,
    },
    cliProgress.Presets.shades_classic,
  );
  const started = Date.now();
  let value = 0;
  bar.start(total, 0, { rate: "0", label: "" });
  return {
    tick(n = 1, label = "") {
      value += n;
      const rate = (value / Math.max(0.001, (Date.now() - started) / 1000)).toFixed(1);
      bar.update(value, { rate, label });
    },
    setTotal(t) {
      bar.setTotal(t);
    },
    stop() {
      bar.stop();
    },
  };
}

function lineProgress(title: string, total: number, unit: string, log: Logger, intervalMs: number): Progress {
  const started = Date.now();
  let value = 0;
  let last = started;
  const report = (final: boolean) => {
    const secs = Math.max(0.001, (Date.now() - started) / 1000);
    const rate = value / secs;
    const eta = rate > 0 && total > value ? Math.round((total - value) / rate) : 0;
    // Numbers, not strings: a JSON log is read by programs (rate per second, seconds).
    log.info(`${title}: ${value}/${total} ${unit}`, {
      rate: Number(rate.toFixed(1)),
      ...(final ? { seconds: Number(secs.toFixed(1)) } : { eta_seconds: eta }),
    });
  };
  return {
    tick(n = 1) {
      value += n;
      const now = Date.now();
      if (now - last >= intervalMs) {
        last = now;
        report(false);
      }
    },
    setTotal(t) {
      total = t;
    },
    stop() {
      report(true);
    },
  };
}
