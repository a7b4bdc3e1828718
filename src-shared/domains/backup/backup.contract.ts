import { z } from 'zod';
import { defineContract, op } from '../../ipc/define';
import { NoInput } from '../../lib/schema';
import {
  BackupInfo,
  BackupProgress,
  BackupSettings,
  ConfigureInput,
  ListInput,
  RestoreInput,
  RestoreResult,
  RunResult,
  VerifyInput,
  VerifyReport,
} from './backup.schemas';

/**
 * Encrypted backups of a whole profile (database snapshot, stored files, keyring) into a folder the user
 * picks, on a schedule with rotation; verify and restore into a new profile (docs/formats.md#backups).
 */
export const backupContract = defineContract(
  'backup',
  {
    settings: op({ input: NoInput, output: BackupSettings, summary: 'Backup folder, schedule, rotation and last result' }),
    configure: op({ input: ConfigureInput, output: BackupSettings, summary: 'Choose the backup folder, schedule and rotation' }),
    /** The desktop app's folder dialog; null when cancelled or in browser mode (type the path there). */
    pickFolder: op({
      input: NoInput,
      output: z.strictObject({ folder: z.string().nullable() }),
      // Public: restoring starts at the profile picker, while locked.
      public: true,
      summary: 'Choose a backup folder with a dialog',
    }),
    run: op({ input: NoInput, output: RunResult, summary: 'Back up the unlocked profile now' }),
    list: op({ input: ListInput, output: z.array(BackupInfo), public: true, summary: 'Backups in a folder, newest first' }),
    verify: op({ input: VerifyInput, output: VerifyReport, public: true, summary: 'Check every chunk of a backup without restoring it' }),
    restore: op({ input: RestoreInput, output: RestoreResult, public: true, summary: 'Restore a backup into a new profile' }),
  },
  {
    /** A running backup's progress (at most four a second). */
    progress: BackupProgress,
  },
);
