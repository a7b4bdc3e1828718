import type { BatchStatus, BatchSummary, WasteReason } from '../../../src-shared/domains/batches/batches.schemas';

/** Display helpers for the batches screens (dates are calendar days: formatted in UTC so they never shift). */

const dayFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const weekdayFormat = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });
const stampFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });

/** "20 Nov 2026" for 2026-11-20. */
export const formatDay = (iso: string | null): string => (iso ? dayFormat.format(new Date(`${iso}T00:00:00Z`)) : '—');
/** "Fri 20 Nov" for 2026-11-20. */
export const formatWeekday = (iso: string): string => weekdayFormat.format(new Date(`${iso}T00:00:00Z`));
/** "20 Nov, 14:05" (local time) for an ISO timestamp. */
export const formatStamp = (iso: string): string => stampFormat.format(new Date(iso));

/** 2.5 → "2.5", 3 → "3": at most three decimals, no trailing zeros. */
export const formatQty = (n: number): string => String(Math.round(n * 1000) / 1000);

export const STATUS_LABEL: Record<BatchStatus, string> = { fresh: 'Fresh', caution: 'Sell soon', expired: 'Expired' };

export const REASON_LABEL: Record<WasteReason, string> = { expired: 'Expired', damaged: 'Damaged', recall: 'Recall', other: 'Other' };

/** "Use by" / "Best before". */
export const dateWord = (b: Pick<BatchSummary, 'dateType'>): string => (b.dateType === 'best-before' ? 'Best before' : 'Use by');

/** "3 days left", "last day today", "expired 2 days ago", or "no date". */
export function daysLeftText(daysLeft: number | null): string {
  if (daysLeft === null) return 'no date';
  if (daysLeft === 0) return 'last day today';
  if (daysLeft === 1) return '1 day left';
  if (daysLeft > 1) return `${daysLeft} days left`;
  return daysLeft === -1 ? 'expired yesterday' : `expired ${-daysLeft} days ago`;
}

/** "arrived today", "1 day on shelf", "4 days on shelf". */
export const shelfText = (days: number): string => (days === 0 ? 'arrived today' : `${days} day${days === 1 ? '' : 's'} on shelf`);
