import { sql, type Kysely } from 'kysely';

/**
 * The vault health report's strength cache: zxcvbn's verdict per distinct password, so a report over
 * 10,000 logins re-scores only passwords that changed. `id` is HMAC-SHA-256 of the password under a key
 * derived from the items key (never a plain hash: without the key it cannot be matched to a guess).
 * Derived data, rebuilt on demand: not synced, no trash.
 * Frozen in time: imports only kysely.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE vault_strength_cache (
    id TEXT PRIMARY KEY,
    score INTEGER NOT NULL CHECK (score BETWEEN 0 AND 4),
    guesses_log10 REAL NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  ) STRICT`.execute(db);
}
