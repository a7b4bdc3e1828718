import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POSTGRES_SKIP_REASON, startPostgres, type Postgres } from '../../src-server/test/postgres';
import { fakeSignUp, startTestServer, TEST_LIMITS, type TestServer } from '../../src-server/test/server';
import { createSyncEngine } from './engine';
import { createSyncHttpClient } from './http-client';
import { personalSpaceKeys } from './keys';
import { valueText } from './row-codec';
import { newDevices, syncedHash, type TestDevice } from './sync.test-kit';

/**
 * Convergence (issue 14, "Must show"): 2 and then 5 devices — separate real SQCipher profiles of one account — edit
 * the same vault item and the same batch offline (different fields of one item AND the same field) through the typed
 * client, and sync with a real server on a real PostgreSQL in random interleavings (fast-check: which device edits or
 * syncs when, with repeats), then two final rounds. Afterwards:
 *   - every device holds the same synced data (a hash of every synced table);
 *   - no edit is lost: every pushed value is the final winner or in the history of every device — except a device
 *     that had received it before overwriting that field itself (a local edit, not a conflict).
 * Each run adds a fresh item and batch to the same devices (making a profile costs a real Argon2id). Runs: 15 with
 * 2 devices and 8 with 5; HEARTH_SYNC_PROPERTY_RUNS=n runs n of each.
 */
const RUNS = process.env.HEARTH_SYNC_PROPERTY_RUNS ? Number(process.env.HEARTH_SYNC_PROPERTY_RUNS) : undefined;
const RULE = { kind: 'days-before-expiry', cautionWithinDays: 2 } as const;

type Key = 'vault.title' | 'vault.notes' | 'batch.notes' | 'batch.location';
const KEYS: readonly Key[] = ['vault.title', 'vault.notes', 'batch.notes', 'batch.location'];
type Step = { kind: 'edit'; device: number; key: Key } | { kind: 'sync'; device: number };

interface Device {
  dev: TestDevice;
  engine: ReturnType<typeof createSyncEngine>;
}

interface Written {
  device: number;
  table: 'vault_items' | 'batches';
  rowId: string;
  field: string;
  value: string;
}

