import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { DeleteObjectCommand, GetObjectCommand, HeadBucketCommand, HeadObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { SYNC_LIMITS } from '../../src-shared/sync/protocol';
import type { BlobDriver } from './blob-driver';
import { assertBlobId, BlobError } from './blob-error';
import { spoolVerified } from './spool';

export interface S3BlobDriverOptions {
  bucket: string;
  /** e.g. http://127.0.0.1:9000 for MinIO or s3rver; omit for AWS itself. */
  endpoint?: string;
  region: string;
  /** Bucket in the path (http://host/bucket/key), as MinIO and s3rver need. */
  forcePathStyle?: boolean;
  /** Omit to use the AWS SDK's default chain (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, profiles, roles). */
  credentials?: { accessKeyId: string; secretAccessKey: string };
  /** Key prefix of every blob object (default "blobs/"). */
  prefix?: string;
  /** Local folder where uploads are spooled and verified before they are sent (default: the OS temp folder). */
  spoolDir?: string;
  /** Largest accepted blob (default SYNC_LIMITS.blobBytes). */
  maxBytes?: number;
}

/** The error names and status the SDK uses for "no such object" across S3 implementations. */
function isNotFound(e: unknown): boolean {
  const err = e as { name?: string; $metadata?: { httpStatusCode?: number } } | null;
  return err?.name === 'NoSuchKey' || err?.name === 'NotFound' || err?.$metadata?.httpStatusCode === 404;
}

/**
 * Blobs in any S3-compatible store (AWS S3, MinIO, s3rver, …), one object per blob at `<prefix><id>`.
 * A put first streams the body into a local temp file while hashing it (bounded memory; spool.ts), and only a
 * verified file is sent, with PutObject and its exact ContentLength. PutObject is atomic in S3, so the final key
 * shows the whole verified blob or nothing: a cut-off or wrong upload never reaches the bucket at all (no temp
 * object to clean up there). Checksums are computed only when an operation requires them: the SDK's default
 * streaming CRC trailers (aws-chunked bodies) are not understood by every S3-compatible store (s3rver stores
 * them verbatim), and the content hash is verified here anyway.
 */
export class S3BlobDriver implements BlobDriver {
  readonly bucket: string;
  private readonly client: S3Client;
  private readonly prefix: string;
  private readonly spoolDir: string;
  private readonly maxBytes: number;

  constructor(opts: S3BlobDriverOptions) {
    this.bucket = opts.bucket;
    this.prefix = opts.prefix ?? 'blobs/';
    this.spoolDir = opts.spoolDir ?? path.join(os.tmpdir(), 'hearth-server-blob-spool');
    this.maxBytes = opts.maxBytes ?? SYNC_LIMITS.blobBytes;
    this.client = new S3Client({
      region: opts.region,
      ...(opts.endpoint ? { endpoint: opts.endpoint } : {}),
      forcePathStyle: opts.forcePathStyle ?? false,
      ...(opts.credentials ? { credentials: opts.credentials } : {}),
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      // A dead endpoint fails fast (health checks, retries by the client) instead of hanging a request.
      requestHandler: { connectionTimeout: 5_000, requestTimeout: 120_000 },
    });
  }

  /** The object key of a blob (exported for tests and operators). */
  keyOf(id: string): string {
    assertBlobId(id);
    return `${this.prefix}${id}`;
  }

  async put(id: string, body: AsyncIterable<Uint8Array> | Buffer, size?: number): Promise<void> {
    const key = this.keyOf(id);
    const { file, bytes } = await spoolVerified(id, body, { dir: this.spoolDir, maxBytes: this.maxBytes, ...(size === undefined ? {} : { size }) });
    try {
      await this.client.send(
        new PutObjectCommand({
          Bucket: this.bucket,
          Key: key,
          Body: bytes === 0 ? Buffer.alloc(0) : createReadStream(file),
          ContentLength: bytes,
          ContentType: 'application/octet-stream',
        }),
      );
    } catch (e) {
      throw new BlobError('STORAGE', 'Blob storage write failed', { cause: e });
    } finally {
      await fs.rm(file, { force: true });
    }
  }

  async get(id: string): Promise<Readable | null> {
    const key = this.keyOf(id);
    try {
      const res = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      if (!(res.Body instanceof Readable)) throw new Error('The S3 response body is not a Node stream');
      return res.Body;
    } catch (e) {
      if (isNotFound(e)) return null;
      throw new BlobError('STORAGE', 'Blob storage read failed', { cause: e });
    }
  }

  async has(id: string): Promise<boolean> {
    const key = this.keyOf(id);
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return true;
    } catch (e) {
      if (isNotFound(e)) return false;
      throw new BlobError('STORAGE', 'Blob storage read failed', { cause: e });
    }
  }

  async delete(id: string): Promise<void> {
    const key = this.keyOf(id);
    try {
      await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
    } catch (e) {
      if (!isNotFound(e)) throw new BlobError('STORAGE', 'Blob storage delete failed', { cause: e });
    }
  }

  /** The bucket answers (HeadBucket within 3 s) and the local spool folder is writable. */
  async ping(): Promise<boolean> {
    try {
      await fs.mkdir(this.spoolDir, { recursive: true });
      await this.client.send(new HeadBucketCommand({ Bucket: this.bucket }), { abortSignal: AbortSignal.timeout(3_000) });
      return true;
    } catch {
      return false;
    }
  }

  /** Closes the client's sockets (tests, graceful shutdown). */
  close(): void {
    this.client.destroy();
  }
}
