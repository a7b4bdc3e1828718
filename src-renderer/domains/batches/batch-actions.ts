import { effectiveExpiryDate } from '../../../src-shared/domains/batches/batch-status';
import type { DateType } from '../../../src-shared/domains/batches/batch-status';
import type { BatchSummary } from '../../../src-shared/domains/batches/batches.schemas';
import { addDays, daysBetween } from '../../../src-shared/lib/local-date';

/** What a batch's screens offer first (pure, so the rules are tested without a browser). */

/** The batch view's main action: discard a lot past its date, print labels for one on sale, nothing once it is off the shelf. */
export function mainAction(batch: Pick<BatchSummary, 'isActive' | 'status' | 'remaining'>): 'discard' | 'print' | 'none' {
  if (!batch.isActive || batch.remaining === 0) return 'none';
  return batch.status === 'expired' ? 'discard' : 'print';
}

/** The shop's today as the batch summary saw it (arrival day + days on the shelf). */
export const shopTodayOf = (batch: Pick<BatchSummary, 'arrivalDate' | 'daysOnShelf'>): string => addDays(batch.arrivalDate, batch.daysOnShelf);

/**
 * The warning the batch form shows before saving a batch already past its date (it would go straight to
 * "Expired"), or null. Dates that do not parse yet give null: main reports those on their fields.
 */
export function pastDateWarning(
  draft: { productionDate: string; expiryDate: string },
  product: { shelfLifeDays: number | null; dateType: DateType } | undefined,
  today: string,
): string | null {
  let date: string | null;
  try {
    date = effectiveExpiryDate({ productionDate: draft.productionDate, expiryDate: draft.expiryDate || null, shelfLifeDays: product?.shelfLifeDays ?? null });
  } catch {
    return null;
  }
  if (date === null || date >= today) return null;
  const days = daysBetween(date, today);
  const word = product?.dateType === 'best-before' ? 'best-before' : 'use-by';
  return `This batch is already past its ${word} date (${date}, ${days} day${days === 1 ? '' : 's'} ago): it will show as Expired and must not be sold. Save it anyway to log it, then discard it.`;
}
