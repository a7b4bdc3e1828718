import { sql } from 'kysely';
import type { z } from 'zod';
import { toFtsQuery } from '../../../src-shared/lib/fts-query';
import { snippetOf } from '../../../src-shared/domains/journal/snippet';
import type {
  EntryPage,
  HeatmapInput,
  ListEntriesInput,
  MediaInput,
  MetricSeriesInput,
  OnThisDayInput,
  SearchHit,
  SearchInput,
} from '../../../src-shared/domains/journal/journal.schemas';
import { AppError } from '../../../src-shared/ipc/result';
import type { JournalCore } from './journal-core';
import { tagsOf, toAttachment, toJournal } from './journal-mapping';
import type { JournalEntryTable } from './journal.table';

/**
 * Search ranks (bm25) the newest this-many matches: enough that every realistic query ranks all its matches,
 * while a word on every page of a 100,000-entry journal costs milliseconds instead of a full scoring pass.
 */
export const SEARCH_CANDIDATES = 2000;

const encodeCursor = (r: JournalEntryTable): string => `${r.entry_at}|${r.id}`;
function decodeCursor(cursor: string): { at: string; id: string } {
  const [at, id] = cursor.split('|');
  if (!at || !id) throw new AppError('INVALID_INPUT', 'That page cursor is not one this app gave out.');
  return { at, id };
}

/** JSON-array tag match, case-insensitive, on the stored array (no tag table to keep in step). */
const hasTag = (tag: string) => sql<boolean>`exists (select 1 from json_each(journal_entries.tags) where lower(json_each.value) = lower(${tag}))`;

