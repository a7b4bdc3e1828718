import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeviceList, ErrorResponse, PreloginResponse, RefreshResponse, SessionResponse } from '../src-shared/sync/protocol';
import { POSTGRES_SKIP_REASON, startPostgres, type Postgres } from './test/postgres';
import { buildServer } from './app';
import { FsBlobDriver } from './blobs/fs-driver';
import { call, fakeSignUp, signUpOver, startTestServer, TEST_LIMITS, type TestServer } from './test/server';

const codeOf = (body: unknown) => ErrorResponse.parse(body).error.code;

describe.skipIf(POSTGRES_SKIP_REASON)(`sync server: accounts, sessions and devices${POSTGRES_SKIP_REASON ? ` (skipped: ${POSTGRES_SKIP_REASON})` : ''}`, () => {
  let pg: Postgres;
  let server: TestServer;
  let clock = Date.now();

  beforeAll(async () => {
    pg = await startPostgres();
    server = await startTestServer(pg, 'auth', { now: () => clock, limits: { failedLoginsBeforeLockout: 3, lockoutSeconds: 60 } });
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    await pg?.stop();
  });

  it('answers RATE_LIMITED (429) past the per-IP limit, on auth routes only', async () => {
    // A second server on the same database, with a low limit (a real listener: the limit is per client IP).
    const app = await buildServer({
      db: server.db,
      blobs: new FsBlobDriver({ root: server.blobsDir }),
      log: false,
      limits: { ...TEST_LIMITS, authRateLimit: { max: 3, timeWindowMs: 60_000 } },
    });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const limited = { ...server, url: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}` };
    try {
      const statuses: number[] = [];
      let last: unknown = null;
      for (let i = 0; i < 5; i++) {
        const r = await call(limited, 'POST', '/v1/auth/prelogin', { body: { email: `x${i}@example.com` } });
        statuses.push(r.status);
        last = r.body;
      }
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
      expect(codeOf(last)).toBe('RATE_LIMITED');
      expect((await call(limited, 'GET', '/health')).status).toBe(200);
    } finally {
      await app.close();
    }
  });

  it('signs up, signs in on a second device, and refuses a taken email or a wrong secret', async () => {
    const req = fakeSignUp('Alice@Example.com');
    const up = await call(server, 'POST', '/v1/accounts', { body: req });
    expect(up.status).toBe(200);
    const session = SessionResponse.parse(up.body);
    expect(session.spaceId).toBe(session.accountId);
    expect(session.keyring).toBe(req.keyring);

    expect(codeOf((await call(server, 'POST', '/v1/accounts', { body: { ...req, email: 'alice@example.com' } })).body)).toBe('CONFLICT');

    const pre = await call(server, 'POST', '/v1/auth/prelogin', { body: { email: 'alice@example.com' } });
    expect(PreloginResponse.parse(pre.body).kdf).toEqual(req.kdf);

    const login = await call(server, 'POST', '/v1/auth/login', { body: { email: 'ALICE@example.com', authSecret: req.authSecret, deviceName: 'Laptop' } });
    expect(login.status).toBe(200);
    const second = SessionResponse.parse(login.body);
    expect(second.accountId).toBe(session.accountId);
    expect(second.deviceId).not.toBe(session.deviceId);
    expect(second.wrappedPrivateKey).toBe(req.wrappedPrivateKey);

    const wrong = await call(server, 'POST', '/v1/auth/login', { body: { email: 'alice@example.com', authSecret: 'B'.repeat(43), deviceName: 'x' } });
    expect([wrong.status, codeOf(wrong.body)]).toEqual([401, 'UNAUTHORIZED']);
    const unknown = await call(server, 'POST', '/v1/auth/login', { body: { email: 'nobody@example.com', authSecret: 'B'.repeat(43), deviceName: 'x' } });
    expect([unknown.status, codeOf(unknown.body)]).toEqual([401, 'UNAUTHORIZED']);
    expect((wrong.body as { error: { message: string } }).error.message).toBe((unknown.body as { error: { message: string } }).error.message);
  });

  it('answers prelogin for an unknown email with stable made-up parameters', async () => {
    const a = PreloginResponse.parse((await call(server, 'POST', '/v1/auth/prelogin', { body: { email: 'ghost@example.com' } })).body);
    const b = PreloginResponse.parse((await call(server, 'POST', '/v1/auth/prelogin', { body: { email: 'ghost@example.com' } })).body);
    const c = PreloginResponse.parse((await call(server, 'POST', '/v1/auth/prelogin', { body: { email: 'other-ghost@example.com' } })).body);
    expect(a).toEqual(b);
    expect(c.kdf.salt).not.toBe(a.kdf.salt);
    expect(Buffer.from(a.kdf.salt, 'base64')).toHaveLength(16);
  });

  it('rotates refresh tokens, and a reused refresh token ends the device session', async () => {
    const { session } = await signUpOver(server, 'bob@example.com');
    const r1 = await call(server, 'POST', '/v1/auth/refresh', { body: { refreshToken: session.tokens.refreshToken } });
    expect(r1.status).toBe(200);
    const t1 = RefreshResponse.parse(r1.body).tokens;
    expect(t1.refreshToken).not.toBe(session.tokens.refreshToken);
    expect((await call(server, 'GET', '/v1/devices', { token: t1.accessToken })).status).toBe(200);

    // The old token again (a thief's copy): refused, and the whole family is revoked.
    const reuse = await call(server, 'POST', '/v1/auth/refresh', { body: { refreshToken: session.tokens.refreshToken } });
    expect([reuse.status, codeOf(reuse.body)]).toEqual([401, 'UNAUTHORIZED']);
    expect((await call(server, 'POST', '/v1/auth/refresh', { body: { refreshToken: t1.refreshToken } })).status).toBe(401);
    expect((await call(server, 'GET', '/v1/devices', { token: t1.accessToken })).status).toBe(401);
  });

  it('expires access tokens after accessTokenSeconds', async () => {
    const { session } = await signUpOver(server, 'clock@example.com');
    expect(session.tokens.accessExpiresAt - clock).toBeLessThanOrEqual(15 * 60 * 1000);
    clock += 15 * 60 * 1000 + 1;
    expect((await call(server, 'GET', '/v1/devices', { token: session.tokens.accessToken })).status).toBe(401);
    const fresh = RefreshResponse.parse((await call(server, 'POST', '/v1/auth/refresh', { body: { refreshToken: session.tokens.refreshToken } })).body);
    expect((await call(server, 'GET', '/v1/devices', { token: fresh.tokens.accessToken })).status).toBe(200);
  });

  it('signs out: the access and refresh tokens of that device stop working', async () => {
    const { session } = await signUpOver(server, 'carol@example.com');
    expect((await call(server, 'POST', '/v1/auth/logout', { token: session.tokens.accessToken })).status).toBe(204);
    expect((await call(server, 'GET', '/v1/devices', { token: session.tokens.accessToken })).status).toBe(401);
    expect((await call(server, 'POST', '/v1/auth/refresh', { body: { refreshToken: session.tokens.refreshToken } })).status).toBe(401);
  });

  it('lists devices and revokes one: its access AND refresh tokens are refused at once; other accounts cannot touch it', async () => {
    const { session: phone, authSecret } = await signUpOver(server, 'dave@example.com');
    const laptop = SessionResponse.parse(
      (await call(server, 'POST', '/v1/auth/login', { body: { email: 'dave@example.com', authSecret, deviceName: 'Laptop' } })).body,
    );
    const list = DeviceList.parse((await call(server, 'GET', '/v1/devices', { token: phone.tokens.accessToken })).body);
    expect(list.devices.map((d) => [d.name, d.current, d.revokedAt]).sort()).toEqual([
      ['Laptop', false, null],
      ['Test device', true, null],
    ]);

    const { session: eve } = await signUpOver(server, 'eve@example.com');
    expect((await call(server, 'DELETE', `/v1/devices/${laptop.deviceId}`, { token: eve.tokens.accessToken })).status).toBe(404);
    expect((await call(server, 'GET', '/v1/devices', { token: laptop.tokens.accessToken })).status).toBe(200);

    expect((await call(server, 'DELETE', `/v1/devices/${laptop.deviceId}`, { token: phone.tokens.accessToken })).status).toBe(204);
    expect((await call(server, 'GET', '/v1/devices', { token: laptop.tokens.accessToken })).status).toBe(401);
    expect((await call(server, 'POST', '/v1/auth/refresh', { body: { refreshToken: laptop.tokens.refreshToken } })).status).toBe(401);
    const after = DeviceList.parse((await call(server, 'GET', '/v1/devices', { token: phone.tokens.accessToken })).body);
    expect(after.devices.find((d) => d.id === laptop.deviceId)?.revokedAt).not.toBeNull();
  });

  it('locks an account after repeated failures (LOCKED_OUT even with the right secret), then lets it in after the lockout', async () => {
    const { authSecret } = await signUpOver(server, 'frank@example.com');
    const attempt = (secret: string) => call(server, 'POST', '/v1/auth/login', { body: { email: 'frank@example.com', authSecret: secret, deviceName: 'x' } });
    expect((await attempt('C'.repeat(43))).status).toBe(401);
    expect((await attempt('C'.repeat(43))).status).toBe(401);
    const third = await attempt('C'.repeat(43));
    expect([third.status, codeOf(third.body)]).toEqual([423, 'LOCKED_OUT']);
    const right = await attempt(authSecret);
    expect([right.status, codeOf(right.body)]).toEqual([423, 'LOCKED_OUT']);
    clock += 61_000;
    expect((await attempt(authSecret)).status).toBe(200);
  });

  it('changes the password with the key proof: the old secret stops working, the new one and the new keyring are in use', async () => {
    const { session, authSecret, keyProof } = await signUpOver(server, 'gina@example.com');
    const newSecret = 'N'.repeat(43);
    const kdf = { name: 'argon2id', version: 19, memoryKiB: 65536, iterations: 3, parallelism: 4, salt: 'bmV3c2FsdG5ld3NhbHQ=' } as const;
    const bad = await call(server, 'POST', '/v1/account/auth', {
      token: session.tokens.accessToken,
      body: { keyProof: 'W'.repeat(43), newAuthSecret: newSecret, kdf, keyring: '{"new":1}' },
    });
    expect(bad.status).toBe(403);
    // The old password's secret is not a proof (only the data key's is), and an unknown field is refused.
    const oldStyle = await call(server, 'POST', '/v1/account/auth', {
      token: session.tokens.accessToken,
      body: { authSecret, newAuthSecret: newSecret, kdf, keyring: '{"new":1}' },
    });
    expect(oldStyle.status).toBe(400);
    const ok = await call(server, 'POST', '/v1/account/auth', {
      token: session.tokens.accessToken,
      body: { keyProof, newAuthSecret: newSecret, kdf, keyring: '{"new":1}' },
    });
    expect(ok.status).toBe(204);
    expect((await call(server, 'POST', '/v1/auth/login', { body: { email: 'gina@example.com', authSecret, deviceName: 'x' } })).status).toBe(401);
    const again = SessionResponse.parse(
      (await call(server, 'POST', '/v1/auth/login', { body: { email: 'gina@example.com', authSecret: newSecret, deviceName: 'x' } })).body,
    );
    expect(again.keyring).toBe('{"new":1}');
    expect(PreloginResponse.parse((await call(server, 'POST', '/v1/auth/prelogin', { body: { email: 'gina@example.com' } })).body).kdf).toEqual(kdf);
  });

  it('stores only hashes of secrets and tokens', async () => {
    const { session, authSecret, keyProof } = await signUpOver(server, 'hank@example.com');
    const dump = pg.dump('auth');
    for (const secret of [authSecret, keyProof, session.tokens.accessToken, session.tokens.refreshToken]) expect(dump).not.toContain(secret);
    expect(dump).toContain('$argon2id$');
  });
});
