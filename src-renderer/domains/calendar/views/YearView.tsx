import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { cx } from '../../../ui/cx';
import { useCalendarStore } from '../calendar.store';
import { monthName, weekdayInitials } from '../format';
import { indexOfDate } from '../layout/days';
import { monthWeeks, viewRange } from '../layout/grid';
import { useViewItems } from '../useViewItems';

/** Twelve mini months; a day with events (or overlays) gets a dot; a click opens that day. */
export function YearView() {
  const { anchor, today, weekStart, goTo } = useCalendarStore(useShallow((s) => ({ anchor: s.anchor, today: s.today, weekStart: s.weekStart, goTo: s.goTo })));
  const year = Number(anchor.slice(0, 4));
  const { from, days } = viewRange('year', anchor, weekStart);
  const { range, placed } = useViewItems(from, days);
  // Per-day counts by a difference array: O(items + days) however long the spans are.
  const counts = useMemo(() => {
    const diff = new Array<number>(days + 1).fill(0);
    for (const p of placed) {
      diff[p.first] = (diff[p.first] ?? 0) + 1;
      diff[p.last + 1] = (diff[p.last + 1] ?? 0) - 1;
    }
    const counts = new Array<number>(days).fill(0);
    for (let i = 0, running = 0; i < days; i++) counts[i] = running += diff[i] ?? 0;
    return counts;
  }, [placed, days]);
  const initials = weekdayInitials(weekStart);

  return (
    <div className="h-full overflow-y-auto p-4" data-testid="cal-year">
      <div className="grid grid-cols-[repeat(auto-fill,minmax(190px,1fr))] gap-x-6 gap-y-5">
        {Array.from({ length: 12 }, (_, m) => {
          const first = `${year}-${String(m + 1).padStart(2, '0')}-01`;
          return (
            <section key={m} aria-label={monthName(first)}>
              <button type="button" onClick={() => goTo(first, 'month')} className="mb-1 rounded px-1 text-[13px] font-semibold text-text hover:bg-hover">
                {monthName(first)}
              </button>
              <div className="grid grid-cols-7 text-center text-[11px]">
                {initials.map((w, i) => (
                  <span key={i} className="text-faint" aria-hidden>
                    {w}
                  </span>
                ))}
                {monthWeeks(year, m + 1, weekStart)
                  .flat()
                  .map((date) => {
                    if (date.slice(5, 7) !== first.slice(5, 7)) return <span key={date} />;
                    const count = counts[indexOfDate(range, date)] ?? 0;
                    return (
                      <button
                        key={date}
                        type="button"
                        data-date={date}
                        onClick={() => goTo(date, 'day')}
                        aria-label={`${date}: ${count} ${count === 1 ? 'item' : 'items'}`}
                        className={cx(
                          'relative h-6 rounded tabular-nums hover:bg-hover',
                          date === today ? 'bg-accent font-semibold text-on-accent hover:bg-accent-strong' : 'text-muted',
                        )}
                      >
                        {Number(date.slice(8))}
                        {count > 0 ? (
                          <span
                            className={cx('absolute bottom-0.5 left-1/2 size-1 -translate-x-1/2 rounded-full', date === today ? 'bg-on-accent' : 'bg-accent')}
                            aria-hidden
                          />
                        ) : null}
                      </button>
                    );
                  })}
              </div>
            </section>
          );
        })}
      </div>
    </div>
  );
}
