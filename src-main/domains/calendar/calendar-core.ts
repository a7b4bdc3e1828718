import type { Kysely } from 'kysely';
import type { calendarContract } from '../../../src-shared/domains/calendar/calendar.contract';
import type { Calendar } from '../../../src-shared/domains/calendar/calendar.schemas';
import { AppError, notFound } from '../../../src-shared/ipc/result';
import type { Database } from '../../db/database';
import { nowIso } from '../../lib/ids';
import type { DomainContext } from '../../platform/context';
import type { CalendarTable } from './calendar.table';

export type CalendarCtx = DomainContext<typeof calendarContract>;

/** What every part of the calendar module shares: the context, the clock, the viewer's zone and calendar rows. */
export function createCalendarCore(ctx: CalendarCtx) {
  const iso = (): string => nowIso(() => ctx.now());

  async function calendarRow(id: string, db: Kysely<Database> = ctx.db()): Promise<CalendarTable> {
    const row = await db.selectFrom('calendars').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
    if (!row) throw notFound('calendar', id);
    return row;
  }

  /** A calendar the user may write to: subscriptions (the next refresh would undo an edit) and CalDAV calendars gone from their server are read-only. */
  async function writableCalendar(id: string, db: Kysely<Database> = ctx.db()): Promise<CalendarTable> {
    const row = await calendarRow(id, db);
    if (row.read_only) throw new AppError('FORBIDDEN', `"${row.name}" is read-only${row.source === 'subscription' ? ' (a subscription)' : ''}.`);
    return row;
  }

  /** The next FTS document number: given once, never reused (a VACUUM cannot desynchronise the index). */
  async function nextDoc(trx: Kysely<Database>): Promise<number> {
    const r = await trx
      .selectFrom('calendar_events')
      .select((eb) => eb.fn.max<number>('doc').as('m'))
      .executeTakeFirst();
    return Number(r?.m ?? 0) + 1;
  }

  return { ctx, iso, zone: () => ctx.host.systemTimeZone(), calendarRow, writableCalendar, nextDoc };
}
export type CalendarCore = ReturnType<typeof createCalendarCore>;

export function toCalendar(row: CalendarTable, eventCount: number): Calendar {
  return {
    id: row.id,
    name: row.name,
    color: row.color as Calendar['color'],
    visible: row.visible === 1,
    defaultReminderMinutes: row.default_reminder_minutes,
    source: row.source,
    readOnly: row.read_only === 1,
    url: row.url,
    publishPath: row.publish_path,
    refreshMinutes: row.refresh_minutes,
    lastSyncAt: row.last_sync_at,
    lastError: row.last_error,
    eventCount,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
