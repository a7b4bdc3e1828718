import path from 'node:path';
import type { JobProgress } from '../../src-shared/domains/jobs/jobs.contract';
import { DEFAULT_THRESHOLDS } from '../../src-shared/domains/batches/freshness-rule';
import { createCore } from '../app/bootstrap';
import { routerClient } from '../app/router-client';
import { KDF_FLOOR } from '../crypto/kdf';
import { percentile, timeAsync, type Measurement } from './measure';
import { bitwardenExportJson, VAULT_QUERIES, vaultItems } from './vault-data';

/**
 * Jobs (issue 8): `vault:list` search latency through the router while a 5,000-label PDF is drawn in a
 * worker thread, against the same searches with nothing running. Main must keep answering: the job's
 * CPU is the worker's, so the busy p95 should stay near the idle one. Call from bench.ts:
 *   measurements.push(...(await benchJobs({ root: subdir(tmp, 'jobs'), items: 5000, labels: 5000 })));
 */
export interface JobsBenchOptions {
  root: string;
  /** Vault items searched. */
  items: number;
  /** Labels in the print job (10 lots × labels / 10 copies). */
  labels: number;
}

const GROUP = 'Jobs (main answers while a worker job runs)';
const PASSWORD = 'correct horse battery staple';
export const BUSY_SEARCH_P95_MS = 50;

export async function benchJobs(opts: JobsBenchOptions): Promise<Measurement[]> {
  const core = createCore({
    root: opts.root,
    transport: 'cli',
    version: 'bench',
    kdfCost: KDF_FLOOR,
    resourcesDir: path.resolve(__dirname, '../../resources'),
  });
  const client = routerClient(core, 'cli');
  try {
    await client.profile.create({ name: 'Jobs bench', password: PASSWORD });
    const json = bitwardenExportJson(vaultItems(opts.items));
    const preview = await client.vault.importPreview({
      format: 'bitwarden-json',
      file: { fileName: 'bench.json', contentBase64: Buffer.from(json).toString('base64') },
    });
    await client.vault.importCommit({ importId: preview.importId, skipDuplicates: false });
    const today = new Date().toISOString().slice(0, 10);
    const product = await client.batches.createProduct({ name: 'Rye bread', unit: 'pcs', shelfLifeDays: 7, thresholds: DEFAULT_THRESHOLDS });
    const ids: string[] = [];
    for (let i = 0; i < 10; i++) {
      ids.push((await client.batches.create({ productId: product.id, lot: `L${i}`, productionDate: today, arrivalDate: today, quantity: 10 })).batch.id);
    }
    const search = async (samples: number[], n: number) => {
      // Each search is its own request, as IPC delivers them: yield to the event loop first. Back-to-back calls that
      // never leave the microtask queue would starve main's own message handling (the worker's progress and result).
      await new Promise((resolve) => setImmediate(resolve));
      const query = VAULT_QUERIES[n % VAULT_QUERIES.length] ?? '';
      samples.push(await timeAsync(() => client.vault.list({ query })));
    };

    const idle: number[] = [];
    await search([], 0); // loads the live cache
    for (let n = 0; n < 200; n++) await search(idle, n);

    // The same searches, back to back, from the worker's first report until the job ends.
    let started: () => void = () => undefined;
    const workerStarted = new Promise<void>((resolve) => (started = resolve));
    const off = client.jobs.onProgress((p: JobProgress) => p.total > 0 && started());
    let running = true;
    const jobStart = performance.now();
    const job = client.batches.printLabels({ batchIds: ids, copies: Math.ceil(opts.labels / 10), template: 'avery-l7160' }).finally(() => (running = false));
    await workerStarted;
    const busy: number[] = [];
    for (let n = 0; running; n++) await search(busy, n);
    const result = await job;
    const jobMs = performance.now() - jobStart;
    off();

    const p95 = percentile(busy, 95);
    return [
      { group: GROUP, name: `vault:list search via the router, ${opts.items} items, idle: p95`, value: percentile(idle, 95), unit: 'ms' },
      {
        group: GROUP,
        name: `vault:list search while printing ${result.labels} labels (${busy.length} searches): p95`,
        value: p95,
        unit: 'ms',
        target: `< ${BUSY_SEARCH_P95_MS} ms`,
        pass: p95 < BUSY_SEARCH_P95_MS,
      },
      { group: GROUP, name: `the ${result.labels}-label print call, whole (layout, PDF, stored file, print log)`, value: jobMs, unit: 'ms' },
    ];
  } finally {
    core.shutdown();
  }
}
