import type { z } from 'zod';
import type { ProfileSummary } from '../../../src-shared/domains/profile/profile.schemas';
import type { BackupInfo, RestoreInput, VerifyInput, VerifyReport } from '../../../src-shared/domains/backup/backup.schemas';
import { api } from '../../api/client';

/**
 * The backup calls that work while locked (list, verify, restore: public ops) and the folder dialog. The settings
 * section's store and the restore screen call these; components never call `api` themselves.
 */

export type BackupSecret = z.input<typeof VerifyInput>['secret'];
export type RestoreRequest = z.input<typeof RestoreInput>;

/** The desktop app's folder dialog; null when cancelled or when there is none (browser mode: type the path). */
export async function pickFolder(): Promise<string | null> {
  return (await api.backup.pickFolder()).folder;
}

/** Backups in `folder` (or the configured folder when absent), newest first. */
export const listBackups = (folder?: string): Promise<BackupInfo[]> => api.backup.list(folder === undefined ? {} : { folder });

/** Checks every chunk and stored file of a backup without restoring it. */
export const verifyBackup = (file: string, secret: BackupSecret): Promise<VerifyReport> => api.backup.verify({ file, secret });

/** Restores a backup into a new profile; resolves with it and its new recovery key (shown once). */
export async function restoreBackup(input: RestoreRequest): Promise<{ profile: ProfileSummary; recoveryKey: string; migrated: number }> {
  const out = await api.backup.restore(input);
  return { profile: out.profile, recoveryKey: out.recoveryKey, migrated: out.migrated };
}
