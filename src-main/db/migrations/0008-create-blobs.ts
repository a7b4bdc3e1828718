import { sql, type Kysely } from 'kysely';
// eslint-disable-next-line no-restricted-imports -- 0007's trigger helper is itself a frozen migration, never app code.
import { addChangeLogTriggers } from './0007-create-change-log';

/**
 * The encrypted file store's bookkeeping (issue 8): one `blobs` row per stored file (the files themselves
 * are `blobs/<xx>/<id>` in the profile folder, docs/formats.md#blobs) and one `blob_refs` row per owner
 * that uses it. A blob's `id` is the keyed content id (64 hex), not a ULID: identical content is one row
 * and one file. `unreferenced_since` is set when the last live ref goes (or at upload, before any ref)
 * and cleared when a ref comes back; garbage collection deletes a blob once it is older than the trash
 * period. Refs are soft-deleted like user data; a ref's owner is named, never joined (any domain may own one).
 * Frozen in time: imports only kysely (and the change-log helper of 0007, itself frozen).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE blobs (
    id TEXT PRIMARY KEY CHECK (length(id) = 64),
    size INTEGER NOT NULL CHECK (size >= 0),
    -- Sniffed from the content's magic bytes, never from a file name.
    mime TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT,
    unreferenced_since TEXT
  ) STRICT`.execute(db);
  await sql`CREATE INDEX blobs_by_unreferenced_since ON blobs (unreferenced_since) WHERE unreferenced_since IS NOT NULL`.execute(db);

  await sql`CREATE TABLE blob_refs (
    id TEXT PRIMARY KEY,
    blob_id TEXT NOT NULL REFERENCES blobs (id),
    owner_domain TEXT NOT NULL,
    owner_table TEXT NOT NULL,
    owner_id TEXT NOT NULL,
    -- 'attachment' | 'thumbnail' | 'label-pdf' | 'upload' | …: what the owner uses the blob for.
    role TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
  ) STRICT`.execute(db);
  await sql`CREATE INDEX blob_refs_by_blob ON blob_refs (blob_id) WHERE deleted_at IS NULL`.execute(db);
  await sql`CREATE INDEX blob_refs_by_owner ON blob_refs (owner_domain, owner_table, owner_id) WHERE deleted_at IS NULL`.execute(db);

  await addChangeLogTriggers(db, 'blobs', 'id');
  await addChangeLogTriggers(db, 'blob_refs', 'id');
}
