import { sql, type Kysely } from 'kysely';

/**
 * One settings table for every module: keys become `<namespace>.<key>` (the core's own settings under
 * `core.`, the shop's under `batches.`), and `batch_settings` goes away. Values and dates move unchanged.
 * Frozen in time: imports only kysely.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`UPDATE settings SET key = 'core.' || key`.execute(db);
  await sql`INSERT INTO settings (key, value, created_at, updated_at, deleted_at)
    SELECT 'batches.' || key, value, created_at, updated_at, deleted_at FROM batch_settings`.execute(db);
  await sql`DROP TABLE batch_settings`.execute(db);
}