/** Reads: the timeline, search, the heat-map, on this day, tags, media and check-in series. */
export function createReads(core: JournalCore) {
  const { ctx } = core;

  async function scope(journalId: string | undefined, includeLocked: boolean): Promise<string[]> {
    if (journalId) return [(await core.assertReadable(journalId)).id];
    return core.readableJournalIds(includeLocked);
  }

  return {
    async list(input: z.output<typeof ListEntriesInput>): Promise<z.input<typeof EntryPage>> {
      const ids = await scope(input.journalId, true);
      if (ids.length === 0) return { entries: [], nextCursor: null };
      let q = ctx
        .db()
        .selectFrom('journal_entries')
        .selectAll()
        .where('journal_id', 'in', ids)
        .where('deleted_at', input.trashed ? 'is not' : 'is', null);
      if (input.tag) q = q.where(hasTag(input.tag));
      if (input.starred !== undefined) q = q.where('starred', '=', input.starred ? 1 : 0);
      if (input.from) q = q.where('entry_date', '>=', input.from);
      if (input.to) q = q.where('entry_date', '<=', input.to);
      if (input.cursor) {
        const c = decodeCursor(input.cursor);
        q = q.where((eb) => eb.or([eb('entry_at', '<', c.at), eb.and([eb('entry_at', '=', c.at), eb('id', '<', c.id)])]));
      }
      const rows = await q
        .orderBy('entry_at', 'desc')
        .orderBy('id', 'desc')
        .limit(input.limit + 1)
        .execute();
      const page = rows.slice(0, input.limit);
      return { entries: await core.summaries(page), nextCursor: rows.length > input.limit ? encodeCursor(page[page.length - 1]!) : null };
    },

    async search(input: z.output<typeof SearchInput>): Promise<z.input<typeof SearchHit>[]> {
      const match = toFtsQuery(input.query);
      if (!match) return [];
      const ids = await scope(input.journalId, input.includeLocked);
      if (ids.length === 0) return [];
      // Two steps. 1: rank the candidates on (doc, rank) only: the newest SEARCH_CANDIDATES matches that pass the
      // filters, walked in doc order (newest written first) so bm25 runs for those rows and no others, and the
      // filters read the covering index `journal_entries_live_by_doc`, not the rows. A common word matches most of
      // a big journal; ranking every match cost ~50 ms per 100,000 (docs/architecture.md#journal). 2: read rows
      // and snippets for the top `limit` only (select-list columns are computed before the sorter, for every row).
      let q = ctx
        .db()
        .selectFrom('journal_fts')
        .innerJoin('journal_entries', 'journal_entries.doc', 'journal_fts.rowid')
        .select('journal_entries.doc')
        // Title matches weigh most, then tags, then the body.
        .select(sql<number>`bm25(journal_fts, 10.0, 1.0, 5.0)`.as('rank'))
        .where(sql<boolean>`journal_fts MATCH ${match}`)
        .where('journal_entries.deleted_at', 'is', null)
        .where('journal_entries.journal_id', 'in', ids);
      if (input.tag) q = q.where(hasTag(input.tag));
      if (input.from) q = q.where('journal_entries.entry_date', '>=', input.from);
      if (input.to) q = q.where('journal_entries.entry_date', '<=', input.to);
      if (input.mood !== undefined) q = q.where('journal_entries.mood', '=', input.mood);
      if (input.hasAttachment !== undefined) {
        const exists = sql<boolean>`exists (select 1 from journal_attachments a where a.entry_id = journal_entries.id and a.deleted_at is null)`;
        q = q.where(input.hasAttachment ? exists : sql<boolean>`not ${exists}`);
      }
      const candidates = q.orderBy(sql`journal_fts.rowid`, 'desc').limit(SEARCH_CANDIDATES);
      const top = await ctx.db().selectFrom(candidates.as('c')).select(['c.doc', 'c.rank']).orderBy('c.rank').limit(input.limit).execute();
      if (top.length === 0) return [];
      const found = await ctx
        .db()
        .selectFrom('journal_entries')
        .selectAll()
        .where(
          'doc',
          'in',
          top.map((t) => t.doc),
        )
        .execute();
      const byDoc = new Map(found.map((r) => [r.doc, r]));
      // In the ranking's order; an entry another process removed between the two reads is skipped, not an error.
      const rows = top.flatMap((t) => {
        const r = byDoc.get(t.doc);
        return r ? [{ ...r, rank: t.rank, snip: snippetOf([r.body, r.title ?? '', tagsOf(r).join(' ')], input.query) }] : [];
      });
      const sums = await core.summaries(rows);
      return rows.map((r, i) => ({ entry: sums[i]!, snippet: r.snip, rank: r.rank }));
    },

    async heatmap(input: z.output<typeof HeatmapInput>) {
      const ids = await scope(input.journalId, true);
      if (ids.length === 0) return [];
      const rows = await ctx
        .db()
        .selectFrom('journal_entries')
        .select(['entry_date', (eb) => eb.fn.countAll<number>().as('n')])
        .where('journal_id', 'in', ids)
        .where('deleted_at', 'is', null)
        .where('entry_date', '>=', input.from)
        .where('entry_date', '<=', input.to)
        .groupBy('entry_date')
        .orderBy('entry_date')
        .execute();
      return rows.map((r) => ({ date: r.entry_date, count: Number(r.n) }));
    },

    async onThisDay(input: z.output<typeof OnThisDayInput>) {
      const ids = await scope(undefined, input.includeLocked);
      if (ids.length === 0) return [];
      const rows = await ctx
        .db()
        .selectFrom('journal_entries')
        .selectAll()
        .where('journal_id', 'in', ids)
        .where('deleted_at', 'is', null)
        .where(sql<boolean>`substr(entry_date, 6) = ${input.date.slice(5)}`)
        .where('entry_date', '<', `${input.date.slice(0, 4)}-01-01`)
        .orderBy('entry_at', 'desc')
        .limit(200)
        .execute();
      return core.summaries(rows);
    },

    async tags() {
      const ids = await scope(undefined, true);
      if (ids.length === 0) return [];
      const rows = await ctx
        .db()
        .selectFrom('journal_entries')
        .select('tags')
        .where('journal_id', 'in', ids)
        .where('deleted_at', 'is', null)
        .where('tags', '!=', '[]')
        .orderBy('entry_at')
        .execute();
      const counts = new Map<string, { tag: string; count: number }>();
      for (const r of rows) {
        for (const t of tagsOf(r)) {
          const k = t.toLocaleLowerCase();
          const c = counts.get(k) ?? { tag: t, count: 0 };
          c.count++;
          counts.set(k, c);
        }
      }
      return [...counts.values()].sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag));
    },

    async media(input: z.output<typeof MediaInput>) {
      const ids = await scope(input.journalId, true);
      if (ids.length === 0) return [];
      const rows = await ctx
        .db()
        .selectFrom('journal_attachments as a')
        .innerJoin('journal_entries as e', 'e.id', 'a.entry_id')
        .selectAll('a')
        .select(['e.entry_date'])
        .where('e.journal_id', 'in', ids)
        .where('e.deleted_at', 'is', null)
        .where('a.deleted_at', 'is', null)
        .orderBy('e.entry_at', 'desc')
        .orderBy('a.position')
        .limit(input.limit)
        .execute();
      return rows.map((r) => ({ entryId: r.entry_id, entryDate: r.entry_date, attachment: toAttachment(r) }));
    },

    async metrics(input: z.output<typeof MetricSeriesInput>) {
      const j = await core.assertReadable(input.journalId);
      let q = ctx
        .db()
        .selectFrom('journal_entries')
        .select(['id', 'entry_date', 'mood', 'metrics'])
        .where('journal_id', '=', j.id)
        .where('deleted_at', 'is', null);
      if (input.from) q = q.where('entry_date', '>=', input.from);
      if (input.to) q = q.where('entry_date', '<=', input.to);
      const rows = await q.orderBy('entry_at').execute();
      const points = rows
        .map((r) => ({ date: r.entry_date, entryId: r.id, mood: r.mood, values: JSON.parse(r.metrics) as Record<string, number | boolean> }))
        .filter((p) => p.mood !== null || Object.keys(p.values).length > 0);
      return { metrics: toJournal(j, 0, true).metrics, points };
    },
  };
}
