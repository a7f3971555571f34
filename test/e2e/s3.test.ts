/**
 * An s3:// data dir on an S3-compatible server started here: shards publish their outputs with the
 * marker last, the merge fetches them and publishes final files byte-identical to one local run;
 * credentials are written nowhere; validate checks access.
 */
import { afterAll, beforeAll, expect, test } from "bun:test";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "../support/cli.ts";
import { startFakeS3, type FakeS3 } from "../support/s3.ts";

const tmp = mkdtempSync(join(tmpdir(), "kmpdata-s3e2e-"));
let s3: FakeS3;
beforeAll(async () => {
  s3 = await startFakeS3();
});
afterAll(async () => {
  await s3?.close();
  rmSync(tmp, { recursive: true, force: true });
});

const env = () => ({ ...process.env, NO_COLOR: "1", ...s3.env });
async function ok(args: string[]): Promise<string> {
  const r = await runCli(args, { env: env() });
  if (r.code !== 0) throw new Error(`kmpdata ${args.join(" ")} exited ${r.code}: ${r.stderr}`);
  return r.stderr;
}
const keys = async (prefix: string) => ((await s3.client.list({ prefix, maxKeys: 1000 })).contents ?? []).map((c) => c.key).sort();

test("3 shards and a merge through object storage give the bytes of one local run", async () => {
  const url = `s3://${s3.bucket}/datasets/kmp`;
  const seed = ["--seed", "5", "--threads", "1", "-q"];
  await Promise.all([0, 1, 2].map((i) => ok(["run", "--source", "sample", "--data-dir", url, "--shard", `${i}/3`, "--work-dir", join(tmp, `w${i}`), ...seed])));
  for (const i of [0, 1, 2]) expect(await keys(`datasets/kmp/shards/${i}-of-3/`)).toContain(`datasets/kmp/shards/${i}-of-3/_SUCCESS.json`);
  await ok(["merge", "--data-dir", url, "--work-dir", join(tmp, "m"), ...seed]);
  const single = join(tmp, "single");
  await ok(["run", "--source", "sample", "--data-dir", single, ...seed]);
  for (const f of ["train", "val", "test", "all_train"]) {
    const remote = new Uint8Array(await s3.client.file(`datasets/kmp/final_training/${f}.jsonl`).arrayBuffer());
    expect(remote).toEqual(new Uint8Array(readFileSync(join(single, "final_training", `${f}.jsonl`))));
  }
  expect(await keys("datasets/kmp/final_training/")).toContain("datasets/kmp/final_training/_SUCCESS.json");
  // the credentials are in no object and no local file
  for (const k of await keys("datasets/")) expect(await s3.client.file(k).text()).not.toContain(s3.env.AWS_SECRET_ACCESS_KEY);
  for (const e of readdirSync(tmp, { recursive: true, withFileTypes: true })) {
    if (e.isFile() && !e.parentPath.includes("/repos/")) expect(readFileSync(join(e.parentPath, e.name), "latin1")).not.toContain(s3.env.AWS_SECRET_ACCESS_KEY);
  }
  // a finished shard is not redone
  expect(await ok(["run", "--source", "sample", "--data-dir", url, "--shard", "1/3", "--work-dir", join(tmp, "w-again"), "--seed", "5", "--threads", "1"])).toContain("shard 1-of-3: finished already");
}, 120_000);

test("a shard without its marker on the store is not merged: the merge names it", async () => {
  const url = `s3://${s3.bucket}/half`;
  await ok(["run", "--source", "sample", "--data-dir", url, "--shard", "0/2", "--work-dir", join(tmp, "h0"), "-q"]);
  await ok(["run", "--source", "sample", "--data-dir", url, "--shard", "1/2", "--work-dir", join(tmp, "h1"), "-q"]);
  await s3.client.delete("half/shards/1-of-2/_SUCCESS.json"); // as if the shard died before publishing its marker
  const r = await runCli(["merge", "--data-dir", url, "--shards", "2", "--work-dir", join(tmp, "hm")], { env: env() });
  expect(r.code).toBe(4);
  expect(r.stderr.split("\n").filter((l) => l.startsWith("kmpdata:"))).toEqual([expect.stringContaining("shard 1-of-2 did not finish")]);
}, 60_000);

test("validate --data-dir s3://…: ✓ with access, ✗ for a bucket that does not exist", async () => {
  const good = await runCli(["validate", "--data-dir", `s3://${s3.bucket}/v`, "--github-api-url", s3.endpoint], { env: env() });
  expect(good.stdout).toContain(`✓ data dir (object storage): s3://${s3.bucket}/v: objects can be written, read and deleted`);
  const bad = await runCli(["validate", "--data-dir", "s3://no-such-bucket/v", "--github-api-url", s3.endpoint], { env: env() });
  expect(bad.stdout).toContain("✗ data dir (object storage)");
  expect(bad.code).toBe(1);
}, 60_000);

test("an s3:// data dir for a one-machine run is refused with what to use instead", async () => {
  const r = await runCli(["run", "--source", "sample", "--data-dir", `s3://${s3.bucket}/x`], { env: env() });
  expect(r.code).toBe(2);
  expect(r.stderr).toContain("use it with `run --shard`, `scrape --search-only` and `merge`");
  expect(existsSync("kmpdata-work")).toBe(false);
});

test("GitHub through object storage: the search publishes its candidates, a shard clones from them, a missing list is one line", async () => {
  const { FIXTURES, startFakeGitHub } = await import("../support/fake-github.ts");
  const gh = await startFakeGitHub({ repos: ["one", "two", "three"].map((n) => ({ owner: "acme", name: n, files: FIXTURES.kmpPlugin(n), topics: ["kotlin-multiplatform"], stars: 10, license: "MIT" })) });
  try {
    const { writeFileSync } = await import("node:fs");
    writeFileSync(join(tmp, "q.txt"), "topic:kotlin-multiplatform\n");
    const flags = ["--github-api-url", gh.url, "--queries-file", join(tmp, "q.txt"), "--min-stars", "0", "--min-size-kb", "0", "-q"];
    const missing = await runCli(["run", "--data-dir", `s3://${s3.bucket}/nolist`, "--shard", "0/1", "--work-dir", join(tmp, "g-none"), ...flags], { env: env() });
    expect(missing.code).toBe(4);
    expect(missing.stderr).toContain("metadata/candidates.jsonl does not exist: run `kmpdata scrape --search-only --data-dir s3://");
    const url = `s3://${s3.bucket}/gh`;
    await ok(["scrape", "--search-only", "--data-dir", url, "--work-dir", join(tmp, "g-search"), ...flags]);
    expect(await keys("gh/metadata/")).toEqual(["gh/metadata/_SUCCESS.json", "gh/metadata/candidates.jsonl", "gh/metadata/scrape_stats.json"]);
    const searches = gh.counts.search;
    await ok(["run", "--data-dir", url, "--shard", "0/1", "--work-dir", join(tmp, "g0"), ...flags]);
    expect(gh.counts.search).toBe(searches);
    const index = await s3.client.file("gh/shards/0-of-1/index.jsonl").text();
    expect(index.split("\n").filter(Boolean).map((l) => JSON.parse(l).repo).sort()).toEqual(["acme/one", "acme/three", "acme/two"]);
  } finally {
    await gh.close();
  }
}, 60_000);
