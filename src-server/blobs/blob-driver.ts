import type { Readable } from 'node:stream';

/**
 * Where the sync server keeps encrypted attachment blobs. The server core only talks to this interface so a
 * self-hoster can pick the filesystem or an S3-compatible store; access control (which space may read which blob)
 * is not the driver's job — the server keeps it in the `blob_owners` table.
 */
export interface BlobDriver {
  /** Stores bytes under id (sha256 hex of the bytes); verifies the hash; atomic: a cut-off upload leaves nothing. */
  put(id: string, body: AsyncIterable<Uint8Array> | Buffer, size?: number): Promise<void>;
  /** Streams the stored bytes, or null when the blob is absent. */
  get(id: string): Promise<Readable | null>;
  /** Whether a blob with this id is stored. */
  has(id: string): Promise<boolean>;
  /** Removes the blob; deleting an absent blob is not an error. */
  delete(id: string): Promise<void>;
  /** A cheap check for /health. */
  ping(): Promise<boolean>;
}
