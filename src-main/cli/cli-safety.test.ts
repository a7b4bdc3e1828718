import { execFile } from 'node:child_process';
import { statSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLI_BUILT, HEARTH_BIN, hearth } from '../test/cli';
import { tempRoot } from '../test/helpers';
import { findSecretKey, jsonText, terminalSafe } from './io';

const PASSWORD = 'cli-safety-password-long';
const HOSTILE_TITLE = '\u001b]0;pwned\u0007Title';

/** True when the text holds a control character a terminal could act on (tab and newline excepted). */
const hasControl = (text: string): boolean =>
  [...text].some((c) => {
    const n = c.charCodeAt(0);
    return (n < 0x20 && c !== '\n' && c !== '\t') || (n >= 0x7f && n <= 0x9f);
  });

/** A home with one profile; the password comes from a file, never argv. */
async function profileHome(): Promise<{ home: string; pwFile: string; env: Record<string, string> }> {
  const home = tempRoot();
  const pwFile = path.join(home, 'pw.txt');
  writeFileSync(pwFile, `${PASSWORD}\n`);
  const env = { HEARTH_HOME: home };
  const created = await hearth(['profile', 'create', '--name', 'Shop', '--password-file', pwFile, '--json'], env);
  expect(created.code, created.stderr).toBe(0);
  return { home, pwFile, env };
}

describe('cli terminal output helpers', () => {
  it('strips ESC sequences, C0 (but tab and newline), DEL and C1 from human output', () => {
    expect(terminalSafe(HOSTILE_TITLE)).toBe('Title');
    expect(terminalSafe('a\u001b[2J\u001b[31mb\u009b1mc\u007fd\re\u0000f\tg\n')).toBe('abcdef\tg\n');
    expect(terminalSafe('x\u001bPy')).toBe('xy');
  });

  it('keeps JSON output free of raw control characters, C1 and DEL included', () => {
    const text = jsonText({ title: `${HOSTILE_TITLE}\u009b\u007f` }, 2);
    expect(hasControl(text)).toBe(false);
    expect(JSON.parse(text)).toEqual({ title: `${HOSTILE_TITLE}\u009b\u007f` });
  });

  it('finds secret keys anywhere in a JSON input', () => {
    expect(findSecretKey({ currentPassword: 'x', newPassword: 'y' })).toBe('currentPassword');
    expect(findSecretKey({ profileId: 'x', recoveryKey: 'y' })).toBe('recoveryKey');
    expect(findSecretKey({ item: { login: { password: 'p' } } })).toBe('password');
    expect(findSecretKey([{ clientSecret: 1 }])).toBe('clientSecret');
    expect(findSecretKey({ autoLockMinutes: 3 })).toBeNull();
  });
});

