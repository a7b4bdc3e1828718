import { sql, type Kysely } from 'kysely';
import { AppError } from '../../src-shared/ipc/result';
import { migrations, type Migration } from './migrations';

/**
 * Ordered migrations, applied in one transaction at unlock. The applied list is recorded in
 * `schema_migrations` and its count in `PRAGMA user_version`; a database with migrations this build
 * does not know was written by a newer Hearth and is refused (Signal's DBVersionFromFutureError).
 */
export async function migrateToLatest(db: Kysely<any>, list: readonly Migration[] = migrations): Promise<{ applied: string[]; version: number }> {
  await sql`CREATE TABLE IF NOT EXISTS schema_migrations (
    name TEXT PRIMARY KEY,
    applied_at TEXT NOT NULL
  ) STRICT`.execute(db);

  const done = (await sql<{ name: string }>`SELECT name FROM schema_migrations ORDER BY name`.execute(db)).rows.map((r) => r.name);
  const known = new Set(list.map((m) => m.name));
  const unknown = done.filter((n) => !known.has(n));
  if (unknown.length > 0) {
    throw new AppError(
      'SCHEMA_TOO_NEW',
      `This profile was last opened by a newer version of Hearth (schema ${done.length}, this build knows ${list.length}). Update Hearth to open it.`,
      { file: 'hearth.db' },
    );
  }
  const pending = list.filter((m) => !done.includes(m.name));
  if (pending.length === 0) return { applied: [], version: list.length };

  await db.transaction().execute(async (trx) => {
    for (const m of pending) {
      await m.up(trx);
      await sql`INSERT INTO schema_migrations (name, applied_at) VALUES (${m.name}, ${new Date().toISOString()})`.execute(trx);
    }
    await sql.raw(`PRAGMA user_version = ${list.length}`).execute(trx);
  });
  return { applied: pending.map((m) => m.name), version: list.length };
}
