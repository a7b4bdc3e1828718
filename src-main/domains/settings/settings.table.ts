import type { Insertable, Selectable, Updateable } from 'kysely';

/** One row per setting; `value` is JSON. `deleted_at` set means "back to the default". */
export interface SettingsTable {
  key: string;
  value: string;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export type SettingRow = Selectable<SettingsTable>;
export type NewSettingRow = Insertable<SettingsTable>;
export type SettingRowUpdate = Updateable<SettingsTable>;
