import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POSTGRES_SKIP_REASON, startPostgres, type Postgres } from '../../src-server/test/postgres';
import { fakeSignUp, startTestServer, TEST_LIMITS, type TestServer } from '../../src-server/test/server';
import { createSyncEngine } from './engine';
import { sealChange } from './envelope';
import { createSyncHttpClient, type SyncHttpClient } from './http-client';
import { personalSpaceKeys } from './keys';
import { newDevices, syncedHash, type TestDevice } from './sync.test-kit';
import { SyncError, type SpaceKeys, type SyncTransport } from './types';

/**
 * The engine against a real server on a real PostgreSQL, two real profiles of one account: a push whose response is
 * lost is re-sent with the same ids and stored once; pulls page until the server says there is no more; a change
 * sealed under another key is refused and the rest applied; other modules hear of applied rows; pending count and
 * the conflicts view.
 */
describe.skipIf(POSTGRES_SKIP_REASON)(`sync engine${POSTGRES_SKIP_REASON ? ` (skipped: ${POSTGRES_SKIP_REASON})` : ''}`, () => {
  let pg: Postgres;
  let server: TestServer;
  let a: TestDevice;
  let b: TestDevice;
  let clientA: SyncHttpClient;
  let clientB: SyncHttpClient;
  let keys: SpaceKeys;
  let close = () => undefined as void;

  beforeAll(async () => {
    pg = await startPostgres();
    server = await startTestServer(pg, 'sync_engine', { limits: TEST_LIMITS });
    const made = await newDevices(2);
    [a, b] = made.devices as [TestDevice, TestDevice];
    close = made.close;
    const req = fakeSignUp('engine@sync.invalid', 'A');
    clientA = createSyncHttpClient({ baseUrl: server.url });
    const session = await clientA.signUp(req);
    clientB = createSyncHttpClient({ baseUrl: server.url });
    await clientB.signIn({ email: 'engine@sync.invalid', authSecret: req.authSecret, deviceName: 'B' });
    keys = personalSpaceKeys(made.dek, session.spaceId);
  }, 60_000);
  afterAll(async () => {
    close();
    await server?.close();
    await pg?.stop();
  });

  const engineOf = (d: TestDevice, transport: SyncTransport) => createSyncEngine({ db: d.db, write: d.write, transport, spaces: () => [keys], now: Date.now });

  async function stored(): Promise<{ rows: number; distinct: number }> {
    const r = await sql<{
      rows: string;
      distinct: string;
    }>`SELECT count(*) AS rows, count(DISTINCT change_id) AS distinct FROM changes WHERE space_id = ${keys.spaceId}`.execute(server.db);
    return { rows: Number(r.rows[0]!.rows), distinct: Number(r.rows[0]!.distinct) };
  }

  it('re-sends the same change ids after a lost push response, and the server stores them once', async () => {
    for (let i = 0; i < 3; i++) await a.core.client.vault.create({ item: { type: 'note', title: `Lost ${i}`, secureNote: 'n' } });
    let drop = true;
    const lossy: SyncTransport = {
      ...clientA,
      push: async (spaceId, changes) => {
        const res = await clientA.push(spaceId, changes);
        if (drop) {
          drop = false;
          throw new SyncError('NETWORK', 'The response was lost.');
        }
        return res;
      },
    };
    const engine = engineOf(a, lossy);
    expect(await engine.pendingCount()).toBeGreaterThan(0);
    const before = await stored();
    await expect(engine.syncOnce()).rejects.toMatchObject({ code: 'NETWORK' });
    const afterLoss = await stored();
    expect(afterLoss.rows).toBeGreaterThan(before.rows);
    const report = await engine.syncOnce();
    expect(report.pushed).toBe(afterLoss.rows - before.rows);
    expect(await stored()).toEqual(afterLoss);
    expect((await stored()).rows).toBe((await stored()).distinct);
    expect(await engine.pendingCount()).toBe(0);
  });

  it('pulls page by page until the server has no more, and other modules hear of the rows', async () => {
    for (let i = 0; i < 7; i++) await a.core.client.vault.create({ item: { type: 'note', title: `Paged ${i}`, secureNote: 's' } });
    await engineOf(a, clientA).syncOnce();
    let pulls = 0;
    const small: SyncTransport = {
      ...clientB,
      pull: (spaceId, since) => {
        pulls++;
        return clientB.pull(spaceId, since, 4);
      },
    };
    const heard: unknown[] = [];
    const stop = b.core.events.subscribe((channel, payload) => {
      if (channel.startsWith('vault')) heard.push(payload);
    });
    const before = (await b.core.client.vault.list({})).items.length;
    const report = await engineOf(b, small).syncOnce();
    stop();
    expect(pulls).toBeGreaterThanOrEqual(3); // 10+ changes in pages of 4
    expect(report.applied).toBeGreaterThanOrEqual(10);
    expect((await b.core.client.vault.list({})).items.length).toBe(before + 10);
    expect(heard.length).toBeGreaterThan(0);
    expect(await syncedHash(b.db())).toBe(await syncedHash(a.db()));
  });

  it('refuses a change sealed under another key and applies the rest', async () => {
    const other = personalSpaceKeys(Buffer.alloc(32, 7), keys.spaceId);
    const forged = sealChange(other, { table: 'vault_items', rowId: 'forged', hlc: `${Date.now()}-0000-x`, deleted: false, fields: { title: 'forged' } });
    await clientA.push(keys.spaceId, [forged]);
    await a.core.client.vault.create({ item: { type: 'note', title: 'Genuine', secureNote: 'g' } });
    await engineOf(a, clientA).syncOnce();
    const report = await engineOf(b, clientB).syncOnce();
    expect(report.rejected).toBe(1);
    const titles = (await b.core.client.vault.list({})).items.map((i) => i.title);
    expect(titles).toContain('Genuine');
    expect(titles).not.toContain('forged');
  });

  it('lists the losing values in the conflicts view', async () => {
    const item = await a.core.client.vault.create({ item: { type: 'note', title: 'Shared note', secureNote: 's' } });
    const ea = engineOf(a, clientA);
    const eb = engineOf(b, clientB);
    await ea.syncOnce();
    await eb.syncOnce();
    await a.core.client.vault.update({ id: item.id, item: { type: 'note', title: 'Title from A' } });
    await b.core.client.vault.update({ id: item.id, item: { type: 'note', title: 'Title from B' } });
    await ea.syncOnce();
    const report = await eb.syncOnce();
    expect(report.conflicts).toBeGreaterThan(0);
    await ea.syncOnce();
    for (const e of [ea, eb]) {
      const titles = (await e.conflicts()).filter((c) => c.rowId === item.id && c.field === 'title');
      expect(titles).toEqual([expect.objectContaining({ table: 'vault_items', value: 'Title from A', reason: 'lww' })]);
      expect(titles[0]!.lostToHlc > titles[0]!.hlc).toBe(true);
    }
    expect((await b.core.client.vault.get({ id: item.id })).title).toBe('Title from B');
  });

  it('keeps a change too large for the server out of the queue (in the history) and sends the rest', async () => {
    const big = 'x'.repeat(1_200_000);
    await a.core.domainContext('journal').write(async (trx) => {
      await trx
        .insertInto('journal_templates')
        .values({ id: 'big-template', name: 'Big', body: big, created_at: 'c', updated_at: 'u', deleted_at: null })
        .execute();
    });
    await a.core.client.vault.create({ item: { type: 'note', title: 'After the big one', secureNote: 's' } });
    const ea = engineOf(a, clientA);
    const report = await ea.syncOnce();
    expect(report.conflicts).toBeGreaterThanOrEqual(1);
    expect((await ea.conflicts()).find((c) => c.rowId === 'big-template')).toMatchObject({ reason: 'too_large', field: '*' });
    expect(await ea.pendingCount()).toBe(0);
    await engineOf(b, clientB).syncOnce();
    expect((await b.core.client.vault.list({})).items.map((i) => i.title)).toContain('After the big one');
  });

  it('runs one pass at a time: a second call waits and then sends what was written meanwhile', async () => {
    const ea = engineOf(a, clientA);
    await a.core.client.vault.create({ item: { type: 'note', title: 'Concurrent 1', secureNote: 's' } });
    const first = ea.syncOnce();
    await a.core.client.vault.create({ item: { type: 'note', title: 'Concurrent 2', secureNote: 's' } });
    const [r1, r2, r3] = await Promise.all([first, ea.syncOnce(), ea.syncOnce()]);
    expect(r2).toBe(r3);
    expect(r1.pushed + r2.pushed).toBeGreaterThanOrEqual(2);
    expect(await ea.pendingCount()).toBe(0);
    expect((await stored()).rows).toBe((await stored()).distinct);
  });
});
