import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { buffer } from 'node:stream/consumers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caughtSyncError } from './sync-error.test-kit';
import { SyncKdf, type Tokens } from '../../src-shared/sync/protocol';
import { POSTGRES_SKIP_REASON, startPostgres, type Postgres } from '../../src-server/test/postgres';
import { startTestServer, type TestServer } from '../../src-server/test/server';
import { KDF_FLOOR } from '../crypto/kdf';
import { createKeyring, serializeKeyring, parseKeyring, unwrapWithPassword } from '../profile/keyring';
import { openChange, sealChange } from './envelope';
import { createSyncHttpClient, type SyncHttpClient } from './http-client';
import {
  authSecretFromPassword,
  keyProofFromDek,
  newCollectionKey,
  newIdentity,
  openName,
  openPrivateKey,
  personalSpaceKeys,
  sealName,
  sealPrivateKey,
  toAuthSecretText,
  unwrapCollectionKey,
  wrapCollectionKey,
} from './keys';
import type { PlainChange } from './types';

/**
 * The client against the real sync server (src-server/app.ts) on real PostgreSQL, over real HTTP on 127.0.0.1:
 * the whole chain a device runs — password → auth secret, keyring and identity up, envelopes pushed and pulled,
 * tokens refreshed when the server's clock says they expired, blobs, and a shared collection's keys.
 */

const CANARY = 'CANARY-h3a-client-3b9f1d';
const PASSWORD = 'correct horse battery staple';

let pg: Postgres;
let server: TestServer;
let baseUrl: string;
/** Added to the server's clock: moving it expires access tokens without waiting. */
let serverClockOffset = 0;

/** An account made with a random auth secret (the password chain is tested once, below: Argon2id costs time). */
async function quickAccount(
  name: string,
): Promise<{ client: SyncHttpClient; email: string; secret: string; identity: ReturnType<typeof newIdentity>; dek: Buffer; spaceId: string }> {
  const email = `${name}-${randomUUID().slice(0, 8)}@example.org`;
  const secret = toAuthSecretText(randomBytes(32));
  const identity = newIdentity();
  const dek = randomBytes(32);
  const client = createSyncHttpClient({ baseUrl });
  const s = await client.signUp({
    email,
    authSecret: secret,
    kdf: SyncKdf.parse({ name: 'argon2id', version: 19, ...KDF_FLOOR, salt: randomBytes(16).toString('base64') }),
    keyring: '{"opaque":true}',
    publicKey: identity.publicKey,
    wrappedPrivateKey: sealPrivateKey(dek, identity.privateKey),
    keyProof: keyProofFromDek(dek),
    deviceName: `${name} laptop`,
  });
  return { client, email, secret, identity, dek, spaceId: s.spaceId };
}

const caught = caughtSyncError;

