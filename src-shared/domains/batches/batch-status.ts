import { z } from 'zod';
import { AppError, type AppErrorIssue } from '../../ipc/result';
import { addDays, assertIsoDate, daysBetween, isoDateError, todayIn } from './local-date';

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

/** Longest shelf life or threshold accepted, in days (ten years covers tins and preserves). */
export const MAX_SHELF_LIFE_DAYS = 3650;

const days = z.number().int().min(0).max(MAX_SHELF_LIFE_DAYS);
const percent = z.number().int().min(0).max(100);

/** Status by days since arrival (arrival day = day 0): caution from `cautionFrom`, expired from `expiredFrom`. Equal values skip caution. */
export const DaysOnShelfThresholds = z
  .strictObject({ kind: z.literal('days-on-shelf'), cautionFrom: days, expiredFrom: days.min(1) })
  .refine((t) => t.cautionFrom <= t.expiredFrom, { message: 'Caution must start no later than expiry.', path: ['cautionFrom'] });

/** Status by days left to the date: caution while `daysLeft <= cautionWithinDays` (0 = only on the date itself). */
export const DaysBeforeExpiryThresholds = z.strictObject({ kind: z.literal('days-before-expiry'), cautionWithinDays: days });

/**
 * Status by share of shelf life elapsed since production: caution once at least `cautionAtPercent`,
 * expired once at least `expiredAtPercent`. 100 means "pull on the date itself", one day before the date rule.
 */
export const PercentOfShelfLifeThresholds = z
  .strictObject({ kind: z.literal('percent-of-shelf-life'), cautionAtPercent: percent, expiredAtPercent: percent.min(1) })
  .refine((t) => t.cautionAtPercent <= t.expiredAtPercent, {
    message: 'Caution must start no later than expiry.',
    path: ['cautionAtPercent'],
  });

/** A product's freshness rule, one of three styles; stored per product in app data. */
export const FreshnessThresholds = z.discriminatedUnion('kind', [
  DaysOnShelfThresholds,
  DaysBeforeExpiryThresholds,
  PercentOfShelfLifeThresholds,
]);
/** A product's freshness rule, one of three styles. */
export type FreshnessThresholds = z.infer<typeof FreshnessThresholds>;
/** The days-on-shelf style, also the fallback when another style cannot be evaluated. */
export type DaysOnShelfThresholds = z.infer<typeof DaysOnShelfThresholds>;

/** The default rule: 0–2 days on the shelf fresh, 3–4 caution, 5+ expired. */
export const DEFAULT_THRESHOLDS: DaysOnShelfThresholds = Object.freeze({
  kind: 'days-on-shelf',
  cautionFrom: 3,
  expiredFrom: 5,
});

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
export function effectiveExpiryDate(batch: {
  productionDate: string;
  expiryDate?: string | null;
  shelfLifeDays?: number | null;
}): string | null {
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

function byDaysOnShelf(daysOnShelf: number, t: DaysOnShelfThresholds): BatchStatus {
  if (daysOnShelf >= t.expiredFrom) return 'expired';
  return daysOnShelf >= t.cautionFrom ? 'caution' : 'fresh';
}

/**
 * The freshness status of a batch on the shop's current calendar day.
 * A batch past its expiry date is 'expired' whatever the thresholds say. When the chosen style cannot
 * be evaluated (no expiry date for the expiry-based styles, or a zero-length shelf life for the
 * percentage style), the default days-on-shelf rule applies.
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
  return { status: statusByThresholds(input, info), ...info };
}

function statusByThresholds(
  input: BatchStatusInput,
  info: { daysOnShelf: number; expiryDate: string | null; daysLeft: number | null; today: string },
): BatchStatus {
  const t = input.thresholds;
  switch (t.kind) {
    case 'days-on-shelf':
      return byDaysOnShelf(info.daysOnShelf, t);
    case 'days-before-expiry':
      if (info.daysLeft === null) return byDaysOnShelf(info.daysOnShelf, DEFAULT_THRESHOLDS);
      return info.daysLeft <= t.cautionWithinDays ? 'caution' : 'fresh';
    case 'percent-of-shelf-life': {
      const total = info.expiryDate === null ? 0 : daysBetween(input.productionDate, info.expiryDate);
      if (total <= 0) return byDaysOnShelf(info.daysOnShelf, DEFAULT_THRESHOLDS);
      const elapsed = Math.max(0, daysBetween(input.productionDate, info.today));
      // Integer comparison (elapsed / total >= p / 100) so boundaries never depend on float rounding.
      if (elapsed * 100 >= t.expiredAtPercent * total) return 'expired';
      return elapsed * 100 >= t.cautionAtPercent * total ? 'caution' : 'fresh';
    }
  }
}

/** The dates a user enters for a batch. */
export interface BatchDatesInput {
  productionDate: string;
  arrivalDate: string;
  expiryDate?: string | null;
  shelfLifeDays?: number | null;
}

/**
 * Rejects impossible batch dates with `INVALID_INPUT` (one issue per problem, all reported at once):
 * a malformed or non-existent date (2025-02-29), production after today, arrival before production,
 * arrival after today (deliveries are recorded when they arrive: day 0 of the shelf count is the real
 * arrival day), an expiry date before production, a shelf life that is not 0–3650 whole days.
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
  const shelfLife = input.shelfLifeDays;
  if (shelfLife != null && (!Number.isInteger(shelfLife) || shelfLife < 0 || shelfLife > MAX_SHELF_LIFE_DAYS)) {
    add('shelfLifeDays', `Shelf life must be a whole number of days from 0 to ${MAX_SHELF_LIFE_DAYS}.`);
  }
  if (issues.length > 0) {
    throw new AppError('INVALID_INPUT', issues.map((i) => i.message).join(' '), { issues });
  }
}

function checkDate(
  value: string | null | undefined,
  path: string,
  label: string,
  add: (path: string, message: string) => void,
): string | null {
  const problem = isoDateError(value, label);
  if (problem === null && typeof value === 'string') return value;
  add(path, problem ?? `${label} is missing.`);
  return null;
}
