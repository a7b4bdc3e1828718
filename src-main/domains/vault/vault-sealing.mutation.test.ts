import { describe, expect, it } from 'vitest';
import type { ItemDetail } from '../../../src-shared/domains/vault/vault.schemas';
import type { SqliteHandle } from '../../db/connection';
import { errorOf, PASSWORD, testCore } from '../../test/helpers';

/**
 * Tests a hand-made mutation sample showed missing (docs/architecture.md#mutation-testing): sealed values moved
 * between fields on disk must fail to open, and erasing an item must leave no sealed data behind. They read and
 * write the raw SQLCipher rows of a real profile, the way an attacker with the database key (or a bug) would.
 */

/**
 * A raw UPDATE outside the write path (a tamper). Once the change log exists, its triggers refuse writes while
 * write_context.hlc is NULL, so the tamper sets a context for its own statement and clears it after.
 */
function tamper(sqlite: SqliteHandle, statement: string, ...params: unknown[]): void {
  const logged = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'write_context'").get() !== undefined;
  if (logged) sqlite.prepare("UPDATE write_context SET hlc = 'tamper', domain = 'test' WHERE only = 1").run();
  try {
    sqlite.prepare(statement).run(...params);
  } finally {
    if (logged) sqlite.prepare('UPDATE write_context SET hlc = NULL, domain = NULL WHERE only = 1').run();
  }
}

const secretsOf = (sqlite: SqliteHandle, id: string): Record<string, string> =>
  JSON.parse((sqlite.prepare('SELECT secrets FROM vault_items WHERE id = ?').get(id) as { secrets: string }).secrets) as Record<string, string>;

async function setup() {
  const core = testCore();
  await core.call('profile:create', { name: 'M', password: PASSWORD });
  const create = (title: string, password: string, pin: string) =>
    core.call<ItemDetail>('vault:create', {
      item: { type: 'login', title, login: { username: 'u', password, urls: [] }, fields: [{ name: 'PIN', type: 'hidden', value: pin }] },
    });
  const a = await create('A', 'alpha-password', '1111');
  const b = await create('B', 'bravo-password', '2222');
  const sqlite = core.profiles.current().sqlite;
  const reveal = (item: ItemDetail, field: string) => core.call<{ value: string }>('vault:reveal', { id: item.id, field });
  return { core, a, b, sqlite, reveal };
}

describe('vault field sealing on disk (mutation tests)', () => {
  it('a sealed value swapped with another field of the same item fails to open as CORRUPT', async () => {
    const { a, sqlite, reveal } = await setup();
    const pinField = `field:${a.fields[0]!.id}`;
    expect((await reveal(a, 'password')).value).toBe('alpha-password');
    const s = secretsOf(sqlite, a.id);
    expect(Object.keys(s)).toEqual(expect.arrayContaining(['password', pinField]));
    // Same item, same per-item key: only the field name in the associated data tells the two apart.
    tamper(sqlite, 'UPDATE vault_items SET secrets = ? WHERE id = ?', JSON.stringify({ ...s, password: s[pinField], [pinField]: s.password }), a.id);
    for (const field of ['password', pinField]) {
      const err = await errorOf(reveal(a, field));
      expect(err.code, field).toBe('CORRUPT');
      expect(JSON.stringify(err)).not.toMatch(/alpha-password|1111/);
    }
  });

  it('a sealed value moved to the same field of another item fails to open as CORRUPT', async () => {
    const { a, b, sqlite, reveal } = await setup();
    const sa = secretsOf(sqlite, a.id);
    const sb = secretsOf(sqlite, b.id);
    tamper(sqlite, 'UPDATE vault_items SET secrets = ? WHERE id = ?', JSON.stringify({ ...sa, password: sb.password }), a.id);
    expect((await errorOf(reveal(a, 'password'))).code).toBe('CORRUPT');
    // The untouched field of the tampered item and the other item still open.
    expect((await reveal(a, `field:${a.fields[0]!.id}`)).value).toBe('1111');
    expect((await reveal(b, 'password')).value).toBe('bravo-password');
  });

  it('erasing an item leaves no sealed secret, password history or version of it in the database', async () => {
    const { core, a, b, sqlite } = await setup();
    // Two edits: a password history entry and versions for A (and one for B, which must survive).
    /** An edit as the editor sends it: a new password, the hidden field kept (value left out). */
    const edit = (item: ItemDetail, title: string, password: string) =>
      core.call('vault:update', {
        id: item.id,
        item: { type: 'login', title, login: { username: 'u', urls: [], password }, fields: [{ id: item.fields[0]!.id, name: 'PIN', type: 'hidden' }] },
      });
    for (const password of ['alpha-2', 'alpha-3']) await edit(a, 'A', password);
    await edit(b, 'B', 'bravo-2');
    const count = (table: string, id: string) => (sqlite.prepare(`SELECT count(*) AS n FROM ${table} WHERE item_id = ?`).get(id) as { n: number }).n;
    expect(count('vault_password_history', a.id)).toBeGreaterThan(0);
    expect(count('vault_item_versions', a.id)).toBeGreaterThan(0);
    expect(Object.keys(secretsOf(sqlite, a.id)).length).toBeGreaterThan(0);

    await core.call('vault:trash', { id: a.id });
    await core.call('vault:purge', { id: a.id });

    expect(secretsOf(sqlite, a.id)).toEqual({});
    expect(count('vault_password_history', a.id)).toBe(0);
    expect(count('vault_item_versions', a.id)).toBe(0);
    const row = sqlite.prepare('SELECT * FROM vault_items WHERE id = ?').get(a.id) as Record<string, unknown>;
    expect(row.purged_at).not.toBeNull();
    expect(JSON.stringify(row)).not.toMatch(/alpha|"A"|PIN/);
    // The other item keeps everything.
    expect(count('vault_password_history', b.id)).toBeGreaterThan(0);
    expect(Object.keys(secretsOf(sqlite, b.id)).length).toBeGreaterThan(0);
  });
});
