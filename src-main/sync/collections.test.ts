import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLDS } from '../../src-shared/domains/batches/freshness-rule';
import type { AppClient } from '../../src-shared/ipc/channels';
import { startPostgres, POSTGRES_SKIP_REASON, type Postgres } from '../../src-server/test/postgres';
import { startTestServer, type TestServer } from '../../src-server/test/server';
import { createCore, type Core } from '../app/bootstrap';
import { routerClient } from '../app/router-client';
import { wipe } from '../crypto/cipher';
import { KDF_FLOOR } from '../crypto/kdf';
import { serializeKeyring } from '../profile/keyring';
import { PASSWORD, RESOURCES_DIR } from '../test/helpers';
import { loadPrivateKey, rememberIdentity } from './collection-store';
import { createSharedCollections, type SharedCollections } from './collections';
import { startHostileServer, type HostileServer } from './hostile-server.test-kit';
import { createSyncEngine, type SyncReport } from './engine';
import { openChange, sealChange } from './envelope';
import { createSyncHttpClient, type SyncHttpClient } from './http-client';
import { keyFingerprint, keyProofFromDek, newIdentity, personalSpaceKeys, sealPrivateKey, toAuthSecretText } from './keys';
import { SyncError, type SpaceKeys } from './types';

/**
 * Shared collections end to end (docs/sync.md#collections): three ACCOUNTS — a shop owner, a member of staff and a
 * second member of staff as viewer — each on its own real encrypted profile, against a real sync server on a real
 * PostgreSQL over real HTTP on 127.0.0.1. The tests run in order and share the accounts. The owner talks to the server
 * through a forwarder that can turn hostile (hostile-server.test-kit.ts): the key-fingerprint check is tried against it.
 */

interface Device {
  name: string;
  email: string;
  accountId: string;
  core: Core;
  client: AppClient;
  http: SyncHttpClient;
  collections: SharedCollections;
  /** One sync pass as the sync module runs it: refresh the collections, then the engine. */
  sync(): Promise<SyncReport>;
  engine: ReturnType<typeof createSyncEngine>;
}

const roots: string[] = [];
const NOTE = 'Counted before the rotation';
const devices: Device[] = [];

/** A new real profile (one Argon2id run at the floor cost), made while PostgreSQL starts. */
async function newProfile(name: string): Promise<{ core: Core; client: AppClient }> {
  const root = mkdtempSync(path.join(os.tmpdir(), 'hearth-collections-'));
  roots.push(root);
  const core = createCore({ root, transport: 'test', version: '0.0.0-test', kdfCost: KDF_FLOOR, validateOutput: true, resourcesDir: RESOURCES_DIR });
  const client = routerClient(core, 'test');
  await client.profile.create({ name, password: PASSWORD });
  return { core, client };
}

/**
 * Signs the profile up as a new account. The auth secret is random here rather than HKDF(Argon2id(password)): the
 * server only hashes it and these tests are about collections (keys.test.ts and the module test cover the derivation).
 */
async function signUpDevice(server: TestServer, { core, client }: { core: Core; client: AppClient }, name: string, email: string): Promise<Device> {
  const { profile, keys } = core.profiles.current();
  const keyring = await core.profiles.store.readKeyring(profile.id);
  const identity = newIdentity();
  const http = createSyncHttpClient({ baseUrl: server.url });
  const secret = randomBytes(32);
  const session = await http.signUp({
    email,
    authSecret: toAuthSecretText(secret),
    kdf: { ...keyring.kdf },
    keyring: serializeKeyring(keyring),
    publicKey: identity.publicKey,
    wrappedPrivateKey: sealPrivateKey(keys.dek, identity.privateKey),
    keyProof: keyProofFromDek(keys.dek),
    deviceName: name,
  });
  wipe(secret, identity.privateKey);
  const ctx = core.domainContext('sync');
  // As the sync module does at sign-in: keep the sealed private key, open it with the data key when unlocked.
  await ctx.write((trx) => rememberIdentity(trx, session.wrappedPrivateKey));
  const collections = createSharedCollections({
    db: ctx.db,
    write: ctx.write,
    client: http,
    accountId: session.accountId,
    personal: personalSpaceKeys(keys.dek, session.spaceId),
    privateKey: () => loadPrivateKey(ctx.db(), keys.dek),
  });
  await collections.load();
  const engine = createSyncEngine({ db: ctx.db, write: ctx.write, transport: http, spaces: collections.spaces, spaceOf: collections.spaceOf, now: Date.now });
  const device: Device = {
    name,
    email,
    accountId: session.accountId,
    core,
    client,
    http,
    collections,
    engine,
    async sync() {
      await collections.refresh();
      return engine.syncOnce();
    },
  };
  devices.push(device);
  return device;
}

