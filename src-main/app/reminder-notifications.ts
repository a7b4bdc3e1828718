import type { BrowserWindow, Notification as ElectronNotification, NotificationConstructorOptions } from 'electron';
import type { Reminder } from '../../src-shared/domains/calendar/calendar.schemas';
import type { EventHub } from '../ipc/events';

/** Electron's Notification class, passed in so this module stays importable (and testable) without Electron. */
export interface NotificationClass {
  new (options: NotificationConstructorOptions): ElectronNotification;
  isSupported(): boolean;
}

export interface ReminderNotificationDeps {
  events: EventHub;
  Notification: NotificationClass;
  getWindow: () => BrowserWindow | null;
  /** Clicking a notification brings the window forward. */
  onClick: () => void;
  /** The computer's locale and zone for "starts at 09:00" (tests pin them). */
  locale?: string;
  timeZone?: string;
}

/** Reminders that came due while Hearth was locked arrive together at unlock: they become one notification. */
const MISSED_BATCH_MS = 500;

/**
 * Desktop notifications for `calendar:reminder` (docs/architecture.md#calendar). Only when no Hearth window is visible
 * and focused: then the renderer shows its own in-page reminder. The OS shows the event's title and start, nothing else.
 * Returns the unsubscribe function.
 */
export function showReminderNotifications(deps: ReminderNotificationDeps): () => void {
  // Electron drops a notification's click handler when the object is garbage-collected: keep each until it closes.
  const live = new Set<ElectronNotification>();
  let missed: Reminder[] = [];
  let missedTimer: NodeJS.Timeout | null = null;
  const time = new Intl.DateTimeFormat(deps.locale, { hour: '2-digit', minute: '2-digit', timeZone: deps.timeZone });
  const day = new Intl.DateTimeFormat(deps.locale, { weekday: 'short', day: 'numeric', month: 'short', timeZone: deps.timeZone });

  const whenText = (r: Reminder): string => {
    const start = new Date(r.start);
    const sameDay = day.format(start) === day.format(new Date(r.fireAt));
    return `${sameDay ? '' : `${day.format(start)} `}${time.format(start)}${r.location ? ` · ${r.location}` : ''}`;
  };

  const windowInUse = (): boolean => {
    const win = deps.getWindow();
    return win !== null && !win.isDestroyed() && win.isVisible() && win.isFocused();
  };

  function show(title: string, body: string): void {
    if (!deps.Notification.isSupported()) return;
    const n = new deps.Notification({ title, body, silent: false });
    live.add(n);
    n.on('click', () => deps.onClick());
    n.on('close', () => live.delete(n));
    n.show();
  }

  function flushMissed(): void {
    missedTimer = null;
    const batch = missed;
    missed = [];
    if (batch.length === 0 || windowInUse()) return;
    if (batch.length === 1) return show(batch[0]!.title, `Missed while Hearth was locked · ${whenText(batch[0]!)}`);
    show(
      `${batch.length} missed reminders`,
      batch
        .slice(0, 3)
        .map((r) => r.title)
        .join(', ') + (batch.length > 3 ? ', …' : ''),
    );
  }

  return deps.events.subscribe((channel, payload) => {
    if (channel !== 'calendar:reminder') return;
    const r = payload as Reminder;
    if (r.missed) {
      missed.push(r);
      if (!missedTimer) {
        missedTimer = setTimeout(flushMissed, MISSED_BATCH_MS);
        missedTimer.unref();
      }
      return;
    }
    if (windowInUse()) return;
    show(r.title, `Starts ${whenText(r)}`);
  });
}