describe.skipIf(POSTGRES_SKIP_REASON)(`sync http client against the real server${POSTGRES_SKIP_REASON ? ` (skipped: ${POSTGRES_SKIP_REASON})` : ''}`, () => {
  beforeAll(async () => {
    pg = await startPostgres();
    server = await startTestServer(pg, 'h3a_http_client', { now: () => Date.now() + serverClockOffset });
    baseUrl = server.url;
  }, 60_000);

  afterAll(async () => {
    await server?.close();
    await pg?.stop();
  });

  it('signs up from a password, and a second device joins with the password alone and recovers the keys', async () => {
    const email = `owner-${randomUUID().slice(0, 8)}@example.org`;
    // Device A: a real profile keyring, the auth secret from the same password, an identity sealed under the DEK.
    const { keyring, dek } = await createKeyring(randomUUID(), PASSWORD, KDF_FLOOR, new Date().toISOString());
    const identity = newIdentity();
    const savedA: Tokens[] = [];
    const a = createSyncHttpClient({ baseUrl, onTokens: (t) => void savedA.push(t) });
    expect(await a.health()).toMatchObject({ ok: true, database: true, blobs: true });
    const secretA = await authSecretFromPassword(PASSWORD, SyncKdf.parse(keyring.kdf));
    const sa = await a.signUp({
      email,
      authSecret: toAuthSecretText(secretA),
      kdf: SyncKdf.parse(keyring.kdf),
      keyring: serializeKeyring(keyring),
      publicKey: identity.publicKey,
      wrappedPrivateKey: sealPrivateKey(dek, identity.privateKey),
      keyProof: keyProofFromDek(dek),
      deviceName: 'Laptop',
    });
    expect(sa.spaceId).toBe(sa.accountId);
    expect(savedA).toEqual([sa.tokens]);
    expect(a.session()?.deviceId).toBe(sa.deviceId);

    // Device B knows only the email and the password.
    const b = createSyncHttpClient({ baseUrl });
    const { kdf } = await b.prelogin(email.toUpperCase());
    expect(kdf).toEqual(keyring.kdf);
    // Same password and the same KDF parameters give the same secret (keys.test.ts); one Argon2id run less here.
    const sb = await b.signIn({ email, authSecret: toAuthSecretText(secretA), deviceName: 'Phone' });
    expect(sb.accountId).toBe(sa.accountId);
    expect(sb.deviceId).not.toBe(sa.deviceId);
    const dekB = await unwrapWithPassword(parseKeyring(sb.keyring), PASSWORD);
    expect(dekB.equals(dek)).toBe(true);
    expect(openPrivateKey(dekB, sb.wrappedPrivateKey).equals(identity.privateKey)).toBe(true);

    const { devices } = await a.devices();
    expect(devices.map((d) => [d.name, d.current]).sort()).toEqual([
      ['Laptop', true],
      ['Phone', false],
    ]);

    // A wrong password is refused with the server's code; an unknown email looks the same and gets stable fake KDF params.
    const wrong = await caught(b.signIn({ email, authSecret: toAuthSecretText(randomBytes(32)), deviceName: 'Phone' }));
    expect(wrong).toMatchObject({ code: 'UNAUTHORIZED', status: 401 });
    const ghost = `ghost-${randomUUID()}@example.org`;
    expect(await b.prelogin(ghost)).toEqual(await b.prelogin(ghost));
    // Sign-up with a taken email is a CONFLICT.
    const dup = await caught(
      createSyncHttpClient({ baseUrl }).signUp({
        email,
        authSecret: toAuthSecretText(randomBytes(32)),
        kdf,
        keyring: '{}',
        publicKey: identity.publicKey,
        wrappedPrivateKey: sealPrivateKey(dek, identity.privateKey),
        keyProof: keyProofFromDek(dek),
        deviceName: 'X',
      }),
    );
    expect(dup.code).toBe('CONFLICT');
  });

  it('pushes sealed changes idempotently and another device pulls and opens them; the database holds no plaintext', async () => {
    const acct = await quickAccount('sync');
    const b = createSyncHttpClient({ baseUrl });
    await b.signIn({ email: acct.email, authSecret: acct.secret, deviceName: 'B' });
    const keys = personalSpaceKeys(acct.dek, acct.spaceId);
    const plain: PlainChange[] = Array.from({ length: 5 }, (_, i) => ({
      table: 'journal_entries',
      rowId: `row-${i}`,
      hlc: `00000173300000000${i}:0000:dev-a`,
      deleted: i === 4,
      fields: i === 4 ? {} : { body: `${CANARY} entry ${i}`, mood: i },
    }));
    const sealed = plain.map((c) => sealChange(keys, c));
    const first = await acct.client.push(acct.spaceId, sealed);
    expect(first.duplicates).toBe(0);
    expect(first.accepted.map((a) => a.id)).toEqual(sealed.map((s) => s.id));
    // The response was lost: the same ids again store nothing twice and answer the first seqs.
    const again = await acct.client.push(acct.spaceId, sealed);
    expect(again.duplicates).toBe(5);
    expect(again.accepted).toEqual(first.accepted);

    const page1 = await b.pull(acct.spaceId, 0, 3);
    expect(page1.changes).toHaveLength(3);
    expect(page1.more).toBe(true);
    const page2 = await b.pull(acct.spaceId, page1.cursor);
    expect(page2.more).toBe(false);
    const pulled = [...page1.changes, ...page2.changes];
    expect(pulled.map((c) => openChange(keys, c))).toEqual(plain);
    expect(new Set(pulled.map((c) => c.deviceId)).size).toBe(1);

    const dump = pg.dump(server.database);
    const logs = server.logs.join('\n');
    expect(dump).toContain(acct.spaceId);
    for (const form of [CANARY, Buffer.from(CANARY).toString('base64'), Buffer.from(CANARY).toString('hex'), 'journal_entries']) {
      expect(dump).not.toContain(form);
      expect(logs).not.toContain(form);
    }
    // Nor do the tokens or the auth secret reach the server's log.
    expect(logs).not.toContain(acct.client.session()!.tokens.accessToken);
    expect(logs).not.toContain(acct.secret);
  });

  it('refreshes when the server says the access token expired, persists the rotation, and a stolen old refresh token is refused', async () => {
    const acct = await quickAccount('refresh');
    const saved: Tokens[] = [];
    const session = acct.client.session()!;
    const c = createSyncHttpClient({ baseUrl, session, onTokens: (t) => void saved.push(t) });
    await c.devices();
    expect(saved).toHaveLength(0);
    serverClockOffset += 16 * 60_000; // the server's clock passes the 15-minute access lifetime
    try {
      await c.devices();
      expect(saved).toHaveLength(1);
      expect(saved[0]!.refreshToken).not.toBe(session.tokens.refreshToken);
      // A copy of the old session (a thief's) cannot refresh: the rotated token is dead, and its reuse revokes the session.
      const thief = createSyncHttpClient({ baseUrl, session });
      expect((await caught(thief.refresh())).code).toBe('UNAUTHORIZED');
      expect((await caught(c.devices())).code).toBe('UNAUTHORIZED');
    } finally {
      serverClockOffset -= 16 * 60_000;
    }
  });

  it('a revoked device and a signed-out device are refused; another account cannot read my space', async () => {
    const acct = await quickAccount('revoke');
    const b = createSyncHttpClient({ baseUrl });
    const sb = await b.signIn({ email: acct.email, authSecret: acct.secret, deviceName: 'Old phone' });
    await acct.client.revokeDevice(sb.deviceId);
    expect((await caught(b.pull(acct.spaceId, 0))).code).toBe('UNAUTHORIZED');
    expect((await acct.client.devices()).devices.find((d) => d.id === sb.deviceId)?.revokedAt).not.toBeNull();

    const other = await quickAccount('mallory');
    const denied = await caught(other.client.pull(acct.spaceId, 0));
    expect(['FORBIDDEN', 'NOT_FOUND']).toContain(denied.code);
    const keys = personalSpaceKeys(other.dek, acct.spaceId);
    expect(['FORBIDDEN', 'NOT_FOUND']).toContain(
      (await caught(other.client.push(acct.spaceId, [sealChange(keys, { table: 't', rowId: 'r', hlc: 'h', deleted: false, fields: {} })]))).code,
    );

    const old = acct.client.session()!;
    await acct.client.signOut();
    expect(acct.client.session()).toBeUndefined();
    expect((await caught(createSyncHttpClient({ baseUrl, session: old }).devices())).code).toBe('UNAUTHORIZED');
  });

  it('blobs go up and come back byte-identical, only to members of the space', async () => {
    const acct = await quickAccount('blobs');
    const bytes = randomBytes(300_000);
    const id = createHash('sha256').update(bytes).digest('hex');
    expect(await acct.client.hasBlob(acct.spaceId, id)).toBe(false);
    await acct.client.putBlob(acct.spaceId, id, bytes);
    expect(await acct.client.hasBlob(acct.spaceId, id)).toBe(true);
    expect((await acct.client.getBlob(acct.spaceId, id)).equals(bytes)).toBe(true);
    expect((await buffer(await acct.client.getBlobStream(acct.spaceId, id))).equals(bytes)).toBe(true);
    const empty = Buffer.alloc(0);
    const emptyId = createHash('sha256').update(empty).digest('hex');
    await acct.client.putBlobStream(acct.spaceId, emptyId, (async function* () {})(), 0);
    expect((await acct.client.getBlob(acct.spaceId, emptyId)).length).toBe(0);
    const other = await quickAccount('peeker');
    expect(['FORBIDDEN', 'NOT_FOUND']).toContain((await caught(other.client.getBlob(acct.spaceId, id))).code);
    expect(['FORBIDDEN', 'NOT_FOUND']).toContain((await caught(other.client.getBlob(other.spaceId, id))).code);
  });

  it('a shared collection: its key wrapped to a member, unwrapped on their side, a viewer refused, rotation after removal', async () => {
    const owner = await quickAccount('shop');
    const staff = await quickAccount('staff');
    const ck = newCollectionKey();
    const created = await owner.client.createCollection({
      kind: 'batches',
      sealedName: sealName(ck, 'Chargen'),
      wrappedKey: wrapCollectionKey(ck, owner.identity.publicKey),
    });
    expect(created).toMatchObject({ kind: 'batches', role: 'owner', keyVersion: 1 });
    const staffKey = await owner.client.publicKey(staff.email);
    expect(staffKey.publicKey).toBe(staff.identity.publicKey);
    const afterAdd = await owner.client.addMember(created.id, {
      email: staff.email,
      role: 'viewer',
      wrappedKey: wrapCollectionKey(ck, staffKey.publicKey),
      keyVersion: 1,
    });
    expect(afterAdd.members.map((m) => m.role).sort()).toEqual(['owner', 'viewer']);

    const seen = (await staff.client.collections()).collections.find((c) => c.id === created.id)!;
    expect(seen.role).toBe('viewer');
    const staffCk = unwrapCollectionKey(seen.wrappedKey, staff.identity.privateKey);
    expect(staffCk.equals(ck)).toBe(true);
    expect(openName(staffCk, seen.sealedName)).toBe('Chargen');

    const { collectionSpaceKeys } = await import('./keys');
    const keys = collectionSpaceKeys(ck, created.id);
    await owner.client.push(created.id, [sealChange(keys, { table: 'batches', rowId: 'b1', hlc: '1', deleted: false, fields: { name: 'Rye' } })]);
    const pulled = await staff.client.pull(created.id, 0);
    expect(openChange(collectionSpaceKeys(staffCk, created.id), pulled.changes[0]!).fields).toEqual({ name: 'Rye' });
    const viewerPush = await caught(
      staff.client.push(created.id, [sealChange(keys, { table: 'batches', rowId: 'b1', hlc: '2', deleted: false, fields: { name: 'Spelt' } })]),
    );
    expect(viewerPush).toMatchObject({ code: 'FORBIDDEN', status: 403 });

    await owner.client.removeMember(created.id, staffKey.accountId);
    const ck2 = newCollectionKey();
    const rotated = await owner.client.rotateKey(created.id, {
      keyVersion: 2,
      wrappedKeys: [{ accountId: created.members[0]!.accountId, wrappedKey: wrapCollectionKey(ck2, owner.identity.publicKey) }],
    });
    expect(rotated.keyVersion).toBe(2);
    expect(unwrapCollectionKey(rotated.wrappedKey, owner.identity.privateKey).equals(ck2)).toBe(true);
    expect(['FORBIDDEN', 'NOT_FOUND']).toContain((await caught(staff.client.pull(created.id, 0))).code);
  });

  it('changing the password needs the key proof, replaces the auth secret and ends the other sessions', async () => {
    const acct = await quickAccount('rekey');
    const other = createSyncHttpClient({ baseUrl });
    await other.signIn({ email: acct.email, authSecret: acct.secret, deviceName: 'Phone' });
    const next = toAuthSecretText(randomBytes(32));
    const kdf = SyncKdf.parse({ name: 'argon2id', version: 19, ...KDF_FLOOR, salt: randomBytes(16).toString('base64') });
    // Another data key's proof (or a guess) is refused, and nothing changes.
    const wrong = await caught(acct.client.changeAuth({ keyProof: keyProofFromDek(randomBytes(32)), newAuthSecret: next, kdf, keyring: '{"new":true}' }));
    expect(wrong.code).toBe('FORBIDDEN');
    expect((await other.devices()).devices).toHaveLength(2);

    await acct.client.changeAuth({ keyProof: keyProofFromDek(acct.dek), newAuthSecret: next, kdf, keyring: '{"new":true}' });
    const c = createSyncHttpClient({ baseUrl });
    expect((await caught(c.signIn({ email: acct.email, authSecret: acct.secret, deviceName: 'X' }))).code).toBe('UNAUTHORIZED');
    const s = await c.signIn({ email: acct.email, authSecret: next, deviceName: 'X' });
    expect(s.keyring).toBe('{"new":true}');
    expect((await c.prelogin(acct.email)).kdf).toEqual(kdf);
    // The device that changed it goes on; the session made with the old password is over.
    expect((await acct.client.devices()).devices.filter((d) => d.revokedAt === null)).toHaveLength(2);
    expect((await caught(other.devices())).code).toBe('UNAUTHORIZED');
  });
});
