import { afterAll, expect, test } from "bun:test";
import { parseS3Url, RemoteDir } from "../src/storage/s3.ts";

test("s3:// URLs: bucket and prefix; anything else is a local path", () => {
  expect(parseS3Url("s3://bucket/a/b/")).toEqual({ bucket: "bucket", prefix: "a/b" });
  expect(parseS3Url("s3://bucket")).toEqual({ bucket: "bucket", prefix: "" });
  expect(parseS3Url("data")).toBeNull();
  expect(parseS3Url("/tmp/s3://x")).toBeNull();
});

// A store that answers 503 a few times before it takes a write.
let failures = 2;
let requests = 0;
const server = Bun.serve({
  port: 0,
  hostname: "127.0.0.1",
  fetch(req) {
    requests++;
    if (failures > 0) {
      failures--;
      return new Response("<Error><Code>SlowDown</Code><Message>busy</Message></Error>", { status: 503, headers: { "content-type": "application/xml" } });
    }
    if (req.method === "PUT") return new Response("", { status: 200, headers: { etag: '"abc"' } });
    return new Response("<Error><Code>AccessDenied</Code><Message>no</Message></Error>", { status: 403, headers: { "content-type": "application/xml" } });
  },
});
afterAll(() => server.stop(true));
const remote = () => new RemoteDir({ bucket: "b", prefix: "p" }, { endpoint: `http://127.0.0.1:${server.port}`, accessKeyId: "k", secretAccessKey: "s", region: "us-east-1" }, 1);

test("a request answered 5xx is retried, and counted", async () => {
  const r = remote();
  await r.putText("x.txt", "hello");
  expect(r.retries).toBe(2);
  expect(requests).toBe(3);
});

test("a refusal is not retried: one line naming the object and the variables to set", async () => {
  const r = remote();
  const before = requests;
  const err = await r.putText("y.txt", "hello").then(() => null, (e) => e);
  // PUT is accepted by this store; a read is refused
  expect(err).toBeNull();
  const e2 = await r.readText("y.txt").then(() => null, (e) => e);
  expect(e2?.code).toBe("E_USAGE");
  expect(e2?.message).toContain("s3://b/p/y.txt was refused");
  expect(e2?.message).toContain("AWS_ACCESS_KEY_ID");
  expect(requests - before).toBe(2); // the PUT and one refused GET, no retry
});
