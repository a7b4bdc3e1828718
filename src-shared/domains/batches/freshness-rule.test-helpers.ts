/**
 * Test-only fast-check arbitraries for the freshness rule (issue 7): random products, batch dates,
 * instants and shop time zones, shared by the pure property test and the app-wide agreement test.
 */
import fc from 'fast-check';
import type { BatchStatusInput } from './batch-status';
import type { FreshnessThresholds } from './freshness-rule';
import { addDays, todayIn } from '../../lib/local-date';

export const ZONES = [
  'UTC',
  'Europe/London',
  'Europe/Berlin',
  'America/Los_Angeles',
  'America/St_Johns',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Pacific/Auckland',
  'Pacific/Kiritimati',
  'Pacific/Pago_Pago',
];
const FROM = Date.UTC(2026, 0, 1);
const TO = Date.UTC(2029, 0, 1);

export const ruleArb: fc.Arbitrary<FreshnessThresholds> = fc.oneof(
  fc.integer({ min: 0, max: 10 }).map((w) => ({ kind: 'days-before-expiry' as const, cautionWithinDays: w })),
  fc
    .tuple(fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 10 }))
    .map(([c, extra]) => ({ kind: 'days-on-shelf' as const, cautionFrom: c, expiredFrom: Math.max(1, c + extra) })),
);

/** A batch whose dates are valid on the shop's today: production ≤ arrival ≤ today, expiry ≥ production. */
export const caseArb = fc.record({
  nowMs: fc.integer({ min: FROM, max: TO }),
  timeZone: fc.constantFrom(...ZONES),
  rule: ruleArb,
  dateType: fc.constantFrom('use-by' as const, 'best-before' as const),
  shelfLifeDays: fc.option(fc.integer({ min: 0, max: 40 }), { nil: null }),
  producedDaysAgo: fc.integer({ min: 0, max: 40 }),
  arrivedAfterProduction: fc.integer({ min: 0, max: 40 }),
  expiryAfterProduction: fc.option(fc.integer({ min: 0, max: 60 }), { nil: null }),
});
export type Case = typeof caseArb extends fc.Arbitrary<infer T> ? T : never;

/** The case's batch on its shop's today. */
export function batchOf(c: Case): { today: string; input: BatchStatusInput } {
  const today = todayIn(c.timeZone, c.nowMs);
  const productionDate = addDays(today, -c.producedDaysAgo);
  const arrivalDate = addDays(productionDate, Math.min(c.arrivedAfterProduction, c.producedDaysAgo));
  const expiryDate = c.expiryAfterProduction === null ? null : addDays(productionDate, c.expiryAfterProduction);
  return { today, input: { productionDate, arrivalDate, expiryDate, shelfLifeDays: c.shelfLifeDays, dateType: c.dateType, thresholds: c.rule } };
}
