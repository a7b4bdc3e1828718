import { nextHlc } from '../../src-shared/lib/hlc';
import type { batchesContract } from '../../src-shared/domains/batches/batches.contract';
import type { DomainContext } from '../platform/context';
import path from 'node:path';
import { computeBatchStatus, type BatchStatusInput, type FreshnessThresholds } from '../../src-shared/domains/batches/batch-status';
import { DashboardInput } from '../../src-shared/domains/batches/batches.schemas';
import { addDays } from '../../src-shared/lib/local-date';
import { createCore } from '../app/bootstrap';
import { KDF_FLOOR } from '../crypto/kdf';
import { createBatchesService } from '../domains/batches/batches.service';
import { renderLabelsPdf, type LabelContent } from '../domains/batches/labels/label-pdf';
import { newId } from '../lib/ids';
import { runJob } from '../lib/worker-pool';
import { median, msSince, seededRandom, timeAsync, timeSync, type Measurement } from './measure';

/**
 * Batches (issue 4): a 1,000-label PDF, the shared status rule over 100,000 batches, and the dashboard
 * (read, status for every batch on the shelf, counts, FEFO lists) over 100,000 batches through the real
 * service on an unlocked, encrypted profile. Call from bench.ts:
 *   measurements.push(...(await benchBatches({ root: subdir(tmp, 'batches'), labels: 1000, batches: 100_000, rounds: 3 })).measurements);
 */
export interface BatchesBenchOptions {
  root: string;
  labels: number;
  batches: number;
  rounds: number;
}

const GROUP = 'Batches (freshness register)';
/** Issue 13: the dashboard over 100,000 batches in under 200 ms. */
const DASHBOARD_TARGET_MS = 200;
const PASSWORD = 'correct horse battery staple';
const NOW = Date.parse('2026-11-20T10:00:00Z');
const ZONE = 'Europe/London';
const THRESHOLDS: FreshnessThresholds[] = [
  { kind: 'days-on-shelf', cautionFrom: 3, expiredFrom: 5 },
  { kind: 'days-before-expiry', cautionWithinDays: 2 },
];

function labelContents(n: number): LabelContent[] {
  return Array.from({ length: n }, (_, i) => ({
    qrPayload: `https://shop.example/01/05901234123457/10/L${String(i).padStart(5, '0')}?11=261118&17=261128`,
    productName: `Product ${i % 50}`,
    lot: `L${String(i).padStart(5, '0')}`,
    productionDate: '2026-11-18',
    arrivalDate: '2026-11-19',
    expiryDate: '2026-11-28',
    dateType: i % 2 === 0 ? 'use-by' : 'best-before',
    price: '€3.20',
    allergens: 'milk, gluten',
    shopName: 'Corner Deli',
  }));
}

function statusInputs(n: number): BatchStatusInput[] {
  const rand = seededRandom(4);
  return Array.from({ length: n }, (_, i) => {
    const production = addDays('2026-11-20', -Math.floor(rand() * 20));
    return {
      productionDate: production,
      arrivalDate: addDays(production, Math.floor(rand() * 3)),
      expiryDate: i % 4 === 0 ? addDays(production, 10) : null,
      shelfLifeDays: 3 + Math.floor(rand() * 20),
      dateType: i % 3 === 0 ? 'best-before' : 'use-by',
      thresholds: THRESHOLDS[i % THRESHOLDS.length] as FreshnessThresholds,
    };
  });
}

/** The raw handle the seeders write through (a profile session's `sqlite`). */
export interface RawSqlite {
  prepare(sql: string): { run(...args: unknown[]): unknown };
  transaction<T>(fn: () => T): () => T;
}

/** Fills a profile with `n` active batches over 200 products with raw inserts in one transaction. */
export function seedBatches(sqlite: RawSqlite, n: number): void {
  const now = new Date(NOW).toISOString();
  const products = Array.from({ length: 200 }, (_, i) => ({
    id: newId(),
    name: `Product ${i}`,
    thresholds: JSON.stringify(THRESHOLDS[i % THRESHOLDS.length]),
  }));
  const insertProduct = sqlite.prepare(
    `INSERT INTO products (id, name, unit, date_type, shelf_life_days, thresholds, created_at, updated_at) VALUES (?, ?, 'pcs', 'use-by', ?, ?, ?, ?)`,
  );
  const insertBatch =
    sqlite.prepare(`INSERT INTO batches (id, product_id, lot, production_date, arrival_date, expiry_date, quantity, remaining, unit, supplier, location, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, 10, 10, 'pcs', ?, ?, ?, ?)`);
  const inputs = statusInputs(n);
  const context = sqlite.prepare(`UPDATE write_context SET hlc = ?, domain = ? WHERE only = 1`);
  sqlite.transaction(() => {
    // Seeded as one write of the batches module would be: the change log triggers run for every row.
    context.run(nextHlc('', Date.now(), 'bench'), 'batches');
    products.forEach((p, i) => insertProduct.run(p.id, p.name, 5 + (i % 10), p.thresholds, now, now));
    inputs.forEach((b, i) => {
      const p = products[i % products.length]!;
      insertBatch.run(newId(), p.id, `LOT-${i}`, b.productionDate, b.arrivalDate, b.expiryDate, `Supplier ${i % 7}`, `Shelf ${i % 11}`, now, now);
    });
    context.run(null, null);
  })();
}

