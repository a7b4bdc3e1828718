import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/database';
import type { NewVaultItemRow, VaultItemRow, VaultItemRowUpdate } from './vault.table';

const META_COLUMNS = [
  'id',
  'type',
  'title',
  'subtitle',
  'folder',
  'tags',
  'favorite',
  'reprompt',
  'notes',
  'public_data',
  'has_totp',
  'password_changed_at',
  'last_used_at',
  'created_at',
  'updated_at',
  'deleted_at',
] as const;
export type VaultItemMeta = Pick<VaultItemRow, (typeof META_COLUMNS)[number]>;

/** Plain queries over the vault tables: no business rules, no crypto. */
export const vaultRepository = Object.freeze({
  get: (db: Kysely<Database>, id: string): Promise<VaultItemRow | undefined> =>
    db.selectFrom('vault_items').selectAll().where('id', '=', id).executeTakeFirst(),

  listAll: (db: Kysely<Database>, trash: boolean): Promise<VaultItemRow[]> =>
    db
      .selectFrom('vault_items')
      .selectAll()
      .where('deleted_at', trash ? 'is not' : 'is', null)
      .where('purged_at', 'is', null)
      .orderBy('title')
      .execute(),

  /** Live items without their sealed secrets (the in-memory list and search cache). */
  listLiveMeta: (db: Kysely<Database>, ids?: readonly string[]): Promise<VaultItemMeta[]> => {
    let q = db.selectFrom('vault_items').select(META_COLUMNS).where('deleted_at', 'is', null).where('purged_at', 'is', null);
    if (ids) q = q.where('id', 'in', ids);
    return q.execute();
  },

  /** Live items' duplicate-check keys (title, username, URLs), without notes or secrets. */
  liveKeys: (db: Kysely<Database>) =>
    db.selectFrom('vault_items').select(['title', 'subtitle', 'public_data']).where('deleted_at', 'is', null).where('purged_at', 'is', null).execute(),

  /** Marks for catching up with other connections' commits: the highest rowid and change time so far. */
  /** The newest change log entry (0 when none). */
  lastChangeSeq: async (db: Kysely<Database>): Promise<number> =>
    Number((await sql<{ seq: number | null }>`SELECT max(seq) AS seq FROM change_log`.execute(db)).rows[0]?.seq ?? 0),

  /** Items logged as changed after `seq` (by any process), and the newest seq seen. */
  itemsChangedSince: async (db: Kysely<Database>, seq: number): Promise<{ ids: string[]; lastSeq: number }> => {
    const rows = (
      await sql<{ seq: number; table_name: string; row_id: string }>`SELECT seq, table_name, row_id FROM change_log WHERE seq > ${seq} ORDER BY seq`.execute(db)
    ).rows;
    const ids = new Set<string>();
    for (const r of rows) if (r.table_name === 'vault_items') ids.add(r.row_id);
    return { ids: [...ids], lastSeq: rows.length > 0 ? rows[rows.length - 1]!.seq : seq };
  },

  /** SQLite's `PRAGMA data_version`: changes when another connection commits (never for our own writes). */
  dataVersion: async (db: Kysely<Database>): Promise<number> => (await sql<{ data_version: number }>`PRAGMA data_version`.execute(db)).rows[0]!.data_version,

  /** Live logins with what the health report needs (the sealed map, to open only `password`). */
  liveLogins: (db: Kysely<Database>) =>
    db
      .selectFrom('vault_items')
      .select(['id', 'title', 'secrets', 'public_data', 'password_changed_at', 'has_totp'])
      .where('type', '=', 'login')
      .where('deleted_at', 'is', null)
      .where('purged_at', 'is', null)
      .execute(),

  /** Cached strength verdicts for these password digests. */
  strengths: async (db: Kysely<Database>, ids: readonly string[]) => {
    const out: { id: string; score: number; guesses_log10: number }[] = [];
    for (let i = 0; i < ids.length; i += 500) {
      out.push(
        ...(await db
          .selectFrom('vault_strength_cache')
          .select(['id', 'score', 'guesses_log10'])
          .where('id', 'in', ids.slice(i, i + 500))
          .execute()),
      );
    }
    return out;
  },

  /** Inside the caller's write (the cache is local and derived, so it has no change log triggers). */
  putStrengths: async (trx: Kysely<Database>, rows: { id: string; score: number; guesses_log10: number }[], now: string) => {
    for (let i = 0; i < rows.length; i += 200) {
      const values = rows.slice(i, i + 200).map((r) => ({ ...r, created_at: now, updated_at: now }));
      await trx
        .insertInto('vault_strength_cache')
        .values(values)
        .onConflict((oc) => oc.column('id').doNothing())
        .execute();
    }
  },

  /** Drops cached verdicts for passwords no live login has any more (changed, trashed, erased). */
  pruneStrengths: async (db: Kysely<Database>, keep: ReadonlySet<string>) => {
    const stale = (await db.selectFrom('vault_strength_cache').select('id').execute()).map((r) => r.id).filter((id) => !keep.has(id));
    for (let i = 0; i < stale.length; i += 500)
      await db
        .deleteFrom('vault_strength_cache')
        .where('id', 'in', stale.slice(i, i + 500))
        .execute();
    return stale.length;
  },

  insert: (db: Kysely<Database>, row: NewVaultItemRow) => db.insertInto('vault_items').values(row).execute(),

  update: (db: Kysely<Database>, id: string, patch: VaultItemRowUpdate) => db.updateTable('vault_items').set(patch).where('id', '=', id).execute(),

  addPasswordHistory: (db: Kysely<Database>, row: { id: string; item_id: string; sealed: string; changed_at: string; now: string }) =>
    db
      .insertInto('vault_password_history')
      .values({ id: row.id, item_id: row.item_id, sealed: row.sealed, changed_at: row.changed_at, created_at: row.now, updated_at: row.now, deleted_at: null })
      .execute(),

  passwordHistory: (db: Kysely<Database>, itemId: string) =>
    db.selectFrom('vault_password_history').selectAll().where('item_id', '=', itemId).where('deleted_at', 'is', null).orderBy('changed_at', 'desc').execute(),

  addVersion: (db: Kysely<Database>, row: { id: string; item_id: string; title: string; sealed: string; now: string }) =>
    db
      .insertInto('vault_item_versions')
      .values({ id: row.id, item_id: row.item_id, title: row.title, sealed: row.sealed, created_at: row.now, updated_at: row.now, deleted_at: null })
      .execute(),

  versions: (db: Kysely<Database>, itemId: string) =>
    db
      .selectFrom('vault_item_versions')
      .select(['id', 'title', 'created_at'])
      .where('item_id', '=', itemId)
      .where('deleted_at', 'is', null)
      .orderBy('created_at', 'desc')
      .execute(),

  /**
   * Erases a trashed item's content for good, keeping a content-free tombstone row (id and dates) so a
   * future sync can propagate the erase. Its password history and versions are deleted outright.
   */
  purge: async (db: Kysely<Database>, id: string, now: string) => {
    await db.deleteFrom('vault_password_history').where('item_id', '=', id).execute();
    await db.deleteFrom('vault_item_versions').where('item_id', '=', id).execute();
    await db
      .updateTable('vault_items')
      .set({ title: '', subtitle: '', folder: '', tags: '[]', notes: '', public_data: '{}', secrets: '{}', has_totp: 0, updated_at: now, purged_at: now })
      .where('id', '=', id)
      .execute();
  },

  trashedBefore: (db: Kysely<Database>, cutoff: string) =>
    db.selectFrom('vault_items').select('id').where('deleted_at', 'is not', null).where('purged_at', 'is', null).where('deleted_at', '<', cutoff).execute(),
});
