import type { Generated, Selectable } from 'kysely';

/** Mirrors migration 0008. Timestamps are ISO UTC text. */
export interface BlobTable {
  /** The keyed content id (64 hex), also the file name under `blobs/`. */
  id: string;
  size: number;
  mime: string;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  /** When the last live ref went (or the upload time, before any ref); NULL while referenced. */
  unreferenced_since: string | null;
  /**
   * Sync (migration 0016): SHA-256 (hex) of the encrypted copy on the sync server, so another device can fetch it
   * when the file is opened (src-main/sync/blob-sync.ts). NULL until the device holding the file prepares it for sync.
   */
  remote_id: Generated<string | null>;
}

export interface BlobRefTable {
  id: string;
  blob_id: string;
  owner_domain: string;
  owner_table: string;
  owner_id: string;
  role: string;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export type BlobRow = Selectable<BlobTable>;
export type BlobRefRow = Selectable<BlobRefTable>;
