import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { applyRemote } from './apply';
import { prepare } from './outbox';
import { newDevices, syncedHash, type TestDevice } from './sync.test-kit';
import { EXCLUDED_TABLES, personalRouter, SYNCED_TABLES } from './tables';
import type { PlainChange } from './types';

/**
 * The outbox and apply halves of the engine on real SQLCipher profiles, exchanging plain changes directly (the
 * envelope and the server are covered by envelope.test.ts, engine.test.ts and convergence.test.ts).
 */
const route = personalRouter('00000000-0000-4000-8000-000000000001');
const RULE = { kind: 'days-before-expiry', cautionWithinDays: 2 } as const;

async function take(d: TestDevice): Promise<PlainChange[]> {
  return d.write(async (trx) => {
    await prepare(trx, route);
    const rows = await trx.selectFrom('sync_outbox').selectAll().orderBy('seq').execute();
    await trx.deleteFrom('sync_outbox').execute();
    return rows.map((r) => ({
      table: r.table_name,
      rowId: r.row_id,
      hlc: r.hlc,
      deleted: r.deleted === 1,
      fields: JSON.parse(r.fields) as Record<string, unknown>,
    }));
  });
}

async function give(d: TestDevice, changes: PlainChange[]) {
  return d.write(async (trx) => {
    await prepare(trx, route);
    return applyRemote(trx, changes, { now: Date.now });
  });
}

async function history(d: TestDevice) {
  return d.db().selectFrom('sync_history').selectAll().orderBy('hlc').execute();
}

async function shop(d: TestDevice, name = 'Milk') {
  const p = await d.core.client.batches.createProduct({ name, shelfLifeDays: 7, thresholds: RULE });
  const { batch } = await d.core.client.batches.create({
    productId: p.id,
    lot: `L-${name}`,
    productionDate: '2026-11-01',
    arrivalDate: '2026-11-02',
    quantity: 10,
  });
  return { productId: p.id, batchId: batch.id };
}

