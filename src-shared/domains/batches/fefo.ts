import { daysBetween } from '../../lib/local-date';

/**
 * First-expired-first-out (FEFO) helpers: which batch to sell first, and whether a new delivery should
 * go in front of stock already on the shelf. Pure; the caller passes effective expiry dates
 * (`effectiveExpiryDate` / `computeBatchStatus`), never raw shelf-life settings.
 */

/** The fields FEFO needs from a batch. */
export interface FefoBatch {
  id: string;
  productId: string;
  arrivalDate: string;
  /** Effective expiry date (explicit, or production + shelf life); null when unknown. */
  expiryDate: string | null;
  /** False once the batch is sold out or discarded; absent means on the shelf. */
  isActive?: boolean;
}

/** A batch already on the shelf that expires after a new delivery of the same product. */
export interface DeliveryWarning<T extends FefoBatch> {
  batch: T;
  /** Calendar days between the new delivery's expiry and this batch's expiry (always ≥ 1). */
  expiresDaysLater: number;
}

const isOnShelf = (batch: FefoBatch): boolean => batch.isActive !== false;

/** Orders by expiry ascending (unknown expiry last), then arrival ascending, then id, so the order is total. */
function compareFefo(a: FefoBatch, b: FefoBatch): number {
  if (a.expiryDate !== b.expiryDate) {
    if (a.expiryDate === null) return 1;
    if (b.expiryDate === null) return -1;
    return a.expiryDate < b.expiryDate ? -1 : 1;
  }
  if (a.arrivalDate !== b.arrivalDate) return a.arrivalDate < b.arrivalDate ? -1 : 1;
  if (a.id === b.id) return 0;
  return a.id < b.id ? -1 : 1;
}

/**
 * The active batches in the order to sell them: soonest expiry first, then earliest arrival; batches
 * without a known expiry come last. Inactive batches are left out; the input is not modified.
 */
export function sellFirst<T extends FefoBatch>(batches: readonly T[]): T[] {
  return batches.filter(isOnShelf).sort(compareFefo);
}

/**
 * Existing on-shelf batches of the same product that expire AFTER `newBatch`, i.e. the new delivery
 * must be sold before stock already displayed (move it to the front). Soonest-expiring first.
 * Empty when the new batch has no known expiry; batches without a known expiry are skipped.
 */
export function deliveryWarnings<T extends FefoBatch>(newBatch: FefoBatch, existing: readonly T[]): DeliveryWarning<T>[] {
  const newExpiry = newBatch.expiryDate;
  if (newExpiry === null) return [];
  return existing
    .flatMap((batch): DeliveryWarning<T>[] => {
      const sameProductOnShelf = batch.id !== newBatch.id && batch.productId === newBatch.productId && isOnShelf(batch);
      if (!sameProductOnShelf || batch.expiryDate === null) return [];
      const expiresDaysLater = daysBetween(newExpiry, batch.expiryDate);
      return expiresDaysLater > 0 ? [{ batch, expiresDaysLater }] : [];
    })
    .sort((a, b) => compareFefo(a.batch, b.batch));
}
