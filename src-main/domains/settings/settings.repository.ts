import type { Kysely } from 'kysely';
import type { Database } from '../../db/database';
import type { SettingRow } from './settings.table';

export const settingsRepository = Object.freeze({
  listActive: (db: Kysely<Database>): Promise<SettingRow[]> =>
    db.selectFrom('settings').selectAll().where('deleted_at', 'is', null).execute(),

  upsert: (db: Kysely<Database>, key: string, value: string, now: string) =>
    db
      .insertInto('settings')
      .values({ key, value, created_at: now, updated_at: now, deleted_at: null })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: now, deleted_at: null }))
      .execute(),
});
