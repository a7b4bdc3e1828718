import { z } from 'zod';

/**
 * A product's ONE freshness rule, stated on the product (issue 7):
 * - the date rule (`days-before-expiry`), for goods with a use-by or best-before date (printed on the
 *   pack or worked out from a shelf life): fresh until the "sell soon" window before the date, then
 *   caution, expired from the day after the date;
 * - the shelf-age rule (`days-on-shelf`), for goods without a printed date: caution and expired after
 *   so many days since arrival.
 * Whatever the rule, a batch that carries a date is never expired before it and never fresh after it.
 */

/** Longest shelf life or threshold accepted, in days (ten years covers tins and preserves). */
export const MAX_SHELF_LIFE_DAYS = 3650;

const days = z.number().int().min(0).max(MAX_SHELF_LIFE_DAYS);

/** Shelf-age rule, by days since arrival (arrival day = day 0): caution from `cautionFrom`, expired from `expiredFrom`. Equal values skip caution. */
export const DaysOnShelfThresholds = z
  .strictObject({ kind: z.literal('days-on-shelf'), cautionFrom: days, expiredFrom: days.min(1) })
  .refine((t) => t.cautionFrom <= t.expiredFrom, { message: 'Caution must start no later than expiry.', path: ['cautionFrom'] });

/** Date rule: "sell soon" (caution) while `daysLeft <= cautionWithinDays` (0 = only on the date itself). */
export const DaysBeforeExpiryThresholds = z.strictObject({ kind: z.literal('days-before-expiry'), cautionWithinDays: days });

/** A product's freshness rule: the date rule or the shelf-age rule; stored per product in app data. */
export const FreshnessThresholds = z.discriminatedUnion('kind', [DaysOnShelfThresholds, DaysBeforeExpiryThresholds]);
/** A product's freshness rule. */
export type FreshnessThresholds = z.infer<typeof FreshnessThresholds>;
/** The shelf-age rule. */
export type DaysOnShelfThresholds = z.infer<typeof DaysOnShelfThresholds>;
/** The date rule. */
export type DaysBeforeExpiryThresholds = z.infer<typeof DaysBeforeExpiryThresholds>;

/** The usual shelf-age rule: 0–2 days on the shelf fresh, 3–4 caution, 5+ expired. */
export const DEFAULT_THRESHOLDS: DaysOnShelfThresholds = Object.freeze({ kind: 'days-on-shelf', cautionFrom: 3, expiredFrom: 5 });

/** The usual date rule: sell soon within 2 days of the date. */
export const DEFAULT_DATE_RULE: DaysBeforeExpiryThresholds = Object.freeze({ kind: 'days-before-expiry', cautionWithinDays: 2 });

/** Whether the rule goes by the date on the pack. */
export const isDateRule = (t: FreshnessThresholds): t is DaysBeforeExpiryThresholds => t.kind === 'days-before-expiry';

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The rule in words, for lists, CSV previews and the CLI. */
export function describeRule(t: FreshnessThresholds): string {
  if (isDateRule(t))
    return t.cautionWithinDays === 0 ? 'by the date; sell soon on the date itself' : `by the date; sell soon within ${plural(t.cautionWithinDays, 'day')}`;
  return `by days on the shelf; caution from day ${t.cautionFrom}, expired from day ${t.expiredFrom}`;
}

/** The status by the rule alone, for a batch that is not past its date (the caller handles that). */
export function statusByRule(t: FreshnessThresholds, daysOnShelf: number, daysLeft: number | null): 'fresh' | 'caution' | 'expired' {
  // Without a date the date rule cannot say "fresh": ask to check the pack (new batches must carry one).
  if (isDateRule(t)) return daysLeft === null || daysLeft <= t.cautionWithinDays ? 'caution' : 'fresh';
  const byAge = daysOnShelf >= t.expiredFrom ? 'expired' : daysOnShelf >= t.cautionFrom ? 'caution' : 'fresh';
  // A dated batch is never expired before its date: shelf age can only ask to sell it soon.
  return byAge === 'expired' && daysLeft !== null ? 'caution' : byAge;
}
