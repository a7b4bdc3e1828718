import { z } from 'zod';
import type { WeeklyReview } from '../../../src-shared/domains/goals/goals.schemas';
import { addDays, isoWeek, startOfDayIn, startOfIsoWeek } from '../../../src-shared/lib/local-date';
import { standingCompletions } from './goals-analytics-history';
import { habitKeeping } from './goals-analytics-habits';
import type { GoalsCore } from './goals-core';
import { reviewMarkdown, reviewTitle } from './goals-analytics-review';

type Review = z.output<typeof WeeklyReview>;

/**
 * The weekly review: the ISO week (Monday to Sunday, in the system zone) holding `weekOf`, from the week's data, and
 * saving it as a journal entry through the journal's own ops (`host.app().journal`), so the journal's rules (privacy,
 * search index, versions) apply to it like to any entry.
 */
export function createReview(core: GoalsCore) {
  async function weekly(weekOf?: string): Promise<Review> {
    const db = core.ctx.db();
    const zone = core.zone();
    const today = core.today();
    const weekStart = startOfIsoWeek(weekOf ?? today);
    const weekEnd = addDays(weekStart, 6);
    const from = new Date(startOfDayIn(zone, weekStart)).toISOString();
    const to = new Date(startOfDayIn(zone, addDays(weekEnd, 1))).toISOString();

    const completions = await standingCompletions(db, { touched: { from, to } });
    const done = [...completions.values()].flat().filter((c) => c.at >= from && c.at < to);
    const titles = new Map<string, string>();
    if (done.length) {
      const ids = [...new Set(done.map((c) => c.taskId))];
      for (let i = 0; i < ids.length; i += 500) {
        const rows = await db
          .selectFrom('tasks')
          .select(['id', 'title'])
          .where('id', 'in', ids.slice(i, i + 500))
          .where('deleted_at', 'is', null)
          .execute();
        for (const r of rows) titles.set(r.id, r.title);
      }
    }
    const tasksDone = done
      .filter((c) => titles.has(c.taskId))
      .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0))
      .map((c) => ({ taskId: c.taskId, title: titles.get(c.taskId)!, at: c.at }));

    const habits = (await habitKeeping(db, weekStart, weekEnd, today)).map((h) => ({ habitId: h.habitId, title: h.title, kept: h.kept, due: h.due }));
    const keyResultChanges = await keyResultChangesIn(core, from, to);
    // Titles of the week's entries through the journal's own ops (its privacy rules apply; goals never reads its
    // tables), and never of a locked journal's even when it is open now, nor of anything in the trash.
    const journalEntries = await weekEntries(weekStart, weekEnd);
    const review = { weekStart, weekEnd, tasksDone, habits, keyResultChanges, journalEntries };
    return { ...review, markdown: reviewMarkdown(review, zone) };
  }

  /** The week's journal entries (newest first from the journal, returned oldest first), at most 200 × 5 pages. */
  async function weekEntries(weekStart: string, weekEnd: string): Promise<Review['journalEntries']> {
    const journal = core.ctx.host.app().journal;
    const normal = new Set((await journal.listJournals()).filter((j) => j.privacy === 'normal').map((j) => j.id));
    const out: Review['journalEntries'] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 5; page++) {
      const got = await journal.list({ from: weekStart, to: weekEnd, limit: 200, ...(cursor ? { cursor } : {}) });
      for (const e of got.entries) if (normal.has(e.journalId)) out.push({ id: e.id, title: e.title?.trim() || 'Untitled', date: e.entryDate });
      if (!got.nextCursor) break;
      cursor = got.nextCursor;
    }
    return out.reverse();
  }

  /** The key results that got a value during the week: from the value before the week (or its first in it) to its last. */
  async function keyResultChangesIn(c: GoalsCore, from: string, to: string): Promise<Review['keyResultChanges']> {
    const db = c.ctx.db();
    const touched = db.selectFrom('key_result_log').select('key_result_id').where('at', '>=', from).where('at', '<', to);
    const rows = await db
      .selectFrom('key_result_log as l')
      .innerJoin('key_results as k', 'k.id', 'l.key_result_id')
      .innerJoin('goals as g', 'g.id', 'k.goal_id')
      .select(['l.key_result_id', 'l.at', 'l.value', 'k.title', 'k.unit', 'g.title as goal_title'])
      .where('l.key_result_id', 'in', touched)
      .where('l.at', '<', to)
      .where('k.deleted_at', 'is', null)
      .where('g.deleted_at', 'is', null)
      .orderBy('g.sort_order')
      .orderBy('k.sort_order')
      .orderBy('l.key_result_id')
      .orderBy('l.at')
      .orderBy('l.id')
      .execute();
    const out = new Map<string, Review['keyResultChanges'][number]>();
    for (const r of rows) {
      const seen = out.get(r.key_result_id);
      if (!seen) out.set(r.key_result_id, { keyResultId: r.key_result_id, goalTitle: r.goal_title, title: r.title, from: r.value, to: r.value, unit: r.unit });
      else if (r.at < from) seen.from = seen.to = r.value;
      else seen.to = r.value;
    }
    // A key result only created this week (its first value logged, never changed) did not move.
    return [...out.values()].filter((k) => k.from !== k.to);
  }

  async function save(input: { weekOf?: string; journalId?: string }): Promise<{ entryId: string; journalId: string }> {
    const journal = core.ctx.host.app().journal;
    let journalId = input.journalId;
    if (!journalId) {
      const normal = (await journal.listJournals()).find((j) => j.privacy === 'normal');
      journalId = normal ? normal.id : (await journal.createJournal({ name: 'Journal' })).id;
    }
    const review = await weekly(input.weekOf);
    const zone = core.zone();
    // A past week's review is dated on its Sunday evening; this week's (or a later one's) now.
    const sunday = startOfDayIn(zone, review.weekEnd) + 20 * 3_600_000;
    const entryAt = new Date(Math.min(sunday, core.ctx.now())).toISOString();
    const { year, week } = isoWeek(review.weekStart);
    const entry = await journal.create({ journalId, title: reviewTitle(year, week), body: review.markdown, entryAt, timeZone: zone, tags: ['weekly-review'] });
    return { entryId: entry.id, journalId };
  }

  return { weekly, save };
}
