import { z } from 'zod';
import { AppError, type AppErrorIssue } from '../../ipc/result';
import { isDateRule, MAX_SHELF_LIFE_DAYS, statusByRule, type FreshnessThresholds } from './freshness-rule';
import { addDays, assertIsoDate, daysBetween, isoDateError, todayIn } from '../../lib/local-date';

/**
 * THE freshness status of a batch, shared by main, the renderer and the exported customer page, so the
 * three can never disagree. Pure: the clock and the shop's time zone are arguments.
 *
 * Date rule (Regulation (EU) No 1169/2011, Art. 24 and Annex X): a food is fit "until" its use-by or
 * best-before date, so the date itself is the last day it may be sold or used, and the batch is
 * 'expired' from the next calendar day. After a use-by date the food "shall be deemed to be unsafe";
 * after a best-before date it is past its guaranteed quality. Both date types share this boundary: the
 * register flags both, and the shop decides what national rules let it do with best-before stock.
 */

/** Whether the product's date is a safety date (use-by, GS1 AI 17) or a quality date (best-before, AI 15). */
export const DateType = z.enum(['use-by', 'best-before']);
/** Whether the product's date is a safety date (use-by) or a quality date (best-before). */
export type DateType = z.infer<typeof DateType>;

/** The three states shown on screen, on labels and on the customer page. */
export type BatchStatus = 'fresh' | 'caution' | 'expired';

export {
  DaysBeforeExpiryThresholds,
  DaysOnShelfThresholds,
  DEFAULT_DATE_RULE,
  DEFAULT_THRESHOLDS,
  describeRule,
  FreshnessThresholds,
  isDateRule,
  MAX_SHELF_LIFE_DAYS,
} from './freshness-rule';

/** The shop's clock: an instant and the IANA zone whose calendar day is "today". */
export interface ShopClock {
  nowMs: number;
  timeZone: string;
}

/** What the status needs to know about one batch and its product. */
export interface BatchStatusInput {
  productionDate: string;
  arrivalDate: string;
  /** Printed on the pack; overrides `productionDate + shelfLifeDays` when present. */
  expiryDate?: string | null;
  shelfLifeDays?: number | null;
  /** Does not move the boundary (see the module comment); kept so callers pass one product shape. */
  dateType: DateType;
  thresholds: FreshnessThresholds;
}

/** The computed freshness of one batch on `today`. */
export interface BatchStatusInfo {
  status: BatchStatus;
  /** Whole calendar days since arrival: 0 on the arrival day; never negative. */
  daysOnShelf: number;
  /** The explicit expiry date, else production + shelf life, else null (no date known). */
  expiryDate: string | null;
  /** Calendar days until `expiryDate`: 0 on the date itself, negative once expired; null without a date. */
  daysLeft: number | null;
  /** The shop's calendar day the status was computed for. */
  today: string;
}

/** The batch's expiry date: the explicit one if given, else `productionDate + shelfLifeDays`, else null. */
export function effectiveExpiryDate(batch: { productionDate: string; expiryDate?: string | null; shelfLifeDays?: number | null }): string | null {
  if (batch.expiryDate != null && batch.expiryDate !== '') {
    assertIsoDate(batch.expiryDate, 'Expiry date');
    return batch.expiryDate;
  }
  if (batch.shelfLifeDays == null) return null;
  assertShelfLife(batch.shelfLifeDays);
  assertIsoDate(batch.productionDate, 'Production date');
  return addDays(batch.productionDate, batch.shelfLifeDays);
}

function assertShelfLife(value: number): void {
  if (!Number.isInteger(value) || value < 0 || value > MAX_SHELF_LIFE_DAYS) {
    throw new AppError('INVALID_INPUT', `Shelf life must be a whole number of days from 0 to ${MAX_SHELF_LIFE_DAYS}.`);
  }
}

/**
 * The freshness status of a batch on the shop's current calendar day, by the product's one rule
 * (see freshness-rule.ts). A batch past its date is 'expired' whatever the rule; a dated batch is
 * never 'expired' before its date.
 */
