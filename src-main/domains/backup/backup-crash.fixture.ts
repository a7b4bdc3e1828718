// Test helper for backup-crash.test.ts (T17): unlocks a profile with its recovery key (no KDF, quick) and writes a
// backup the way a run does, printing "ACK n" after each piece of the database written into the body and pausing
// 100 ms, so the parent's SIGKILL lands while the `.partial` file is being written.
import { ProfileService } from '../../profile/profile.service';
import { withFolderLock } from './backup-lock';
import { profileBackupDir } from './backup-paths';
import { writeBackup } from './backup-writer';

async function main(): Promise<void> {
  const [root, profileId, folder, recoveryKey] = process.argv.slice(2) as [string, string, string, string];
  const profiles = new ProfileService({ root });
  await profiles.unlock({ profileId, recoveryKey });
  const session = profiles.session()!;
  let n = 0;
  const source = { profile: session.profile, dir: session.dir, sqlite: session.sqlite, dek: session.keys.dek, appVersion: '0.0.0-test' };
  await withFolderLock(profileBackupDir(folder, profileId), () =>
    writeBackup(source, folder, {
      now: Date.now(),
      progress: () => undefined,
      afterChunk: async () => {
        process.stdout.write(`ACK ${++n}\n`);
        await new Promise((r) => setTimeout(r, 100));
      },
    }),
  );
  process.stdout.write('DONE\n');
  await new Promise((r) => setTimeout(r, 60_000)); // the parent kills; finishing on its own is a test failure
}

void main().catch((err: unknown) => {
  process.stderr.write(String(err instanceof Error ? err.stack : err));
  process.exit(1);
});
