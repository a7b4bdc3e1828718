import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI_BUILT, hearth } from '../../test/cli';
import { tempRoot } from '../../test/helpers';
import { cliImportSample, NO_KEEPASSXC_CLI } from './import/keepassxc-cli.test-helpers';

/** `hearth vault import … --key-file F` on a KeePassXC database that needs a password and a key file. */

const dir = mkdtempSync(path.join(tmpdir(), 'hearth-cli-keyfile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!CLI_BUILT || NO_KEEPASSXC_CLI)('hearth vault import --key-file', () => {
  it('imports a password + key file KDBX, and says the key file is needed without it', async () => {
    const db = cliImportSample({ file: path.join(dir, 'keyed.kdbx'), password: 'kdbx-pw', keyFile: path.join(dir, 'keyed.key') });
    const home = tempRoot();
    const pw = path.join(dir, 'pw');
    const sourcePw = path.join(dir, 'source-pw');
    writeFileSync(pw, 'cli-master-pw\n');
    writeFileSync(sourcePw, 'kdbx-pw\n');
    const env = { HEARTH_HOME: home };
    expect((await hearth(['profile', 'create', '--name', 'K', '--password-file', pw], env)).code).toBe(0);
    const without = await hearth(['vault', 'import', db.file, '--source-password-file', sourcePw, '--password-file', pw], env);
    expect(without.code).not.toBe(0);
    expect(without.stderr).toMatch(/key file/);
    const withKey = await hearth(
      ['vault', 'import', db.file, '--source-password-file', sourcePw, '--key-file', path.join(dir, 'keyed.key'), '--password-file', pw, '--json'],
      env,
    );
    expect(withKey.code).toBe(0);
    expect(JSON.parse(withKey.stdout)).toMatchObject({ preview: { format: 'kdbx', total: 3 }, committed: { imported: 3 } });
    const missing = await hearth(['vault', 'import', db.file, '--key-file', path.join(dir, 'nope.key'), '--password-file', pw], env);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toMatch(/Cannot read the key file/);
  });
});
