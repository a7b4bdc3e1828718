import type { z } from 'zod';
import { validateBatchDates, type ShopClock } from '../../../src-shared/domains/batches/batch-status';
import { BatchInput, ProductInput, type CsvDecimal, type CsvField } from '../../../src-shared/domains/batches/batches.schemas';
import { DEFAULT_DATE_RULE, DEFAULT_THRESHOLDS, describeRule, FreshnessThresholds } from '../../../src-shared/domains/batches/freshness-rule';
import { AppError } from '../../../src-shared/ipc/result';
import { parseDateType, parseDecimal } from './batches-csv';

/** Reading one CSV row into a new product (with its freshness rule) and a batch; problems go to `errors`, defaults to `warnings`. */

type ProductData = z.output<typeof ProductInput>;
type BatchData = z.output<typeof BatchInput>;
export type Cell = (f: CsvField) => string;

/** A syntactically valid id for rows whose product does not exist yet (replaced when committing). */
const PENDING_ID = '00000000000000000000000000';
const COLUMN_OF: Record<string, string> = {
  name: 'product',
  productionDate: 'production_date',
  arrivalDate: 'arrival_date',
  expiryDate: 'expiry_date',
  shelfLifeDays: 'shelf_life_days',
  dateType: 'date_type',
  thresholds: 'rule',
};
const column = (path: string): string => COLUMN_OF[path] ?? path;

/** `date`, `use-by`… → the date rule; `shelf-age`, `days-on-shelf`… → the shelf-age rule; '' → null. */
function parseRuleKind(value: string): 'date' | 'shelf-age' | null | undefined {
  const v = value
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
  if (v === '') return null;
  if (['date', 'by-date', 'expiry', 'days-before-expiry', 'use-by', 'best-before'].includes(v)) return 'date';
  if (['shelf-age', 'age', 'shelf', 'days-on-shelf', 'on-shelf'].includes(v)) return 'shelf-age';
  return undefined;
}

/** A whole number of days, '' → null, else an error. */
function wholeDays(get: Cell, field: CsvField, errors: string[]): number | null {
  const raw = get(field);
  if (raw === '') return null;
  if (/^\d+$/.test(raw)) return Number(raw);
  errors.push(`${field}: "${raw}" is not a whole number of days.`);
  return null;
}

/**
 * The freshness rule of a product this file creates: from the `rule` column and its numbers, else the
 * date rule when the row has a date, else the shelf-age rule; every default it takes is a warning.
 */
export function readRule(get: Cell, errors: string[], warnings: string[]): FreshnessThresholds {
  const kindRaw = get('rule');
  let kind = parseRuleKind(kindRaw);
  if (kind === undefined) {
    errors.push(`rule: "${kindRaw}" is not date or shelf-age.`);
    return DEFAULT_THRESHOLDS; // never used: the row has an error
  }
  const window = wholeDays(get, 'sell_soon_days', errors);
  const caution = wholeDays(get, 'caution_from_day', errors);
  const expired = wholeDays(get, 'expired_from_day', errors);
  const dated = get('expiry_date') !== '' || get('shelf_life_days') !== '';
  kind ??= window !== null ? 'date' : caution !== null || expired !== null ? 'shelf-age' : null;
  if (kind === null) {
    const rule = dated ? DEFAULT_DATE_RULE : DEFAULT_THRESHOLDS;
    warnings.push(
      `rule: none given, so the new product is judged ${describeRule(rule)} (${dated ? 'the row has a date' : 'the row has no date'}). Add a rule column to choose.`,
    );
    return rule;
  }
  if (kind === 'date') {
    if (window === null) warnings.push(`sell_soon_days: none given, so the product is judged ${describeRule(DEFAULT_DATE_RULE)}.`);
    return { kind: 'days-before-expiry', cautionWithinDays: window ?? DEFAULT_DATE_RULE.cautionWithinDays };
  }
  if (caution === null || expired === null) {
    warnings.push(
      `caution_from_day/expired_from_day: ${caution === null && expired === null ? 'none' : 'only one'} given; the missing one is taken from the usual rule (${describeRule(DEFAULT_THRESHOLDS)}).`,
    );
  }
  const rule = { kind: 'days-on-shelf', cautionFrom: caution ?? DEFAULT_THRESHOLDS.cautionFrom, expiredFrom: expired ?? DEFAULT_THRESHOLDS.expiredFrom };
  const parsed = FreshnessThresholds.safeParse(rule);
  if (!parsed.success)
    errors.push(`rule: ${parsed.error.issues[0]?.message ?? 'invalid'} (caution from day ${rule.cautionFrom}, expired from day ${rule.expiredFrom}).`);
  return parsed.success ? parsed.data : DEFAULT_THRESHOLDS;
}

