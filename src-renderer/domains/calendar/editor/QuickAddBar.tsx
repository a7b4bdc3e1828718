import { CalendarPlus } from 'lucide-react';
import { useMemo, useState } from 'react';
import type { Calendar, EventDetail, EventTime } from '../../../../src-shared/domains/calendar/calendar.schemas';
import { parseQuickAdd, type QuickAdd } from '../../../../src-shared/domains/calendar/quick-add';
import { describeError } from '../../../lib/errors';
import { computerZone } from './controls';
import { createEvent } from './editor-data';
import { describeRule } from './rrule-presets';

const BOX =
  'flex h-8 items-center gap-2 rounded-md border border-line-strong bg-surface px-2.5 focus-within:border-focus focus-within:ring-3 focus-within:ring-focus/20';
const dayFormat = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const dayOf = (date: string): string => dayFormat.format(Date.parse(`${date}T00:00:00Z`));
const dateOf = (t: EventTime): string => (t.kind === 'date' ? t.date : t.kind === 'utc' ? t.at.slice(0, 10) : t.local.slice(0, 10));
const timeOf = (t: EventTime): string => (t.kind === 'zoned' || t.kind === 'floating' ? t.local.slice(11, 16) : '');

/** "Fri, 6 Mar 2026, 13:00–14:00 · Café Luz · Monthly on the second Tuesday": what Enter would create. */
export function previewLine(q: QuickAdd): string {
  const start = dateOf(q.start);
  const lastDay = q.end.kind === 'date' ? new Date(Date.parse(`${q.end.date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10) : dateOf(q.end);
  const when =
    q.start.kind === 'date'
      ? `${dayOf(start)}${lastDay > start ? ` – ${dayOf(lastDay)}` : ''}, all day`
      : `${dayOf(start)}, ${timeOf(q.start)}–${lastDay > start ? `${dayOf(lastDay)} ` : ''}${timeOf(q.end)}`;
  return [q.title, when, q.location, q.rrule ? describeRule(q.rrule, start) : ''].filter(Boolean).join(' · ');
}

/** One line that becomes an event: "lunch with Ana fri 13:00 at Café Luz", with a live preview; Enter creates. */
export function QuickAddBar({
  calendars,
  defaultCalendarId,
  onCreated,
}: {
  calendars: Calendar[];
  defaultCalendarId: string | null;
  onCreated(e: EventDetail): void;
}) {
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // The clock is read when the text changes ("3pm" means today until 3pm), not during render.
  const [now, setNow] = useState(0);
  const parsed = useMemo(() => (text.trim() ? parseQuickAdd(text, { now, zone: computerZone(), weekStart: 1 }) : null), [text, now]);
  const target = calendars.find((c) => c.id === defaultCalendarId && !c.readOnly) ?? calendars.find((c) => !c.readOnly);

  async function create() {
    if (!parsed || busy) return;
    if (!target) return setError('Create a calendar first: subscriptions are read-only.');
    setBusy(true);
    setError(null);
    try {
      const { title, location, start, end, rrule } = parsed;
      const created = await createEvent({ calendarId: target.id, title, location, start, end, rrule });
      setText('');
      onCreated(created);
    } catch (err) {
      setError(describeError(err));
    } finally {
      setBusy(false);
    }
  }

  const hint = error ?? (parsed ? previewLine(parsed) : text.trim() ? 'Add a day or a time, e.g. “fri 13:00” or “every tue”.' : '');
  return (
    <div className="flex min-w-0 flex-col gap-0.5" data-testid="cal-quick-add">
      <div className={BOX}>
        <CalendarPlus className="size-4 shrink-0 text-faint" aria-hidden />
        <input
          className="min-w-0 flex-1 bg-transparent text-[13px] text-text outline-none placeholder:text-faint"
          aria-label="Quick add event"
          aria-describedby="cal-quick-add-preview"
          placeholder="Add event: lunch with Ana fri 13:00 at Café Luz"
          value={text}
          disabled={busy}
          maxLength={500}
          onChange={(e) => {
            setText(e.target.value);
            setNow(Date.now());
            setError(null);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              void create();
            } else if (e.key === 'Escape' && text) {
              e.stopPropagation();
              setText('');
            }
          }}
        />
      </div>
      <p
        id="cal-quick-add-preview"
        aria-live="polite"
        data-testid="cal-quick-add-preview"
        className={`truncate px-1 text-[11px] ${error ? 'text-danger' : 'text-muted'}`}
      >
        {hint}
      </p>
    </div>
  );
}