describe('sync outbox and apply', () => {
  // Two devices for the whole file (making a profile costs a real Argon2id); each test starts from a converged pair
  // and uses its own rows. The tests that leave the pair apart on purpose (a refused change, one-sided rows) run last.
  let a: TestDevice;
  let b: TestDevice;
  let close = () => undefined as void;
  beforeAll(async () => {
    const made = await newDevices(2);
    [a, b] = made.devices as [TestDevice, TestDevice];
    close = made.close;
  }, 60_000);
  afterAll(() => close());
  beforeEach(async () => {
    const fromA = await take(a);
    const fromB = await take(b);
    await give(b, fromA);
    await give(a, fromB);
  });

  it('names every change-logged table: synced, or excluded with a reason', async () => {
    const triggers = (await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'trigger'`.execute(a.db())).rows;
    const logged = triggers.map((t) => /^(.+)_log_insert$/.exec(t.name)?.[1]).filter((t): t is string => !!t);
    expect([...logged].sort()).toEqual([...SYNCED_TABLES, ...Object.keys(EXCLUDED_TABLES)].sort());
  });

  it('prepares every column of a new row, then only what changed, and nothing twice', async () => {
    const { productId } = await shop(a, 'Cream');
    const first = await take(a);
    const product = first.find((c) => c.table === 'products' && c.rowId === productId)!;
    expect(Object.keys(product.fields)).toEqual(expect.arrayContaining(['id', 'name', 'unit', 'thresholds', 'created_at']));
    expect(first.findIndex((c) => c.table === 'products')).toBeLessThan(first.findIndex((c) => c.table === 'batches'));
    await a.core.client.batches.updateProduct({ id: productId, name: 'Oat milk', shelfLifeDays: 7, thresholds: RULE });
    const second = await take(a);
    expect(second).toHaveLength(1);
    expect(Object.keys(second[0]!.fields).sort()).toEqual(['name', 'updated_at']);
    expect(second[0]!.fields.name).toBe('Oat milk');
    expect(second[0]!.hlc > product.hlc).toBe(true);
    expect(await take(a)).toEqual([]);
    await give(b, [...first, ...second]);
  });

  it('applies a new device’s rows whole, without echoing them back, and both hold the same data', async () => {
    await shop(a, 'Butter');
    await a.core.client.vault.create({ item: { type: 'login', title: 'Mail', login: { username: 'me', password: 'pw-1', urls: [] } } });
    const res = await give(b, await take(a));
    expect(res.applied).toBeGreaterThanOrEqual(3);
    expect(res.conflicts).toBe(0);
    expect(await take(b)).toEqual([]);
    expect(await syncedHash(b.db())).toBe(await syncedHash(a.db()));
    // The second device reads the sealed secret: it holds the same data key.
    const item = (await b.core.client.vault.list({})).items.find((i) => i.title === 'Mail');
    expect(item).toBeDefined();
    expect((await b.core.client.vault.reveal({ id: item!.id, field: 'password' })).value).toBe('pw-1');
  });

  it('merges edits of different fields and keeps the losing value of the same field in the history, on both devices', async () => {
    const { batchId } = await shop(a, 'Cheese');
    await give(b, await take(a));
    const base = (await a.core.client.batches.get({ id: batchId })).batch;
    const edit = (notes: string, location: string) => ({
      id: batchId,
      productId: base.productId,
      lot: base.lot,
      productionDate: base.productionDate,
      arrivalDate: base.arrivalDate,
      quantity: base.quantity,
      notes,
      location,
    });
    await a.core.client.batches.update(edit('from A', ''));
    await b.core.client.batches.update(edit('from B', 'shelf 3'));
    const fromA = await take(a);
    const fromB = await take(b);
    await give(a, fromB);
    await give(b, fromA);
    expect(await syncedHash(a.db())).toBe(await syncedHash(b.db()));
    const winner = (await a.core.client.batches.get({ id: batchId })).batch.notes;
    expect(winner).toBe('from B'); // B wrote later: its HLC is greater
    expect((await a.core.client.batches.get({ id: batchId })).batch.location).toBe('shelf 3');
    for (const d of [a, b]) {
      const lost = (await history(d)).filter((h) => h.field === 'notes');
      expect(lost.map((h) => JSON.parse(h.value) as unknown)).toEqual(['from A']);
      expect(lost[0]!.reason).toBe('lww');
    }
    // Nothing new to send after the exchange (apply is not an edit).
    expect(await take(a)).toEqual([]);
    expect(await take(b)).toEqual([]);
  });

  it('lets a delete win over a concurrent edit, on every device and in either order, keeping the edit in the history', async () => {
    const { batchId } = await shop(a, 'Yoghurt');
    const print = {
      id: 'print-1',
      job_id: 'job',
      batch_id: batchId,
      template: 't',
      copies: 1,
      start_at: 1,
      payload: '{}',
      printed_at: 'x',
      created_at: 'x',
      updated_at: 'x',
      deleted_at: null,
    };
    await a.core.domainContext('batches').write(async (trx) => {
      await trx.insertInto('label_prints').values(print).execute();
    });
    await give(b, await take(a));
    await b.core.domainContext('batches').write(async (trx) => {
      await trx.updateTable('label_prints').set({ copies: 5 }).where('id', '=', 'print-1').execute();
    });
    await a.core.domainContext('batches').write(async (trx) => {
      await trx.deleteFrom('label_prints').where('id', '=', 'print-1').execute();
    });
    const fromB = await take(b);
    const fromA = await take(a);
    expect(fromA).toEqual([expect.objectContaining({ table: 'label_prints', deleted: true })]);
    await give(a, fromB);
    await give(b, fromA);
    for (const d of [a, b]) {
      expect(await d.db().selectFrom('label_prints').selectAll().execute()).toEqual([]);
      const lost = (await history(d)).filter((h) => h.table_name === 'label_prints' && h.field === 'copies');
      expect(lost.map((h) => [JSON.parse(h.value), h.reason])).toEqual([[5, 'deleted']]);
    }
    expect(await syncedHash(a.db())).toBe(await syncedHash(b.db()));
    // A later edit of the deleted row does not bring it back.
    await give(b, [{ table: 'label_prints', rowId: 'print-1', hlc: '9999999999999-0000-zz', deleted: false, fields: { copies: 9 } }]);
    expect(await b.db().selectFrom('label_prints').selectAll().execute()).toEqual([]);
  });

  it('keeps a row whose parent has not arrived pending, and inserts it when the parent comes', async () => {
    const { batchId } = await shop(a, 'Kefir');
    const changes = await take(a);
    const parents = changes.filter((c) => c.table === 'products');
    const children = changes.filter((c) => c.table === 'batches');
    await give(b, children);
    expect(await b.db().selectFrom('batches').selectAll().where('id', '=', batchId).execute()).toEqual([]);
    expect(await take(b)).toEqual([]); // pending is not a delete
    await give(b, parents);
    expect(await b.db().selectFrom('batches').selectAll().where('id', '=', batchId).execute()).toHaveLength(1);
    expect(await take(b)).toEqual([]);
    expect(await syncedHash(b.db())).toBe(await syncedHash(a.db()));
  });

  it('waits for a row whose NOT NULL columns have not all arrived', async () => {
    const hlc = (n: number) => `${String(Date.now() + n).padStart(13, '0')}-0000-remote`;
    await give(a, [{ table: 'journal_templates', rowId: 'T1', hlc: hlc(1), deleted: false, fields: { id: 'T1', name: 'Daily' } }]);
    expect(await a.db().selectFrom('journal_templates').selectAll().execute()).toEqual([]);
    await give(a, [{ table: 'journal_templates', rowId: 'T1', hlc: hlc(2), deleted: false, fields: { body: '# Today', created_at: 'c', updated_at: 'u' } }]);
    expect(await a.db().selectFrom('journal_templates').select(['id', 'name', 'body']).execute()).toEqual([{ id: 'T1', name: 'Daily', body: '# Today' }]);
    expect(await take(a)).toEqual([]);
  });

  it('moves the local clock past the newest version received', async () => {
    const ahead = `${String(Date.now() + 2 * 86_400_000).padStart(13, '0')}-0007-remote`;
    await give(a, [
      { table: 'journal_templates', rowId: 'T2', hlc: ahead, deleted: false, fields: { id: 'T2', name: 'n', body: 'b', created_at: 'c', updated_at: 'u' } },
    ]);
    await a.core.domainContext('journal').write(async (trx) => {
      await trx.updateTable('journal_templates').set({ name: 'local' }).where('id', '=', 'T2').execute();
    });
    const [mine] = await take(a);
    expect(mine!.hlc > ahead).toBe(true);
    expect(mine!.fields).toEqual({ name: 'local' });
  });
  it('records a change a local constraint refuses as a conflict and applies the rest of the batch', async () => {
    await shop(a, 'Milk');
    await shop(b, 'Milk'); // the same product name made offline on both: UNIQUE(name) among live products
    await shop(a, 'Bread');
    const res = await give(b, await take(a));
    expect(res.conflicts).toBeGreaterThan(0);
    const refused = (await history(b)).filter((h) => h.reason === 'constraint');
    expect(refused.map((h) => h.table_name)).toContain('products');
    // Bread arrived; A's Milk batch waits for its product (pending), it did not abort the page.
    const names = (await b.core.client.batches.listProducts({})).map((p) => p.name);
    expect(names).toContain('Bread');
    expect(names.filter((n) => n === 'Milk')).toHaveLength(1);
  });
});
