import { BellRing, MapPin } from 'lucide-react';
import { useEffect, useState } from 'react';
import type { Reminder } from '../../../../src-shared/domains/calendar/calendar.schemas';
import { describeError } from '../../../lib/errors';
import { Button } from '../../../ui/Button';
import { dismissReminder, onReminder, pendingReminders, snoozeReminder } from './editor-data';

const SNOOZES = [
  { minutes: 5, label: '5 min' },
  { minutes: 10, label: '10 min' },
  { minutes: 60, label: '1 h' },
];
const MAX_SHOWN = 4;
const when = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });

/** Still to show: not snoozed into the future (a snoozed reminder comes back as a new `reminder` event). */
const showing = (r: Reminder, now: number): boolean => !r.snoozedUntil || Date.parse(r.snoozedUntil) <= now;

/**
 * Calendar reminders as in-page toasts, on every page while unlocked: the ones main fires now, and on start
 * the ones that came due while Hearth was closed ("Missed"). Electron also shows a native notification (main).
 */
export function ReminderToasts() {
  const [list, setList] = useState<Reminder[]>([]);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    const put = (r: Reminder) => setList((l) => [...l.filter((x) => x.key !== r.key), r]);
    const off = onReminder((r) => live && put(r));
    // An older core without the calendar, or a locked one, simply has nothing to show.
    pendingReminders().then(
      (all) => live && all.filter((r) => showing(r, Date.now())).forEach(put),
      () => undefined,
    );
    return () => {
      live = false;
      off();
    };
  }, []);

  const act = async (key: string, action: () => Promise<unknown>) => {
    setError(null);
    try {
      await action();
      setList((l) => l.filter((r) => r.key !== key));
    } catch (err) {
      setError(describeError(err));
    }
  };

  if (list.length === 0) return <></>;
  const shown = list.slice(-MAX_SHOWN);
  return (
    <div className="fixed right-5 bottom-5 z-30 flex w-[340px] flex-col gap-2" aria-label="Reminders">
      {list.length > MAX_SHOWN ? (
        <p className="self-end rounded-md bg-raised px-2 py-0.5 text-xs text-muted shadow-pop">{`${list.length - MAX_SHOWN} more reminders`}</p>
      ) : null}
      {shown.map((r) => (
        <div
          key={r.key}
          role="alert"
          data-testid="cal-reminder"
          data-key={r.key}
          className="animate-slide-up flex gap-3 rounded-xl border border-line bg-raised p-3.5 shadow-pop"
        >
          <span className="mt-0.5 flex size-8 shrink-0 items-center justify-center rounded-lg bg-accent-soft text-accent">
            <BellRing className="size-4" aria-hidden />
          </span>
          <div className="min-w-0 flex-1">
            <p className="flex items-center gap-2 text-sm font-medium text-text">
              <span className="truncate">{r.title || 'Untitled event'}</span>
              {r.missed ? <span className="shrink-0 rounded bg-warning-soft px-1.5 text-[11px] font-medium text-warning">Missed</span> : null}
            </p>
            <p className="mt-0.5 text-[13px] text-muted">{when.format(Date.parse(r.start))}</p>
            {r.location ? (
              <p className="mt-0.5 flex items-center gap-1 truncate text-[12px] text-muted">
                <MapPin className="size-3 shrink-0" aria-hidden /> {r.location}
              </p>
            ) : null}
            <div className="mt-2.5 flex flex-wrap items-center gap-1">
              <span className="mr-0.5 text-[11px] text-faint">Snooze</span>
              {SNOOZES.map((s) => (
                <Button key={s.minutes} size="sm" aria-label={`Snooze ${s.label}`} onClick={() => void act(r.key, () => snoozeReminder(r.key, s.minutes))}>
                  {s.label}
                </Button>
              ))}
              <Button size="sm" variant="primary" className="ml-auto" onClick={() => void act(r.key, () => dismissReminder(r.key))}>
                Dismiss
              </Button>
            </div>
          </div>
        </div>
      ))}
      {error ? <p className="rounded-md bg-danger-soft px-2 py-1 text-xs text-danger">{error}</p> : null}
    </div>
  );
}
