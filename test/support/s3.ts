/** An S3-compatible server (s3rver) on 127.0.0.1 for tests, with one bucket, and the environment that points kmpdata at it. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import S3rver from "s3rver";

export interface FakeS3 {
  endpoint: string;
  bucket: string;
  env: Record<string, string>;
  client: Bun.S3Client;
  close(): Promise<void>;
}

export async function startFakeS3(bucket = "kmp-data"): Promise<FakeS3> {
  const dir = mkdtempSync(join(tmpdir(), "kmpdata-s3-"));
  const server = new S3rver({ port: 0, address: "127.0.0.1", silent: true, directory: dir, configureBuckets: [{ name: bucket }] });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  const env = { AWS_ACCESS_KEY_ID: "S3RVER", AWS_SECRET_ACCESS_KEY: "S3RVER", AWS_REGION: "us-east-1", AWS_ENDPOINT_URL: endpoint };
  const client = new Bun.S3Client({ accessKeyId: "S3RVER", secretAccessKey: "S3RVER", endpoint, bucket, region: "us-east-1" });
  return {
    endpoint,
    bucket,
    env,
    client,
    async close() {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
