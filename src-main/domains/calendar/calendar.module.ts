import type { calendarContract } from '../../../src-shared/domains/calendar/calendar.contract';
import type { ModuleFactory } from '../../platform/module';
import { createCaldav } from './caldav/caldav.part';
import { createCalendars } from './calendar-calendars';
import { createCalendarCore } from './calendar-core';
import { createEvents } from './calendar-events';
import { createCalendarIo } from './calendar-io';
import { createSearch } from './calendar-search';
import { createPublisher } from './calendar-publish';
import { createReminders } from './calendar-reminders';
import { createRemote } from './calendar-remote';
import { createSeriesStore } from './calendar-series';
import { createTasks } from './calendar-tasks';

/** The calendar module: its contract's handlers, assembled from the calendar's parts over the DomainContext. */
export const createCalendarModule: ModuleFactory<typeof calendarContract> = (ctx) => {
  const core = createCalendarCore(ctx);
  const series = createSeriesStore(core);
  const calendars = createCalendars(core);
  const events = createEvents(core, series);
  const tasks = createTasks(core, series);
  const search = createSearch(core, series);
  const io = createCalendarIo(core, series, calendars);
  const reminders = createReminders(core, { series });
  const remote = createRemote(core, { series, calendars });
  const publisher = createPublisher(core, (ids) => io.icsOf(ids));
  const caldav = createCaldav(core, series, calendars);

  return {
    handlers: {
      listCalendars: () => calendars.list(),
      createCalendar: (input) => calendars.create(input),
      updateCalendar: (input) => calendars.update(input),
      deleteCalendar: ({ id }) => calendars.remove(id),

      occurrences: (input) => events.occurrences(input),
      getEvent: (input) => events.get(input),
      createEvent: (input) => events.create(input),
      updateEvent: (input) => events.update(input),
      deleteEvent: (input) => events.remove(input),
      search: (input) => search.search(input),

      listTasks: (input) => tasks.list(input),
      createTask: (input) => tasks.create(input),
      updateTask: (input) => tasks.update(input),
      deleteTask: ({ id }) => tasks.remove(id),

      reminders: () => reminders.handlers.reminders(),
      snoozeReminder: (input) => reminders.handlers.snoozeReminder(input),
      dismissReminder: (input) => reminders.handlers.dismissReminder(input),

      importPreview: (input) => io.preview(input),
      importCommit: (input) => io.commit(input),
      export: (input) => io.exportIcs(input),

      subscribe: (input) => remote.handlers.subscribe(input),
      refresh: (input) => remote.handlers.refresh(input),

      ...caldav.handlers,
    },
    onUnlock: async () => {
      await reminders.onUnlock();
      remote.onUnlock();
      await publisher.onUnlock();
      caldav.onUnlock();
    },
    onLock: () => {
      series.clear();
      io.clear();
      reminders.onLock();
      remote.onLock();
      publisher.onLock();
      caldav.onLock();
    },
    onCommitted: (changes) => {
      void reminders.replan(changes);
      publisher.onCommitted(changes);
    },
  };
};
