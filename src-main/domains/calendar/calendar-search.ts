import { sql } from 'kysely';
import type { z } from 'zod';
import type { SearchHit, SearchInput } from '../../../src-shared/domains/calendar/calendar.schemas';
import { toFtsQuery } from '../../../src-shared/lib/fts-query';
import type { CalendarCore } from './calendar-core';
import type { SeriesStore } from './calendar-series';
import type { CalendarEventTable } from './calendar.table';

/** Search over title, location and description with the FTS5 index inside the encrypted database. */
export function createSearch(core: CalendarCore, series: SeriesStore) {
  const { ctx } = core;

  /** The next instance from now (or the last one when the series is over), for the result line. */
  async function when(row: CalendarEventTable): Promise<string | null> {
    if (row.kind === 'task') return row.due_ms === null ? null : new Date(row.due_ms).toISOString();
    const p = await series.parsed(row);
    const now = ctx.now();
    const next = await series.instances(p, { fromMs: now, toMs: now + 5 * 366 * 86_400_000 }, core.zone(), 1);
    if (next[0]) return new Date(next[0].startMs).toISOString();
    const past = await series.instances(p, { fromMs: row.start_ms ?? now - 1, toMs: now }, core.zone(), 10_000);
    const last = past[past.length - 1];
    return last ? new Date(last.startMs).toISOString() : row.start_ms === null ? null : new Date(row.start_ms).toISOString();
  }

  async function search(input: z.output<typeof SearchInput>): Promise<z.input<typeof SearchHit>[]> {
    const match = toFtsQuery(input.query);
    if (!match) return [];
    const { rows } = await sql<CalendarEventTable & { snip: string }>`
      SELECT e.*, snippet(calendar_fts, -1, '', '', '…', 12) AS snip
      FROM calendar_fts JOIN calendar_events e ON e.doc = calendar_fts.rowid
      JOIN calendars c ON c.id = e.calendar_id AND c.deleted_at IS NULL
      WHERE calendar_fts MATCH ${match} AND e.deleted_at IS NULL AND e.recurrence_key = ''
      ORDER BY rank LIMIT ${input.limit}`.execute(ctx.db());
    const hits: z.input<typeof SearchHit>[] = [];
    for (const r of rows) {
      hits.push({
        eventId: r.id,
        calendarId: r.calendar_id,
        title: r.summary,
        location: r.location,
        snippet: r.snip,
        start: await when(r),
        recurring: r.recurring === 1,
        kind: r.kind,
      });
    }
    return hits;
  }

  return { search };
}
