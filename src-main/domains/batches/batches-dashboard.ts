import type { z } from 'zod';
import type { BatchStatusInfo } from '../../../src-shared/domains/batches/batch-status';
import type { BatchSummary, Dashboard, DashboardInput } from '../../../src-shared/domains/batches/batches.schemas';
import { sellFirst, type FefoBatch } from '../../../src-shared/domains/batches/fefo';
import { todayIn } from '../../../src-shared/lib/local-date';
import type { BatchesContext } from './batches-context';
import { statusOf, toBatchSummary, type StatusMemo } from './batches-mapping';
import { batchesRepository as repo, type BatchStatusGroupRow } from './batches.repository';

/**
 * The dashboard over a shelf of any size (issue 13: 100,000 batches in < 200 ms). SQL groups the batches
 * on the shelf by everything the status rule reads (an index-only GROUP BY), the shared rule runs once per
 * group, the counts are sums of group sizes, and only the groups that can reach a list are opened for
 * their ids. The result is the one a status computed for every batch and `sellFirst` over them would give.
 */

/** Most batches named in each dashboard list; the counts are always complete. */
export const DASHBOARD_LIST_MAX = 50;

/** A status group with its computed status; `id` is empty so `sellFirst` orders groups by expiry, then arrival. */
interface Group extends FefoBatch {
  row: BatchStatusGroupRow;
  info: BatchStatusInfo;
}

/** A batch of a group: what `sellFirst` needs to order the candidates of a list. */
type Candidate = FefoBatch;

/**
 * The groups that hold the first `limit` batches in FEFO order: groups in (expiry, arrival) order until
 * they hold `limit` batches, plus every group tied with the last one taken (ties are broken by batch id).
 */
function leadingGroups(ordered: readonly Group[], limit: number): Group[] {
  const taken: Group[] = [];
  let count = 0;
  for (const g of ordered) {
    const last = taken[taken.length - 1];
    const tied = last !== undefined && last.expiryDate === g.expiryDate && last.arrivalDate === g.arrivalDate;
    if (count >= limit && !tied) break;
    taken.push(g);
    count += g.row.n;
  }
  return taken;
}

export function createDashboard(ctx: BatchesContext) {
  return async function dashboard(input: z.output<typeof DashboardInput>): Promise<Dashboard> {
    const clock = await ctx.clock();
    const db = ctx.db();
    const memo: StatusMemo = new Map();
    const groups = (await repo.activeStatusGroups(db)).map((row): Group => {
      const info = statusOf(row, clock, memo);
      return { id: '', productId: row.product_id, arrivalDate: row.arrival_date, expiryDate: info.expiryDate, row, info };
    });
    const ordered = sellFirst(groups);
    const counts = { fresh: 0, caution: 0, expired: 0, active: 0 };
    for (const g of groups) {
      counts[g.info.status] += g.row.n;
      counts.active += g.row.n;
    }
    const fetchLimit = Math.max(DASHBOARD_LIST_MAX, input.sellFirstLimit);
    const idsOf = new Map<Group, Promise<string[]>>();
    /** The first `limit` batches in FEFO order among the groups that pass `keep`, and how many pass in all. */
    async function list(keep: (g: Group) => boolean, limit: number): Promise<{ ids: string[]; total: number }> {
      const kept = ordered.filter(keep);
      const candidates: Candidate[] = [];
      for (const g of leadingGroups(kept, limit)) {
        let ids = idsOf.get(g);
        if (!ids) idsOf.set(g, (ids = repo.activeIdsInGroup(db, g.row, fetchLimit)));
        for (const id of await ids) candidates.push({ id, productId: g.productId, arrivalDate: g.arrivalDate, expiryDate: g.expiryDate });
      }
      const ids = sellFirst(candidates)
        .slice(0, limit)
        .map((c) => c.id);
      return { ids, total: kept.reduce((sum, g) => sum + g.row.n, 0) };
    }
    const today = await list((g) => g.info.daysLeft === 0, DASHBOARD_LIST_MAX);
    const tomorrow = await list((g) => g.info.daysLeft === 1, DASHBOARD_LIST_MAX);
    const sell = await list((g) => g.info.status !== 'expired', input.sellFirstLimit);
    const mustGo = await list((g) => g.info.status === 'expired', DASHBOARD_LIST_MAX);

    const wanted = [...new Set([today, tomorrow, sell, mustGo].flatMap((l) => l.ids))];
    const full = new Map((await repo.getBatches(db, wanted)).map((r) => [r.id, toBatchSummary(r, clock, memo)]));
    const summaries = (l: { ids: string[] }): BatchSummary[] => l.ids.map((id) => full.get(id)).filter((b): b is BatchSummary => b !== undefined);
    return {
      today: todayIn(clock.timeZone, clock.nowMs),
      timeZone: clock.timeZone,
      counts,
      expiringToday: summaries(today),
      expiringTodayCount: today.total,
      expiringTomorrow: summaries(tomorrow),
      expiringTomorrowCount: tomorrow.total,
      sellFirst: summaries(sell),
      mustGo: summaries(mustGo),
    };
  };
}
