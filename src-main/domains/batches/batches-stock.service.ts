import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { validateBatchDates, type ShopClock } from '../../../src-shared/domains/batches/batch-status';
import type {
  BatchInput,
  BatchSettings,
  BatchSummary,
  CreateBatchResult,
  DeliveryWarning,
  MovementInput,
  UpdateBatchInput,
} from '../../../src-shared/domains/batches/batches.schemas';
import { deliveryWarnings, type FefoBatch } from '../../../src-shared/domains/batches/fefo';
import { lotError } from '../../../src-shared/domains/batches/gs1-digital-link';
import { todayIn } from '../../../src-shared/lib/local-date';
import { AppError, notFound } from '../../../src-shared/ipc/result';
import type { Database } from '../../db/database';
import { newId, nowIso } from '../../lib/ids';
import type { BatchesContext } from './batches-context';
import { parseThresholds, roundQty, toBatchSummary } from './batches-mapping';
import { batchesRepository as repo, type BatchWithProductRow } from './batches.repository';
import type { BatchRow, ProductRow } from './batches.table';

type BatchData = z.output<typeof BatchInput>;

const invalid = (path: string, message: string): AppError => new AppError('INVALID_INPUT', message, { issues: [{ path, message }] });

/** Checks dates (shared rules), the GS1 lot character set when labels will carry a Digital Link, and lot uniqueness. */
async function checkBatch(
  db: Kysely<Database>,
  input: BatchData,
  product: ProductRow,
  env: { clock: ShopClock; settings: BatchSettings; selfId: string | null },
): Promise<void> {
  validateBatchDates({ ...input, shelfLifeDays: product.shelf_life_days, thresholds: parseThresholds(product.thresholds) }, env.clock);
  if (env.settings.qr.mode === 'gs1' && product.gtin14) {
    const problem = lotError(input.lot);
    if (problem) throw invalid('lot', `${problem} (Labels carry a GS1 Digital Link.)`);
  }
  const clash = await repo.findBatchByProductLot(db, product.id, input.lot);
  if (clash && clash.id !== env.selfId) {
    throw new AppError('CONFLICT', `"${product.name}" already has a batch with lot ${input.lot}.`, {
      issues: [{ path: 'lot', message: `Lot ${input.lot} is already recorded for this product.` }],
    });
  }
}

/** The stored row of a new batch of `product` (checked by the caller). */
export function newBatchRow(input: BatchData, product: ProductRow, now: string): BatchRow {
  return {
    id: newId(),
    product_id: product.id,
    lot: input.lot,
    production_date: input.productionDate,
    arrival_date: input.arrivalDate,
    expiry_date: input.expiryDate,
    quantity: roundQty(input.quantity),
    remaining: roundQty(input.quantity),
    unit: input.unit === '' ? product.unit : input.unit,
    supplier: input.supplier,
    location: input.location,
    notes: input.notes,
    depleted_at: null,
    created_at: now,
    updated_at: now,
    deleted_at: null,
  };
}

/** Inserts a checked batch. */
export async function insertBatch(
  db: Kysely<Database>,
  input: BatchData,
  product: ProductRow,
  env: { clock: ShopClock; settings: BatchSettings; now: string },
): Promise<BatchRow> {
  await checkBatch(db, input, product, { ...env, selfId: null });
  const row = newBatchRow(input, product, env.now);
  await repo.insertBatch(db, row);
  return row;
}

const fefoOf = (b: BatchSummary): FefoBatch & { lot: string } => ({
  id: b.id,
  productId: b.productId,
  arrivalDate: b.arrivalDate,
  expiryDate: b.expiryDate,
  isActive: b.isActive,
  lot: b.lot,
});

/** On-shelf batches of the same product that expire after `batch` (sell `batch` first); none for a lot that must not be sold. */
export async function warningsFor(db: Kysely<Database>, batch: BatchSummary, clock: ShopClock): Promise<DeliveryWarning[]> {
  if (!batch.isActive || batch.status === 'expired') return [];
  const others = (await repo.listBatches(db, { includeInactive: false, productId: batch.productId })).map((r) => fefoOf(toBatchSummary(r, clock)));
  return deliveryWarnings(fefoOf(batch), others).map((w) => ({
    batchId: w.batch.id,
    lot: w.batch.lot,
    expiryDate: w.batch.expiryDate ?? '',
    expiresDaysLater: w.expiresDaysLater,
  }));
}