describe.skipIf(POSTGRES_SKIP_REASON)(`sync convergence${POSTGRES_SKIP_REASON ? ` (skipped: ${POSTGRES_SKIP_REASON})` : ''}`, () => {
  let pg: Postgres;
  let server: TestServer;
  const closers: Array<() => void> = [];

  beforeAll(async () => {
    pg = await startPostgres();
    server = await startTestServer(pg, 'sync_convergence', { limits: TEST_LIMITS });
  }, 60_000);
  afterAll(async () => {
    for (const c of closers) c();
    await server?.close();
    await pg?.stop();
  });

  /** `n` devices of one new account, each signed in with its own device session, each with its engine. */
  async function account(n: number, email: string): Promise<Device[]> {
    const { devices, dek, close } = await newDevices(n);
    closers.push(close);
    const req = fakeSignUp(email, 'Device 1');
    const first = createSyncHttpClient({ baseUrl: server.url });
    const session = await first.signUp(req);
    const keys = personalSpaceKeys(dek, session.spaceId);
    const out: Device[] = [];
    for (const [i, dev] of devices.entries()) {
      const client = i === 0 ? first : createSyncHttpClient({ baseUrl: server.url });
      if (i > 0) await client.signIn({ email, authSecret: req.authSecret, deviceName: `Device ${i + 1}` });
      out.push({ dev, engine: createSyncEngine({ db: dev.db, write: dev.write, transport: client, spaces: () => [keys], now: Date.now }) });
    }
    return out;
  }

  const stepArb = (n: number): fc.Arbitrary<Step> =>
    fc.oneof(
      fc.record({ kind: fc.constant('edit' as const), device: fc.nat(n - 1), key: fc.constantFrom(...KEYS) }),
      fc.record({ kind: fc.constant('sync' as const), device: fc.nat(n - 1) }),
    );

  async function runProperty(devices: Device[], runs: number, label: string): Promise<void> {
    const n = devices.length;
    let run = 0;
    const pool: Array<{ item: { id: string }; batch: { id: string } }> = [];
    const property = fc.asyncProperty(fc.array(stepArb(n), { minLength: 2, maxLength: 3 * n + 4 }), async (steps) => {
      run++;
      // A fresh vault item and batch per run, made on device 1 and synced to all (in stocks of 8: one round each).
      if (pool.length === 0) {
        const d0 = devices[0]!.dev.core.client;
        for (let j = 0; j < 8; j++) {
          const tag = `${label} ${run + j}`;
          const made = await d0.vault.create({ item: { type: 'login', title: `item ${tag}`, login: { username: 'me', password: 'pw', urls: [] } } });
          const product = await d0.batches.createProduct({ name: `product ${tag}`, shelfLifeDays: 7, thresholds: RULE });
          const created = await d0.batches.create({
            productId: product.id,
            lot: `LOT-${run + j}`,
            productionDate: '2026-11-01',
            arrivalDate: '2026-11-02',
            quantity: 10,
          });
          pool.push({ item: made, batch: created.batch });
        }
        for (const d of devices) await d.engine.syncOnce();
      }
      const { item, batch } = pool.shift()!;

      const written: Written[] = [];
      const pending = devices.map(() => new Map<Key, Written>());
      const edited = devices.map(() => new Set<Key>());
      // What each device had received of a field when it edited it: only those values may it overwrite unrecorded.
      const seenAtEdit = devices.map(() => new Map<Key, Set<string>>());
      const seenNow = async (i: number, table: Written['table'], rowId: string, field: string): Promise<Set<string>> => {
        const db = devices[i]!.dev.db();
        const cur = await db
          .selectFrom('sync_fields')
          .select('value')
          .where('table_name', '=', table)
          .where('row_id', '=', rowId)
          .where('field', '=', field)
          .execute();
        const lost = await db
          .selectFrom('sync_history')
          .select('value')
          .where('table_name', '=', table)
          .where('row_id', '=', rowId)
          .where('field', '=', field)
          .execute();
        return new Set([...cur, ...lost].map((r) => r.value));
      };
      const flush = (i: number) => {
        written.push(...pending[i]!.values());
        pending[i]!.clear();
      };
      const sync = async (i: number) => {
        await devices[i]!.engine.syncOnce();
        flush(i);
      };
      let k = 0;
      for (const step of steps) {
        const i = step.device;
        if (step.kind === 'sync') {
          await sync(i);
          continue;
        }
        // One edit per device and field in a run: a device that overwrote its own pushed value would legitimately drop it.
        if (edited[i]!.has(step.key)) continue;
        edited[i]!.add(step.key);
        const value = `d${i + 1} r${run} #${++k}`;
        const client = devices[i]!.dev.core.client;
        const target = step.key.startsWith('vault.') ? ({ table: 'vault_items', rowId: item.id } as const) : ({ table: 'batches', rowId: batch.id } as const);
        seenAtEdit[i]!.set(step.key, await seenNow(i, target.table, target.rowId, step.key.slice(6)));
        if (step.key.startsWith('vault.')) {
          const cur = await client.vault.get({ id: item.id });
          const title = step.key === 'vault.title' ? value : cur.title;
          const notes = step.key === 'vault.notes' ? value : cur.notes;
          await client.vault.update({ id: item.id, item: { type: 'login', title, notes, login: { username: 'me', urls: [] } } });
          pending[i]!.set(step.key, { device: i, table: 'vault_items', rowId: item.id, field: step.key.slice(6), value });
        } else {
          const cur = (await client.batches.get({ id: batch.id })).batch;
          await client.batches.update({
            id: batch.id,
            productId: cur.productId,
            lot: cur.lot,
            productionDate: cur.productionDate,
            arrivalDate: cur.arrivalDate,
            expiryDate: cur.explicitExpiryDate,
            quantity: cur.quantity,
            unit: cur.unit,
            supplier: cur.supplier,
            location: step.key === 'batch.location' ? value : cur.location,
            notes: step.key === 'batch.notes' ? value : cur.notes,
          });
          pending[i]!.set(step.key, { device: i, table: 'batches', rowId: batch.id, field: step.key.slice(6), value });
        }
      }
      // Final rounds: the first pushes everything, the second brings everything to everyone.
      for (let round = 0; round < 2; round++) for (let i = 0; i < n; i++) await sync(i);

      const hashes = await Promise.all(devices.map((d) => syncedHash(d.dev.db())));
      expect(new Set(hashes).size).toBe(1);
      const histories = await Promise.all(
        devices.map(async (d) =>
          (await d.dev.db().selectFrom('sync_history').select(['table_name', 'row_id', 'field', 'value']).execute()).map(
            (h) => `${h.table_name}|${h.row_id}|${h.field}|${h.value}`,
          ),
        ),
      );
      for (const w of written) {
        const final = await devices[0]!.dev
          .db()
          .selectFrom('sync_fields')
          .select('value')
          .where('table_name', '=', w.table)
          .where('row_id', '=', w.rowId)
          .where('field', '=', w.field)
          .executeTakeFirstOrThrow();
        if (final.value === valueText(w.value)) continue;
        const entry = `${w.table}|${w.rowId}|${w.field}|${valueText(w.value)}`;
        const key = `${w.table === 'vault_items' ? 'vault' : 'batch'}.${w.field}` as Key;
        for (let e = 0; e < n; e++) {
          if (e !== w.device && seenAtEdit[e]!.get(key)?.has(valueText(w.value))) continue;
          expect(histories[e], `${entry} lost on d${e + 1}`).toContain(entry);
        }
      }
    });
    const example: Step[] = [
      { kind: 'edit', device: 0, key: 'vault.title' },
      { kind: 'edit', device: 1, key: 'vault.title' },
      { kind: 'edit', device: 1, key: 'vault.notes' },
      { kind: 'edit', device: 0, key: 'batch.location' },
      { kind: 'edit', device: 1, key: 'batch.notes' },
      { kind: 'sync', device: 1 },
      { kind: 'sync', device: 0 },
    ];
    await fc.assert(property, { numRuns: runs, examples: [[example]] });
  }

  it('2 devices converge in every order of sync, with every losing edit kept', async () => {
    await runProperty(await account(2, 'two@convergence.invalid'), RUNS ?? 15, 'two');
  }, 120_000);

  it('5 devices converge in every order of sync, with every losing edit kept', async () => {
    await runProperty(await account(5, 'five@convergence.invalid'), RUNS ?? 8, 'five');
  }, 180_000);
});
