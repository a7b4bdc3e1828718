import { ChevronLeft, ChevronRight } from 'lucide-react';
import { useEffect, useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { describeError } from '../../../lib/errors';
import { Button } from '../../../ui/Button';
import { Callout } from '../../../ui/Callout';
import { cx } from '../../../ui/cx';
import { entriesOn, heatmap } from '../journal-data';
import { longDayLabel, localToday } from '../journal-style';
import type { EntrySummary } from '../journal-types';
import { useJournalStore } from '../journal.store';
import { yearGrid, type HeatCell } from '../heatmap';
import { EntryRow } from './EntryRow';
import { MonthCalendar } from './MonthCalendar';

const LEVEL = ['bg-subtle', 'bg-accent/25', 'bg-accent/45', 'bg-accent/70', 'bg-accent'] as const;

/** Entries per day: a GitHub-style year and a month calendar; a click lists that day's entries. */
export function CalendarView() {
  const { journalId, openId, open } = useJournalStore(useShallow((s) => ({ journalId: s.filter.journalId, openId: s.openId, open: s.open })));
  const today = localToday();
  const [year, setYear] = useState(Number(today.slice(0, 4)));
  const [counts, setCounts] = useState<Map<string, number>>(new Map());
  const [error, setError] = useState<string | null>(null);
  const [day, setDay] = useState<string | null>(null);
  const [shownMonth, setShownMonth] = useState<string | null>(null);
  const [dayEntries, setDayEntries] = useState<EntrySummary[] | null>(null);

  useEffect(() => {
    let live = true;
    heatmap({ from: `${year}-01-01`, to: `${year}-12-31`, journalId: journalId ?? undefined }).then(
      (days) => live && (setCounts(new Map(days.map((d) => [d.date, d.count]))), setError(null)),
      (err: unknown) => live && setError(describeError(err)),
    );
    return () => {
      live = false;
    };
  }, [year, journalId]);

  useEffect(() => {
    if (!day) return;
    let live = true;
    entriesOn(day, journalId).then(
      (e) => live && setDayEntries(e),
      (err: unknown) => live && setError(describeError(err)),
    );
    return () => {
      live = false;
    };
  }, [day, journalId]);

  const pickDay = (d: string) => {
    setDay(d);
    setDayEntries(null);
    setShownMonth(null);
  };
  const showMonth = (m: string) => {
    setShownMonth(m);
    setYear(Number(m.slice(0, 4)));
  };
  const stepYear = (n: number) => {
    setShownMonth(null);
    setYear((y) => y + n);
  };
  const weeks = useMemo(() => yearGrid(year, counts), [year, counts]);
  // The month shown: one stepped to, else the picked day's or today's when in the year shown (counts are loaded per year).
  const inYear = (d: string | null): d is string => d !== null && d.startsWith(`${year}-`);
  const month = shownMonth ?? (inYear(day) ? day : inYear(today) ? today : `${year}-01-01`).slice(0, 7);
  const total = [...counts.entries()].filter(([d]) => d.startsWith(`${year}-`)).reduce((n, [, c]) => n + c, 0);
  const cell = (c: HeatCell) => (
    <button
      key={c.date}
      type="button"
      disabled={c.outside}
      onClick={() => pickDay(c.date)}
      title={`${longDayLabel(c.date)}: ${c.count} ${c.count === 1 ? 'entry' : 'entries'}`}
      aria-label={`${c.date}: ${c.count} ${c.count === 1 ? 'entry' : 'entries'}`}
      className={cx('aspect-square w-full rounded-[2px]', c.outside ? 'invisible' : LEVEL[c.level], day === c.date && 'ring-2 ring-focus')}
    />
  );

  return (
    <div className="h-full overflow-y-auto p-4" data-testid="calendar">
      <div className="mb-3 flex items-center gap-2">
        <Button variant="ghost" size="sm" icon={ChevronLeft} aria-label="Previous year" onClick={() => stepYear(-1)} />
        <h2 className="text-sm font-semibold tabular-nums">{year}</h2>
        <Button variant="ghost" size="sm" icon={ChevronRight} aria-label="Next year" onClick={() => stepYear(1)} />
        <span className="text-xs text-muted">{`${total} ${total === 1 ? 'entry' : 'entries'}`}</span>
      </div>
      {error ? <Callout tone="danger">{error}</Callout> : null}
      <div
        className="grid grid-flow-col grid-rows-7 gap-[2px]"
        data-testid="heatmap"
        style={{ gridTemplateColumns: `repeat(${weeks.length}, minmax(0, 1fr))` }}
      >
        {weeks.flat().map(cell)}
      </div>
      <div className="mt-6 grid gap-6 @min-[700px]:grid-cols-[260px_1fr]">
        <MonthCalendar month={month} counts={counts} day={day} today={today} onPick={pickDay} onMonth={showMonth} />
        <div>
          {day ? (
            <h3 className="mb-2 text-[13px] font-semibold">{longDayLabel(day)}</h3>
          ) : (
            <p className="text-[13px] text-muted">Pick a day to see its entries.</p>
          )}
          {day && dayEntries?.length === 0 ? <p className="text-[13px] text-muted">Nothing written that day.</p> : null}
          <ul className="overflow-hidden rounded-lg border border-line empty:hidden" data-testid="day-entries">
            {dayEntries?.map((e) => (
              <EntryRow key={e.id} entry={e} active={e.id === openId} onOpen={() => void open(e.id)} />
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}
