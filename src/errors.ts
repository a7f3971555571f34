/**
 * The catalogue of user-facing errors. A KmpError is advice to the user (main.ts prints its
 * message and exits with its exit code); anything else that escapes is a bug and is shown as one.
 */
export const ERROR_CODES = {
  E_USAGE: 2, // bad flag or value
  E_DATA_DIR: 2, // data dir not writable / not creatable
  E_GITHUB_AUTH: 2, // bad token
  E_NETWORK: 3, // GitHub or a clone host unreachable
  E_NO_REPOS: 4, // extract found nothing to read
  E_NO_INPUT: 4, // a stage's input file is missing
  E_NO_BLOCKS: 4,
  E_NO_PAIRS: 4,
  E_BAD_INPUT: 4, // an upstream output is damaged (truncated, not JSON, not the records it should hold)
  E_DISK: 5, // the disk filled up, or a file could not be written (permissions, read-only) during a run
  E_INTERRUPTED: 130, // Ctrl-C
  E_VALIDATE: 1, // `kmpdata validate` found a failing check
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export class KmpError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = "KmpError";
    this.code = code;
  }
  get exitCode(): number {
    return ERROR_CODES[this.code];
  }
}

/** A stage's required input is missing: says which file and which step makes it. */
export function missingInput(file: string, makeWith: string): KmpError {
  return new KmpError("E_NO_INPUT", `${file} does not exist: run \`kmpdata ${makeWith}\` first (or \`kmpdata run\`).`);
}

const DISK_ERRORS: Record<string, string> = {
  ENOSPC: "the disk is full",
  EDQUOT: "the disk quota is used up",
  EROFS: "the file system is read-only",
  EACCES: "permission denied",
  EPERM: "permission denied",
};

/** A failed write or read the disk caused, as advice (exit 5); null for any other error. */
export function diskError(e: unknown, dataDir: string | null): KmpError | null {
  const code = (e as { code?: unknown })?.code;
  if (typeof code !== "string" || !(code in DISK_ERRORS)) return null;
  const path = (e as { path?: unknown }).path;
  const where = typeof path === "string" ? path : dataDir ? `the data dir ${dataDir}` : "the data dir";
  const todo = code === "ENOSPC" || code === "EDQUOT" ? "free some space" : "make it writable";
  return new KmpError("E_DISK", `${DISK_ERRORS[code]} (${code}) writing ${where}: ${todo} and rerun; finished steps are kept and the interrupted one resumes`);
}
