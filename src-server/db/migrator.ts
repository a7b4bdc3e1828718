import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import type { ServerDatabase } from './database';
import { serverMigrations } from './migrations';

/** Typed failure of a migration run (the server refuses to start on it). */
export class ServerMigrationError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ServerMigrationError';
  }
}

/**
 * Applies the server's pending migrations, in order, at startup (Kysely's Migrator: each migration in its own
 * transaction, a PostgreSQL advisory lock so several app servers starting at once migrate once). A database
 * with migrations this build does not know was migrated by a newer server and is refused.
 */
export async function migrateServerDb(db: Kysely<ServerDatabase>, list: Record<string, Migration> = serverMigrations): Promise<string[]> {
  const provider: MigrationProvider = { getMigrations: async () => list };
  const migrator = new Migrator({ db, provider, migrationTableName: 'server_migrations', migrationLockTableName: 'server_migrations_lock' });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    // Kysely reports a database migrated by a newer build as "corrupted migrations": the names it lists are unknown here.
    throw new ServerMigrationError(`The sync server database could not be migrated: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
