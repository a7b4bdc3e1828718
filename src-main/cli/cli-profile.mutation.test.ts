import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ProfileSummary } from '../../src-shared/domains/profile/profile.schemas';
import { assertCliBuilt, hearth, ok } from '../test/cli';
import { errorOf, PASSWORD, tempRoot, testCore } from '../test/helpers';
import { createCliContext, type CliContext } from './context';
import { EXIT, exitCodeFor, readSecretFile } from './io';

/**
 * Tests a hand-made mutation sample showed missing (docs/architecture.md#mutation-testing): the CLI must never guess
 * which of several profiles to open, and a password file saved with Windows line endings must not keep its `\r`.
 * The in-process tests drive the CLI context on a real profile root; the last one runs the built command.
 */
let home: string;
const contexts: CliContext[] = [];
const context = (flags: { profile?: string; passwordFile?: string } = {}) => {
  const ctx = createCliContext({ json: true, ...flags }, '0.0.0-test');
  contexts.push(ctx);
  return ctx;
};

beforeEach(() => {
  home = tempRoot();
  process.env.HEARTH_HOME = home;
  process.env.HEARTH_KDF_MEMORY_KIB = '65536';
});
afterEach(() => {
  for (const ctx of contexts.splice(0)) ctx.core.shutdown();
  delete process.env.HEARTH_HOME;
  delete process.env.HEARTH_KDF_MEMORY_KIB;
});

async function createProfiles(...names: string[]): Promise<ProfileSummary[]> {
  const core = testCore(home);
  const out: ProfileSummary[] = [];
  for (const name of names) {
    out.push((await core.call<{ profile: ProfileSummary }>('profile:create', { name, password: PASSWORD })).profile);
    await core.call('session:lock');
  }
  return out;
}

describe('cli profile choice and password files (mutation tests)', () => {
  it('with two profiles and no --profile, refuses with exit 2 and says to choose; never opens the first', async () => {
    const [first, second] = await createProfiles('One', 'Two');
    const pw = path.join(home, 'pw.txt');
    writeFileSync(pw, `${PASSWORD}\n`);
    const ctx = context({ passwordFile: pw });
    const err = await errorOf(ctx.unlock());
    expect(err.code).toBe('INVALID_INPUT');
    expect(exitCodeFor(err)).toBe(EXIT.badInput);
    expect(err.message).toMatch(/2 profiles.*--profile/);
    expect(ctx.core.profiles.isUnlocked()).toBe(false);
    // Named, either one opens.
    expect((await context({ profile: 'Two', passwordFile: pw }).unlock()).id).toBe(second!.id);
    expect((await context({ profile: first!.id, passwordFile: pw }).unlock()).id).toBe(first!.id);
    expect((await errorOf(context({ profile: 'Three', passwordFile: pw }).unlock())).code).toBe('INVALID_INPUT');
  });

  it('a password file with CRLF line endings unlocks the profile whose password is its first line', async () => {
    const [profile] = await createProfiles('Only');
    const crlf = path.join(home, 'pw-crlf.txt');
    writeFileSync(crlf, `${PASSWORD}\r\nsecond line\r\n`);
    expect(await readSecretFile(crlf)).toBe(PASSWORD);
    writeFileSync(path.join(home, 'pw-bare.txt'), `${PASSWORD}\r\n`);
    expect(await readSecretFile(path.join(home, 'pw-bare.txt'))).toBe(PASSWORD);
    expect((await context({ passwordFile: crlf }).unlock()).id).toBe(profile!.id);
  });

  it('the built command: two profiles without --profile exit 2; a CRLF password file works', { timeout: 240_000 }, async () => {
    assertCliBuilt();
    const lf = path.join(home, 'pw-lf.txt');
    const pw = path.join(home, 'pw.txt');
    writeFileSync(lf, `${PASSWORD}\n`);
    writeFileSync(pw, `${PASSWORD}\r\n`);
    const env = { HEARTH_HOME: home };
    ok(await hearth(['profile', 'create', '--name', 'One', '--password-file', lf], env));
    ok(await hearth(['profile', 'create', '--name', 'Two', '--password-file', lf], env));
    const refused = await hearth(['call', 'settings.get', '--password-file', pw], env);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--profile');
    ok(await hearth(['call', 'settings.get', '--profile', 'Two', '--password-file', pw], env));
  });
});
