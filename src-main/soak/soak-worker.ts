import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import path from 'node:path';
import { DEFAULT_THRESHOLDS } from '../../src-shared/domains/batches/freshness-rule';
import { createCore } from '../app/bootstrap';
import { routerClient } from '../app/router-client';
import { seededRandom } from '../bench/measure';
import { KDF_FLOOR } from '../crypto/kdf';
import { readActual, runChecks } from './soak-check';
import { applyAck, reconcile, type Model, type SoakSetup, type WriteOp } from './soak-model';
import type { OpContext } from './soak-op-kit';
import { randomOp } from './soak-ops';
import { send, type DriverMessage, type WorkerInit } from './soak-protocol';

/**
 * A soak worker: the real core on the soak profile. It opens (or first creates) the profile, checks the
 * database against the driver's model, then runs seeded random operations until the driver kills it, locking
 * and unlocking every few hundred operations (the driver scans the folder for the canary while it is locked,
 * and the worker re-checks every invariant after unlocking).
 */
export async function runWorker(): Promise<void> {
  const lines = createInterface({ input: process.stdin })[Symbol.asyncIterator]();
  const next = async (): Promise<DriverMessage> => {
    const line = await lines.next();
    if (line.done) throw new Error('the driver closed stdin');
    return JSON.parse(line.value) as DriverMessage;
  };
  const init = (await next()) as WorkerInit;
  const rand = seededRandom((init.seed * 7919 + init.cycle * 104_729) >>> 0);
  const core = createCore({
    root: init.root,
    transport: 'cli',
    version: 'soak',
    kdfCost: KDF_FLOOR,
    validateOutput: true,
    resourcesDir: path.resolve(__dirname, '../../resources'),
  });
  const client = routerClient(core, 'cli');
  let model: Model = init.model;

  const unlock = async () => {
    const [profile] = await client.profile.list({});
    if (!profile) throw new Error('the soak profile is gone');
    await client.profile.unlock({ profileId: profile.id, password: init.password });
  };
  if (model.setup === null) {
    await client.profile.create({ name: 'Soak', password: init.password });
    model.setup = await createSetup(client);
  } else {
    await unlock();
  }

  const verify = async (inflight: WriteOp | null) => {
    const { failures, next: reconciled } = reconcile(model, await readActual(core, client), inflight);
    model = reconciled;
    const checked = await runChecks(core, client, model, init.canary, rand);
    return { failures: [...failures, ...checked.failures], checks: checked.checks };
  };
  const first = await verify(init.inflight);
  send({ t: 'ready', failures: first.failures, model, checks: first.checks, startMs: Date.now() });
  if (init.mode === 'verify' || first.failures.length > 0) {
    core.shutdown();
    return;
  }

  let n = 0;
  const ctx: OpContext = {
    client,
    rand,
    canary: init.canary,
    scratch: init.scratch,
    get model() {
      return model;
    },
    upload: async (bytes) => {
      const t = await client.blobs.uploadTicket({ maxBytes: 16 * 1024 * 1024 });
      return (await core.blobs().upload(t.ticket, Readable.from([bytes]))).id;
    },
    write: async (name, partial, work) => {
      const op: WriteOp = { ...partial, rev: model.nextRev };
      send({ t: 'begin', n, name, op });
      const id = await work();
      if (typeof id === 'string') op.id = id;
      send({ t: 'ack', n, name, op });
      applyAck(model, op);
    },
    read: async (name, work) => {
      send({ t: 'begin', n, name, op: null });
      await work();
      send({ t: 'ack', n, name, op: null });
    },
  };
  setInterval(() => send({ t: 'rss', rss: process.memoryUsage.rss(), heapUsed: process.memoryUsage().heapUsed, ops: n }), init.rssEveryMs).unref();
  const [lo, hi] = init.lockEvery;
  let untilLock = lo + Math.floor(rand() * (hi - lo + 1));
  for (;;) {
    await randomOp(ctx);
    n++;
    if (--untilLock > 0) continue;
    untilLock = lo + Math.floor(rand() * (hi - lo + 1));
    await client.session.lock({});
    send({ t: 'locked', ops: n });
    await next(); // the driver has scanned the folder
    await unlock();
    const cycle = await verify(null);
    send({ t: 'cycle', failures: cycle.failures, checks: cycle.checks });
  }
}

/** The journal, calendar and product the soak's writes go into. */
async function createSetup(client: ReturnType<typeof routerClient>): Promise<SoakSetup> {
  const journal = await client.journal.createJournal({ name: 'Soak' });
  const calendar = await client.calendar.createCalendar({ name: 'Soak' });
  const product = await client.batches.createProduct({ name: 'Soak bread', unit: 'pcs', shelfLifeDays: 30, thresholds: DEFAULT_THRESHOLDS });
  return { journalId: journal.id, calendarId: calendar.id, productId: product.id, batchDate: new Date().toISOString().slice(0, 10) };
}
