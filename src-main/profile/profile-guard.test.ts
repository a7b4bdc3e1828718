import { spawnSync } from 'node:child_process';
import { promises as fs, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { KDF_FLOOR } from '../crypto/kdf';
import { errorOf, PASSWORD, tempRoot, testCore } from '../test/helpers';
import { KEYRING_LOCK_FILE, STALE_LOCK_MS } from './keyring-lock';
import { ProfileService } from './profile.service';

function service(root: string, clock?: () => number): ProfileService {
  return new ProfileService({ root, kdfCost: KDF_FLOOR, clock });
}

describe('master password strength (main)', () => {
  it('refuses a weak master password on create and change, accepts a long or strong one', async () => {
    const core = testCore();
    for (const weak of ['password1', 'qwerty123456', 'Summer2024!']) {
      const err = await errorOf(() => core.client.profile.create({ name: 'W', password: weak }));
      expect(err.code).toBe('INVALID_INPUT');
      expect(err.message).toContain('too easy to guess');
    }
    expect(await core.client.profile.list()).toEqual([]);
    await core.client.profile.create({ name: 'Long', password: 'fourteen chars' }); // 14 characters
    await core.client.profile.create({ name: 'Strong', password: 'vK7#qZ!r2Lp' }); // short but zxcvbn ≥ 3
    const err = await errorOf(() => core.client.profile.changePassword({ currentPassword: 'vK7#qZ!r2Lp', newPassword: 'letmein1' }));
    expect(err).toMatchObject({ code: 'INVALID_INPUT', issues: [expect.objectContaining({ path: 'newPassword' })] });
  });

  it('lets only the CLI override the rule (allowWeakPassword); the app and browser mode get FORBIDDEN', async () => {
    const core = testCore();
    const web = await core.router.dispatch('profile:create', { name: 'W', password: 'password1', allowWeakPassword: true }, { transport: 'web' });
    expect(web).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const cli = await core.router.dispatch('profile:create', { name: 'W', password: 'password1', allowWeakPassword: true }, { transport: 'cli' });
    expect(cli.ok).toBe(true);
  });
});

describe('online guessing backoff', () => {
  it('after three failures each attempt waits 1 s, 2 s, 4 s … (capped at 30 s) and is refused without running the KDF', async () => {
    let now = 1_000_000;
    const root = tempRoot();
    const profiles = service(root, () => now);
    const { profile } = await profiles.create('Home', PASSWORD);
    profiles.lock('user');
    const attempt = (password: string) => errorOf(() => profiles.unlock({ profileId: profile.id, password })).then((e) => e.code);
    expect([await attempt('a'), await attempt('b'), await attempt('c')]).toEqual(['WRONG_PASSWORD', 'WRONG_PASSWORD', 'WRONG_PASSWORD']);

    // Even the right password is refused, before the keyring is read (so no KDF runs): with the keyring
    // moved away the answer is still BUSY, not CORRUPT.
    const keyring = path.join(root, profile.id, 'keyring.json');
    await fs.rename(keyring, `${keyring}.away`);
    const refused = await errorOf(() => profiles.unlock({ profileId: profile.id, password: PASSWORD }));
    expect(refused).toMatchObject({ code: 'BUSY', message: expect.stringContaining('Try again in 1 second') });
    await fs.rename(`${keyring}.away`, keyring);
    now += 1_000;
    expect(await attempt('d')).toBe('WRONG_PASSWORD'); // 4th failure: next wait is 2 s
    now += 1_999;
    expect(await attempt('e')).toBe('BUSY');
    now += 1;
    expect(await attempt('f')).toBe('WRONG_PASSWORD'); // 5th: 4 s
    for (let i = 0; i < 3; i++) {
      now += 30_000;
      expect(await attempt(`g${i}`)).toBe('WRONG_PASSWORD'); // 6th to 8th: 8 s, 16 s, then 30 s (not 32)
    }
    now += 29_999;
    expect(await attempt('h')).toBe('BUSY'); // capped at 30 s
    now += 1;
    await profiles.unlock({ profileId: profile.id, password: PASSWORD });
    profiles.lock('user');
    // Success resets the count: three fresh failures are allowed again.
    expect([await attempt('i'), await attempt('j'), await attempt('k')]).toEqual(['WRONG_PASSWORD', 'WRONG_PASSWORD', 'WRONG_PASSWORD']);
  });

  it('shares one counter across unlock, re-prompt, change password, new recovery key and delete', async () => {
    const now = 5_000;
    const profiles = service(tempRoot(), () => now);
    const { profile } = await profiles.create('Home', PASSWORD);
    expect((await errorOf(() => profiles.verifyPassword('wrong'))).code).toBe('WRONG_PASSWORD');
    expect((await errorOf(() => profiles.regenerateRecoveryKey('wrong'))).code).toBe('WRONG_PASSWORD');
    expect((await errorOf(() => profiles.changePassword({ password: 'wrong' }, 'a perfectly fine new one'))).code).toBe('WRONG_PASSWORD');
    for (const work of [
      () => profiles.verifyPassword(PASSWORD),
      () => profiles.regenerateRecoveryKey(PASSWORD),
      () => profiles.changePassword({ password: PASSWORD }, 'a perfectly fine new one'),
      () => profiles.delete(profile.id, PASSWORD),
    ]) {
      expect((await errorOf(work)).code).toBe('BUSY');
    }
    profiles.lock('user');
    expect((await errorOf(() => profiles.unlock({ profileId: profile.id, password: PASSWORD }))).code).toBe('BUSY');
    expect(await profiles.store.list()).toHaveLength(1);
  });

  it('cannot be bypassed by sending many guesses at once', async () => {
    const profiles = service(tempRoot(), () => 0);
    const { profile } = await profiles.create('Home', PASSWORD);
    profiles.lock('user');
    const codes = await Promise.all(
      ['a', 'b', 'c', 'd', 'e', 'f'].map((pw) => errorOf(() => profiles.unlock({ profileId: profile.id, password: pw })).then((e) => e.code)),
    );
    // Which guess reaches the guard first is up to I/O order; what matters is that only three ran the KDF.
    expect([...codes].sort()).toEqual(['BUSY', 'BUSY', 'BUSY', 'WRONG_PASSWORD', 'WRONG_PASSWORD', 'WRONG_PASSWORD']);
  });
});

describe('keyring lock', () => {
  it('two services changing the same keyring at once: one gets BUSY, and every reported success took effect', async () => {
    const root = tempRoot();
    const a = service(root);
    const { profile, recoveryKey } = await a.create('Home', PASSWORD);
    const b = service(root);
    await b.unlock({ profileId: profile.id, password: PASSWORD });
    const [changed, regenerated] = await Promise.allSettled([
      a.changePassword({ password: PASSWORD }, 'the changed master password'),
      b.regenerateRecoveryKey(PASSWORD),
    ]);
    const outcomes = [changed, regenerated].map((r) => (r.status === 'fulfilled' ? 'ok' : (r.reason as { code: string }).code));
    expect(outcomes.sort()).toEqual(['BUSY', 'ok']);
    a.lock('quit');
    b.lock('quit');
    const check = service(root);
    const opens = (secret: { password: string } | { recoveryKey: string }) =>
      check.unlock({ profileId: profile.id, ...secret }).then(
        () => (check.lock('user'), true),
        () => (check.lock('user'), false),
      );
    expect(await opens({ password: 'the changed master password' })).toBe(changed.status === 'fulfilled');
    if (regenerated.status === 'fulfilled') {
      expect(await opens({ recoveryKey: regenerated.value })).toBe(true);
      expect(await opens({ recoveryKey })).toBe(false);
    }
    await expect(fs.stat(path.join(root, profile.id, KEYRING_LOCK_FILE))).rejects.toThrow();
  });

  it('takes over a lock left by a dead process or a very old one, and refuses a live one', async () => {
    const root = tempRoot();
    const profiles = service(root);
    const { profile } = await profiles.create('Home', PASSWORD);
    const lockFile = path.join(root, profile.id, KEYRING_LOCK_FILE);
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString();
    writeFileSync(lockFile, JSON.stringify({ pid: Number(dead), at: Date.now(), token: 'dead' }));
    expect(await profiles.regenerateRecoveryKey(PASSWORD)).toMatch(/-/);
    await expect(fs.stat(lockFile)).rejects.toThrow();

    writeFileSync(lockFile, JSON.stringify({ pid: process.pid, at: Date.now() - STALE_LOCK_MS - 1000, token: 'old' }));
    expect(await profiles.regenerateRecoveryKey(PASSWORD)).toMatch(/-/);

    writeFileSync(lockFile, JSON.stringify({ pid: process.pid, at: Date.now(), token: 'live' }));
    const before = await fs.readFile(path.join(root, profile.id, 'keyring.json'), 'utf8');
    expect(await errorOf(() => profiles.regenerateRecoveryKey(PASSWORD))).toMatchObject({ code: 'BUSY' });
    expect(await fs.readFile(path.join(root, profile.id, 'keyring.json'), 'utf8')).toBe(before);
    expect(JSON.parse(await fs.readFile(lockFile, 'utf8'))).toMatchObject({ token: 'live' });
  });
});