export async function benchBatches(opts: BatchesBenchOptions): Promise<{ measurements: Measurement[]; notes: string[] }> {
  const measurements: Measurement[] = [];
  const contents = labelContents(opts.labels);
  const pdfTimes: number[] = [];
  let pdfBytes = 0;
  for (let r = 0; r < opts.rounds; r += 1) {
    pdfTimes.push(await timeAsync(async () => (pdfBytes = (await renderLabelsPdf(contents, { template: 'avery-l7160' })).length)));
  }
  const pdfMs = median(pdfTimes);
  const labelsName = `${opts.labels.toLocaleString('en-US')}-label PDF, distinct QR each (Avery L7160)`;
  measurements.push({ group: GROUP, name: labelsName, value: pdfMs, unit: 'ms', target: '< 2000 ms', pass: pdfMs < 2000 });
  measurements.push({
    group: GROUP,
    name: `${labelsName}: size`,
    value: Math.round((pdfBytes / 1024 / 1024) * 100) / 100,
    unit: 'MiB',
    target: '< 4 MiB',
    pass: pdfBytes < 4 * 1024 * 1024,
  });
  // The same job as printLabels runs it: in a worker thread (start-up and copying the PDF back included).
  const workerTimes: number[] = [];
  for (let r = 0; r < opts.rounds; r += 1) {
    workerTimes.push(await timeAsync(async () => void (await runJob('batches.labels.render', { labels: contents, opts: { template: 'avery-l7160' } }))));
  }
  const workerMs = median(workerTimes);
  measurements.push({ group: GROUP, name: `${labelsName}, in the label worker`, value: workerMs, unit: 'ms', target: '< 2000 ms', pass: workerMs < 2000 });

  const inputs = statusInputs(opts.batches);
  const clock = { nowMs: NOW, timeZone: ZONE };
  const statusMs = median(Array.from({ length: opts.rounds }, () => timeSync(() => inputs.forEach((b) => computeBatchStatus(b, clock)))));
  measurements.push({
    group: GROUP,
    name: `computeBatchStatus over ${opts.batches.toLocaleString('en-US')} batches`,
    value: statusMs,
    unit: 'ms',
    target: '< 1000 ms',
    pass: statusMs < 1000,
  });

  const core = createCore({
    root: opts.root,
    transport: 'cli',
    version: 'bench',
    kdfCost: KDF_FLOOR,
    resourcesDir: path.resolve(__dirname, '../../resources'),
    now: () => NOW,
    systemTimeZone: () => ZONE,
  });
  try {
    await core.profiles.create('Batches bench', PASSWORD);
    const started = process.hrtime.bigint();
    seedBatches(core.profiles.current().sqlite, opts.batches);
    const seedMs = msSince(started);
    const service = createBatchesService(core.domainContext('batches') as DomainContext<typeof batchesContract>, {
      customerPageScript: async () => '',
    });
    const input = DashboardInput.parse({});
    const times: number[] = [];
    for (let r = 0; r < opts.rounds; r += 1) times.push(await timeAsync(async () => service.dashboard(input, { transport: 'cli' })));
    const dashboardMs = median(times);
    measurements.push({
      group: GROUP,
      name: `dashboard over ${opts.batches.toLocaleString('en-US')} batches (real service, encrypted)`,
      value: dashboardMs,
      unit: 'ms',
      target: `< ${DASHBOARD_TARGET_MS} ms`,
      pass: dashboardMs < DASHBOARD_TARGET_MS,
    });
    return {
      measurements,
      notes: [
        `batches: the ${opts.labels}-label PDF is ${(pdfBytes / 1024 / 1024).toFixed(1)} MiB; seeding ${opts.batches} batches took ${(seedMs / 1000).toFixed(1)} s.`,
      ],
    };
  } finally {
    core.shutdown();
  }
}
