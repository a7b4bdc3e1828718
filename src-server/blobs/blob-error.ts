import type { SyncErrorCode } from '../../src-shared/sync/protocol';

/** Why a blob driver refused or failed an operation. */
export type BlobErrorCode =
  /** The id is not 64 lowercase hex characters (never used as a path or key). */
  | 'BAD_ID'
  /** The bytes received do not hash to the id: nothing was stored. */
  | 'HASH_MISMATCH'
  /** The bytes received are fewer or more than the declared size: nothing was stored. */
  | 'SIZE_MISMATCH'
  /** The body is larger than the driver's limit: nothing was stored. */
  | 'TOO_LARGE'
  /** The body stream failed before its end (a cut-off upload): nothing was stored. */
  | 'ABORTED'
  /** The storage itself failed (disk, S3 endpoint): retry later. */
  | 'STORAGE';

type BlobSyncCode = Extract<SyncErrorCode, 'BAD_REQUEST' | 'TOO_LARGE' | 'UNAVAILABLE'>;

const SYNC_CODES: Record<BlobErrorCode, BlobSyncCode> = {
  BAD_ID: 'BAD_REQUEST',
  HASH_MISMATCH: 'BAD_REQUEST',
  SIZE_MISMATCH: 'BAD_REQUEST',
  TOO_LARGE: 'TOO_LARGE',
  ABORTED: 'BAD_REQUEST',
  STORAGE: 'UNAVAILABLE',
};

const STATUS: Record<BlobSyncCode, number> = {
  BAD_REQUEST: 400,
  TOO_LARGE: 413,
  UNAVAILABLE: 503,
};

/**
 * A typed blob driver error, so the server can answer with the right SyncErrorCode (`syncCode`) without parsing
 * messages. Messages name the id at most, never bytes or paths with user data.
 */
export class BlobError extends Error {
  /** HTTP status for frameworks that read `statusCode` off an error (the server should map `syncCode` itself). */
  readonly statusCode: number;
  constructor(
    readonly code: BlobErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'BlobError';
    this.statusCode = STATUS[SYNC_CODES[code]];
  }
  /** The protocol error code the server should answer with. */
  get syncCode(): SyncErrorCode {
    return SYNC_CODES[this.code];
  }
}

const BLOB_ID = /^[0-9a-f]{64}$/;

/** Throws BAD_ID unless id is a SHA-256 hex digest: ids become file names and object keys, so nothing else may pass. */
export function assertBlobId(id: string): void {
  if (!BLOB_ID.test(id)) throw new BlobError('BAD_ID', 'A blob id is 64 lowercase hex characters');
}
