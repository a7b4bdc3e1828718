import type { Reminder } from '../../../src-shared/domains/calendar/calendar.schemas';
import { notFound } from '../../../src-shared/ipc/result';
import type { CalendarCore } from './calendar-core';
import type { CalendarReminderTable } from './calendar.table';

/** The reminder ops (list, snooze, dismiss) over `calendar_reminders`, and the row → wire view the scheduler announces. */
export function createReminderList(core: CalendarCore, afterSnooze: () => void) {
  const { ctx } = core;

  async function view(row: CalendarReminderTable): Promise<Reminder | null> {
    const master = await ctx.db().selectFrom('calendar_events').selectAll().where('id', '=', row.event_id).executeTakeFirst();
    if (!master) return null;
    const own = row.occurrence_key
      ? await ctx
          .db()
          .selectFrom('calendar_events')
          .select(['summary', 'location'])
          .where('calendar_id', '=', master.calendar_id)
          .where('uid', '=', master.uid)
          .where('recurrence_key', '=', row.occurrence_key)
          .where('deleted_at', 'is', null)
          .executeTakeFirst()
      : undefined;
    return {
      key: row.id,
      eventId: row.event_id,
      occurrenceKey: row.occurrence_key || null,
      title: own?.summary ?? master.summary,
      location: own?.location ?? master.location,
      start: new Date(row.start_ms).toISOString(),
      fireAt: new Date(row.fire_at_ms).toISOString(),
      missed: row.missed === 1,
      snoozedUntil: row.snooze_until_ms === null ? null : new Date(row.snooze_until_ms).toISOString(),
    };
  }

  async function openRow(key: string): Promise<CalendarReminderTable> {
    const row = await ctx.db().selectFrom('calendar_reminders').selectAll().where('id', '=', key).where('state', '<>', 'dismissed').executeTakeFirst();
    if (!row) throw notFound('reminder', key);
    return row;
  }

  const handlers = {
    /** Fired, or snoozed and due again, not dismissed; newest first. */
    async reminders(): Promise<Reminder[]> {
      const now = ctx.now();
      const rows = await ctx
        .db()
        .selectFrom('calendar_reminders')
        .selectAll()
        .where((eb) => eb.or([eb('state', '=', 'fired'), eb.and([eb('state', '=', 'snoozed'), eb('snooze_until_ms', '<=', now)])]))
        .orderBy('fire_at_ms', 'desc')
        .orderBy('id')
        .limit(1000)
        .execute();
      return (await Promise.all(rows.map(view))).filter((v): v is Reminder => v !== null);
    },
    async snoozeReminder({ key, minutes }: { key: string; minutes: number }): Promise<Reminder> {
      const row = await openRow(key);
      const until = ctx.now() + minutes * 60_000;
      await ctx.write((trx) =>
        trx.updateTable('calendar_reminders').set({ state: 'snoozed', snooze_until_ms: until, updated_at: core.iso() }).where('id', '=', row.id).execute(),
      );
      afterSnooze();
      const v = await view({ ...row, state: 'snoozed', snooze_until_ms: until });
      if (!v) throw notFound('reminder', key);
      return v;
    },
    async dismissReminder({ key }: { key: string }): Promise<{ dismissed: true }> {
      const row = await openRow(key);
      await ctx.write((trx) => trx.updateTable('calendar_reminders').set({ state: 'dismissed', updated_at: core.iso() }).where('id', '=', row.id).execute());
      return { dismissed: true };
    },
  };

  return { view, handlers };
}
