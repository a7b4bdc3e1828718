import { sql, type Kysely, type KyselyPlugin } from 'kysely';
import { AppError } from '../../src-shared/ipc/result';
import { migrations, type Migration } from './migrations';

/** One step of a migration run, numbered from 1 (what the kill-at-every-step test stops at). */
export interface MigrationStep {
  n: number;
  /** `begin`: the write lock is taken; `statement`: one SQL statement ran; `migrated`: a migration and its record are done; `committed`: COMMIT returned. */
  kind: 'begin' | 'statement' | 'migrated' | 'committed';
  /** The migration running, or null for the run's own bookkeeping. */
  migration: string | null;
}

export interface MigrateOptions {
  /** Test hook (docs/security.md#t18): called after each step. The test's child process SIGKILLs itself here. Absent in the app. */
  onStep?: (step: MigrationStep) => void;
}

/**
 * Ordered migrations, applied in one transaction at unlock. The applied list is recorded in
 * `schema_migrations` and its count in `PRAGMA user_version`; a database with migrations this build
 * does not know was written by a newer Hearth and is refused (Signal's DBVersionFromFutureError).
 *
 * Another process may hold the same profile (docs/security.md#t8): when something is pending, the run takes
 * the write lock first (BEGIN IMMEDIATE, waiting the busy timeout) and reads the applied list again under
 * it, so two processes unlocking an old profile at once migrate it once, and the second finds nothing to do.
 * A run with nothing pending takes no write lock at all.
 */
export async function migrateToLatest(
  db: Kysely<any>,
  list: readonly Migration[] = migrations,
  opts: MigrateOptions = {},
): Promise<{ applied: string[]; version: number }> {
  if ((await pendingIn(db, list)).length === 0) return { applied: [], version: list.length };

  let n = 0;
  let running: string | null = null;
  const stepped = (kind: MigrationStep['kind']) => opts.onStep?.({ n: ++n, kind, migration: running });
  const applied = await db.connection().execute(async (conn) => {
    await sql`BEGIN IMMEDIATE`.execute(conn);
    stepped('begin');
    try {
      const trx = opts.onStep ? conn.withPlugin(afterEachStatement(() => stepped('statement'))) : conn;
      await sql`CREATE TABLE IF NOT EXISTS schema_migrations (
        name TEXT PRIMARY KEY,
        applied_at TEXT NOT NULL
      ) STRICT`.execute(trx);
      const pending = await pendingIn(trx, list);
      for (const m of pending) {
        running = m.name;
        await m.up(trx);
        await sql`INSERT INTO schema_migrations (name, applied_at) VALUES (${m.name}, ${new Date().toISOString()})`.execute(trx);
        stepped('migrated');
        running = null;
      }
      await sql.raw(`PRAGMA user_version = ${list.length}`).execute(trx);
      await sql`COMMIT`.execute(conn);
      return pending.map((m) => m.name);
    } catch (err) {
      // SQLite has already rolled back after some errors (SQLITE_FULL): a failing ROLLBACK must not hide the cause.
      await sql`ROLLBACK`.execute(conn).catch(() => undefined);
      throw err;
    }
  });
  stepped('committed');
  return { applied, version: list.length };
}

/** The migrations of `list` not yet applied; SCHEMA_TOO_NEW when the database has ones `list` does not know. */
async function pendingIn(db: Kysely<any>, list: readonly Migration[]): Promise<Migration[]> {
  const table = await sql<{ n: number }>`SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'`.execute(db);
  if (Number(table.rows[0]?.n ?? 0) === 0) return [...list];
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
  return list.filter((m) => !done.includes(m.name));
}

/** A plugin that reports each statement after it ran (the migration test hook). */
function afterEachStatement(step: () => void): KyselyPlugin {
  return {
    transformQuery: (args) => args.node,
    transformResult: async (args) => {
      step();
      return args.result;
    },
  };
}
