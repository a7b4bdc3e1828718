import type { z } from 'zod';
import type { CalendarInput, UpdateCalendarInput } from '../../../src-shared/domains/calendar/calendar.schemas';
import type { Calendar } from '../../../src-shared/domains/calendar/calendar.schemas';
import { AppError } from '../../../src-shared/ipc/result';
import { newId } from '../../lib/ids';
import { toCalendar, type CalendarCore } from './calendar-core';
import { checkPublishPath } from './calendar-publish';
import type { CalendarTable } from './calendar.table';

/** Calendars: list, create, edit (colour, visibility, default reminder, publish path), delete with their events. */
export function createCalendars(core: CalendarCore) {
  const { ctx } = core;

  async function counts(): Promise<Map<string, number>> {
    const rows = await ctx
      .db()
      .selectFrom('calendar_events')
      .select(['calendar_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('deleted_at', 'is', null)
      .where('recurrence_key', '=', '')
      .groupBy('calendar_id')
      .execute();
    return new Map(rows.map((r) => [r.calendar_id, Number(r.n)]));
  }

  async function view(row: CalendarTable): Promise<Calendar> {
    return toCalendar(row, (await counts()).get(row.id) ?? 0);
  }

  async function list(): Promise<Calendar[]> {
    const rows = await ctx.db().selectFrom('calendars').selectAll().where('deleted_at', 'is', null).orderBy('created_at').orderBy('id').execute();
    const n = await counts();
    return rows.map((r) => toCalendar(r, n.get(r.id) ?? 0));
  }

  /** Inserts a calendar row (imports, subscriptions and CalDAV add their own columns). */
  async function insert(fields: Partial<CalendarTable> & Pick<CalendarTable, 'name' | 'color' | 'source'>): Promise<CalendarTable> {
    const at = core.iso();
    const row: CalendarTable = {
      id: newId(),
      visible: 1,
      default_reminder_minutes: null,
      read_only: 0,
      url: null,
      publish_path: null,
      refresh_minutes: null,
      etag: null,
      last_modified: null,
      caldav_account_id: null,
      ctag: null,
      sync_token: null,
      last_sync_at: null,
      last_error: null,
      calendar_props: '[]',
      created_at: at,
      updated_at: at,
      deleted_at: null,
      ...fields,
    };
    await ctx.write((trx) => trx.insertInto('calendars').values(row).execute());
    return row;
  }

  async function create(input: z.output<typeof CalendarInput>): Promise<Calendar> {
    const row = await insert({ name: input.name, color: input.color, source: 'local', default_reminder_minutes: input.defaultReminderMinutes });
    return view(row);
  }

  async function update(input: z.output<typeof UpdateCalendarInput>): Promise<Calendar> {
    const row = await core.calendarRow(input.id);
    const patch: Partial<CalendarTable> = { updated_at: core.iso() };
    if (input.name !== undefined) patch.name = input.name;
    if (input.color !== undefined) patch.color = input.color;
    if (input.visible !== undefined) patch.visible = input.visible ? 1 : 0;
    if (input.defaultReminderMinutes !== undefined) patch.default_reminder_minutes = input.defaultReminderMinutes;
    if (input.refreshMinutes !== undefined) {
      if (row.source !== 'subscription') throw new AppError('INVALID_INPUT', 'Only a subscription has a refresh period.');
      patch.refresh_minutes = input.refreshMinutes;
    }
    if (input.publishPath !== undefined) patch.publish_path = input.publishPath ? await checkPublishPath(input.publishPath) : null;
    await ctx.write((trx) => trx.updateTable('calendars').set(patch).where('id', '=', row.id).execute());
    return view(await core.calendarRow(row.id));
  }

  /** Deletes the calendar and its events, reminders and conflicts (a CalDAV calendar only here, never on the server). */
  async function remove(id: string): Promise<Calendar> {
    const row = await core.calendarRow(id);
    const before = await view(row);
    await ctx.write(async (trx) => {
      const events = trx.selectFrom('calendar_events').select('id').where('calendar_id', '=', id);
      await trx.deleteFrom('calendar_reminders').where('event_id', 'in', events).execute();
      await trx.deleteFrom('calendar_conflicts').where('calendar_id', '=', id).execute();
      await trx.deleteFrom('calendar_events').where('calendar_id', '=', id).execute();
      // A CalDAV calendar stays as a deleted row, so the next sync knows not to bring it back (removing the account removes it).
      if (row.source === 'caldav') await trx.updateTable('calendars').set({ deleted_at: core.iso(), updated_at: core.iso() }).where('id', '=', id).execute();
      else await trx.deleteFrom('calendars').where('id', '=', id).execute();
    });
    return before;
  }

  return { list, view, insert, create, update, remove };
}
export type CalendarsPart = ReturnType<typeof createCalendars>;
