/**
 * Test-only: a real encrypted profile (testCore) with a pinned clock and zone whose calendar module is the real one
 * with the reminder scheduler, subscriptions and publisher wired in, and a handle on those parts so a test can run the
 * scheduler's check at the pinned time instead of waiting for its timer.
 */
import { calendarContract } from '../../../src-shared/domains/calendar/calendar.contract';
import type { Reminder } from '../../../src-shared/domains/calendar/calendar.schemas';
import { moduleList } from '../../app/modules';
import { defineModule, type ModuleParts } from '../../platform/module';
import { PASSWORD, testCore } from '../../test/helpers';
import { createCalendars } from './calendar-calendars';
import { createCalendarCore } from './calendar-core';
import { createCalendarIo } from './calendar-io';
import { createPublisher, type Publisher } from './calendar-publish';
import { createReminders, type RemindersPart } from './calendar-reminders';
import { createRemote, type RemotePart } from './calendar-remote';
import { createSeriesStore, type SeriesStore } from './calendar-series';
import { createCalendarModule } from './calendar.module';

export interface ScheduledParts {
  reminders: RemindersPart;
  remote: RemotePart;
  publisher: Publisher;
  series: SeriesStore;
}

export async function setupScheduling(nowIso = '2026-03-15T08:00:00Z', zone = 'Europe/Berlin') {
  let nowMs = Date.parse(nowIso);
  let parts: ScheduledParts | null = null;
  const calendar = defineModule({
    contract: calendarContract,
    changedTables: ['calendars', 'calendar_events'],
    load: async () => async (ctx) => {
      const base = (await createCalendarModule(ctx)) as ModuleParts<typeof calendarContract>;
      const core = createCalendarCore(ctx);
      const series = createSeriesStore(core);
      const calendars = createCalendars(core);
      const io = createCalendarIo(core, series, calendars);
      const p: ScheduledParts = {
        series,
        reminders: createReminders(core, { series }),
        remote: createRemote(core, { series, calendars, limits: { maxBytes: 20 * 1024 * 1024, timeoutMs: 5000, maxRedirects: 5 } }),
        publisher: createPublisher(core, (ids) => io.icsOf(ids)),
      };
      parts = p;
      return {
        handlers: { ...base.handlers, ...p.reminders.handlers, ...p.remote.handlers },
        onUnlock: async () => {
          await p.reminders.onUnlock();
          await p.publisher.onUnlock();
        },
        onLock: () => {
          base.onLock?.();
          series.clear();
          p.reminders.onLock();
          p.remote.onLock();
          p.publisher.onLock();
        },
        onCommitted: (changes) => {
          void p.reminders.replan(changes);
          p.publisher.onCommitted(changes);
        },
      };
    },
  });
  const modules = [...moduleList().filter((m) => m.contract.name !== 'calendar'), calendar];
  const core = testCore(undefined, { now: () => nowMs, systemTimeZone: () => zone, modules });
  const { profile } = await core.client.profile.create({ name: 'Planner', password: PASSWORD });
  const c = core.client.calendar;
  const fired: Reminder[] = [];
  c.onReminder((r) => fired.push(r));
  await c.listCalendars();
  const get = (): ScheduledParts => {
    if (!parts) throw new Error('calendar module not loaded');
    return parts;
  };
  /** Stores a series from hand-written VEVENT text, as an import would. */
  const putSeries = async (calendarId: string, uid: string, master: string, overrides: string[] = []) =>
    core.domainContext('calendar').write((trx) => get().series.put(trx, calendarId, uid, 'event', { master, overrides }, { dirty: false }));
  return {
    core,
    c,
    fired,
    parts: get,
    putSeries,
    setNow: (iso: string) => (nowMs = Date.parse(iso)),
    lock: () => core.client.session.lock(),
    unlock: () => core.client.profile.unlock({ profileId: profile.id, password: PASSWORD }),
    /** Moves the clock and lets the scheduler look, as its timer would at that moment. */
    at: async (iso: string) => {
      nowMs = Date.parse(iso);
      await get().reminders.replan();
    },
  };
}
export type SchedulingSetup = Awaited<ReturnType<typeof setupScheduling>>;

/** A VEVENT as another app writes it (CRLF lines). */
export const vevent = (lines: string[]): string => ['BEGIN:VEVENT', ...lines, 'END:VEVENT'].join('\r\n');
export const valarm = (trigger: string): string[] => ['BEGIN:VALARM', 'ACTION:DISPLAY', 'DESCRIPTION:Reminder', trigger, 'END:VALARM'];
