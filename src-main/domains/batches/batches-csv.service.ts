import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { ShopClock } from '../../../src-shared/domains/batches/batch-status';
import type {
  BatchInput,
  BatchSettings,
  CsvDecimal,
  CsvField,
  ExportCsvInput,
  ImportCsvInput,
  ImportReport,
  ImportRow,
  ProductInput,
} from '../../../src-shared/domains/batches/batches.schemas';
import { isDateRule } from '../../../src-shared/domains/batches/freshness-rule';
import { lotError } from '../../../src-shared/domains/batches/gs1-digital-link';
import { validateGtin } from '../../../src-shared/domains/batches/gtin';
import { todayIn } from '../../../src-shared/lib/local-date';
import { AppError } from '../../../src-shared/ipc/result';
import { formatCsv, parseCsvRows } from '../../../src-shared/lib/csv';
import { BATCH_CSV_LIMITS } from '../../../src-shared/lib/limits';
import type { Database } from '../../db/database';
import { nowIso } from '../../lib/ids';
import { cellText, mapHeaders } from './batches-csv';
import { readBatch, readNewProduct, ruleCellsIgnored } from './batches-csv-rows';
import type { BatchesContext } from './batches-context';
import { parseThresholds, toBatchSummary } from './batches-mapping';
import { insertProduct } from './batches-products.service';
import { newBatchRow } from './batches-stock.service';
import { productLotKey, batchesRepository as repo } from './batches.repository';
import type { BatchRow, ProductRow } from './batches.table';

type ProductData = z.output<typeof ProductInput>;
type BatchData = z.output<typeof BatchInput>;

const REQUIRED: CsvField[] = ['product', 'lot', 'production_date', 'arrival_date', 'quantity'];

interface PlannedRow {
  report: ImportRow;
  /** An existing product row, or the lower-cased name of a product this import creates. */
  product: ProductRow | string;
  batch: BatchData | null;
}

interface Plan {
  rows: PlannedRow[];
  newProducts: Map<string, ProductData>;
  columns: Partial<Record<CsvField, string | null>>;
  ignored: string[];
}

