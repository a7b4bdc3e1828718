import type { z } from 'zod';
import type { ShopClock } from '../../../src-shared/domains/batches/batch-status';
import type {
  BatchList,
  BatchSort,
  BatchSummary,
  ExpiryEvent,
  ExpiryEventsInput,
  ListBatchesInput,
  WasteLogInput,
  WasteRow,
} from '../../../src-shared/domains/batches/batches.schemas';
import { sellFirst } from '../../../src-shared/domains/batches/fefo';
import { addDays, daysBetween, todayIn } from '../../../src-shared/lib/local-date';
import { dateLabel } from '../../../src-shared/domains/batches/qr-payload';
import { AppError } from '../../../src-shared/ipc/result';
import type { BatchesContext } from './batches-context';
import { createDashboard } from './batches-dashboard';
import { roundQty, toBatchSummary, type StatusMemo } from './batches-mapping';
import { batchesRepository as repo } from './batches.repository';

/** Longest calendar range the overlay asks for at once. */
const MAX_EVENT_RANGE_DAYS = 400;

/** The ISO 8601 week of a calendar date: weeks start on Monday, week 1 holds the year's first Thursday. */
export function isoWeek(date: string): { week: string; weekStart: string } {
  const dayOfWeek = (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday = 0
  const weekStart = addDays(date, -dayOfWeek);
  const isoYear = Number(addDays(weekStart, 3).slice(0, 4));
  const jan4 = `${isoYear}-01-04`;
  const week1Start = addDays(jan4, -((new Date(`${jan4}T00:00:00Z`).getUTCDay() + 6) % 7));
  const week = Math.floor(daysBetween(week1Start, weekStart) / 7) + 1;
  return { week: `${isoYear}-W${String(week).padStart(2, '0')}`, weekStart };
}

/**
 * The calendar hook, pure: one event per active batch whose use-by/best-before date falls in
 * [from, to], soonest first. The calendar module gets it through bootstrap (domains never import each other).
 */
export function batchExpiryEvents(batches: readonly BatchSummary[], { from, to }: { from: string; to: string }): ExpiryEvent[] {
  const span = daysBetween(from, to);
  if (span < 0) throw new AppError('INVALID_INPUT', 'The range ends before it starts.');
  if (span > MAX_EVENT_RANGE_DAYS) throw new AppError('INVALID_INPUT', `Ask for at most ${MAX_EVENT_RANGE_DAYS} days at a time.`);
  return sellFirst(batches)
    .filter((b) => b.expiryDate !== null && b.expiryDate >= from && b.expiryDate <= to)
    .map((b) => ({ batchId: b.id, date: b.expiryDate as string, title: `${dateLabel(b.dateType)}: ${b.productName} (lot ${b.lot})` }));
}

const STATUS_RANK = { expired: 0, caution: 1, fresh: 2 } as const;
const byText = (a: string, b: string): number => a.localeCompare(b, undefined, { sensitivity: 'base', numeric: true });
/** Unknown dates sort last. */
const byDate = (a: string | null, b: string | null): number => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1);

const COMPARATORS: Record<BatchSort, (a: BatchSummary, b: BatchSummary) => number> = {
  fefo: (a, b) => byDate(a.expiryDate, b.expiryDate) || byDate(a.arrivalDate, b.arrivalDate),
  expiry: (a, b) => byDate(a.expiryDate, b.expiryDate),
  arrival: (a, b) => byDate(a.arrivalDate, b.arrivalDate),
  product: (a, b) => byText(a.productName, b.productName) || byText(a.lot, b.lot),
  lot: (a, b) => byText(a.lot, b.lot),
  status: (a, b) => STATUS_RANK[a.status] - STATUS_RANK[b.status] || byDate(a.expiryDate, b.expiryDate),
  remaining: (a, b) => a.remaining - b.remaining,
};

function matches(b: BatchSummary, input: z.output<typeof ListBatchesInput>): boolean {
  if (input.status.length > 0 && !input.status.includes(b.status)) return false;
  if (input.supplier !== undefined && b.supplier !== input.supplier) return false;
  if (input.location !== undefined && b.location !== input.location) return false;
  const q = input.query.trim().toLowerCase();
  return q === '' || [b.lot, b.productName, b.supplier, b.location].some((v) => v.toLowerCase().includes(q));
}

/** Lists, the dashboard, the waste log and the calendar hook: read-only views computed for the shop's today. */
export function createViewsService(ctx: BatchesContext) {
  async function activeSummaries(clock: ShopClock): Promise<BatchSummary[]> {
    const memo: StatusMemo = new Map();
    return (await repo.listBatches(ctx.db(), { includeInactive: false })).map((r) => toBatchSummary(r, clock, memo));
  }

  return {
    async list(input: z.output<typeof ListBatchesInput>): Promise<BatchList> {
      const clock = await ctx.clock();
      const rows = await repo.listBatches(ctx.db(), { includeInactive: input.includeInactive, productId: input.productId });
      const compare = COMPARATORS[input.sort];
      const memo: StatusMemo = new Map();
      const found = rows
        .map((r) => toBatchSummary(r, clock, memo))
        .filter((b) => matches(b, input))
        .sort((a, b) => (input.descending ? -1 : 1) * compare(a, b) || (a.id < b.id ? -1 : 1));
      const facets = await repo.facets(ctx.db());
      return { items: found.slice(0, input.limit), total: found.length, today: todayIn(clock.timeZone, clock.nowMs), ...facets };
    },

    /** Counts and lists for the shelf (see batches-dashboard.ts). */
    dashboard: createDashboard(ctx),

    async wasteLog(input: z.output<typeof WasteLogInput>): Promise<WasteRow[]> {
      const rows = await repo.discarded(ctx.db(), input);
      const groups = new Map<string, WasteRow>();
      for (const r of rows) {
        const { week, weekStart } = isoWeek(r.day);
        const key = `${week}\u0000${r.product_id}\u0000${r.unit}`;
        let g = groups.get(key);
        if (!g) {
          g = {
            week,
            weekStart,
            productId: r.product_id,
            productName: r.product_name,
            unit: r.unit,
            quantity: 0,
            movements: 0,
            byReason: { expired: 0, damaged: 0, recall: 0, other: 0 },
          };
          groups.set(key, g);
        }
        g.quantity = roundQty(g.quantity + r.quantity);
        g.movements += 1;
        if (r.reason) g.byReason[r.reason] = roundQty(g.byReason[r.reason] + r.quantity);
      }
      return [...groups.values()].sort((a, b) => (a.week === b.week ? byText(a.productName, b.productName) : a.week < b.week ? 1 : -1));
    },

    /** The calendar hook (see `batchExpiryEvents`). */
    async expiryEvents(range: z.output<typeof ExpiryEventsInput>): Promise<ExpiryEvent[]> {
      return batchExpiryEvents(await activeSummaries(await ctx.clock()), range);
    },
  };
}
