import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rotate } from './backup-rotation';

/** Rotation (backup-rotation.ts) on random histories: what it keeps, whatever the input order. */
const DAY = 86_400_000;
const START = Date.UTC(2024, 0, 1);

const history = fc
  .uniqueArray(fc.integer({ min: 0, max: 800 * 24 }), { minLength: 1, maxLength: 120 })
  .map((hours) => hours.map((h, i) => ({ id: `b${String(i).padStart(3, '0')}`, createdAt: new Date(START + h * 3_600_000).toISOString() })));
const keep = fc.record({ daily: fc.integer({ min: 0, max: 10 }), weekly: fc.integer({ min: 0, max: 6 }), monthly: fc.integer({ min: 0, max: 14 }) });

describe('backup rotation', () => {
  it('never deletes the newest, is deterministic, and keeps exactly the newest backup of each of the N most recent days, weeks and months', () => {
    fc.assert(
      fc.property(history, keep, fc.integer(), (backups, k, seed) => {
        const { keep: kept, remove } = rotate(backups, k);
        const newest = [...backups].sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1))[0]!;
        expect(kept).toContain(newest);
        expect(kept.length + remove.length).toBe(backups.length);
        // The same answer for the input in another order.
        const shuffled = [...backups].sort((a, b) => ((a.id.charCodeAt(3) * seed) % 7) - ((b.id.charCodeAt(3) * seed) % 7));
        expect(rotate(shuffled, k).keep.map((b) => b.id)).toEqual(kept.map((b) => b.id));
        // The counts: what each rule must keep is the newest backup of its N most recent periods, and nothing else is kept.
        const day = (b: { createdAt: string }) => b.createdAt.slice(0, 10);
        const month = (b: { createdAt: string }) => b.createdAt.slice(0, 7);
        const week = (b: { createdAt: string }) => String(Math.floor((Date.parse(day(b)) - Date.UTC(2023, 11, 25)) / (7 * DAY))); // weeks from a Monday
        const expected = new Set([newest.id]);
        for (const [n, period] of [
          [k.daily, day],
          [k.weekly, week],
          [k.monthly, month],
        ] as const) {
          const newestOf = new Map<string, string>();
          for (const b of [...backups].sort((a, c) => (a.createdAt < c.createdAt ? 1 : -1))) if (!newestOf.has(period(b))) newestOf.set(period(b), b.id);
          [...newestOf.values()].slice(0, n).forEach((id) => expected.add(id));
        }
        expect(new Set(kept.map((b) => b.id))).toEqual(expected);
        expect(kept.length).toBeLessThanOrEqual(1 + k.daily + k.weekly + k.monthly);
      }),
      { numRuns: 300 },
    );
  });
});