/** Reads and checks every row without writing: the dry run, and the first half of a commit. */
async function planImport(
  db: Kysely<Database>,
  input: z.output<typeof ImportCsvInput>,
  env: { clock: ShopClock; settings: BatchSettings; decimal: CsvDecimal },
): Promise<Plan> {
  const [headers, ...data] = parseCsvRows(input.csv, BATCH_CSV_LIMITS);
  if (!headers || data.length === 0) throw new AppError('INVALID_INPUT', 'The file has a header row but no batches.');
  const { index, ignored } = mapHeaders(headers, input.mapping);
  const missing = REQUIRED.filter((f) => index[f] === undefined);
  if (missing.length > 0) {
    throw new AppError('INVALID_INPUT', `The file has no ${missing.join(', ')} column${missing.length > 1 ? 's' : ''}.`, {
      issues: missing.map((f) => ({ path: f, message: `Map a column to ${f}` })),
    });
  }
  const existing = await repo.listProducts(db);
  const byName = new Map(existing.map((p) => [p.name.toLowerCase(), p]));
  const byGtin = new Map(existing.filter((p) => p.gtin14).map((p) => [p.gtin14 as string, p]));
  const plan: Plan = { rows: [], newProducts: new Map(), ignored, columns: {} };
  for (const field of Object.keys(index) as CsvField[]) plan.columns[field] = headers[index[field] as number] ?? null;
  const seenLots = new Set<string>();
  const pendingGtin = new Map<string, string>();
  /** Rows of existing products, checked against the lots already recorded in one lookup after the loop. */
  const recordedCheck: { errors: string[]; product: ProductRow; lot: string }[] = [];

  for (const [i, cells] of data.entries()) {
    if (cells.length === 0) continue;
    const get = (f: CsvField): string => (index[f] === undefined ? '' : cellText(cells[index[f] as number]));
    const errors: string[] = [];
    const warnings: string[] = [];
    const name = get('product');
    const gtinRaw = get('gtin');
    const gtin = gtinRaw === '' ? null : validateGtin(gtinRaw);
    if (gtin && !gtin.valid) errors.push(`gtin: ${gtin.error}`);
    // An existing product by GTIN, then by name; else one this file already creates (same GTIN or name); else a new one.
    let product: ProductRow | string | undefined = (gtin?.gtin14 ? byGtin.get(gtin.gtin14) : undefined) ?? byName.get(name.toLowerCase());
    const pendingKey = product ? undefined : ((gtin?.gtin14 ? pendingGtin.get(gtin.gtin14) : undefined) ?? name.toLowerCase());
    let newProduct = pendingKey === undefined ? undefined : plan.newProducts.get(pendingKey);
    if (product === undefined && newProduct === undefined) {
      newProduct = readNewProduct(name, gtinRaw, get, errors, warnings);
      if (newProduct) {
        plan.newProducts.set(name.toLowerCase(), newProduct);
        if (gtin?.gtin14) pendingGtin.set(gtin.gtin14, name.toLowerCase());
      }
    }
    if (product === undefined && newProduct) product = plan.newProducts.has(pendingKey ?? '') ? pendingKey : name.toLowerCase();
    const rule =
      typeof product === 'object'
        ? { shelfLifeDays: product.shelf_life_days, thresholds: parseThresholds(product.thresholds) }
        : { shelfLifeDays: newProduct?.shelfLifeDays ?? null, thresholds: newProduct?.thresholds };
    if (typeof product === 'object') {
      const ignored = ruleCellsIgnored(get, rule.thresholds as NonNullable<typeof rule.thresholds>);
      if (ignored) warnings.push(ignored);
    }
    const batch = readBatch(get, rule, { clock: env.clock, decimal: env.decimal }, errors);
    const hasGtin = typeof product === 'object' ? product.gtin14 !== null : gtinRaw !== '';
    if (batch && env.settings.qr.mode === 'gs1' && hasGtin) {
      const problem = lotError(batch.lot);
      if (problem) errors.push(`lot: ${problem}`);
    }
    if (batch && product !== undefined) {
      const key = `${typeof product === 'object' ? product.id : product}\u0000${batch.lot}`;
      if (seenLots.has(key)) errors.push(`lot: ${batch.lot} appears more than once for this product in the file.`);
      seenLots.add(key);
      if (typeof product === 'object') recordedCheck.push({ errors, product, lot: batch.lot });
    }
    plan.rows.push({
      report: { row: i + 2, product: name, lot: get('lot'), productAction: typeof product === 'object' ? 'existing' : 'create', errors, warnings },
      product: product ?? '',
      batch,
    });
  }
  // The last check of a row, so its message stays last in the row's list.
  const taken = await repo.takenLots(
    db,
    recordedCheck.map((c) => c.lot),
  );
  for (const c of recordedCheck) if (taken.has(productLotKey(c.product.id, c.lot))) c.errors.push(`lot: ${c.lot} is already recorded for ${c.product.name}.`);
  return plan;
}

/**
 * Inside the import's transaction: no lot was recorded for its product since the plan was made (another
 * window, the CLI). The plan checked every row already; this repeats the lookup under the write lock.
 */
async function assertLotsFree(db: Kysely<Database>, rows: readonly { row: BatchRow; product: ProductRow }[]): Promise<void> {
  const taken = await repo.takenLots(
    db,
    rows.map((r) => r.row.lot),
  );
  const clash = rows.find((r) => taken.has(productLotKey(r.product.id, r.row.lot)));
  if (clash) {
    throw new AppError('CONFLICT', `"${clash.product.name}" already has a batch with lot ${clash.row.lot}.`, {
      issues: [{ path: 'lot', message: `Lot ${clash.row.lot} is already recorded for this product.` }],
    });
  }
}

const EXPORT_HEADER = [
  'product',
  'gtin',
  'lot',
  'production_date',
  'arrival_date',
  'expiry_date',
  'quantity',
  'remaining',
  'unit',
  'date_type',
  'shelf_life_days',
  'category',
  'supplier',
  'location',
  'notes',
  'price',
  'allergens',
  'rule',
  'sell_soon_days',
  'caution_from_day',
  'expired_from_day',
  'effective_expiry',
  'status',
  'days_on_shelf',
  'days_left',
] as const;

