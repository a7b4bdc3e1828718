import type { z } from 'zod';
import type { ListTasksInput, Task, TaskInput, UpdateTaskInput } from '../../../src-shared/domains/calendar/calendar.schemas';
import { notFound } from '../../../src-shared/ipc/result';
import { newId } from '../../lib/ids';
import type { CalendarCore } from './calendar-core';
import { toEventTime, toWhen } from './calendar-mapping';
import type { SeriesStore } from './calendar-series';
import type { CalendarEventTable } from './calendar.table';
import { componentText, parseComponent, setProp, type Component } from './ics/component';
import { escapeText } from './ics/content-line';
import { stamp, utcStamp, whenLine } from './ics/patch';

/**
 * Tasks as iCalendar VTODOs (due, completed, priority), stored like events so they travel through ICS and CalDAV. The
 * goals module will share them (issue 11); here they show as a list and as an overlay of due dates.
 */
export function createTasks(core: CalendarCore, series: SeriesStore) {
  const { ctx } = core;

  async function taskRow(id: string): Promise<CalendarEventTable> {
    const row = await ctx.db().selectFrom('calendar_events').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
    if (!row || row.kind !== 'task') throw notFound('task', id);
    return row;
  }

  async function view(row: CalendarEventTable): Promise<Task> {
    const p = await series.parsed(row);
    const cal = await core.calendarRow(row.calendar_id);
    return {
      id: row.id,
      calendarId: row.calendar_id,
      uid: row.uid,
      title: p.fields.summary,
      notes: p.fields.description,
      due: p.fields.due ? toEventTime(p.fields.due) : null,
      dueAt: row.due_ms === null ? null : new Date(row.due_ms).toISOString(),
      completed: row.completed_at !== null || p.fields.status === 'COMPLETED',
      completedAt: row.completed_at,
      priority: Math.max(0, Math.min(9, p.fields.priority || 0)),
      readOnly: cal.read_only === 1,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
  }

  async function list(input: z.output<typeof ListTasksInput>): Promise<Task[]> {
    let q = ctx
      .db()
      .selectFrom('calendar_events')
      .innerJoin('calendars', 'calendars.id', 'calendar_events.calendar_id')
      .selectAll('calendar_events')
      .where('calendar_events.kind', '=', 'task')
      .where('calendar_events.deleted_at', 'is', null)
      .where('calendars.deleted_at', 'is', null)
      .where('calendar_events.recurrence_key', '=', '');
    if (!input.includeCompleted) q = q.where('calendar_events.completed_at', 'is', null);
    if (input.from) q = q.where('calendar_events.due_ms', '>=', Date.parse(input.from));
    if (input.to) q = q.where('calendar_events.due_ms', '<', Date.parse(input.to));
    const rows = await q.orderBy('calendar_events.due_ms').orderBy('calendar_events.id').limit(2000).execute();
    const out: Task[] = [];
    for (const r of rows) out.push(await view(r));
    return out;
  }

  function setDue(comp: Component, due: Task['due']): void {
    setProp(comp, 'DUE', due ? whenLine('DUE', toWhen(due)) : null);
  }

  async function create(input: z.output<typeof TaskInput>): Promise<Task> {
    const cal = await core.writableCalendar(input.calendarId);
    const uid = `${newId()}@hearth`;
    const now = ctx.now();
    const comp: Component = { name: 'VTODO', items: [`UID:${uid}`, `CREATED:${utcStamp(now)}`, `SUMMARY:${escapeText(input.title)}`] };
    if (input.notes) setProp(comp, 'DESCRIPTION', `DESCRIPTION:${escapeText(input.notes)}`);
    setDue(comp, input.due);
    if (input.priority) setProp(comp, 'PRIORITY', `PRIORITY:${input.priority}`);
    setProp(comp, 'STATUS', 'STATUS:NEEDS-ACTION');
    stamp(comp, now, 0);
    const id = await ctx.write((trx) =>
      series.put(trx, cal.id, uid, 'task', { master: componentText(comp), overrides: [] }, { dirty: cal.source === 'caldav' }),
    );
    return view(await taskRow(id));
  }

  async function update(input: z.output<typeof UpdateTaskInput>): Promise<Task> {
    const row = await taskRow(input.id);
    const cal = await core.writableCalendar(row.calendar_id);
    const comp = parseComponent(row.ics);
    const now = ctx.now();
    if (input.title !== undefined) setProp(comp, 'SUMMARY', `SUMMARY:${escapeText(input.title)}`);
    if (input.notes !== undefined) setProp(comp, 'DESCRIPTION', input.notes ? `DESCRIPTION:${escapeText(input.notes)}` : null);
    if (input.due !== undefined) setDue(comp, input.due);
    if (input.priority !== undefined) setProp(comp, 'PRIORITY', input.priority ? `PRIORITY:${input.priority}` : null);
    if (input.completed !== undefined) {
      // RFC 5545: a done VTODO has STATUS:COMPLETED, COMPLETED (UTC) and PERCENT-COMPLETE:100.
      setProp(comp, 'STATUS', input.completed ? 'STATUS:COMPLETED' : 'STATUS:NEEDS-ACTION');
      setProp(comp, 'COMPLETED', input.completed ? `COMPLETED:${utcStamp(now)}` : null);
      setProp(comp, 'PERCENT-COMPLETE', input.completed ? 'PERCENT-COMPLETE:100' : null);
    }
    stamp(comp, now);
    await ctx.write((trx) => series.put(trx, cal.id, row.uid, 'task', { master: componentText(comp), overrides: [] }, { dirty: cal.source === 'caldav' }));
    return view(await taskRow(row.id));
  }

  async function remove(id: string): Promise<Task> {
    const row = await taskRow(id);
    const cal = await core.writableCalendar(row.calendar_id);
    const before = await view(row);
    await ctx.write((trx) => series.remove(trx, cal.id, row.uid, { tombstone: cal.source === 'caldav' }));
    return before;
  }

  return { list, create, update, remove, view };
}
