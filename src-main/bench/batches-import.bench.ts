import type { batchesContract } from '../../src-shared/domains/batches/batches.contract';
import { ImportCsvInput } from '../../src-shared/domains/batches/batches.schemas';
import { nextHlc } from '../../src-shared/lib/hlc';
import { addDays } from '../../src-shared/lib/local-date';
import type { Core } from '../app/bootstrap';
import { createBatchesService } from '../domains/batches/batches.service';
import { newId } from '../lib/ids';
import type { DomainContext } from '../platform/context';
import type { RawSqlite } from './batches.bench';
import { benchCore } from './journal-bench-core';
import { msSince, timeAsync, type Measurement } from './measure';

/**
 * Batches CSV import at scale (issue 13: 100,000 rows in < 10 s): the rows committed through the real
 * service (parse, check every row, one write through the write path) on an encrypted profile, against a
 * same-run baseline of the same rows as plain prepared INSERTs in one transaction (change-log triggers
 * included), so the row shows what the import adds over what SQLite must do anyway.
 */
export interface BatchesImportBenchOptions {
  root: string;
  rows: number;
}

const GROUP = 'Batches (freshness register)';
const PASSWORD = 'correct horse battery staple';
const TODAY = '2026-11-20';
const NOW = Date.parse(`${TODAY}T10:00:00Z`);
const TARGET_MS = 10_000;
const PRODUCTS = 200;

interface Row {
  product: number;
  lot: string;
  production: string;
  arrival: string;
  expiry: string;
  quantity: number;
  supplier: string;
  location: string;
}

function csvRows(n: number): Row[] {
  return Array.from({ length: n }, (_, i) => {
    const production = addDays(TODAY, -(i % 20));
    const arrival = addDays(production, i % 3 === 0 ? 0 : 1);
    return {
      product: i % PRODUCTS,
      lot: `CSV-${i}`,
      production,
      arrival: arrival > TODAY ? TODAY : arrival,
      expiry: i % 4 === 0 ? addDays(production, 12) : '',
      quantity: 1 + (i % 40),
      supplier: `Supplier ${i % 7}`,
      location: `Shelf ${i % 11}`,
    };
  });
}

/** 200 products (a shelf-life product rule, so undated rows are valid), written as one batches write would. */
function seedProducts(sqlite: RawSqlite): string[] {
  const ids = Array.from({ length: PRODUCTS }, () => newId());
  const now = new Date(NOW).toISOString();
  const insert = sqlite.prepare(
    `INSERT INTO products (id, name, unit, date_type, shelf_life_days, thresholds, created_at, updated_at) VALUES (?, ?, 'pcs', 'use-by', 10, ?, ?, ?)`,
  );
  const context = sqlite.prepare(`UPDATE write_context SET hlc = ?, domain = ? WHERE only = 1`);
  sqlite.transaction(() => {
    context.run(nextHlc('', Date.now(), 'bench'), 'batches');
    ids.forEach((id, i) => insert.run(id, `Product ${i}`, '{"kind":"days-on-shelf","cautionFrom":3,"expiredFrom":5}', now, now));
    context.run(null, null);
  })();
  return ids;
}

/** The baseline: the same rows as plain prepared INSERTs in one transaction, triggers and commit included. */
function plainInserts(sqlite: RawSqlite, products: string[], rows: Row[]): number {
  const now = new Date(NOW).toISOString();
  const insert =
    sqlite.prepare(`INSERT INTO batches (id, product_id, lot, production_date, arrival_date, expiry_date, quantity, remaining, unit, supplier, location, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'pcs', ?, ?, ?, ?)`);
  const context = sqlite.prepare(`UPDATE write_context SET hlc = ?, domain = ? WHERE only = 1`);
  const started = process.hrtime.bigint();
  sqlite.transaction(() => {
    context.run(nextHlc('', Date.now(), 'bench'), 'batches');
    for (const r of rows) {
      insert.run(newId(), products[r.product], r.lot, r.production, r.arrival, r.expiry || null, r.quantity, r.quantity, r.supplier, r.location, now, now);
    }
    context.run(null, null);
  })();
  return msSince(started);
}

const toCsv = (rows: Row[]): string =>
  [
    'product,lot,production_date,arrival_date,expiry_date,quantity,unit,supplier,location',
    ...rows.map((r) => `Product ${r.product},${r.lot},${r.production},${r.arrival},${r.expiry},${r.quantity},pcs,${r.supplier},${r.location}`),
  ].join('\n');

const countBatches = (core: Core): number => (core.profiles.current().sqlite.prepare('SELECT count(*) AS n FROM batches').get() as { n: number }).n;

export async function benchBatchesImport(opts: BatchesImportBenchOptions): Promise<{ measurements: Measurement[]; notes: string[] }> {
  const rows = csvRows(opts.rows);
  const csv = toCsv(rows);
  const core = benchCore(opts.root, { now: () => NOW, systemTimeZone: () => 'Europe/London' });
  try {
    await core.profiles.create('Batches import baseline', PASSWORD);
    const plainMs = plainInserts(core.profiles.current().sqlite, seedProducts(core.profiles.current().sqlite), rows);

    await core.profiles.create('Batches import', PASSWORD);
    seedProducts(core.profiles.current().sqlite);
    const service = createBatchesService(core.domainContext('batches') as DomainContext<typeof batchesContract>, { customerPageScript: async () => '' });
    const meta = { transport: 'cli' } as const;
    const dryMs = await timeAsync(async () => service.importCsv(ImportCsvInput.parse({ csv, dryRun: true }), meta));
    const importMs = await timeAsync(async () => service.importCsv(ImportCsvInput.parse({ csv, dryRun: false }), meta));
    if (countBatches(core) !== opts.rows) throw new Error(`the import stored ${countBatches(core)} of ${opts.rows} batches`);
    const name = `CSV import of ${opts.rows.toLocaleString('en-US')} rows (real service, one write)`;
    return {
      measurements: [
        {
          group: GROUP,
          name,
          value: importMs,
          unit: 'ms',
          baseline: plainMs,
          ratio: plainMs / importMs,
          target: `< ${TARGET_MS} ms`,
          pass: importMs < TARGET_MS,
        },
        { group: GROUP, name: `${name}: dry run (check only)`, value: dryMs, unit: 'ms' },
      ],
      notes: [
        `batches: the ${opts.rows}-row CSV is ${(csv.length / 1024 / 1024).toFixed(1)} MiB; baseline = the same rows as prepared INSERTs in one transaction (change-log triggers included).`,
      ],
    };
  } finally {
    core.shutdown();
  }
}
