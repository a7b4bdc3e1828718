import { readdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JobProgress } from '../../../src-shared/domains/jobs/jobs.contract';
import type { AppClient } from '../../../src-shared/ipc/channels';
import { batch, product, setupShop } from '../../domains/batches/batches.test-helpers';
import { errorOf, PASSWORD, tempRoot, testCore } from '../../test/helpers';

/**
 * Jobs through the real core: a 5,000-label print drawn in a real worker thread while main keeps answering,
 * cancelled through `jobs:cancel` or by the lock, and a KDBX export cancelled the same way.
 */

/** Every `jobs:progress` event, and a promise of the first one that came from the worker (it has a total). */
function watch(client: AppClient) {
  const events: JobProgress[] = [];
  let started: (p: JobProgress) => void = () => undefined;
  const workerStarted = new Promise<JobProgress>((resolve) => (started = resolve));
  client.jobs.onProgress((p) => {
    events.push(p);
    if (p.state === 'running' && p.total > 0) started(p);
  });
  /** The worker's first report for `call`; fails at once if the call settles first (then it never started). */
  const startedBy = (call: Promise<unknown>) =>
    Promise.race([
      workerStarted,
      call.then(
        () => Promise.reject(new Error('ended before its worker reported')),
        (err: unknown) => Promise.reject(err),
      ),
    ]);
  return { events, startedBy };
}

/** A shop with 10 lots; printing each 500 times is one 5,000-label job. */
async function shopWithLots() {
  const shop = await setupShop();
  const { id: productId } = await product(shop);
  const ids: string[] = [];
  for (let i = 0; i < 10; i++) ids.push((await batch(shop, productId, { lot: `L${i}` })).batch.id);
  const print = () => shop.call('printLabels', { batchIds: ids, copies: 500, template: 'avery-l7160' });
  const printRows = () => (shop.core.profiles.current().sqlite.prepare('SELECT COUNT(*) AS n FROM label_prints').get() as { n: number }).n;
  return { shop, ids, print, printRows };
}

/** Every file under the profile folder but the database's own (the blob store, its temp files, exports). */
function profileFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && !/^hearth\.db(-wal|-shm|-journal)?$/.test(d.name))
    .map((d) => path.relative(dir, path.join(d.parentPath, d.name)))
    .sort();
}

describe('jobs: heavy work never blocks main', () => {
  it('answers vault:list and batches:list while a 5,000-label PDF is drawn, with progress up to a final done', async () => {
    const { shop, print } = await shopWithLots();
    const client = shop.core.client;
    await client.vault.create({ item: { type: 'login', title: 'Mail', login: { username: 'me', password: 'pw-1', urls: [] } } });
    const { events, startedBy } = watch(client);
    const order: string[] = [];
    const job = print().then((r) => {
      order.push('job');
      return r;
    });
    const first = await startedBy(job);
    expect(first.label).toBe('Printing 5,000 labels');
    const nextRequest = () => new Promise((resolve) => setImmediate(resolve)); // each call its own turn, as IPC delivers them
    for (let i = 0; i < 10; i++) {
      await nextRequest();
      expect((await client.vault.list({ query: 'mail' })).items).toHaveLength(1);
      order.push('vault:list');
      await nextRequest();
      expect((await shop.call('list', {})).items).toHaveLength(10);
      order.push('batches:list');
    }
    const result = await job;
    expect(result.labels).toBe(5000);
    // Ordering, not timing: all twenty answers came while the worker was still drawing.
    expect(order).toHaveLength(21);
    expect(order.at(-1)).toBe('job');
    const mine = events.filter((p) => p.jobId === first.jobId);
    for (const p of mine) expect(p.done).toBeLessThanOrEqual(p.total);
    expect(mine.filter((p) => p.state === 'running' && p.done > 0).length).toBeGreaterThan(0);
    expect(mine.at(-1)).toMatchObject({ state: 'done', label: 'Printing 5,000 labels' });
    expect(mine.filter((p) => p.state !== 'running')).toHaveLength(1);
    expect(await client.jobs.list()).toEqual([]);
  }, 180_000);

  it('jobs:cancel stops a running print: the call rejects with CANCELLED and nothing is half-written', async () => {
    const { shop, print, printRows } = await shopWithLots();
    const dir = shop.core.profiles.current().dir;
    const before = profileFiles(dir);
    const { events, startedBy } = watch(shop.core.client);
    const job = print();
    const { jobId } = await startedBy(job);
    expect(await shop.core.client.jobs.list()).toEqual([expect.objectContaining({ jobId, state: 'running' })]);
    expect(await shop.core.client.jobs.cancel({ jobId })).toEqual({ cancelled: true });
    expect((await errorOf(job)).code).toBe('CANCELLED');
    expect(events.at(-1)).toMatchObject({ jobId, state: 'cancelled' });
    expect(printRows()).toBe(0);
    expect(profileFiles(dir)).toEqual(before);
    expect(await shop.core.client.jobs.cancel({ jobId })).toEqual({ cancelled: false });
  }, 120_000);

  it('locking the profile cancels a running print', async () => {
    const { shop, print } = await shopWithLots();
    const { startedBy } = watch(shop.core.client);
    const job = print();
    await startedBy(job);
    await shop.core.client.session.lock();
    expect((await errorOf(job)).code).toBe('CANCELLED');
  }, 120_000);

  it('jobs:cancel stops a KDBX export: CANCELLED, and no file is written', async () => {
    const out = tempRoot();
    // A real save port: writes the file where Electron's save dialog would.
    const files = {
      pickOpen: async () => null,
      save: async ({ defaultName, bytes }: { defaultName: string; bytes: Buffer }) => {
        await writeFile(path.join(out, defaultName), bytes);
        return defaultName;
      },
    };
    const core = testCore(undefined, { files });
    await core.client.profile.create({ name: 'V', password: PASSWORD });
    await core.client.vault.create({ item: { type: 'login', title: 'Mail', login: { username: 'me', password: 'pw-1', urls: [] } } });
    const { events, startedBy } = watch(core.client);
    const exported = core.client.vault.export({ format: 'kdbx', password: PASSWORD, exportPassword: 'another long file password' });
    const { jobId, label } = await startedBy(exported);
    expect(label).toBe('Exporting 1 item to KDBX');
    expect(await core.client.jobs.cancel({ jobId })).toEqual({ cancelled: true });
    expect((await errorOf(exported)).code).toBe('CANCELLED');
    expect(events.at(-1)).toMatchObject({ jobId, state: 'cancelled' });
    expect(readdirSync(out)).toEqual([]);
    // The same export, not cancelled, does write its file: the check above can fail.
    await core.client.vault.export({ format: 'kdbx', password: PASSWORD, exportPassword: 'another long file password' });
    expect(readdirSync(out)).toHaveLength(1);
  }, 120_000);
});
