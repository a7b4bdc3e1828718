import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { describeWithFixtures, fixturePath } from '../../test/fixtures';
import { assertCliBuilt, hearth } from '../../test/cli';
import { tempRoot } from '../../test/helpers';

/** The content files of every profile's encrypted file store under `home` (64-hex names). */
const storedFiles = (home: string): string[] =>
  readdirSync(home, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /^[0-9a-f]{64}$/.test(e.name))
    .map((e) => e.name);

describeWithFixtures('vault.cli', () => {
  beforeAll(() => {
    assertCliBuilt();
  });

  it('imports (dry run, then for real), searches, prints a TOTP code and exports an encrypted file that imports elsewhere', async () => {
    const fixture = fixturePath('vault', 'bitwarden', 'keepassxc-bitwarden_export.json');
    const home = tempRoot();
    const pw = path.join(home, 'pw');
    writeFileSync(pw, 'vault-cli-pw\n');
    const env = { HEARTH_HOME: home };
    expect((await hearth(['profile', 'create', '--name', 'A', '--password-file', pw], env)).code).toBe(0);

    const dry = await hearth(['vault', 'import', fixture, '--dry-run', '--json', '--password-file', pw], env);
    expect(dry.code).toBe(0);
    expect(JSON.parse(dry.stdout)).toMatchObject({ preview: { total: 4, format: 'bitwarden-json' }, committed: null });
    expect(JSON.parse((await hearth(['vault', 'search', 'Login', '--json', '--password-file', pw], env)).stdout)).toEqual([]);

    const real = await hearth(['vault', 'import', fixture, '--password-file', pw], env);
    expect(real.stdout).toContain('Imported 4');
    const found = JSON.parse((await hearth(['vault', 'search', 'login', '--json', '--password-file', pw], env)).stdout) as { title: string }[];
    expect(found.map((f) => f.title)).toContain('Login Name');
    expect(JSON.stringify(found)).not.toContain('mypassword');

    const code = await hearth(['vault', 'totp', 'Login Name', '--password-file', pw], env);
    expect(code.code).toBe(0);
    expect(code.stdout.trim()).toMatch(/^\d{6}$/);

    const out = path.join(home, 'vault.hearth');
    // Encrypted exports need their own file password, never the master password.
    const noFilePw = await hearth(['vault', 'export', '--format', 'kdbx', '--out', out, '--password-file', pw], env);
    expect([noFilePw.code, noFilePw.stderr]).toEqual([2, expect.stringContaining('--export-password-file')]);
    const samePw = await hearth(['vault', 'export', '--format', 'hearth', '--out', out, '--export-password-file', pw, '--password-file', pw], env);
    expect([samePw.code, samePw.stderr]).toEqual([2, expect.stringContaining('different password')]);
    expect(existsSync(out)).toBe(false);
    const exportPw = path.join(home, 'export-pw');
    writeFileSync(exportPw, 'export-secret\n');
    expect((await hearth(['vault', 'export', '--format', 'hearth', '--out', out, '--export-password-file', exportPw, '--password-file', pw], env)).code).toBe(
      0,
    );
    expect(readFileSync(out).includes(Buffer.from('mypassword'))).toBe(false);
    // The export went through the file store and was released once written: no copy stays behind in it.
    const csv = path.join(home, 'vault.csv');
    expect((await hearth(['vault', 'export', '--format', 'csv', '--out', csv, '--password-file', pw], env)).code).toBe(0);
    expect(readFileSync(csv, 'utf8')).toContain('mypassword');
    expect(storedFiles(home)).toEqual([]);

    const other = { HEARTH_HOME: tempRoot() };
    await hearth(['profile', 'create', '--name', 'B', '--password-file', pw], other);
    const wrong = await hearth(['vault', 'import', out, '--source-password-file', pw, '--password-file', pw], other);
    expect(wrong.code).toBe(3);
    const back = await hearth(['vault', 'import', out, '--source-password-file', exportPw, '--password-file', pw, '--json'], other);
    expect(JSON.parse(back.stdout)).toMatchObject({ committed: { imported: 4 } });
  });
});