/** Rule cells on a row of a product that already exists: ignored, with a warning when they ask for something else. */
export function ruleCellsIgnored(get: Cell, current: FreshnessThresholds): string | null {
  if (!['rule', 'sell_soon_days', 'caution_from_day', 'expired_from_day'].some((f) => get(f as CsvField) !== '')) return null;
  const asked = readRule(get, [], []);
  if (JSON.stringify(asked) === JSON.stringify(current)) return null;
  return `rule: the product already exists and keeps its rule (${describeRule(current)}); the rule columns of this row are ignored.`;
}

export function readNewProduct(name: string, gtin: string, get: Cell, errors: string[], warnings: string[]): ProductData | undefined {
  const dateType = parseDateType(get('date_type'));
  if (dateType === undefined) errors.push(`date_type: "${get('date_type')}" is not use-by or best-before.`);
  const shelfRaw = get('shelf_life_days');
  const shelfLifeDays = shelfRaw === '' ? null : /^\d+$/.test(shelfRaw) ? Number(shelfRaw) : Number.NaN;
  if (Number.isNaN(shelfLifeDays)) errors.push(`shelf_life_days: "${shelfRaw}" is not a whole number of days.`);
  const thresholds = readRule(get, errors, warnings);
  const parsed = ProductInput.safeParse({
    name,
    category: get('category'),
    unit: get('unit') || 'pcs',
    gtin,
    dateType: dateType ?? 'use-by',
    shelfLifeDays: Number.isNaN(shelfLifeDays) ? null : shelfLifeDays,
    thresholds,
    price: get('price'),
    allergens: get('allergens'),
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) if (issue.path[0] !== 'gtin') errors.push(`${column(String(issue.path[0] ?? 'product'))}: ${issue.message}`);
    return undefined;
  }
  return parsed.data;
}

export function readBatch(
  get: Cell,
  product: { shelfLifeDays: number | null; thresholds: FreshnessThresholds | undefined },
  env: { clock: ShopClock; decimal: CsvDecimal },
  errors: string[],
): BatchData | null {
  const quantity = parseDecimal(get('quantity'), env.decimal);
  if ('error' in quantity) errors.push(`quantity: ${quantity.error}`);
  const parsed = BatchInput.safeParse({
    productId: PENDING_ID,
    lot: get('lot'),
    productionDate: get('production_date'),
    arrivalDate: get('arrival_date'),
    expiryDate: get('expiry_date') || null,
    quantity: 'value' in quantity ? quantity.value : 1,
    unit: get('unit'),
    supplier: get('supplier'),
    location: get('location'),
    notes: get('notes'),
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) errors.push(`${column(String(issue.path[0] ?? ''))}: ${issue.message}`);
    return null;
  }
  try {
    validateBatchDates({ ...parsed.data, ...product }, env.clock);
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    for (const issue of err.issues ?? [{ path: '', message: err.message }]) errors.push(`${column(issue.path)}: ${issue.message}`);
    return null;
  }
  return 'error' in quantity ? null : parsed.data;
}
