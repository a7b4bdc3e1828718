import { sql, type Kysely } from 'kysely';
// eslint-disable-next-line no-restricted-imports -- 0007's trigger helper is itself a frozen migration, never app code.
import { addChangeLogTriggers } from './0007-create-change-log';

/**
 * Stored files over sync (issue 14, docs/sync.md#files). A blob's local id is a keyed hash of its plaintext, but the
 * sync server names a blob by the SHA-256 of the encrypted bytes it receives (each device encrypts with a fresh salt,
 * so that hash is known only to the device that holds the file). So:
 *
 * - `blobs.remote_id`: the SHA-256 (hex) of the encrypted copy uploaded for this blob. It is a synced column: another
 *   device gets it with the row and fetches exactly that copy when the file is first opened. NULL until the device
 *   holding the file prepares it for sync. The change-log triggers are replaced so the new column is logged.
 * - `sync_blobs`: device-local, not change-logged: the SHA-256 of THIS device's file for a blob and when it was
 *   uploaded (or downloaded), so a second sync uploads nothing and a file is hashed once.
 * Frozen in time: imports only kysely (and the change-log helper of 0007, itself frozen).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE blobs ADD COLUMN remote_id TEXT CHECK (remote_id IS NULL OR length(remote_id) = 64)`.execute(db);
  await addChangeLogTriggers(db, 'blobs', 'id');

  await sql`CREATE TABLE sync_blobs (
    blob_id TEXT PRIMARY KEY,
    -- SHA-256 (hex) of this device's encrypted file for the blob.
    sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
    -- When the server was seen holding that copy (after an upload, a HEAD or a download); NULL: not yet.
    uploaded_at TEXT
  ) STRICT, WITHOUT ROWID`.execute(db);
}
