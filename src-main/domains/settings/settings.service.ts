import type { Kysely } from 'kysely';
import type { ServiceOf } from '../../../src-shared/ipc/define';
import type { settingsContract } from '../../../src-shared/domains/settings/settings.contract';
import { DEFAULT_SETTINGS, Settings, type SettingsPatch } from '../../../src-shared/domains/settings/settings.schemas';
import type { Database } from '../../db/database';
import { nowIso } from '../../lib/ids';
import { log } from '../../lib/log';
import { settingsRepository } from './settings.repository';

export interface SettingsServiceDeps {
  db: () => Kysely<Database>;
  /** Called after a change, so the session can re-arm the idle timer and the like. */
  onChanged?: (settings: Settings) => void;
}

/** Reads stored settings over the defaults; a stored value that no longer validates falls back to its default. */
export async function readSettings(db: Kysely<Database>): Promise<Settings> {
  const rows = await settingsRepository.listActive(db);
  const merged: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const row of rows) {
    if (!(row.key in DEFAULT_SETTINGS)) continue;
    try {
      const value: unknown = JSON.parse(row.value);
      const single = Settings.shape[row.key as keyof Settings].safeParse(value);
      if (single.success) merged[row.key] = single.data;
      else log.warn(`[settings] ignoring invalid stored value for ${row.key}`);
    } catch {
      log.warn(`[settings] ignoring unreadable stored value for ${row.key}`);
    }
  }
  return Settings.parse(merged);
}

export function createSettingsService(deps: SettingsServiceDeps): ServiceOf<typeof settingsContract> {
  return {
    get: () => readSettings(deps.db()),
    set: async (patch: SettingsPatch) => {
      const db = deps.db();
      const now = nowIso();
      await db.transaction().execute(async (trx) => {
        for (const [key, value] of Object.entries(patch)) {
          if (value !== undefined) await settingsRepository.upsert(trx, key, JSON.stringify(value), now);
        }
      });
      const settings = await readSettings(db);
      deps.onChanged?.(settings);
      return settings;
    },
  };
}
