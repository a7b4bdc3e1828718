import { sql, type Kysely } from 'kysely';

/**
 * Vault tables. Secrets live in `secrets`: a JSON map of field name → base64(iv ‖ tag ‖ ciphertext),
 * each sealed with AES-256-GCM under a per-item key (HKDF of the items key) with the item id and the
 * field name as associated data. Everything else is searchable metadata, protected by SQLCipher.
 * Frozen in time: imports only kysely.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE vault_items (
    id TEXT PRIMARY KEY,
    type TEXT NOT NULL CHECK (type IN ('login', 'note', 'card', 'identity')),
    title TEXT NOT NULL,
    subtitle TEXT NOT NULL DEFAULT '',
    folder TEXT NOT NULL DEFAULT '',
    tags TEXT NOT NULL DEFAULT '[]',
    favorite INTEGER NOT NULL DEFAULT 0,
    reprompt INTEGER NOT NULL DEFAULT 0,
    notes TEXT NOT NULL DEFAULT '',
    public_data TEXT NOT NULL DEFAULT '{}',
    secrets TEXT NOT NULL DEFAULT '{}',
    has_totp INTEGER NOT NULL DEFAULT 0,
    password_changed_at TEXT,
    last_used_at TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT,
    -- Set when a trashed item is erased: the row stays as a tombstone for sync, with its content wiped.
    purged_at TEXT
  ) STRICT`.execute(db);
  await sql`CREATE INDEX vault_items_by_deleted_updated ON vault_items (deleted_at, updated_at)`.execute(db);

  await sql`CREATE TABLE vault_password_history (
    id TEXT PRIMARY KEY,
    item_id TEXT NOT NULL REFERENCES vault_items (id),
    sealed TEXT NOT NULL,
    changed_at TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
  ) STRICT`.execute(db);
  await sql`CREATE INDEX vault_password_history_by_item ON vault_password_history (item_id, changed_at)`.execute(db);

  await sql`CREATE TABLE vault_item_versions (
    id TEXT PRIMARY KEY,
    item_id TEXT NOT NULL REFERENCES vault_items (id),
    title TEXT NOT NULL,
    sealed TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
  ) STRICT`.execute(db);
  await sql`CREATE INDEX vault_item_versions_by_item ON vault_item_versions (item_id, created_at)`.execute(db);
}
