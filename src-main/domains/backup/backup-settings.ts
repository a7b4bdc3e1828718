import { z } from 'zod';
import { BackupKeep, BackupSchedule, DEFAULT_BACKUP_KEEP, type BackupSettings } from '../../../src-shared/domains/backup/backup.schemas';
import { defineSettings } from '../../platform/settings-store';

/** The backup settings stored in the profile's encrypted settings table (namespace `backup`). */
const Stored = z.object({
  folder: z.string().nullable(),
  schedule: BackupSchedule,
  keep: BackupKeep,
  lastBackupAt: z.string().nullable(),
  lastError: z.string().nullable(),
});
export type StoredBackupSettings = z.infer<typeof Stored>;

export const backupSettingsDef = defineSettings<StoredBackupSettings>({
  namespace: 'backup',
  schema: Stored,
  defaults: { folder: null, schedule: 'daily', keep: DEFAULT_BACKUP_KEEP, lastBackupAt: null, lastError: null },
});

const DAY_MS = 24 * 3600_000;
export const PERIOD_MS = { daily: DAY_MS, weekly: 7 * DAY_MS } as const;

/** When the scheduler runs next: null when off or without a folder; now when never run. */
export function nextDueMs(s: StoredBackupSettings, now: number): number | null {
  if (s.schedule === 'off' || !s.folder) return null;
  const last = s.lastBackupAt ? Date.parse(s.lastBackupAt) : Number.NaN;
  return Number.isFinite(last) ? Math.max(now, last + PERIOD_MS[s.schedule]) : now;
}

export const settingsView = (s: StoredBackupSettings, now: number): BackupSettings => {
  const due = nextDueMs(s, now);
  return { ...s, nextDueAt: due === null ? null : new Date(due).toISOString() };
};

/** True when an automatic backup is due: schedule on, a folder set, and the last one older than the period (or none). */
export function isDue(s: StoredBackupSettings, now: number): boolean {
  const due = nextDueMs(s, now);
  return due !== null && due <= now;
}
