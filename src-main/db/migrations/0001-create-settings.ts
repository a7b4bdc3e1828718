import { sql, type Kysely } from 'kysely';

/** Frozen in time: imports only kysely. */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
  ) STRICT`.execute(db);
}
