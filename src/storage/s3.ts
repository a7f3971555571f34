/**
 * An `s3://bucket/prefix` data dir (S3, MinIO, R2, GCS's interoperability API) through Bun's own
 * S3 client. S3 has no rename, so a step's folder is published object by object with its marker
 * last: the marker is the commit point, and a reader that finds no marker ignores the objects.
 * Every request is retried on 5xx and dropped connections. Credentials come from the caller
 * (main.ts reads the AWS_* / S3_* variables) and are never written anywhere.
 */
import { mkdirSync, readdirSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { KmpError } from "../errors.ts";
import { MARKER_FILE } from "../marker.ts";

export interface S3Location {
  bucket: string;
  /** Without leading or trailing slash; "" for the bucket's root. */
  prefix: string;
}

export interface S3Credentials {
  accessKeyId?: string;
  secretAccessKey?: string;
  sessionToken?: string;
  region?: string;
  endpoint?: string;
}

/** `s3://bucket/prefix` → its parts; null for anything else (a local path). */
export function parseS3Url(url: string): S3Location | null {
  const m = /^s3:\/\/([^/]+)\/?(.*)$/.exec(url.trim());
  if (!m) return null;
  return { bucket: m[1]!, prefix: m[2]!.replace(/^\/+|\/+$/g, "") };
}

const RETRIES = 4;
const TRANSIENT = /^(InternalError|InternalServerError|ServiceUnavailable|SlowDown|RequestTimeout|UnknownError|ECONNRESET|ECONNREFUSED|ETIMEDOUT|EPIPE|ConnectionRefused|ConnectionClosed)$/;

export class RemoteDir {
  private readonly client: Bun.S3Client;
  readonly url: string;
  /** Requests retried after a 5xx or a dropped connection. */
  retries = 0;

  constructor(
    readonly loc: S3Location,
    creds: S3Credentials,
    private readonly backoffMs = 500,
  ) {
    this.client = new Bun.S3Client({ bucket: loc.bucket, ...creds });
    this.url = `s3://${loc.bucket}${loc.prefix ? `/${loc.prefix}` : ""}`;
  }

  key(rel: string): string {
    return this.loc.prefix ? `${this.loc.prefix}/${rel}` : rel;
  }

  private async attempt<T>(what: string, rel: string, op: () => Promise<T>): Promise<T> {
    for (let i = 0; ; i++) {
      try {
        return await op();
      } catch (e) {
        // Bun's S3Error carries the store's error code, not the HTTP status: a 5xx is one of these
        // codes, or UnknownError when the body was not the store's XML (a gateway's 502/503).
        const code = String((e as { code?: string }).code ?? "");
        const transient = TRANSIENT.test(code) || /ECONNRESET|ECONNREFUSED|ETIMEDOUT|EPIPE|ConnectionClosed|ConnectionRefused/i.test(String((e as Error).message));
        if (transient && i < RETRIES) {
          this.retries++;
          await Bun.sleep(this.backoffMs * 2 ** i);
          continue;
        }
        throw this.userError(e, what, rel);
      }
    }
  }

  private userError(e: unknown, what: string, rel: string): KmpError {
    const code = String((e as { code?: string }).code ?? (e as { name?: string }).name ?? "error");
    const message = String((e as Error).message ?? e).split("\n")[0];
    const where = `${this.url}/${rel}`;
    if (/AccessDenied|InvalidAccessKeyId|SignatureDoesNotMatch|ERR_S3_MISSING_CREDENTIALS|credentials/i.test(code + message)) {
      return new KmpError("E_USAGE", `${what} ${where} was refused (${code}): set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (or S3_*), and AWS_ENDPOINT_URL for a non-AWS store`);
    }
    if (/NoSuchBucket/i.test(code + message)) return new KmpError("E_USAGE", `the bucket of ${this.url} does not exist (${code}): create it or fix --data-dir`);
    return new KmpError("E_NETWORK", `${what} ${where} failed (${code}: ${message}): check the endpoint and the network; a rerun resumes`);
  }

  // No HEAD requests: a HEAD answer has no body, so a refusal could not be told from a 5xx.
  async exists(rel: string): Promise<boolean> {
    const key = this.key(rel);
    const page = await this.attempt("checking", rel, () => this.client.list({ prefix: key, maxKeys: 1 }));
    return (page.contents ?? []).some((c) => c.key === key);
  }

  /** The object's text, or null when there is none. */
  async readText(rel: string): Promise<string | null> {
    return this.attempt("reading", rel, async () => {
      try {
        return await this.client.file(this.key(rel)).text();
      } catch (e) {
        if ((e as { code?: string }).code === "NoSuchKey") return null;
        throw e;
      }
    });
  }

  async download(rel: string, localPath: string): Promise<void> {
    mkdirSync(dirname(localPath), { recursive: true });
    // Streamed to disk: a shard's results may be larger than memory.
    await this.attempt("reading", rel, () => Bun.write(localPath, this.client.file(this.key(rel))));
  }

  async upload(localPath: string, rel: string): Promise<void> {
    await this.attempt("writing", rel, () => this.client.write(this.key(rel), Bun.file(localPath)));
  }

  async putText(rel: string, text: string): Promise<void> {
    await this.attempt("writing", rel, () => this.client.write(this.key(rel), text));
  }

  async remove(rel: string): Promise<void> {
    await this.attempt("deleting", rel, () => this.client.delete(this.key(rel)));
  }

  /** The keys under `relDir/`, relative to the data dir. */
  async list(relDir: string): Promise<string[]> {
    const out: string[] = [];
    const prefix = this.key(relDir.replace(/\/?$/, "/"));
    let startAfter: string | undefined;
    for (;;) {
      const page = await this.attempt("listing", relDir, () => this.client.list({ prefix, maxKeys: 1000, ...(startAfter ? { startAfter } : {}) }));
      const keys = (page.contents ?? []).map((c) => c.key);
      for (const k of keys) out.push(this.loc.prefix ? k.slice(this.loc.prefix.length + 1) : k);
      if (!page.isTruncated || keys.length === 0) break;
      startAfter = keys[keys.length - 1];
    }
    return out;
  }
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split("\\").join("/"))
    .sort();
}