export function computeBatchStatus(input: BatchStatusInput, clock: ShopClock): BatchStatusInfo {
  assertIsoDate(input.productionDate, 'Production date');
  assertIsoDate(input.arrivalDate, 'Arrival date');
  const today = todayIn(clock.timeZone, clock.nowMs);
  const expiryDate = effectiveExpiryDate(input);
  // A future arrival (clock skew, a zone change) reads as "just arrived" rather than a negative count.
  const daysOnShelf = Math.max(0, daysBetween(input.arrivalDate, today));
  const daysLeft = expiryDate === null ? null : daysBetween(today, expiryDate);
  const info = { daysOnShelf, expiryDate, daysLeft, today };
  if (daysLeft !== null && daysLeft < 0) return { status: 'expired', ...info };
  return { status: statusByRule(input.thresholds, daysOnShelf, daysLeft), ...info };
}

/** The dates a user enters for a batch. */
export interface BatchDatesInput {
  productionDate: string;
  arrivalDate: string;
  expiryDate?: string | null;
  shelfLifeDays?: number | null;
  /** The product's rule: under the date rule a batch needs a date (on the pack, or from the shelf life). */
  thresholds?: FreshnessThresholds;
}

/**
 * Rejects impossible batch dates with `INVALID_INPUT` (one issue per problem, all reported at once):
 * a malformed or non-existent date (2025-02-29), production after today, arrival before production,
 * arrival after today (deliveries are recorded when they arrive: day 0 of the shelf count is the real
 * arrival day), an expiry date before production, a shelf life that is not 0–3650 whole days, no date at all for a product sold by its date.
 * An expiry date already in the past is allowed, so an expired delivery can still be logged.
 */
export function validateBatchDates(input: BatchDatesInput, clock: ShopClock): void {
  const today = todayIn(clock.timeZone, clock.nowMs);
  const issues: AppErrorIssue[] = [];
  const add = (path: string, message: string): void => {
    issues.push({ path, message });
  };
  const production = checkDate(input.productionDate, 'productionDate', 'Production date', add);
  const arrival = checkDate(input.arrivalDate, 'arrivalDate', 'Arrival date', add);
  const hasExpiry = input.expiryDate != null && input.expiryDate !== '';
  const expiry = hasExpiry ? checkDate(input.expiryDate, 'expiryDate', 'Expiry date', add) : null;
  if (production && production > today) {
    add('productionDate', `Production date ${production} is in the future (today is ${today}).`);
  }
  if (production && arrival && arrival < production) {
    add('arrivalDate', `Arrival date ${arrival} is before the production date ${production}.`);
  }
  if (arrival && arrival > today) {
    add('arrivalDate', `Arrival date ${arrival} is in the future (today is ${today}); record a delivery when it arrives.`);
  }
  if (production && expiry && expiry < production) {
    add('expiryDate', `Expiry date ${expiry} is before the production date ${production}.`);
  }
  if (!hasExpiry && input.shelfLifeDays == null && input.thresholds && isDateRule(input.thresholds)) {
    add('expiryDate', 'This product is sold by its date: enter the date printed on the pack (or give the product a shelf life).');
  }
  const shelfLife = input.shelfLifeDays;
  if (shelfLife != null && (!Number.isInteger(shelfLife) || shelfLife < 0 || shelfLife > MAX_SHELF_LIFE_DAYS)) {
    add('shelfLifeDays', `Shelf life must be a whole number of days from 0 to ${MAX_SHELF_LIFE_DAYS}.`);
  }
  if (issues.length > 0) {
    throw new AppError('INVALID_INPUT', issues.map((i) => i.message).join(' '), { issues });
  }
}

function checkDate(value: string | null | undefined, path: string, label: string, add: (path: string, message: string) => void): string | null {
  const problem = isoDateError(value, label);
  if (problem === null && typeof value === 'string') return value;
  add(path, problem ?? `${label} is missing.`);
  return null;
}
