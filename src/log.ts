/**
 * Logging to stderr, text or JSON lines. stdout is left for results a user may pipe.
 * The logger is created once in main.ts from the options and passed down.
 */
export type LogLevel = "debug" | "info" | "warn" | "error";
export type LogFormat = "text" | "json";

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface LoggerOptions {
  level: LogLevel | "silent";
  format: LogFormat;
  write?: (line: string) => void;
}

export class Logger {
  readonly format: LogFormat;
  private readonly min: number;
  private readonly write: (line: string) => void;

  constructor(opts: LoggerOptions) {
    this.format = opts.format;
    this.min = opts.level === "silent" ? Infinity : RANK[opts.level];
    this.write = opts.write ?? ((line) => process.stderr.write(line + "\n"));
  }

  enabled(level: LogLevel): boolean {
    return RANK[level] >= this.min;
  }

  log(level: LogLevel, msg: string, fields: Record<string, unknown> = {}): void {
    if (!this.enabled(level)) return;
    if (this.format === "json") {
      this.write(JSON.stringify({ time: new Date().toISOString(), level, msg, ...fields }));
      return;
    }
    const extra = Object.entries(fields)
      .map(([k, v]) => `${k}=${typeof v === "string" ? v : JSON.stringify(v)}`)
      .join(" ");
    const prefix = level === "info" ? "" : `${level}: `;
    this.write(`${prefix}${msg}${extra ? "  " + extra : ""}`);
  }

  debug(msg: string, fields?: Record<string, unknown>): void {
    this.log("debug", msg, fields);
  }
  info(msg: string, fields?: Record<string, unknown>): void {
    this.log("info", msg, fields);
  }
  warn(msg: string, fields?: Record<string, unknown>): void {
    this.log("warn", msg, fields);
  }
  error(msg: string, fields?: Record<string, unknown>): void {
    this.log("error", msg, fields);
  }
}

/** A logger that prints nothing, for tests and library use. */
export const silentLogger = new Logger({ level: "silent", format: "text" });
