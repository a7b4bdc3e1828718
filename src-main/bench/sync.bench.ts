import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { POSTGRES_SKIP_REASON, startPostgres } from '../../src-server/test/postgres';
import { signUpOver, startTestServer, type TestServer } from '../../src-server/test/server';
import type { PushChange } from '../../src-shared/sync/protocol';
import { formatHlc } from '../../src-shared/lib/hlc';
import { openChange, sealChange } from '../sync/envelope';
import { createSyncHttpClient, type SyncHttpClient } from '../sync/http-client';
import { personalSpaceKeys } from '../sync/keys';
import type { SpaceKeys } from '../sync/types';
import { msSince, percentile, progress, type Measurement } from './measure';

/**
 * The sync server under load (issue 14, "Load"): `devices` devices of one account, each with its own session,
 * push `changes` sealed envelopes each in batches of `batch`, all at once, against one server on 127.0.0.1 on a
 * real PostgreSQL (the test harness's); then every device pulls the whole space. Asserted, not just reported:
 * every device pulls exactly devices × changes distinct ids (nothing lost), the server stores each id once, and a
 * replayed batch per device is answered as duplicates and stored nothing (nothing duplicated). Reported: p50/p95
 * latency of one push and of one pull page, next to the same operation by a single device on an idle server in
 * the same run, and a bare `SELECT 1` round trip through the server's pool (the floor of any request).
 * The server runs in this process (its handlers share the event loop with the 50 clients), so the latencies
 * include client-side queueing: an upper bound for what a device on its own machine sees.
 */
export interface SyncBenchOptions {
  devices: number;
  changes: number;
  batch: number;
  /** Page size of a pull (the protocol's maximum is 500). */
  pullLimit: number;
}

interface Device {
  client: SyncHttpClient;
  keys: SpaceKeys;
  /** Sealed before timing starts: the bench measures the server, not the local AES. */
  batches: PushChange[][];
}

const EMAIL = (n: string) => `${n}@bench.hearth.invalid`;

/** Seals `count` field-level changes for device `d` (a vault-like row each: title and notes), in batches. */
function sealedBatches(keys: SpaceKeys, d: number, count: number, batch: number): PushChange[][] {
  const out: PushChange[][] = [];
  const start = Date.now();
  for (let i = 0; i < count; i += batch) {
    const page: PushChange[] = [];
    for (let j = i; j < Math.min(count, i + batch); j++) {
      const hlc = formatHlc({ ms: start + j, counter: 0, device: `bench${d}` });
      page.push(
        sealChange(keys, {
          table: 'vault_items',
          rowId: `d${d}-r${j}`,
          hlc,
          deleted: false,
          fields: { title: `Item ${j}`, notes: randomBytes(96).toString('base64') },
        }),
      );
    }
    out.push(page);
  }
  return out;
}

async function timed<T>(samples: number[], fn: () => Promise<T>): Promise<T> {
  const t = process.hrtime.bigint();
  const out = await fn();
  samples.push(msSince(t));
  return out;
}

/** Pulls the whole space page by page; returns how many times each expected id arrived (and unknown ids). */
async function pullAll(dev: Device, index: Map<string, number>, limit: number, samples: number[]): Promise<{ seen: Uint8Array; unknown: number }> {
  const seen = new Uint8Array(index.size);
  let unknown = 0;
  let since = 0;
  let checked = false;
  for (;;) {
    const page = await timed(samples, () => dev.client.pull(dev.keys.spaceId, since, limit));
    for (const c of page.changes) {
      const at = index.get(c.id);
      if (at === undefined) unknown++;
      else seen[at] = Math.min(255, seen[at]! + 1);
    }
    // One envelope per device opens under the account's keys: the bytes that came back are the ones sealed.
    if (!checked && page.changes[0]) {
      openChange(dev.keys, page.changes[0]);
      checked = true;
    }
    if (!page.more || page.cursor <= since) break;
    since = page.cursor;
  }
  return { seen, unknown };
}

async function signInDevices(server: TestServer, name: string, count: number): Promise<{ clients: SyncHttpClient[]; spaceId: string }> {
  const { session, authSecret } = await signUpOver(server, EMAIL(name));
  const clients = [createSyncHttpClient({ baseUrl: server.url, session: { tokens: session.tokens, deviceId: session.deviceId } })];
  for (let i = 1; i < count; i++) {
    const c = createSyncHttpClient({ baseUrl: server.url });
    await c.signIn({ email: EMAIL(name), authSecret, deviceName: `Bench device ${i}` });
    clients.push(c);
  }
  return { clients, spaceId: session.spaceId };
}

const row = (group: string, name: string, value: number, baseline?: number): Measurement => ({
  group,
  name,
  value,
  unit: 'ms',
  ...(baseline === undefined ? {} : { baseline }),
});