// Each run spawns several real CLI processes (seconds each on a busy machine).
describe('cli safety (built CLI)', { timeout: 240_000 }, () => {
  beforeAll(() => {
    if (!CLI_BUILT) throw new Error('Build first: npm run build');
  });

  it('refuses secrets inside the JSON argument (exit 2) and takes them from stdin or --input-file', async () => {
    const { home, pwFile, env } = await profileHome();
    const input = JSON.stringify({ password: PASSWORD });
    const refused = await hearth(['call', 'profile.regenerateRecoveryKey', input, '--password-file', pwFile], env);
    expect(refused.code).toBe(2);
    expect(JSON.parse(refused.stderr)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringContaining('"password" is a secret') },
    });

    const piped = await hearth(['call', 'profile.regenerateRecoveryKey', '-', '--password-file', pwFile], env, input);
    expect(piped.code, piped.stderr).toBe(0);
    expect(JSON.parse(piped.stdout)).toMatchObject({ recoveryKey: expect.stringMatching(/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/) });

    const file = path.join(home, 'input.json');
    writeFileSync(file, input);
    const fromFile = await hearth(['call', 'profile.regenerateRecoveryKey', '--input-file', file, '--password-file', pwFile], env);
    expect(fromFile.code, fromFile.stderr).toBe(0);
    // Non-secret JSON still works as an argument.
    const plain = await hearth(['call', 'settings.set', '{"autoLockMinutes":4}', '--password-file', pwFile], env);
    expect(plain.code, plain.stderr).toBe(0);
  });

  it('prints a 1 MB result in full through a pipe before exiting', async () => {
    const { home, pwFile, env } = await profileHome();
    const notes = 'n'.repeat(1_000_000);
    const file = path.join(home, 'item.json');
    writeFileSync(file, JSON.stringify({ item: { type: 'note', title: 'Big', notes } }));
    const cmd = `"${process.execPath}" "${HEARTH_BIN}" call vault.create --input-file "${file}" --password-file "${pwFile}" | cat > "${path.join(home, 'out.json')}"`;
    await promisify(execFile)('sh', ['-c', cmd], { env: { ...process.env, HEARTH_KDF_MEMORY_KIB: '65536', ...env }, timeout: 60_000 });
    const out = path.join(home, 'out.json');
    expect(statSync(out).size).toBeGreaterThan(1_000_000);
    const { readFileSync } = await import('node:fs');
    expect((JSON.parse(readFileSync(out, 'utf8')) as { notes: string }).notes).toBe(notes);
  });

  it('never prints terminal escapes from item titles; --json keeps them escaped', async () => {
    const { home, pwFile, env } = await profileHome();
    const file = path.join(home, 'item.json');
    writeFileSync(file, JSON.stringify({ item: { type: 'note', title: HOSTILE_TITLE } }));
    expect((await hearth(['call', 'vault.create', '--input-file', file, '--password-file', pwFile], env)).code).toBe(0);
    const human = await hearth(['vault', 'search', 'Title', '--password-file', pwFile], env);
    expect(human.code, human.stderr).toBe(0);
    expect(human.stdout).toContain('Title');
    expect(hasControl(human.stdout)).toBe(false);
    const json = await hearth(['vault', 'search', 'Title', '--json', '--password-file', pwFile], env);
    expect(hasControl(json.stdout)).toBe(false);
    expect(JSON.parse(json.stdout)).toEqual([expect.objectContaining({ title: HOSTILE_TITLE })]);
  });

  it('two processes changing the keyring at once never both report success with one change lost', async () => {
    // A costlier KDF makes each read-modify-write take long enough for the two processes to overlap.
    const env = { HEARTH_HOME: tempRoot(), HEARTH_KDF_MEMORY_KIB: String(256 * 1024) };
    const pwFile = path.join(env.HEARTH_HOME, 'pw.txt');
    writeFileSync(pwFile, `${PASSWORD}\n`);
    expect((await hearth(['profile', 'create', '--name', 'Shop', '--password-file', pwFile], env)).code).toBe(0);
    const NEW = 'the password after the race';
    const [change, regen] = await Promise.all([
      hearth(['call', 'profile.changePassword', '-', '--password-file', pwFile], env, JSON.stringify({ currentPassword: PASSWORD, newPassword: NEW })),
      hearth(['call', 'profile.regenerateRecoveryKey', '-', '--password-file', pwFile], env, JSON.stringify({ password: PASSWORD })),
    ]);
    const codeOf = (r: { code: number; stderr: string }) => (r.code === 0 ? 'ok' : (JSON.parse(r.stderr) as { error: { code: string } }).error.code);
    expect([codeOf(change), codeOf(regen)]).not.toContain('INTERNAL');
    expect([codeOf(change), codeOf(regen)].filter((c) => c === 'ok').length).toBeGreaterThan(0);
    const opens = async (input: object) => (await hearth(['call', 'profile.unlock', '-'], env, JSON.stringify(input))).code === 0;
    const profileId = (JSON.parse((await hearth(['profile', 'list', '--json'], env)).stdout) as { id: string }[])[0]!.id;
    if (change.code === 0) expect(await opens({ profileId, password: NEW }), 'the reported password change was lost').toBe(true);
    if (regen.code === 0) {
      const { recoveryKey } = JSON.parse(regen.stdout) as { recoveryKey: string };
      expect(await opens({ profileId, recoveryKey }), 'the reported new recovery key was lost').toBe(true);
    }
  });

  it('refuses a weak master password unless --allow-weak-password is given, which warns', async () => {
    const home = tempRoot();
    const pwFile = path.join(home, 'pw.txt');
    writeFileSync(pwFile, 'password1\n');
    const env = { HEARTH_HOME: home };
    const refused = await hearth(['profile', 'create', '--name', 'Weak', '--password-file', pwFile], env);
    expect(refused.code).toBe(2);
    expect(JSON.parse(refused.stderr.split('\n').find((l) => l.startsWith('{')) ?? '{}')).toMatchObject({
      error: { code: 'INVALID_INPUT', message: expect.stringContaining('too easy to guess') },
    });
    const allowed = await hearth(['profile', 'create', '--name', 'Weak', '--password-file', pwFile, '--allow-weak-password'], env);
    expect(allowed.code, allowed.stderr).toBe(0);
    expect(allowed.stderr).toContain('WARNING: --allow-weak-password');
  });

  it('exits 2 for input that is too large, as for any other bad input', async () => {
    const { home, pwFile, env } = await profileHome();
    const big = path.join(home, 'huge.csv');
    writeFileSync(big, '');
    truncateSync(big, 51 * 1024 * 1024); // sparse: no real disk use
    const res = await hearth(['vault', 'import', big, '--password-file', pwFile], env);
    expect(JSON.parse(res.stderr)).toMatchObject({ error: { code: 'TOO_LARGE' } });
    expect(res.code).toBe(2);
  });

  it('writes an export for its user only (0600)', async () => {
    const { home, pwFile, env } = await profileHome();
    const out = path.join(home, 'export.json');
    const res = await hearth(['vault', 'export', '--out', out, '--format', 'csv', '--password-file', pwFile], env);
    expect(res.code, res.stderr).toBe(0);
    expect((statSync(out).mode & 0o777).toString(8)).toBe('600');
  });
});