/** Batches and stock movements. */
export function createStockService(ctx: BatchesContext, products: { productRow(id: string): Promise<ProductRow> }) {
  async function batchRow(id: string): Promise<BatchWithProductRow> {
    const row = await repo.getBatch(ctx.db(), id);
    if (!row) throw notFound('batch', id);
    return row;
  }
  const summary = async (id: string, clock?: ShopClock): Promise<BatchSummary> => toBatchSummary(await batchRow(id), clock ?? (await ctx.clock()));

  /** Applies a stock change in one transaction: never below zero; at zero the batch leaves the shelf. */
  async function moveStock(batch: BatchWithProductRow, delta: number, write: (trx: Kysely<Database>, now: string) => Promise<unknown>): Promise<void> {
    const remaining = roundQty(batch.remaining + delta);
    if (remaining < 0) throw invalid('quantity', `Only ${batch.remaining} ${batch.unit} of lot ${batch.lot} is left.`);
    const now = nowIso(ctx.nowMs);
    await ctx.write(async (trx) => {
      await write(trx, now);
      await repo.updateBatch(trx, batch.id, { remaining, depleted_at: remaining === 0 ? (batch.depleted_at ?? now) : null, updated_at: now });
    });
  }

  return {
    batchRow,
    summary,

    async create(input: BatchData): Promise<z.input<typeof CreateBatchResult>> {
      const product = await products.productRow(input.productId);
      const [clock, settings] = await Promise.all([ctx.clock(), ctx.settings()]);
      const row = await ctx.write((trx) => insertBatch(trx, input, product, { clock, settings, now: nowIso(ctx.nowMs) }));
      const batch = await summary(row.id, clock);
      return { batch, warnings: await warningsFor(ctx.db(), batch, clock) };
    },

    async update(input: z.output<typeof UpdateBatchInput>): Promise<BatchSummary> {
      const { id, ...data } = input;
      const current = await batchRow(id);
      const product = await products.productRow(data.productId);
      const [clock, settings] = await Promise.all([ctx.clock(), ctx.settings()]);
      await checkBatch(ctx.db(), data, product, { clock, settings, selfId: id });
      const used = roundQty(current.quantity - current.remaining);
      const remaining = roundQty(data.quantity - used);
      if (remaining < 0) throw invalid('quantity', `${used} ${current.unit} has already been sold or discarded; the quantity cannot be less.`);
      const now = nowIso(ctx.nowMs);
      await ctx.write((trx) =>
        repo.updateBatch(trx, id, {
          product_id: product.id,
          lot: data.lot,
          production_date: data.productionDate,
          arrival_date: data.arrivalDate,
          expiry_date: data.expiryDate,
          quantity: roundQty(data.quantity),
          remaining,
          unit: data.unit === '' ? product.unit : data.unit,
          supplier: data.supplier,
          location: data.location,
          notes: data.notes,
          depleted_at: remaining === 0 ? (current.depleted_at ?? now) : null,
          updated_at: now,
        }),
      );
      return summary(id, clock);
    },

    async delete({ id }: { id: string }): Promise<BatchSummary> {
      const row = await batchRow(id);
      const now = nowIso(ctx.nowMs);
      await ctx.write((trx) => repo.updateBatch(trx, id, { deleted_at: now, updated_at: now }));
      return toBatchSummary({ ...row, deleted_at: now, updated_at: now }, await ctx.clock());
    },

    async recordMovement(input: z.output<typeof MovementInput>): Promise<BatchSummary> {
      const batch = await batchRow(input.batchId);
      const clock = await ctx.clock();
      const quantity = roundQty(input.quantity);
      if (quantity === 0) throw invalid('quantity', 'The quantity rounds to zero.');
      if (input.kind !== 'adjusted' && batch.remaining === 0) throw invalid('quantity', `Lot ${batch.lot} has nothing left on the shelf.`);
      await moveStock(batch, input.kind === 'adjusted' ? quantity : -quantity, (trx, now) =>
        repo.insertMovement(trx, {
          id: newId(),
          batch_id: batch.id,
          kind: input.kind,
          quantity,
          reason: input.reason,
          note: input.note,
          at: now,
          day: todayIn(clock.timeZone, clock.nowMs),
          created_at: now,
          updated_at: now,
          deleted_at: null,
        }),
      );
      return summary(batch.id, clock);
    },

    async undoMovement({ id }: { id: string }): Promise<BatchSummary> {
      const movement = await repo.getMovement(ctx.db(), id);
      if (!movement) throw notFound('stock movement', id);
      const batch = await batchRow(movement.batch_id);
      const delta = movement.kind === 'adjusted' ? -movement.quantity : movement.quantity;
      if (roundQty(batch.remaining + delta) < 0) throw new AppError('CONFLICT', 'Undoing this adjustment would take the stock below zero.');
      await moveStock(batch, delta, (trx, now) => repo.softDeleteMovement(trx, id, now));
      return summary(batch.id);
    },
  };
}
