import type { BrowserWindow, NotificationConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { calendarContract } from '../../src-shared/domains/calendar/calendar.contract';
import type { Reminder } from '../../src-shared/domains/calendar/calendar.schemas';
import { createEventHub } from '../ipc/events';
import { showReminderNotifications, type NotificationClass } from './reminder-notifications';

/** Records what would reach the OS: Electron's Notification is not available outside Electron. */
function recordingNotifications() {
  const shown: NotificationConstructorOptions[] = [];
  const handlers: Array<() => void> = [];
  class Recording {
    static isSupported = () => true;
    constructor(private readonly options: NotificationConstructorOptions) {}
    on(event: string, fn: () => void) {
      if (event === 'click') handlers.push(fn);
      return this;
    }
    show() {
      shown.push(this.options);
    }
  }
  return { shown, handlers, Notification: Recording as unknown as NotificationClass };
}

const reminder = (over: Partial<Reminder> = {}): Reminder => ({
  key: '01J0000000000000000000000A||0',
  eventId: '01J0000000000000000000000A',
  occurrenceKey: null,
  title: 'Dentist',
  location: 'Main St',
  start: '2026-03-15T09:00:00.000Z',
  fireAt: '2026-03-15T08:50:00.000Z',
  missed: false,
  snoozedUntil: null,
  ...over,
});

describe('reminder notifications (Electron main)', () => {
  it('notifies only when no Hearth window is visible and focused; a click brings the window forward', () => {
    const events = createEventHub();
    const rec = recordingNotifications();
    const win = { isDestroyed: () => false, isVisible: () => true, isFocused: () => true };
    let current: typeof win | null = win;
    const onClick = vi.fn();
    showReminderNotifications({
      events,
      Notification: rec.Notification,
      getWindow: () => current as unknown as BrowserWindow,
      onClick,
      locale: 'en-GB',
      timeZone: 'Europe/Berlin',
    });
    events.emit(calendarContract, 'reminder', reminder());
    expect(rec.shown).toEqual([]);
    win.isFocused = () => false;
    events.emit(calendarContract, 'reminder', reminder());
    current = null;
    events.emit(calendarContract, 'reminder', reminder({ title: 'Call', location: '', start: '2026-03-16T09:00:00.000Z' }));
    expect(rec.shown).toEqual([
      { title: 'Dentist', body: 'Starts 10:00 · Main St', silent: false },
      { title: 'Call', body: 'Starts Mon 16 Mar 10:00', silent: false },
    ]);
    rec.handlers[0]!();
    expect(onClick).toHaveBeenCalledTimes(1);
  });

  it('gathers reminders missed while locked into one notification', async () => {
    vi.useFakeTimers();
    try {
      const events = createEventHub();
      const rec = recordingNotifications();
      showReminderNotifications({ events, Notification: rec.Notification, getWindow: () => null, onClick: () => undefined, locale: 'en-GB', timeZone: 'UTC' });
      for (const title of ['A', 'B', 'C', 'D']) events.emit(calendarContract, 'reminder', reminder({ title, missed: true }));
      expect(rec.shown).toEqual([]);
      await vi.advanceTimersByTimeAsync(500);
      expect(rec.shown).toEqual([{ title: '4 missed reminders', body: 'A, B, C, …', silent: false }]);
    } finally {
      vi.useRealTimers();
    }
  });
});