/**
 * Publishes a local step folder as `relDir/`: the old marker goes first (readers stop trusting the
 * folder), then every object, then objects an earlier publish left that this one does not have,
 * then the marker.
 */
export async function publishDir(remote: RemoteDir, localDir: string, relDir: string): Promise<number> {
  const files = filesUnder(localDir).filter((f) => f !== MARKER_FILE && !f.includes(".tmp-"));
  if (!statSync(join(localDir, MARKER_FILE), { throwIfNoEntry: false })) throw new Error(`${localDir} has no ${MARKER_FILE}: nothing finished to publish`);
  await remote.remove(`${relDir}/${MARKER_FILE}`);
  for (const f of files) await remote.upload(join(localDir, f), `${relDir}/${f}`);
  const keep = new Set(files.map((f) => `${relDir}/${f}`));
  for (const k of await remote.list(relDir)) if (!keep.has(k) && k !== `${relDir}/${MARKER_FILE}`) await remote.remove(k);
  await remote.upload(join(localDir, MARKER_FILE), `${relDir}/${MARKER_FILE}`);
  return files.length + 1;
}

/** Downloads `relDir/` when its marker is there; false (nothing fetched) when it is not. */
export async function fetchDir(remote: RemoteDir, relDir: string, localDir: string): Promise<boolean> {
  const marker = await remote.readText(`${relDir}/${MARKER_FILE}`);
  if (marker === null) return false;
  for (const k of await remote.list(relDir)) {
    if (k === `${relDir}/${MARKER_FILE}`) continue;
    await remote.download(k, join(localDir, k.slice(relDir.length + 1)));
  }
  await Bun.write(join(localDir, MARKER_FILE), marker); // last, as on the store
  return true;
}
