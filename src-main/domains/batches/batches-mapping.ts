import {
  computeBatchStatus,
  DEFAULT_THRESHOLDS,
  FreshnessThresholds,
  type BatchStatusInfo,
  type BatchStatusInput,
  type ShopClock,
} from '../../../src-shared/domains/batches/batch-status';
import type { BatchSummary, LabelPrint, Product, StockMovement } from '../../../src-shared/domains/batches/batches.schemas';
import { log } from '../../lib/log';
import type { BatchStatusRow, BatchWithProductRow, LabelPrintWithBatchRow } from './batches.repository';
import type { ProductRow, StockMovementRow } from './batches.table';

/** Row → DTO mapping, and the one place main computes a batch's status (with the shared rules). */

/** Quantities are kept to 3 decimals (grams of a kg) so float noise never leaves 0.0000001 kg on a shelf. */
export const roundQty = (n: number): number => Math.round(n * 1000) / 1000;

const thresholdCache = new Map<string, FreshnessThresholds>();

/** Parses a stored thresholds column; an unreadable one falls back to the default rule (logged once). */
export function parseThresholds(json: string): FreshnessThresholds {
  const cached = thresholdCache.get(json);
  if (cached) return cached;
  let value: FreshnessThresholds = DEFAULT_THRESHOLDS;
  try {
    const parsed = FreshnessThresholds.safeParse(JSON.parse(json));
    if (parsed.success) value = parsed.data;
    else log.warn('[batches] invalid stored thresholds; using the default rule');
  } catch {
    log.warn('[batches] unreadable stored thresholds; using the default rule');
  }
  if (thresholdCache.size > 1000) thresholdCache.clear();
  thresholdCache.set(json, value);
  return value;
}

export function toProduct(row: ProductRow, activeBatches: number): Product {
  return {
    id: row.id,
    name: row.name,
    category: row.category,
    unit: row.unit,
    gtin: row.gtin,
    gtin14: row.gtin14,
    isLocal: row.is_local === 1,
    dateType: row.date_type,
    shelfLifeDays: row.shelf_life_days,
    thresholds: parseThresholds(row.thresholds),
    price: row.price,
    allergens: row.allergens,
    activeBatches,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** What the status rule reads from a stored batch (or a group of batches that share it). */
export type StatusFields = Omit<BatchStatusRow, 'id' | 'product_id'>;

/** The inputs of `computeBatchStatus` for a stored batch. */
export function statusInput(row: StatusFields): BatchStatusInput {
  return {
    productionDate: row.production_date,
    arrivalDate: row.arrival_date,
    expiryDate: row.expiry_date,
    shelfLifeDays: row.shelf_life_days,
    dateType: row.date_type,
    thresholds: parseThresholds(row.thresholds),
  };
}

/**
 * Status results for one clock reading, keyed by everything the shared rule reads. Batches of one
 * product delivered on the same day share a result, so a view over many batches computes each once.
 */
export type StatusMemo = Map<string, BatchStatusInfo>;

/** `computeBatchStatus` for a stored batch, through `memo` when given (one memo per clock reading). */
export function statusOf(row: StatusFields, clock: ShopClock, memo?: StatusMemo): BatchStatusInfo {
  if (!memo) return computeBatchStatus(statusInput(row), clock);
  const key = `${row.production_date}|${row.arrival_date}|${row.expiry_date ?? ''}|${row.shelf_life_days ?? ''}|${row.date_type}|${row.thresholds}`;
  let info = memo.get(key);
  if (!info) {
    info = computeBatchStatus(statusInput(row), clock);
    memo.set(key, info);
  }
  return info;
}

export function toBatchSummary(row: BatchWithProductRow, clock: ShopClock, memo?: StatusMemo): BatchSummary {
  const info = statusOf(row, clock, memo);
  return {
    id: row.id,
    productId: row.product_id,
    productName: row.product_name,
    category: row.category,
    lot: row.lot,
    productionDate: row.production_date,
    arrivalDate: row.arrival_date,
    explicitExpiryDate: row.expiry_date,
    expiryDate: info.expiryDate,
    dateType: row.date_type,
    quantity: row.quantity,
    remaining: row.remaining,
    unit: row.unit,
    supplier: row.supplier,
    location: row.location,
    notes: row.notes,
    status: info.status,
    daysOnShelf: info.daysOnShelf,
    daysLeft: info.daysLeft,
    isActive: row.depleted_at === null && row.deleted_at === null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function toMovement(row: StockMovementRow): StockMovement {
  return { id: row.id, batchId: row.batch_id, kind: row.kind, quantity: row.quantity, reason: row.reason, note: row.note, at: row.at, day: row.day };
}

export function toLabelPrint(row: LabelPrintWithBatchRow): LabelPrint {
  return {
    id: row.id,
    jobId: row.job_id,
    batchId: row.batch_id,
    productName: row.product_name,
    lot: row.lot,
    template: row.template as LabelPrint['template'],
    copies: row.copies,
    startAt: row.start_at,
    payload: row.payload,
    printedAt: row.printed_at,
  };
}
