import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POSTGRES_SKIP_REASON, startPostgres, type Postgres } from '../../../src-server/test/postgres';
import { startTestServer, type TestServer } from '../../../src-server/test/server';
import { readSettings } from '../../platform/settings-store';
import { errorOf, PASSWORD, testCore, type TestCore } from '../../test/helpers';
import { syncSettingsDef } from './sync-settings';

const login = (title: string) => ({ item: { type: 'login' as const, title, login: { username: 'me', password: `pw-${title}`, urls: [] } } });
const titles = async (core: TestCore) => (await core.client.vault.list({})).items.map((i) => i.title).sort();
/** The tokens this profile holds (read straight from its settings), to check no output ever carries them. */
const tokensOf = async (core: TestCore) => (await readSettings(core.profiles.current().db, syncSettingsDef)).session;

describe.skipIf(POSTGRES_SKIP_REASON)(`sync module on a real server${POSTGRES_SKIP_REASON ? ` (skipped: ${POSTGRES_SKIP_REASON})` : ''}`, () => {
  let pg: Postgres;
  let server: TestServer;
  beforeAll(async () => {
    pg = await startPostgres();
    server = await startTestServer(pg, 'sync_module');
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    await pg?.stop();
  });

  it('signs up on A, joins on B, syncs a vault item both ways, lists and revokes devices', async () => {
    const a = testCore();
    await a.client.profile.create({ name: 'Laptop', password: PASSWORD });
    expect(await a.client.sync.status()).toMatchObject({ configured: false, signedIn: false, pending: 0 });
    await a.client.vault.create(login('Bank'));

    // A wrong master password is refused before anything is sent.
    expect((await errorOf(a.client.sync.signUp({ serverUrl: server.url, email: 'x@example.org', password: 'not it', deviceName: 'L' }))).code).toBe(
      'WRONG_PASSWORD',
    );
    const signedUp = await a.client.sync.signUp({ serverUrl: `${server.url}/`, email: 'Ann@Example.org', password: PASSWORD, deviceName: 'Laptop' });
    expect(signedUp).toMatchObject({ configured: true, signedIn: true, email: 'ann@example.org', serverUrl: server.url, lastError: null, pending: 0 });
    expect(signedUp.lastSyncAt).not.toBeNull();
    expect((await errorOf(a.client.sync.signUp({ serverUrl: server.url, email: 'x@example.org', password: PASSWORD, deviceName: 'L' }))).code).toBe('CONFLICT');
    const b = testCore();
    const joined = await b.client.sync.join({
      serverUrl: server.url,
      email: 'ann@example.org',
      password: PASSWORD,
      deviceName: 'Desktop',
      profileName: 'Home',
    });
    expect(joined.profile.name).toBe('Home');
    expect(joined.recoveryKey).toMatch(/\w{4}-/);
    expect(joined.status).toMatchObject({ configured: true, signedIn: true, lastError: null });
    expect(await titles(b)).toEqual(['Bank']);

    await b.client.vault.create(login('Mail'));
    await a.client.vault.create(login('Shop'));
    expect((await b.client.sync.syncNow()).report.pushed).toBeGreaterThan(0);
    expect((await a.client.sync.syncNow()).report.applied).toBeGreaterThan(0);
    await b.client.sync.syncNow();
    expect(await titles(a)).toEqual(['Bank', 'Mail', 'Shop']);
    expect(await titles(b)).toEqual(['Bank', 'Mail', 'Shop']);

    const devices = await a.client.sync.devices();
    expect(devices.map((d) => [d.name, d.current]).sort()).toEqual([
      ['Desktop', false],
      ['Laptop', true],
    ]);
    // Tokens live only in the encrypted settings: no op's output carries them.
    const tokens = (await tokensOf(a))!;
    const said = JSON.stringify([signedUp, await a.client.sync.status(), devices, joined]);
    for (const secret of [tokens.accessToken, tokens.refreshToken]) expect(said).not.toContain(secret);
    expect((await errorOf(a.client.sync.revokeDevice({ id: devices.find((d) => d.current)!.id }))).code).toBe('INVALID_INPUT');

    // Revoke B from A: B's next sync fails with a typed error, shown in its status, and background sync stops.
    await a.client.sync.revokeDevice({ id: devices.find((d) => d.name === 'Desktop')!.id });
    expect((await errorOf(b.client.sync.syncNow())).code).toBe('FORBIDDEN');
    const revoked = await b.client.sync.status();
    expect(revoked).toMatchObject({ configured: true, signedIn: false, stopped: true, nextAttemptAt: null, lastError: { code: 'UNAUTHORIZED' } });
    expect(revoked.lastError!.message).toMatch(/revoked|sign in again/i);
    expect(await titles(b)).toEqual(['Bank', 'Mail', 'Shop']); // local data stays

    // B signs in again (a new device session); a profile with another data key cannot sign in to this account.
    const again = await b.client.sync.signIn({ serverUrl: server.url, email: 'ann@example.org', password: PASSWORD, deviceName: 'Desktop again' });
    expect(again).toMatchObject({ signedIn: true, stopped: false, lastError: null });
    const c = testCore();
    await c.client.profile.create({ name: 'Other', password: PASSWORD });
    expect((await errorOf(c.client.sync.signIn({ serverUrl: server.url, email: 'ann@example.org', password: PASSWORD, deviceName: 'C' }))).code).toBe(
      'CONFLICT',
    );
    expect(await c.client.sync.status()).toMatchObject({ configured: false });
    expect(
      (await errorOf(c.client.sync.join({ serverUrl: server.url, email: 'ann@example.org', password: 'wrong password', deviceName: 'C', profileName: 'X' })))
        .code,
    ).toBe('WRONG_PASSWORD');

    // Sign out keeps the account (to sign in again) and the data; sync then refuses until signed in.
    expect(await a.client.sync.signOut()).toMatchObject({ configured: true, signedIn: false, stopped: false });
    expect((await errorOf(a.client.sync.syncNow())).code).toBe('FORBIDDEN');
    expect(await a.client.sync.conflicts({})).toEqual([]);
  }, 180_000);

  it('a password changed after a recovery-key reset reaches the server: the old one stops signing in, other devices sign in again', async () => {
    const NEW = 'a brand new master passphrase 42';
    const a = testCore();
    const made = await a.client.profile.create({ name: 'Laptop', password: PASSWORD });
    await a.client.vault.create(login('Bank'));
    await a.client.sync.signUp({ serverUrl: server.url, email: 'reset@example.org', password: PASSWORD, deviceName: 'Laptop' });
    const b = testCore();
    await b.client.sync.join({ serverUrl: server.url, email: 'reset@example.org', password: PASSWORD, deviceName: 'Desktop', profileName: 'Home' });

    // Forgot the password on A: the recovery key opens it, and the new password is set without the old one.
    await a.client.session.lock({});
    await a.client.profile.unlock({ profileId: made.profile.id, recoveryKey: made.recoveryKey });
    await a.client.profile.changePassword({ currentRecoveryKey: made.recoveryKey, newPassword: NEW });
    expect((await readSettings(a.profiles.current().db, syncSettingsDef)).pendingAuth).not.toBeNull();
    await a.client.sync.syncNow();
    expect((await readSettings(a.profiles.current().db, syncSettingsDef)).pendingAuth).toBeNull();

    // A new device: the old password no longer opens the account, the new one does and brings the data.
    const join = (password: string) =>
      testCore().client.sync.join({ serverUrl: server.url, email: 'reset@example.org', password, deviceName: 'Tablet', profileName: 'Tab' });
    expect((await errorOf(join(PASSWORD))).code).toBe('WRONG_PASSWORD');
    const c = testCore();
    await c.client.sync.join({ serverUrl: server.url, email: 'reset@example.org', password: NEW, deviceName: 'Tablet', profileName: 'Tab' });
    expect(await titles(c)).toEqual(['Bank']);
    // B's session (made with the old password) is over: its next pass says to sign in again, with the new password.
    await errorOf(b.client.sync.syncNow());
    expect(await b.client.sync.status()).toMatchObject({ signedIn: false, stopped: true, lastError: { code: 'UNAUTHORIZED' } });
    expect(await b.client.sync.signIn({ serverUrl: server.url, email: 'reset@example.org', password: NEW, deviceName: 'Desktop' })).toMatchObject({
      signedIn: true,
      lastError: null,
    });
  }, 180_000);

  it('keeps working offline: local writes succeed, the status shows the error, and the backoff grows', async () => {
    const own = await startTestServer(pg, 'sync_module_offline');
    const now = Date.parse('2026-12-01T10:00:00Z');
    const a = testCore(undefined, { now: () => now });
    await a.client.profile.create({ name: 'Laptop', password: PASSWORD });
    await a.client.sync.signUp({ serverUrl: own.url, email: 'off@example.org', password: PASSWORD, deviceName: 'Laptop' });
    expect(await a.client.sync.setBackground({ enabled: true })).toMatchObject({ background: true });
    await own.close(); // the server is gone

    await a.client.vault.create(login('Written offline'));
    expect(await titles(a)).toEqual(['Written offline']);
    const waits: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      expect((await errorOf(a.client.sync.syncNow())).code).toBe('BUSY');
      const s = await a.client.sync.status();
      expect(s).toMatchObject({ signedIn: true, stopped: false, lastError: { code: 'NETWORK' } });
      expect(s.pending).toBeGreaterThan(0);
      waits.push(Date.parse(s.nextAttemptAt!) - now);
    }
    // Exponential with equal jitter: 2.5–5 s, 5–10 s, 10–20 s (each wait at least the longest possible before it).
    expect(waits[0]).toBeGreaterThanOrEqual(2_500);
    expect(waits[1]).toBeGreaterThanOrEqual(waits[0]!);
    expect(waits[2]).toBeGreaterThan(waits[0]!);
    expect(waits[2]).toBeGreaterThanOrEqual(10_000);
    expect((await a.client.sync.status()).lastError!.message).toMatch(/cannot reach/i);

    // Switching background sync off clears the next attempt; writes still work.
    expect(await a.client.sync.setBackground({ enabled: false })).toMatchObject({ background: false, nextAttemptAt: null });
    await a.client.vault.create(login('Still fine'));
    expect(await titles(a)).toEqual(['Still fine', 'Written offline']);
  }, 180_000);
});
