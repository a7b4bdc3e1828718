import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { DeleteObjectCommand, GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { S3BlobDriver, type S3BlobDriverOptions } from '../blobs/s3-driver';

/**
 * A real S3-compatible server for tests: s3rver (npm, a devDependency) on 127.0.0.1:<free port>, storing in a temp
 * folder, with one bucket. s3rver 3.7 runs on Node 24 as is; the one thing it does not understand is the AWS SDK's
 * default streaming checksum trailer (aws-chunked bodies, SDK ≥ 3.729), which it would store verbatim — the S3 driver
 * and this harness's client send checksums only when an operation requires them, so no patch is needed.
 * `S3RVER_SKIP_REASON` is set only when the package is missing, so `describe.skipIf(...)` says why.
 */
interface S3rverInstance {
  run(): Promise<AddressInfo>;
  close(): Promise<void>;
}
type S3rverConstructor = new (options: {
  address: string;
  port: number;
  silent: boolean;
  directory: string;
  configureBuckets: Array<{ name: string }>;
}) => S3rverInstance;

const S3rver: S3rverConstructor | null = (() => {
  try {
    return createRequire(import.meta.url)('s3rver') as S3rverConstructor;
  } catch {
    return null;
  }
})();

export const S3RVER_SKIP_REASON = S3rver ? null : 's3rver is not installed (it is a devDependency: npm install)';

/** s3rver's fixed test credentials (it checks signatures against them). */
const CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

export interface S3rverHandle {
  /** http://127.0.0.1:<port> */
  endpoint: string;
  bucket: string;
  region: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
  /** The HEARTH_SERVER_BLOBS value for this bucket (credentials go through `env`). */
  spec: string;
  /** The environment createBlobDriver / src-server/main.ts read credentials from. */
  env: { HEARTH_SERVER_S3_ACCESS_KEY: string; HEARTH_SERVER_S3_SECRET_KEY: string };
  /** The temp folder s3rver stores objects in. */
  directory: string;
  /** An S3 blob driver on this bucket (close it, or let `stop()` do it). */
  driver(options?: Partial<S3BlobDriverOptions>): S3BlobDriver;
  /** Every object key in the bucket, sorted. */
  keys(): Promise<string[]>;
  /** Every object in the bucket with its bytes (for canary checks: what the store really holds). */
  objects(): Promise<Array<{ key: string; bytes: Buffer }>>;
  /** Removes every object (between tests). */
  empty(): Promise<void>;
  stop(): Promise<void>;
}

/** Starts s3rver on 127.0.0.1 with a fresh bucket. Call `stop()` in afterAll. */
export async function startS3rver(bucket = 'hearth-test'): Promise<S3rverHandle> {
  if (!S3rver) throw new Error(S3RVER_SKIP_REASON!);
  const directory = mkdtempSync(path.join(os.tmpdir(), 'hearth-s3rver-'));
  // SECURITY: loopback only; port 0 lets the OS pick a free port with no race.
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, configureBuckets: [{ name: bucket }] });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  const region = 'us-east-1';
  const client = new S3Client({
    endpoint,
    region,
    forcePathStyle: true,
    credentials: CREDENTIALS,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  const drivers: S3BlobDriver[] = [];

  async function keys(): Promise<string[]> {
    const out: string[] = [];
    let token: string | undefined;
    do {
      const page = await client.send(new ListObjectsV2Command({ Bucket: bucket, ...(token ? { ContinuationToken: token } : {}) }));
      for (const o of page.Contents ?? []) if (o.Key !== undefined) out.push(o.Key);
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return out.sort();
  }

  return {
    endpoint,
    bucket,
    region,
    credentials: { ...CREDENTIALS },
    spec: `s3://${bucket}?endpoint=${encodeURIComponent(endpoint)}&region=${region}&forcePathStyle=1`,
    env: { HEARTH_SERVER_S3_ACCESS_KEY: CREDENTIALS.accessKeyId, HEARTH_SERVER_S3_SECRET_KEY: CREDENTIALS.secretAccessKey },
    directory,
    driver(options = {}) {
      const d = new S3BlobDriver({ bucket, endpoint, region, forcePathStyle: true, credentials: CREDENTIALS, ...options });
      drivers.push(d);
      return d;
    },
    keys,
    async objects() {
      const out: Array<{ key: string; bytes: Buffer }> = [];
      for (const key of await keys()) {
        const res = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
        out.push({ key, bytes: Buffer.from((await res.Body?.transformToByteArray()) ?? []) });
      }
      return out;
    },
    async empty() {
      for (const key of await keys()) await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
    },
    async stop() {
      for (const d of drivers) d.close();
      client.destroy();
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