/** The shop owner's profile, driven through the sync module's ops as Settings → Sync drives it. */
interface OwnerDevice {
  core: Core;
  client: AppClient;
  sync(): Promise<{ pushed: number; pulled: number }>;
}

async function signUpThroughModule(server: TestServer, { core, client }: { core: Core; client: AppClient }, name: string, email: string): Promise<OwnerDevice> {
  await client.sync.signUp({ serverUrl: server.url, email, password: PASSWORD, deviceName: name });
  await client.sync.setBackground({ enabled: false }); // the test says when to sync
  return { core, client, sync: async () => (await client.sync.syncNow({})).report };
}

const lots = async (d: Pick<Device, 'client'>): Promise<string[]> => (await d.client.batches.list({ includeInactive: true })).items.map((b) => b.lot).sort();

/** A copy of a space's keys that outlives `close()` (the removed member's "old key" to try later). */
const copyKeys = (k: SpaceKeys): SpaceKeys => ({ spaceId: k.spaceId, envelopeKey: Buffer.from(k.envelopeKey), rowKey: Buffer.from(k.rowKey) });

describe.skipIf(POSTGRES_SKIP_REASON)(
  `shared collections: the batches register shared with staff${POSTGRES_SKIP_REASON ? ` (skipped: ${POSTGRES_SKIP_REASON})` : ''}`,
  () => {
    let pg: Postgres;
    let server: TestServer;
    let hostile: HostileServer;
    let owner: OwnerDevice;
    let staff: Device;
    let viewer: Device;
    let collectionId: string;
    let productId: string;

    beforeAll(async () => {
      const profiles = Promise.all([newProfile('Shop'), newProfile('Staff'), newProfile('Viewer')]);
      pg = await startPostgres();
      server = await startTestServer(pg, 'collections');
      hostile = await startHostileServer(server.url);
      const [a, b, c] = await profiles;
      [owner, staff, viewer] = await Promise.all([
        signUpThroughModule({ ...server, url: hostile.url }, a, 'Shop', 'owner@shop.test'),
        signUpDevice(server, b, 'Staff', 'staff@shop.test'),
        signUpDevice(server, c, 'Viewer', 'viewer@shop.test'),
      ]);
    }, 60_000);

    afterAll(async () => {
      for (const d of devices) {
        d.collections.close();
        d.core.shutdown();
      }
      owner?.core.shutdown();
      await hostile?.close();
      await server?.close();
      await pg?.stop();
      for (const r of roots) rmSync(r, { recursive: true, force: true });
    });

    it('the owner shares the register and invites staff as an editor: staff sees the batches and adds one, the owner sees it', async () => {
      // Before sharing: the owner's register syncs to the owner's personal space only.
      productId = (await owner.client.batches.createProduct({ name: 'Rye bread', unit: 'pcs', shelfLifeDays: 7, thresholds: DEFAULT_THRESHOLDS })).id;
      await owner.client.batches.create({ productId, lot: 'L1', productionDate: '2026-11-19', arrivalDate: '2026-11-20', quantity: 10 });
      expect((await owner.sync()).pushed).toBeGreaterThan(0);

      const shared = await owner.client.sync.shareBatches({ name: 'Corner shop' });
      collectionId = shared.id;
      expect(shared).toMatchObject({ kind: 'batches', name: 'Corner shop', role: 'owner', keyVersion: 1, active: true });
      // Sharing re-queues the rows pushed earlier to the personal space into the collection, once.
      const first = await owner.sync();
      expect(first.pushed).toBeGreaterThanOrEqual(2);
      expect((await owner.sync()).pushed).toBe(0);

      // The owner compares the fingerprint of the key the server gives with the one staff reads from their device.
      const fingerprint = await staff.collections.fingerprint();
      expect(await owner.client.sync.memberKey({ email: staff.email })).toEqual({ email: staff.email, fingerprint });
      await owner.client.sync.invite({ collectionId, email: staff.email, role: 'editor', fingerprint });
      const staffReport = await staff.sync();
      expect(staffReport.rejected).toBe(0);
      expect(staff.collections.list()).toEqual([expect.objectContaining({ id: collectionId, name: 'Corner shop', role: 'editor', active: true })]);
      expect(await lots(staff)).toEqual(['L1']);

      await staff.client.batches.create({ productId, lot: 'L2', productionDate: '2026-11-20', arrivalDate: '2026-11-20', quantity: 4 });
      expect((await staff.sync()).pushed).toBeGreaterThan(0);
      await owner.sync();
      expect(await lots(owner)).toEqual(['L1', 'L2']);
    }, 30_000);

    it('a viewer writing to a shared collection: refused', async () => {
      const fingerprint = (await viewer.collections.fingerprint()).replaceAll(' ', '').toUpperCase(); // typed without spaces
      await owner.client.sync.invite({ collectionId, email: viewer.email, role: 'viewer', fingerprint });
      await viewer.sync();
      expect(viewer.collections.list()[0]).toMatchObject({ id: collectionId, role: 'viewer', active: true });
      expect(await lots(viewer)).toEqual(['L1', 'L2']);

      // The server refuses the viewer's push outright.
      const keys = viewer.collections.spaces().find((s) => s.spaceId === collectionId)!;
      const forged = sealChange(keys, { table: 'batches', rowId: 'x', hlc: '000001733000000000:0000:dev', deleted: false, fields: { lot: 'X' } });
      const refused = await viewer.http.push(collectionId, [forged]).catch((err: unknown) => err);
      expect(refused).toBeInstanceOf(SyncError);
      expect((refused as SyncError).code).toBe('FORBIDDEN');

      // A viewer's edits through the app: the pass does not fail or loop; the edits become conflicts and are undone.
      const l1 = (await viewer.client.batches.list({})).items.find((b) => b.lot === 'L1')!;
      await viewer.client.batches.update({
        id: l1.id,
        productId,
        lot: 'L1',
        productionDate: l1.productionDate,
        arrivalDate: l1.arrivalDate,
        quantity: 10,
        location: 'Back room',
      });
      await viewer.client.batches.create({ productId, lot: 'L3', productionDate: '2026-11-20', arrivalDate: '2026-11-20', quantity: 2 });
      const report = await viewer.sync();
      expect(report.pushed).toBe(0);
      expect(report.conflicts).toBeGreaterThan(0);
      const conflicts = await viewer.engine.conflicts();
      expect(conflicts).toEqual(
        expect.arrayContaining([expect.objectContaining({ table: 'batches', rowId: l1.id, field: 'location', value: 'Back room', reason: 'forbidden' })]),
      );
      expect(conflicts.some((c) => c.table === 'batches' && c.field === 'lot' && c.value === 'L3' && c.reason === 'forbidden')).toBe(true);
      // The register's value is back on the viewer's device (a batch only the viewer made stays there, in the conflicts
      // view too); nothing waits to be pushed; the next pass is quiet.
      expect((await viewer.client.batches.get({ id: l1.id })).batch.location).toBe('');
      expect(await lots(viewer)).toEqual(['L1', 'L2', 'L3']);
      expect(await viewer.engine.pendingCount()).toBe(0);
      expect(await viewer.sync()).toMatchObject({ pushed: 0, conflicts: 0 });
      // Nobody else got the viewer's edits.
      await owner.sync();
      expect(await lots(owner)).toEqual(['L1', 'L2']);
      expect((await owner.client.batches.get({ id: l1.id })).batch.location).toBe('');
    }, 30_000);

    it('removing a member rotates the key: the removed member cannot push, and new batches do not open with their old key', async () => {
      const oldKeys = copyKeys(staff.collections.spaces().find((s) => s.spaceId === collectionId)!);
      // A change under key version 1 that staff never pulls (the last test reads it after being added back).
      const l1 = (await owner.client.batches.list({})).items.find((b) => b.lot === 'L1')!;
      await owner.client.batches.update({
        id: l1.id,
        productId,
        lot: 'L1',
        productionDate: l1.productionDate,
        arrivalDate: l1.arrivalDate,
        quantity: 10,
        notes: NOTE,
      });
      await owner.sync();
      const { changes: before } = await viewer.http.pull(collectionId, 0, 500);
      const lastSeqBefore = Math.max(...before.map((c) => c.seq));

      const after = await owner.client.sync.removeMember({ collectionId, accountId: staff.accountId });
      expect(after.keyVersion).toBe(2);
      expect(after.members.map((m) => m.email).sort()).toEqual(['owner@shop.test', 'viewer@shop.test']);

      // The server refuses the removed member at once: no push (even sealed with the key they hold), no pull.
      const push = await staff.http
        .push(collectionId, [sealChange(oldKeys, { table: 'batches', rowId: 'y', hlc: '000001733000000000:0000:dev', deleted: false, fields: { lot: 'Y' } })])
        .catch((e: unknown) => e);
      expect((push as SyncError).code).toBe('FORBIDDEN');
      const pull = await staff.http.pull(collectionId, 0).catch((e: unknown) => e);
      expect((pull as SyncError).code).toBe('FORBIDDEN');

      // New batches are sealed with version 2: the removed member's old key opens none of them.
      await owner.client.batches.create({ productId, lot: 'L4', productionDate: '2026-11-21', arrivalDate: '2026-11-21', quantity: 6 });
      await owner.sync();
      const { changes } = await viewer.http.pull(collectionId, lastSeqBefore, 500);
      expect(changes.length).toBeGreaterThan(0);
      for (const c of changes) expect(() => openChange(oldKeys, c)).toThrowError(expect.objectContaining({ code: 'TAMPERED' }) as Error);

      // The viewer stays: gets version 2, opens old and new envelopes alike (L3 is its own refused batch, kept locally).
      const viewerReport = await viewer.sync();
      expect(viewerReport.rejected).toBe(0);
      expect(viewer.collections.list()[0]).toMatchObject({ keyVersion: 2 });
      expect(await lots(viewer)).toEqual(['L1', 'L2', 'L3', 'L4']);
      const viewerKeys = viewer.collections.spaces().find((k) => k.spaceId === collectionId)!;
      expect(changes.map((c) => openChange(viewerKeys, c).table)).toContain('batches');
      // Envelopes from before the rotation open with the older version each remaining member keeps.
      expect(viewerKeys.older).toHaveLength(1);
      expect(() => openChange(viewerKeys.older![0]!, before[0]!)).not.toThrow();

      // The removed member's next pass drops the collection and keeps working on its personal space.
      const staffReport = await staff.sync();
      expect(staffReport.rejected).toBe(0);
      expect(staff.collections.list()).toEqual([]);
      expect(staff.collections.spaces()).toHaveLength(1);
      expect(await lots(staff)).toEqual(['L1', 'L2']);
      wipe(oldKeys.envelopeKey, oldKeys.rowKey);
    }, 30_000);

    it('an invite is refused when the server gives a key with another fingerprint (a substituted key): nothing is added', async () => {
      const fingerprint = await staff.collections.fingerprint();
      const members = async (): Promise<string[]> => (await viewer.http.collections()).collections[0]!.members.map((m) => m.email).sort();
      const refused = async (fp: string): Promise<void> => {
        const err = await owner.client.sync.invite({ collectionId, email: staff.email, role: 'editor', fingerprint: fp }).catch((e: unknown) => e);
        expect(err).toMatchObject({
          code: 'CONFLICT',
          message: expect.stringMatching(/server now gives another key for staff@shop\.test: check the fingerprint/),
        });
      };
      // A fingerprint that is not staff's (the viewer's, read by mistake).
      await refused(await viewer.collections.fingerprint());
      // The server hands over its own key for staff: staff's real fingerprint no longer matches, so nothing is wrapped to it.
      const attacker = newIdentity();
      hostile.substitute = attacker.publicKey;
      try {
        expect((await owner.client.sync.memberKey({ email: staff.email })).fingerprint).toBe(keyFingerprint(attacker.publicKey));
        await refused(fingerprint);
      } finally {
        hostile.substitute = null;
        wipe(attacker.privateKey);
      }
      // The server's member list (as the viewer gets it): still the owner and the viewer only.
      expect(await members()).toEqual(['owner@shop.test', 'viewer@shop.test']);
    }, 30_000);

    it('a member added after a rotation gets the whole register: the rotation re-sealed it under the new key', async () => {
      await owner.client.sync.invite({ collectionId, email: staff.email, role: 'editor', fingerprint: await staff.collections.fingerprint() });
      const report = await staff.sync();
      expect(staff.collections.list()[0]).toMatchObject({ id: collectionId, keyVersion: 2, role: 'editor', active: true });
      // This device forgot version 1 when it was removed: the envelopes sealed under it are skipped…
      expect(staff.collections.spaces().find((k) => k.spaceId === collectionId)!.older).toEqual([]);
      expect(report.rejected).toBeGreaterThan(0);
      // …and the register's state, re-sealed under version 2 at the rotation, carries everything written before it.
      expect(await lots(staff)).toEqual(['L1', 'L2', 'L4']);
      const l1 = (await staff.client.batches.list({})).items.find((b) => b.lot === 'L1')!;
      expect((await staff.client.batches.get({ id: l1.id })).batch.notes).toBe(NOTE);
    }, 30_000);

    it('a rotation refuses to wrap the new key to a member whose key changed since the owner confirmed it', async () => {
      const version = async (): Promise<number> => (await viewer.http.collections()).collections[0]!.keyVersion;
      const before = await version();
      // The server swaps the viewer's key while the owner removes staff: the removal stands, the rotation is refused.
      const attacker = newIdentity();
      hostile.substitute = attacker.publicKey;
      try {
        const err = await owner.client.sync.removeMember({ collectionId, accountId: staff.accountId }).catch((e: unknown) => e);
        expect(err).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/another key for viewer@shop\.test.*not rotated/) });
      } finally {
        hostile.substitute = null;
        wipe(attacker.privateKey);
      }
      expect(await version()).toBe(before);
      // With the real key back, removing again rotates (the member is already gone, so only the rotation is left).
      expect((await owner.client.sync.removeMember({ collectionId, accountId: staff.accountId })).keyVersion).toBe(before + 1);
    }, 30_000);
  },
);
