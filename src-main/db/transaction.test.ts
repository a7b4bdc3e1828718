import path from 'node:path';
import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { toAppError } from '../ipc/router';
import { errorOf, PASSWORD, tempRoot, testCore } from '../test/helpers';
import { createKysely, openSqlite } from './connection';

/** A Bitwarden JSON export with `count` secure notes of `noteChars` characters each. */
function bitwardenExport(count: number, noteChars: number): string {
  const items = Array.from({ length: count }, (_, i) => ({
    type: 2,
    name: `Note ${i}`,
    notes: `${i}:`.padEnd(noteChars, 'x'),
    secureNote: { type: 0 },
    favorite: false,
  }));
  return JSON.stringify({ encrypted: false, folders: [], items });
}

describe('db transactions', () => {
  it('reports a full disk during an import as DISK_FULL (not INTERNAL) and keeps nothing of it', async () => {
    const core = testCore();
    await core.client.profile.create({ name: 'Home', password: PASSWORD });
    await core.client.vault.create({ item: { type: 'note', title: 'Before' } });
    const sqlite = core.profiles.current().sqlite;
    const pages = (sqlite.pragma('page_count', { simple: true }) as number) + 20;
    // The database may grow by 20 pages (80 KiB); the import needs far more.
    sqlite.pragma(`max_page_count = ${pages}`);
    const content = Buffer.from(bitwardenExport(200, 4000)).toString('base64');
    const preview = await core.client.vault.importPreview({ file: { fileName: 'big.json', contentBase64: content } });
    expect(preview.total).toBe(200);
    const err = await errorOf(() => core.client.vault.importCommit({ importId: preview.importId }));
    expect(err.code).toBe('DISK_FULL');
    // All or nothing: only the item from before the import is there, and the database still works.
    const list = await core.client.vault.list({});
    expect(list.items.map((i) => i.title)).toEqual(['Before']);
    await core.client.vault.create({ item: { type: 'note', title: 'After' } });
  });
});

describe('db transactions (helper)', () => {
  it('rethrows SQLITE_FULL when SQLite already rolled the transaction back, instead of a failed ROLLBACK', async () => {
    const dir = tempRoot();
    const sqlite = openSqlite(path.join(dir, 'full.db'), { keyPragma: `x'${'11'.repeat(32)}'`, label: 'full.db', create: true });
    try {
      sqlite.exec('CREATE TABLE t (v TEXT) STRICT');
      sqlite.pragma(`max_page_count = ${(sqlite.pragma('page_count', { simple: true }) as number) + 10}`);
      const db = createKysely(sqlite) as unknown as Kysely<{ t: { v: string } }>;
      const err = await db
        .transaction()
        .execute(async (trx) => {
          // Single-row inserts need no statement journal, so SQLITE_FULL ends the whole transaction.
          for (let i = 0; i < 100; i++)
            await trx
              .insertInto('t')
              .values({ v: 'x'.repeat(4000) })
              .execute();
        })
        .then(
          () => null,
          (e: unknown) => e as { code?: string; message: string },
        );
      expect(err?.message).not.toContain('no transaction is active');
      expect(err?.code).toBe('SQLITE_FULL');
      expect(toAppError(err, 'test').code).toBe('DISK_FULL');
      expect(sqlite.inTransaction).toBe(false);
      expect(sqlite.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 0 });
    } finally {
      sqlite.close();
    }
  });
});
