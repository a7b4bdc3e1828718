import { z } from 'zod';
import type { BlobDriver } from './blob-driver';
import { FsBlobDriver } from './fs-driver';
import { S3BlobDriver } from './s3-driver';

export type { BlobDriver } from './blob-driver';
export { BlobError, type BlobErrorCode } from './blob-error';
export { FsBlobDriver } from './fs-driver';
export { S3BlobDriver } from './s3-driver';

/** A HEARTH_SERVER_BLOBS value the server cannot use; the message says which form is expected. */
export class BlobSpecError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BlobSpecError';
  }
}

const S3Params = z.strictObject({
  endpoint: z.string().url().optional(),
  region: z.string().min(1).max(64).default('us-east-1'),
  forcePathStyle: z.enum(['0', '1', 'true', 'false']).optional(),
  prefix: z.string().max(200).optional(),
});

/** S3 bucket names: 3–63 of a-z 0-9 . - (the portable subset every S3-compatible store accepts). */
const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

const FORM = 'expected fs:/path/to/folder or s3://bucket?endpoint=http://host:port&region=us-east-1&forcePathStyle=1';

/**
 * Builds the blob driver named by HEARTH_SERVER_BLOBS (src-server/main.ts), so a self-hoster picks storage with one
 * setting:
 *   fs:/var/lib/hearth/blobs   (or fs:./relative) — the embedded filesystem driver
 *   s3://bucket?endpoint=http://127.0.0.1:9000&region=us-east-1&forcePathStyle=1[&prefix=blobs/]
 * S3 credentials come from HEARTH_SERVER_S3_ACCESS_KEY and HEARTH_SERVER_S3_SECRET_KEY, else from the AWS SDK's
 * default chain (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, profiles, instance roles). Credentials are never
 * accepted inside the spec, so they cannot leak through logs or process listings of the URL.
 */
export function createBlobDriver(spec: string, env: NodeJS.ProcessEnv = process.env): BlobDriver {
  if (spec.startsWith('fs:')) {
    const folder = spec.slice('fs:'.length);
    if (!folder) throw new BlobSpecError(`HEARTH_SERVER_BLOBS has no folder: ${FORM}`);
    return new FsBlobDriver({ root: folder });
  }
  if (spec.startsWith('s3://')) {
    let url: URL;
    try {
      url = new URL(spec);
    } catch {
      throw new BlobSpecError(`HEARTH_SERVER_BLOBS is not a valid URL: ${FORM}`);
    }
    if (url.username || url.password)
      throw new BlobSpecError('Put S3 credentials in HEARTH_SERVER_S3_ACCESS_KEY / HEARTH_SERVER_S3_SECRET_KEY, not in the URL');
    if (url.pathname !== '' && url.pathname !== '/') throw new BlobSpecError(`HEARTH_SERVER_BLOBS names a bucket only (no path): ${FORM}`);
    const bucket = url.hostname;
    if (!BUCKET.test(bucket)) throw new BlobSpecError(`HEARTH_SERVER_BLOBS has an invalid bucket name: ${FORM}`);
    const parsed = S3Params.safeParse(Object.fromEntries(url.searchParams));
    if (!parsed.success)
      throw new BlobSpecError(
        `HEARTH_SERVER_BLOBS has an unknown or invalid parameter (${parsed.error.issues.map((i) => i.path.join('.')).join(', ')}): ${FORM}`,
      );
    const p = parsed.data;
    const accessKeyId = env.HEARTH_SERVER_S3_ACCESS_KEY;
    const secretAccessKey = env.HEARTH_SERVER_S3_SECRET_KEY;
    if (Boolean(accessKeyId) !== Boolean(secretAccessKey))
      throw new BlobSpecError('Set both HEARTH_SERVER_S3_ACCESS_KEY and HEARTH_SERVER_S3_SECRET_KEY, or neither');
    return new S3BlobDriver({
      bucket,
      region: p.region,
      ...(p.endpoint ? { endpoint: p.endpoint } : {}),
      forcePathStyle: p.forcePathStyle === '1' || p.forcePathStyle === 'true',
      ...(p.prefix === undefined ? {} : { prefix: p.prefix }),
      ...(accessKeyId && secretAccessKey ? { credentials: { accessKeyId, secretAccessKey } } : {}),
    });
  }
  throw new BlobSpecError(`HEARTH_SERVER_BLOBS: ${FORM}`);
}