/** A product's rule as the export's rule columns (the import reads them back). */
function ruleCells(json: string | undefined): (string | number | null)[] {
  if (json === undefined) return [null, null, null, null];
  const t = parseThresholds(json);
  return isDateRule(t) ? ['date', t.cautionWithinDays, null, null] : ['shelf-age', null, t.cautionFrom, t.expiredFrom];
}

/** CSV import (dry run or one all-or-nothing transaction) and export. */
export function createCsvService(ctx: BatchesContext) {
  return {
    async importCsv(input: z.output<typeof ImportCsvInput>): Promise<ImportReport> {
      const [clock, settings] = await Promise.all([ctx.clock(), ctx.settings()]);
      const decimal = input.decimal ?? settings.csvDecimal;
      const plan = await planImport(ctx.db(), input, { clock, settings, decimal });
      const rows = plan.rows.map((r) => r.report);
      const errors = rows.filter((r) => r.errors.length > 0).length;
      const warnings = rows.filter((r) => r.warnings.length > 0).length;
      const report = {
        dryRun: input.dryRun,
        committed: false,
        columns: plan.columns,
        ignoredHeaders: plan.ignored,
        rows,
        batches: rows.length,
        productsCreated: plan.newProducts.size,
        errors,
        warnings,
        decimal,
      };
      if (input.dryRun) return report;
      if (errors > 0) {
        const issues = rows.flatMap((r) => r.errors.map((message) => ({ path: `row ${r.row}`, message }))).slice(0, 50);
        throw new AppError('INVALID_INPUT', `${errors} row${errors === 1 ? ' has' : 's have'} errors; nothing was imported.`, { issues });
      }
      const now = nowIso(ctx.nowMs);
      await ctx.write(async (trx) => {
        const created = new Map<string, ProductRow>();
        for (const [key, data] of plan.newProducts) created.set(key, await insertProduct(trx, data, now));
        const rows = plan.rows.map((r) => {
          const product = typeof r.product === 'object' ? r.product : created.get(r.product);
          if (!product || !r.batch) throw new AppError('INTERNAL', 'The import plan is inconsistent.');
          return { row: newBatchRow({ ...r.batch, productId: product.id }, product, now), product };
        });
        await assertLotsFree(trx, rows);
        await repo.insertBatches(
          trx,
          rows.map((r) => r.row),
        );
      });
      return { ...report, committed: true };
    },

    async exportCsv(input: z.output<typeof ExportCsvInput>): Promise<{ csv: string; fileName: string; rows: number }> {
      const db = ctx.db();
      const clock = await ctx.clock();
      const products = new Map((await repo.listProducts(db)).map((p) => [p.id, p]));
      const rows = (await repo.listBatches(db, { includeInactive: input.includeInactive }))
        .map((r) => ({ row: r, b: toBatchSummary(r, clock), p: products.get(r.product_id) }))
        .sort((x, y) => x.b.productName.localeCompare(y.b.productName) || x.b.lot.localeCompare(y.b.lot));
      // SECURITY: formatCsv escapes cells a spreadsheet would run as formulas (plain numbers stay numbers).
      const csv = formatCsv(
        [
          EXPORT_HEADER,
          ...rows.map(({ row, b, p }) => [
            b.productName,
            p?.gtin ?? null,
            b.lot,
            b.productionDate,
            b.arrivalDate,
            b.explicitExpiryDate,
            b.quantity,
            b.remaining,
            b.unit,
            b.dateType,
            row.shelf_life_days,
            b.category,
            b.supplier,
            b.location,
            b.notes,
            p?.price ?? null,
            p?.allergens ?? '',
            ...ruleCells(p?.thresholds),
            b.expiryDate,
            b.status,
            b.daysOnShelf,
            b.daysLeft,
          ]),
        ],
        { bom: true },
      );
      return { csv, fileName: `batches-${todayIn(clock.timeZone, clock.nowMs)}.csv`, rows: rows.length };
    },
  };
}