export async function benchSync(opts: SyncBenchOptions): Promise<{ measurements: Measurement[]; notes: string[] }> {
  if (POSTGRES_SKIP_REASON) return { measurements: [], notes: [`sync: skipped (${POSTGRES_SKIP_REASON})`] };
  const pg = await startPostgres();
  let server: TestServer | null = null;
  try {
    server = await startTestServer(pg, 'sync_bench');
    const dek = randomBytes(32);
    const total = opts.devices * opts.changes;

    // Same-run baselines: the floor of a request (SELECT 1 through the pool) and one device alone on an idle server.
    const select1: number[] = [];
    for (let i = 0; i < 200; i++) await timed(select1, () => sql`SELECT 1`.execute(server!.db));
    const alone = await signInDevices(server, 'alone', 1);
    const aloneDev: Device = { client: alone.clients[0]!, keys: personalSpaceKeys(dek, alone.spaceId), batches: [] };
    aloneDev.batches = sealedBatches(aloneDev.keys, 0, 5_000, opts.batch);
    const alonePush: number[] = [];
    for (const b of aloneDev.batches) await timed(alonePush, () => aloneDev.client.push(aloneDev.keys.spaceId, b));

    progress(`sync: ${opts.devices} devices sign in and seal ${opts.changes} changes each`);
    const { clients, spaceId } = await signInDevices(server, 'load', opts.devices);
    const keys = personalSpaceKeys(dek, spaceId);
    const devices: Device[] = clients.map((client, d) => ({ client, keys, batches: sealedBatches(keys, d, opts.changes, opts.batch) }));
    const index = new Map<string, number>();
    for (const dev of devices) for (const b of dev.batches) for (const c of b) index.set(c.id, index.size);

    progress(`sync: ${opts.devices} devices push ${total} changes at once, batches of ${opts.batch}`);
    const push: number[] = [];
    const pushStart = process.hrtime.bigint();
    await Promise.all(
      devices.map(async (dev) => {
        for (const b of dev.batches) await timed(push, () => dev.client.push(keys.spaceId, b));
      }),
    );
    const pushSeconds = msSince(pushStart) / 1000;
    // A retried push (the response was lost): every device sends its first batch again.
    const replays = await Promise.all(devices.map((dev) => dev.client.push(keys.spaceId, dev.batches[0]!)));
    const duplicatesReported = replays.reduce((n, r) => n + r.duplicates, 0);

    progress(`sync: every device pulls the whole space (${total} changes, pages of ${opts.pullLimit})`);
    const pull: number[] = [];
    const pullStart = process.hrtime.bigint();
    const results = await Promise.all(devices.map((dev) => pullAll(dev, index, opts.pullLimit, pull)));
    const pullSeconds = msSince(pullStart) / 1000;
    const alonePull: number[] = [];
    await pullAll(devices[0]!, index, opts.pullLimit, alonePull);

    // Nothing lost, nothing duplicated: on every device and in the server's table.
    const problems: string[] = [];
    results.forEach((r, d) => {
      const missing = r.seen.reduce((n, v) => n + (v === 0 ? 1 : 0), 0);
      const twice = r.seen.reduce((n, v) => n + (v > 1 ? 1 : 0), 0);
      if (missing || twice || r.unknown) problems.push(`device ${d}: ${missing} missing, ${twice} received twice, ${r.unknown} unknown`);
    });
    const stored = await sql<{
      n: string;
      distinct: string;
    }>`SELECT count(*) AS n, count(DISTINCT change_id) AS distinct FROM changes WHERE space_id = ${spaceId}`.execute(server.db);
    const n = Number(stored.rows[0]?.n);
    const distinct = Number(stored.rows[0]?.distinct);
    if (n !== total || distinct !== total) problems.push(`server stores ${n} changes, ${distinct} distinct ids, expected ${total}`);
    const replayed = devices.reduce((s, dev) => s + dev.batches[0]!.length, 0);
    if (duplicatesReported !== replayed) problems.push(`${replayed} replayed changes but ${duplicatesReported} reported as duplicates`);
    if (problems.length > 0) throw new Error(`sync bench: changes lost or duplicated: ${problems.slice(0, 5).join('; ')}`);

    const group = `sync (${opts.devices} devices × ${opts.changes.toLocaleString('en-US')} changes, one server on 127.0.0.1, PostgreSQL; baseline = one device alone)`;
    return {
      measurements: [
        row(group, `push of ${opts.batch} changes, p50`, percentile(push, 50), percentile(alonePush, 50)),
        row(group, `push of ${opts.batch} changes, p95`, percentile(push, 95), percentile(alonePush, 95)),
        row(group, `pull page of ${opts.pullLimit}, p50`, percentile(pull, 50), percentile(alonePull, 50)),
        row(group, `pull page of ${opts.pullLimit}, p95`, percentile(pull, 95), percentile(alonePull, 95)),
        row(group, 'SELECT 1 through the pool, p50 (floor)', percentile(select1, 50)),
        { group, name: 'push throughput (all devices)', value: total / pushSeconds, unit: 'ops/s' },
        { group, name: 'pull throughput (changes delivered, all devices)', value: (total * opts.devices) / pullSeconds, unit: 'ops/s' },
      ],
      notes: [
        `sync: nothing lost or duplicated — each of ${opts.devices} devices pulled exactly ${total.toLocaleString('en-US')} distinct ids; the server stores ${n.toLocaleString('en-US')} rows with ${distinct.toLocaleString('en-US')} distinct ids; ${replayed} replayed changes were answered as duplicates and stored nothing.`,
      ],
    };
  } finally {
    await server?.close();
    await pg.stop();
  }
}
