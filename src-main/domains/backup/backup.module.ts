import type { backupContract } from '../../../src-shared/domains/backup/backup.contract';
import { AppError } from '../../../src-shared/ipc/result';
import type { ModuleFactory } from '../../platform/module';

// PLACEHOLDER (lead): replaced by the backup helper's real module.
const todo = (): never => {
  throw new AppError('INTERNAL', 'Backups are being built.');
};

export const createBackupModule: ModuleFactory<typeof backupContract> = () => ({
  handlers: { settings: todo, configure: todo, pickFolder: todo, run: todo, list: todo, verify: todo, restore: todo },
});
