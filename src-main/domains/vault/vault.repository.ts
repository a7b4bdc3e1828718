import type { Kysely } from 'kysely';
import type { Database } from '../../db/database';
import type { NewVaultItemRow, VaultItemRow, VaultItemRowUpdate } from './vault.table';

const META_COLUMNS = ['id', 'type', 'title', 'subtitle', 'folder', 'tags', 'favorite', 'reprompt', 'notes', 'public_data', 'has_totp', 'password_changed_at', 'last_used_at', 'created_at', 'updated_at', 'deleted_at'] as const;
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

  insert: (db: Kysely<Database>, row: NewVaultItemRow) => db.insertInto('vault_items').values(row).execute(),

  update: (db: Kysely<Database>, id: string, patch: VaultItemRowUpdate) =>
    db.updateTable('vault_items').set(patch).where('id', '=', id).execute(),

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
    db.selectFrom('vault_item_versions').select(['id', 'title', 'created_at']).where('item_id', '=', itemId).where('deleted_at', 'is', null).orderBy('created_at', 'desc').execute(),

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
