import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertCliBuilt, hearth, ok } from '../../test/cli';
import { tempRoot } from '../../test/helpers';

/** `hearth backup config|now|list|verify|restore` on the built CLI: output, --json and exit codes. */
describe('backup.cli', () => {
  beforeAll(() => {
    assertCliBuilt();
  });

  it('configures, backs up, lists, verifies and restores into a new profile; 2 for bad usage', async () => {
    const home = tempRoot();
    const folder = tempRoot();
    const env = { HEARTH_HOME: home, HEARTH_PASSWORD: 'cli-backup-password' };
    const created = JSON.parse(ok(await hearth(['profile', 'create', '--name', 'Shop', '--allow-weak-password', '--json'], env)).stdout);
    const keyFile = path.join(home, 'recovery.txt');
    writeFileSync(keyFile, `${created.recoveryKey}\n`, { mode: 0o600 });

    expect(ok(await hearth(['backup', 'config', '--folder', folder, '--schedule', 'weekly', '--keep-daily', '3'], env)).stdout).toMatch(
      /Keep: {5}3 daily, 4 weekly/,
    );
    const run = JSON.parse(ok(await hearth(['backup', 'now', '--json'], env)).stdout);
    expect(run.backup).toMatchObject({ profileName: 'Shop', profileId: created.profile.id });

    const listed = JSON.parse(ok(await hearth(['backup', 'list', '--folder', folder, '--json'], env)).stdout);
    expect(listed.map((b: { file: string }) => b.file)).toEqual([run.backup.file]);
    expect(ok(await hearth(['backup', 'verify', run.backup.file, '--recovery-key-file', keyFile], env)).stdout).toMatch(
      /^OK: \d+ chunks, 0 stored files checked/,
    );
    expect((await hearth(['backup', 'verify'], env)).code).toBe(2);

    const restored = JSON.parse(
      ok(await hearth(['backup', 'restore', run.backup.file, '--recovery-key-file', keyFile, '--name', 'Shop copy', '--allow-weak-password', '--json'], env))
        .stdout,
    );
    expect(restored).toMatchObject({ profile: { name: 'Shop copy' }, migrated: 0 });
    expect(existsSync(path.join(home, restored.profile.id, 'keyring.json'))).toBe(true);
  }, 120_000);
});
