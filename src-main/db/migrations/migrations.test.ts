import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { tempRoot } from '../../test/helpers';
import { createKysely, openSqlite } from '../connection';
import { migrateToLatest } from '../migrator';
import { migrations } from './index';

function openTemp() {
  const sqlite = openSqlite(path.join(tempRoot(), 'm.db'), { keyPragma: `x'${randomBytes(32).toString('hex')}'`, label: 'm.db', create: true });
  return { sqlite, db: createKysely(sqlite) };
}

describe('db.migrations', () => {
  it('has contiguous, zero-padded, unique names', () => {
    migrations.forEach((m, i) => expect(m.name).toMatch(new RegExp(`^${String(i + 1).padStart(4, '0')}-[a-z0-9-]+$`)));
  });

  it('migrates an empty database to latest, records the version, and is idempotent', async () => {
    const { sqlite, db } = openTemp();
    const first = await migrateToLatest(db);
    expect(first.applied).toEqual(migrations.map((m) => m.name));
    expect(sqlite.pragma('user_version', { simple: true })).toBe(migrations.length);
    expect((await migrateToLatest(db)).applied).toEqual([]);
    // FTS5 indexes (a virtual table and its shadow tables) cannot be STRICT; every table of ours is.
    const strict = sqlite
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE '%STRICT%' AND name NOT LIKE 'sqlite_%' AND name NOT IN (SELECT name FROM pragma_table_list WHERE type IN ('virtual', 'shadow'))",
      )
      .all();
    expect(strict).toEqual([]);
    sqlite.close();
  });

  it('refuses a database written by a newer schema', async () => {
    const { sqlite, db } = openTemp();
    await migrateToLatest(db);
    await sql`INSERT INTO schema_migrations (name, applied_at) VALUES ('9999-from-the-future', '2030-01-01T00:00:00.000Z')`.execute(db);
    await expect(migrateToLatest(db)).rejects.toMatchObject({ code: 'SCHEMA_TOO_NEW' });
    sqlite.close();
  });

  it('rolls back every step of a failing migration run (old schema or new, never mixed)', async () => {
    const { sqlite, db } = openTemp();
    const broken = [
      ...migrations,
      { name: '0900-create-a', up: async (k: typeof db) => void (await sql`CREATE TABLE a (x TEXT) STRICT`.execute(k)) },
      {
        name: '0901-fail',
        up: async () => {
          throw new Error('boom');
        },
      },
    ];
    await migrateToLatest(db);
    await expect(migrateToLatest(db as never, broken as never)).rejects.toThrow('boom');
    expect(sqlite.prepare("SELECT name FROM sqlite_master WHERE name = 'a'").all()).toEqual([]);
    expect(sqlite.pragma('user_version', { simple: true })).toBe(migrations.length);
    sqlite.close();
  });
});
