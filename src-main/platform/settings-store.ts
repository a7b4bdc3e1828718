import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../db/database';
import { log } from '../lib/log';

/** A module's settings: rows `<namespace>.<key>` in the one `settings` table, values as JSON. */
export interface SettingsDef<S extends Record<string, unknown>> {
  readonly namespace: string;
  readonly schema: z.ZodObject;
  readonly defaults: S;
}

export const defineSettings = <S extends Record<string, unknown>>(def: SettingsDef<S>): SettingsDef<S> => def;

/** Stored values over the defaults; a stored value that no longer validates falls back to its default. */
export async function readSettings<S extends Record<string, unknown>>(db: Kysely<Database>, def: SettingsDef<S>): Promise<S> {
  const prefix = `${def.namespace}.`;
  const rows = await db
    .selectFrom('settings')
    .select(['key', 'value'])
    .where('deleted_at', 'is', null)
    // `<namespace>.` up to `<namespace>/` ('/' follows '.'): a range on the primary key.
    .where('key', '>', prefix)
    .where('key', '<', `${def.namespace}/`)
    .execute();
  const shape = def.schema.shape as Record<string, z.ZodType | undefined>;
  const merged: Record<string, unknown> = { ...def.defaults };
  for (const row of rows) {
    const key = row.key.slice(prefix.length);
    const field = shape[key];
    if (!field) continue;
    try {
      const parsed = field.safeParse(JSON.parse(row.value));
      if (parsed.success) merged[key] = parsed.data;
      else log.warn(`[settings] ignoring invalid stored value for ${row.key}`);
    } catch {
      log.warn(`[settings] ignoring unreadable stored value for ${row.key}`);
    }
  }
  return def.schema.parse(merged) as S;
}

/** Upserts the given keys (inside the caller's write). */
export async function writeSettings<S extends Record<string, unknown>>(
  trx: Kysely<Database>,
  def: SettingsDef<S>,
  patch: Partial<S>,
  now: string,
): Promise<void> {
  const current = await readSettings(trx, def);
  const next = def.schema.parse({ ...current, ...patch }) as S;
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    const json = JSON.stringify(next[key as keyof S]);
    await trx
      .insertInto('settings')
      .values({ key: `${def.namespace}.${key}`, value: json, created_at: now, updated_at: now, deleted_at: null })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: json, updated_at: now, deleted_at: null }))
      .execute();
  }
}
