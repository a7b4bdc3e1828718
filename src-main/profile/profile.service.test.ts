import { promises as fs, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { errorOf, PASSWORD, testCore } from '../test/helpers';
import { toAppError } from '../ipc/router';
import { KDF_FLOOR } from '../crypto/kdf';
import { DATABASE_FILE } from './profile-store';
import { ProfileService } from './profile.service';
import { KEYRING_FILE } from './keyring';

async function createProfile(core: ReturnType<typeof testCore>, name = 'Home') {
  return core.client.profile.create({ name, password: PASSWORD });
}

async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const name of await fs.readdir(dir)) {
    const stat = await fs.stat(path.join(dir, name));
    if (stat.isFile()) out[name] = `${stat.size}:${stat.mtimeMs}:${readFileSync(path.join(dir, name)).toString('base64').slice(0, 200)}`;
  }
  return out;
}

describe('profile.service', () => {
  it('creates a profile, unlocks it and shows a recovery key in readable groups', async () => {
    const core = testCore();
    const { profile, recoveryKey } = await createProfile(core);
    expect(recoveryKey).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){7}[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(core.profiles.isUnlocked()).toBe(true);
    expect(await core.client.profile.list()).toEqual([profile]);
    const keyring = JSON.parse(readFileSync(path.join(core.root, profile.id, KEYRING_FILE), 'utf8'));
    expect(keyring.kdf).toMatchObject({ name: 'argon2id', memoryKiB: 65536, iterations: 3, parallelism: 4 });
  });

  it('rejects a wrong password with WRONG_PASSWORD and touches nothing on disk', async () => {
    const core = testCore();
    const { profile } = await createProfile(core);
    await core.client.session.lock();
    const dir = path.join(core.root, profile.id);
    const before = await snapshot(dir);
    const codes: string[] = [];
    for (const wrong of ['wrong', PASSWORD.toUpperCase(), `${PASSWORD} `, 'x'.repeat(1024)]) {
      codes.push((await errorOf(() => core.client.profile.unlock({ profileId: profile.id, password: wrong }))).code);
    }
    // After three failures the next attempt must wait (see profile-guard.test.ts).
    expect(codes).toEqual(['WRONG_PASSWORD', 'WRONG_PASSWORD', 'WRONG_PASSWORD', 'BUSY']);
    expect(core.profiles.isUnlocked()).toBe(false);
    expect(await snapshot(dir)).toEqual(before);
  });

  it('accepts the password in another Unicode normalisation form (NFKC)', async () => {
    const core = testCore();
    const { profile } = await core.client.profile.create({ name: 'U', password: 'caf\u00e9-ﬁ harbour lantern' });
    await core.client.session.lock();
    await core.client.profile.unlock({ profileId: profile.id, password: 'cafe\u0301-fi harbour lantern' });
    expect(core.profiles.isUnlocked()).toBe(true);
  });

  it('rejects a tampered keyring: a changed KDF parameter, wrapped key or profile id fails to unwrap', async () => {
    const core = testCore();
    const { profile } = await createProfile(core);
    await core.client.session.lock();
    const file = path.join(core.root, profile.id, KEYRING_FILE);
    const original = readFileSync(file, 'utf8');
    const tampers: ((k: any) => void)[] = [
      (k) => (k.kdf.iterations = 4),
      (k) => (k.kdf.memoryKiB = 65537),
      (k) => (k.createdAt = '2020-01-01T00:00:00.000Z'),
      (k) => (k.password.ciphertext = Buffer.from(Buffer.from(k.password.ciphertext, 'base64').map((b, i) => (i === 0 ? b ^ 1 : b))).toString('base64')),
    ];
    for (const tamper of tampers) {
      const k = JSON.parse(original);
      tamper(k);
      await fs.writeFile(file, JSON.stringify(k));
      // A fresh service per tamper: each starts with its own wrong-attempt count (no backoff here).
      const fresh = new ProfileService({ root: core.root, kdfCost: KDF_FLOOR });
      const err = await errorOf(() => fresh.unlock({ profileId: profile.id, password: PASSWORD }));
      expect(['WRONG_PASSWORD', 'CORRUPT']).toContain(err.code);
      expect(fresh.isUnlocked()).toBe(false);
    }
    const k = JSON.parse(original);
    k.kdf.memoryKiB = 1024; // below the floor: a downgrade attempt
    await fs.writeFile(file, JSON.stringify(k));
    const floorErr = await errorOf(() => core.client.profile.unlock({ profileId: profile.id, password: PASSWORD }));
    expect(floorErr.code).toBe('CORRUPT');
    expect(floorErr.file).toBe(KEYRING_FILE);
  });

  it('reports a truncated, empty or missing keyring as CORRUPT naming the file, without overwriting it', async () => {
    const core = testCore();
    const { profile } = await createProfile(core);
    await core.client.session.lock();
    const file = path.join(core.root, profile.id, KEYRING_FILE);
    const original = readFileSync(file, 'utf8');
    for (const content of [original.slice(0, original.length / 2), '', '{}', 'null']) {
      await fs.writeFile(file, content);
      const err = await errorOf(() => core.client.profile.unlock({ profileId: profile.id, password: PASSWORD }));
      expect(err.code).toBe('CORRUPT');
      expect(err.file).toBe(KEYRING_FILE);
      expect(err.message).toContain(KEYRING_FILE);
      expect(readFileSync(file, 'utf8')).toBe(content);
    }
    await fs.rm(file);
    expect((await errorOf(() => core.client.profile.unlock({ profileId: profile.id, password: PASSWORD }))).code).toBe('CORRUPT');
  });

  it('reports a damaged or missing database as CORRUPT and never creates a fresh one over it', async () => {
    const core = testCore();
    const { profile } = await createProfile(core);
    await core.client.settings.set({ autoLockMinutes: 7 });
    await core.client.session.lock();
    const db = path.join(core.root, profile.id, DATABASE_FILE);
    const original = readFileSync(db);
    for (const damaged of [
      original.subarray(0, 15),
      original.subarray(0, 100),
      Buffer.alloc(0),
      Buffer.concat([Buffer.alloc(64, 0xff), original.subarray(64)]),
    ]) {
      await fs.writeFile(db, damaged);
      const err = await errorOf(() => core.client.profile.unlock({ profileId: profile.id, password: PASSWORD }));
      expect(err.code).toBe('CORRUPT');
      expect(err.file).toBe(DATABASE_FILE);
      expect(readFileSync(db).equals(damaged)).toBe(true);
    }
    await fs.rm(db);
    expect((await errorOf(() => core.client.profile.unlock({ profileId: profile.id, password: PASSWORD }))).code).toBe('CORRUPT');
    await expect(fs.stat(db)).rejects.toThrow();
  });

  it('unlocks with the recovery key, forgiving case, spaces and look-alike letters', async () => {
    const core = testCore();
    const { profile, recoveryKey } = await createProfile(core);
    await core.client.settings.set({ theme: 'dark' });
    await core.client.session.lock();
    const typed = recoveryKey.toLowerCase().replace(/-/g, ' ').replace(/1/g, 'l').replace(/0/g, 'o');
    await core.client.profile.unlock({ profileId: profile.id, recoveryKey: typed });
    // A recovery unlock must end with a new master password: until then everything else is refused.
    expect(await core.client.session.status()).toMatchObject({ unlocked: true, mustChangePassword: true });
    expect((await errorOf(() => core.client.settings.get())).code).toBe('PASSWORD_CHANGE_REQUIRED');
    expect((await errorOf(() => core.client.profile.changePassword({ currentRecoveryKey: typed, newPassword: 'short' }))).code).toBe('INVALID_INPUT');
    await core.client.profile.changePassword({ currentRecoveryKey: typed, newPassword: 'a brand new master passphrase' });
    expect(await core.client.session.status()).toMatchObject({ mustChangePassword: false });
    expect((await core.client.settings.get()).theme).toBe('dark');
    await core.client.session.lock();
    expect((await errorOf(() => core.client.profile.unlock({ profileId: profile.id, password: PASSWORD }))).code).toBe('WRONG_PASSWORD');
    await core.client.profile.unlock({ profileId: profile.id, password: 'a brand new master passphrase' });
    expect(await core.client.session.status()).toMatchObject({ unlocked: true, mustChangePassword: false });
    await core.client.session.lock();
    const wrong = await errorOf(() =>
      core.client.profile.unlock({ profileId: profile.id, recoveryKey: recoveryKey.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')) }),
    );
    expect(wrong.code).toBe('WRONG_PASSWORD');
  });

  it('changes the password: data stays, the new password unlocks, the old one stops working, the recovery key still works', async () => {
    const core = testCore();
    const { profile, recoveryKey } = await createProfile(core);
    await core.client.settings.set({ autoLockMinutes: 42 });
    const dbBefore = readFileSync(path.join(core.root, profile.id, DATABASE_FILE));
    expect((await errorOf(() => core.client.profile.changePassword({ currentPassword: 'nope', newPassword: 'new-pass-123-orbit-cactus' }))).code).toBe(
      'WRONG_PASSWORD',
    );
    await core.client.profile.changePassword({ currentPassword: PASSWORD, newPassword: 'new-pass-123-orbit-cactus' });
    // Only the key wrap changed: the database file was not re-encrypted.
    expect(readFileSync(path.join(core.root, profile.id, DATABASE_FILE)).equals(dbBefore)).toBe(true);
    await core.client.session.lock();
    expect((await errorOf(() => core.client.profile.unlock({ profileId: profile.id, password: PASSWORD }))).code).toBe('WRONG_PASSWORD');
    await core.client.profile.unlock({ profileId: profile.id, password: 'new-pass-123-orbit-cactus' });
    expect((await core.client.settings.get()).autoLockMinutes).toBe(42);
    await core.client.session.lock();
    await core.client.profile.unlock({ profileId: profile.id, recoveryKey });
  });

  it('replaces the recovery key: the old one stops working', async () => {
    const core = testCore();
    const { profile, recoveryKey } = await createProfile(core);
    const { recoveryKey: fresh } = await core.client.profile.regenerateRecoveryKey({ password: PASSWORD });
    expect(fresh).not.toBe(recoveryKey);
    await core.client.session.lock();
    expect((await errorOf(() => core.client.profile.unlock({ profileId: profile.id, recoveryKey }))).code).toBe('WRONG_PASSWORD');
    await core.client.profile.unlock({ profileId: profile.id, recoveryKey: fresh });
  });

  it('keeps the old or the new password working when a password change crashes at any step', async () => {
    for (const step of ['after-temp-write', 'after-temp-sync', 'after-rename'] as const) {
      const core = testCore();
      const { profile } = await createProfile(core);
      const crashing = new (core.profiles.constructor as typeof import('./profile.service').ProfileService)({
        root: core.root,
        kdfCost: { memoryKiB: 65536, iterations: 3, parallelism: 4 },
        keyringFault: (s) => {
          if (s === step) throw new Error(`simulated crash ${s}`);
        },
      });
      await crashing.unlock({ profileId: profile.id, password: PASSWORD });
      await expect(crashing.changePassword({ password: PASSWORD }, 'after-crash-pw')).rejects.toThrow('simulated crash');
      crashing.lock('quit');
      const fresh = new (core.profiles.constructor as typeof import('./profile.service').ProfileService)({ root: core.root });
      const works = async (pw: string) =>
        fresh.unlock({ profileId: profile.id, password: pw }).then(
          () => (fresh.lock('user'), true),
          () => false,
        );
      const oldWorks = await works(PASSWORD);
      const newWorks = await works('after-crash-pw');
      expect(oldWorks || newWorks).toBe(true);
      expect(oldWorks && newWorks).toBe(false);
      expect(newWorks).toBe(step === 'after-rename');
      // No orphan temp files after the next successful unlock.
      expect((await fs.readdir(path.join(core.root, profile.id))).filter((n) => n.includes('.tmp-'))).toEqual([]);
    }
  });

  it('keeps no known plaintext in the database file on disk', async () => {
    const core = testCore();
    const { profile } = await createProfile(core);
    const canary = 'CANARY-plaintext-7f3a9c';
    const session = core.profiles.current();
    session.sqlite.exec(`CREATE TABLE canary (v TEXT) STRICT; INSERT INTO canary VALUES ('${canary}');`);
    session.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    await core.client.settings.set({ theme: 'dark' });
    await core.client.session.lock();
    const dir = path.join(core.root, profile.id);
    for (const name of await fs.readdir(dir)) {
      const file = path.join(dir, name);
      if (!(await fs.stat(file)).isFile()) continue;
      const bytes = readFileSync(file);
      expect(bytes.includes(Buffer.from(canary)), `${name} contains the canary`).toBe(false);
      expect(bytes.includes(Buffer.from('SQLite format 3')), `${name} has a plaintext SQLite header`).toBe(false);
      expect(bytes.includes(Buffer.from('CREATE TABLE')), `${name} has plaintext schema`).toBe(false);
    }
  });

  it('overwrites the key buffers and closes the database on lock', async () => {
    const core = testCore();
    await createProfile(core);
    const session = core.profiles.current();
    const keys = [session.keys.db, session.keys.items, session.keys.files, session.keys.export];
    expect(keys.every((k) => k.some((b) => b !== 0))).toBe(true);
    const events: unknown[] = [];
    core.events.subscribe((channel, payload) => events.push({ channel, payload }));
    await core.client.session.lock();
    expect(keys.every((k) => k.every((b) => b === 0))).toBe(true);
    expect(session.sqlite.open).toBe(false);
    expect(events).toEqual([{ channel: 'session:locked', payload: { reason: 'user' } }]);
    expect((await errorOf(() => core.client.settings.get())).code).toBe('LOCKED');
  });

  it('renames without a password and deletes only with the right password', async () => {
    const core = testCore();
    const { profile } = await createProfile(core);
    await core.client.profile.rename({ profileId: profile.id, name: 'Shop' });
    expect((await core.client.profile.list())[0]!.name).toBe('Shop');
    expect((await errorOf(() => core.client.profile.delete({ profileId: profile.id, password: 'nope' }))).code).toBe('WRONG_PASSWORD');
    expect(await core.client.profile.list()).toHaveLength(1);
    await core.client.profile.delete({ profileId: profile.id, password: PASSWORD });
    expect(await core.client.profile.list()).toEqual([]);
    expect(core.profiles.isUnlocked()).toBe(false);
  });

  it('locks after the idle time and warns shortly before', async () => {
    const core = testCore();
    await createProfile(core);
    await core.client.settings.set({ autoLockMinutes: 1 });
    let now = Date.now();
    const idle = new (core.idle.constructor as typeof import('./idle-lock').IdleLock)(core.profiles, core.events, () => now);
    const events: string[] = [];
    core.events.subscribe((channel) => events.push(channel));
    idle.arm(1);
    now += 35_000;
    idle.check();
    expect(events).toEqual(['session:autoLockWarning']);
    expect(core.profiles.isUnlocked()).toBe(true);
    now += 26_000;
    idle.check();
    idle.disarm();
    expect(core.profiles.isUnlocked()).toBe(false);
    expect(events).toEqual(['session:autoLockWarning', 'session:locked']);
  });
});

describe('profile.service damaged pages', () => {
  it('reports a flipped byte inside a data page as CORRUPT on the next read, never a crash', async () => {
    const core = testCore();
    const { profile } = await createProfile(core);
    const session = core.profiles.current();
    session.sqlite.exec(
      "CREATE TABLE filler (v TEXT) STRICT; WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 400) INSERT INTO filler SELECT printf('%.2000c', 'x') FROM n;",
    );
    session.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    await core.client.session.lock();
    const db = path.join(core.root, profile.id, DATABASE_FILE);
    const bytes = readFileSync(db);
    const page = 4096;
    expect(bytes.length).toBeGreaterThan(page * 50);
    // A page near the end of the file: the filler table's, written last (the schema's pages come first).
    const at = bytes.length - page * 20 + 1000;
    bytes[at] = bytes[at]! ^ 0x55;
    await fs.writeFile(db, bytes);
    // The schema's pages are intact, so unlock works; the damaged page fails its HMAC when read.
    await core.client.profile.unlock({ profileId: profile.id, password: PASSWORD });
    const res = await core.router.dispatch('settings:get', {}, { transport: 'test' });
    expect(res.ok).toBe(true);
    let code = '';
    try {
      core.profiles.current().sqlite.prepare('SELECT count(*), sum(length(v)) FROM filler').get();
    } catch (err) {
      code = String((err as { code?: string }).code);
    }
    expect(code).toMatch(/SQLITE_CORRUPT|SQLITE_NOTADB/);
    // The router turns that into a typed CORRUPT error naming the file.
    expect(toAppError(Object.assign(new Error('x'), { code }), 'test')).toMatchObject({ code: 'CORRUPT', file: DATABASE_FILE });
  });
});
