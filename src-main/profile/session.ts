import type { Kysely } from 'kysely';
import type { ProfileSummary } from '../../src-shared/domains/profile/profile.schemas';
import { KeySet } from '../crypto/keys';
import { createKysely, openSqlite, type SqliteHandle } from '../db/connection';
import type { Database } from '../db/database';
import { migrateToLatest } from '../db/migrator';
import { DATABASE_FILE } from './profile-store';

/** An unlocked profile: the open database and the keys. Exists only between unlock and lock. */
export class ProfileSession {
  #closed = false;

  private constructor(
    readonly profile: ProfileSummary,
    readonly dir: string,
    readonly sqlite: SqliteHandle,
    readonly db: Kysely<Database>,
    readonly keys: KeySet,
  ) {}

  /** Opens (or creates) the database with the DEK's database sub-key and migrates it to latest. */
  static async open(profile: ProfileSummary, dir: string, dbFile: string, dek: Buffer, create: boolean): Promise<ProfileSession> {
    const keys = new KeySet(dek);
    let sqlite: SqliteHandle | undefined;
    try {
      sqlite = openSqlite(dbFile, { keyPragma: keys.dbKeyPragma(), label: DATABASE_FILE, create });
      const db = createKysely(sqlite);
      await migrateToLatest(db);
      return new ProfileSession(profile, dir, sqlite, db, keys);
    } catch (err) {
      sqlite?.close();
      keys.destroy();
      throw err;
    }
  }

  get closed(): boolean {
    return this.#closed;
  }

  /** Closes the database and overwrites every key buffer. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    try {
      this.sqlite.close();
    } finally {
      this.keys.destroy();
    }
  }
}
