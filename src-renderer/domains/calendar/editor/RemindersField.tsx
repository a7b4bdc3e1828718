import { Bell, Plus, X } from 'lucide-react';
import type { Alarm } from '../../../../src-shared/domains/calendar/calendar.schemas';
import { CALENDAR_LIMITS } from '../../../../src-shared/domains/calendar/calendar.schemas';
import { Button } from '../../../ui/Button';
import { inputClass, selectClass } from './controls';

const PRESETS = [0, 5, 10, 15, 30, 60, 1440];

/** "10 minutes before", "1 hour before", "1 day before", "At the start". */
export function minutesLabel(m: number): string {
  if (m === 0) return 'At the start';
  const after = m < 0;
  const n = Math.abs(m);
  const [count, unit] = n % 1440 === 0 ? [n / 1440, 'day'] : n % 60 === 0 ? [n / 60, 'hour'] : [n, 'minute'];
  return `${count} ${unit}${count === 1 ? '' : 's'} ${after ? 'after' : 'before'}`;
}

/** An instant as the value of a datetime-local input, in the computer's zone (the zone the input shows). */
const toLocalInput = (iso: string): string => {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};
const fromLocalInput = (value: string): string => {
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? '' : d.toISOString();
};

/** A fixed-time reminder's first value: an hour from now. */
const inAnHour = (): string => new Date(Date.now() + 3_600_000).toISOString();

/** Several reminders: minutes before the start, or at a fixed time. */
export function RemindersField({ alarms, onChange, error }: { alarms: Alarm[]; onChange(a: Alarm[]): void; error?: string }) {
  const set = (i: number, a: Alarm) => onChange(alarms.map((x, j) => (j === i ? a : x)));
  const choose = (i: number, value: string) => {
    if (value === 'at') set(i, { at: inAnHour() });
    else set(i, { minutesBefore: Number(value), related: 'start' });
  };
  return (
    <fieldset className="flex flex-col gap-1.5">
      <legend className="mb-1 text-[12px] font-medium text-muted">Reminders</legend>
      {alarms.length === 0 ? <p className="text-[12px] text-faint">No reminder.</p> : null}
      {alarms.map((a, i) => (
        <div key={i} className="flex items-center gap-2">
          <Bell className="size-3.5 shrink-0 text-faint" aria-hidden />
          <select
            className={selectClass}
            aria-label={`Reminder ${i + 1}`}
            value={'at' in a ? 'at' : String(a.minutesBefore)}
            onChange={(e) => choose(i, e.target.value)}
          >
            {[...new Set([...PRESETS, ...('minutesBefore' in a ? [a.minutesBefore] : [])])].map((m) => (
              <option key={m} value={String(m)}>
                {minutesLabel(m)}
              </option>
            ))}
            <option value="at">At a time…</option>
          </select>
          {'at' in a ? (
            <input
              type="datetime-local"
              className={`${inputClass} w-auto`}
              aria-label={`Reminder ${i + 1} time`}
              value={toLocalInput(a.at)}
              onChange={(e) => set(i, { at: fromLocalInput(e.target.value) })}
            />
          ) : null}
          <button
            type="button"
            aria-label={`Remove reminder ${i + 1}`}
            className="flex size-7 items-center justify-center rounded-md text-faint hover:bg-hover hover:text-text"
            onClick={() => onChange(alarms.filter((_, j) => j !== i))}
          >
            <X className="size-3.5" aria-hidden />
          </button>
        </div>
      ))}
      {error ? (
        <p role="alert" className="text-[12px] text-danger">
          {error}
        </p>
      ) : null}
      {alarms.length < CALENDAR_LIMITS.alarms ? (
        <Button size="sm" variant="ghost" icon={Plus} className="self-start" onClick={() => onChange([...alarms, { minutesBefore: 10, related: 'start' }])}>
          Add reminder
        </Button>
      ) : null}
    </fieldset>
  );
}
