import { promises as fs } from 'node:fs';
import type { backupContract } from '../../../src-shared/domains/backup/backup.contract';
import { AppError } from '../../../src-shared/ipc/result';
import type { ModuleFactory } from '../../platform/module';
import { assertMasterPasswordPolicy } from '../../profile/password-policy';
import { allowWeakFrom } from '../../profile/profile.handlers';
import { createPathGuard } from './backup-access';
import { listBackups } from './backup-paths';
import { restoreBackup } from './backup-restore';
import { createBackupRunner } from './backup-run';
import { createScheduler } from './backup-scheduler';
import { backupSettingsDef, isDue, settingsView } from './backup-settings';
import { verifyBackup } from './backup-verify';

/**
 * The backup module (docs/architecture.md#backups): settings and schedule, `run` (backup-run.ts over the
 * writer and rotation), `list`/`verify`/`restore` (public: they work locked, from the profile picker), and the
 * path guard for the desktop renderer (backup-access.ts).
 */
export const createBackupModule: ModuleFactory<typeof backupContract> = (ctx) => {
  const settings = ctx.settings(backupSettingsDef);
  const guard = createPathGuard();
  const runner = createBackupRunner(ctx, settings);
  const scheduler = createScheduler(
    async () => isDue(await settings.get(), ctx.now()),
    () => runner.run(),
  );
  /** The configured folder when a profile is unlocked (null while locked). */
  const configured = async (): Promise<string | null> => {
    if (!ctx.host.profiles.isUnlocked()) return null;
    try {
      return (await settings.get()).folder;
    } catch {
      return null; // right after a recovery-key unlock the settings wait for the new password
    }
  };

  return {
    handlers: {
      settings: async () => settingsView(await settings.get(), ctx.now()),
      async configure(input, call) {
        let folder = input.folder;
        if (folder) {
          folder = await guard.folder(folder, call, await configured());
          const stat = await fs.stat(folder).catch(() => null);
          if (!stat?.isDirectory()) throw new AppError('NOT_FOUND', `There is no folder at ${folder}.`);
        }
        const patch = {
          ...(folder !== undefined ? { folder } : {}),
          ...(input.schedule ? { schedule: input.schedule } : {}),
          ...(input.keep ? { keep: input.keep } : {}),
        };
        return settingsView(await settings.set(patch), ctx.now());
      },
      async pickFolder(_input, call) {
        const pick = ctx.host.files?.pickFolder;
        if (call.transport !== 'electron' || !pick) return { folder: null };
        const folder = await pick({ title: 'Choose a folder for Hearth backups' });
        if (folder) guard.remember(folder);
        return { folder };
      },
      run: () => runner.run(),
      async list(input, call) {
        const mine = await configured();
        const folder = input.folder ?? mine;
        if (!folder) throw new AppError('INVALID_INPUT', 'Which folder? Choose a backup folder first.');
        return listBackups(await guard.folder(folder, call, mine));
      },
      verify: async (input, call) => verifyBackup(await guard.file(input.file, call, await configured()), input.secret),
      async restore(input, call) {
        const file = await guard.file(input.file, call, await configured());
        if (input.newPassword) assertMasterPasswordPolicy(input.newPassword, { allowWeak: allowWeakFrom(input, call), field: 'newPassword' });
        return restoreBackup({
          file,
          secret: input.secret,
          name: input.name,
          newPassword: input.newPassword,
          root: ctx.host.profiles.store.root,
          kdfCost: ctx.host.kdfCost,
          now: ctx.now(),
        });
      },
    },
    // Automatic backups belong to the long-running front doors; a CLI command exits when it is done.
    onUnlock: () => {
      if (ctx.host.transport === 'electron' || ctx.host.transport === 'web') scheduler.start();
    },
    onLock: () => {
      scheduler.stop();
      runner.abort();
    },
  };
};
