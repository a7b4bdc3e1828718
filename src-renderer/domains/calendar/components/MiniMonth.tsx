import { ChevronLeft, ChevronRight } from 'lucide-react';
import { useState } from 'react';
import { cx } from '../../../ui/cx';
import { monthName, weekdayInitials } from '../format';
import { addMonths, monthWeeks, type WeekStart } from '../layout/grid';

/** The rail's small month: ‹ › browse months without moving the view; a click on a day goes there. */
export function MiniMonth({ anchor, today, weekStart, onPick }: { anchor: string; today: string; weekStart: WeekStart; onPick(date: string): void }) {
  // The parent keys this by the anchor's month, so browsing starts again from the view's month when it changes.
  const [shown, setShown] = useState(anchor.slice(0, 7) + '-01');
  const year = Number(shown.slice(0, 4));
  const month = Number(shown.slice(5, 7));
  return (
    <div aria-label="Mini calendar" role="group">
      <div className="mb-1 flex items-center">
        <span className="flex-1 pl-1 text-[12.5px] font-semibold">
          {monthName(shown)} {year}
        </span>
        <button
          type="button"
          aria-label="Previous month (mini calendar)"
          onClick={() => setShown(addMonths(shown, -1))}
          className="rounded p-0.5 text-faint hover:bg-hover hover:text-text"
        >
          <ChevronLeft className="size-3.5" aria-hidden />
        </button>
        <button
          type="button"
          aria-label="Next month (mini calendar)"
          onClick={() => setShown(addMonths(shown, 1))}
          className="rounded p-0.5 text-faint hover:bg-hover hover:text-text"
        >
          <ChevronRight className="size-3.5" aria-hidden />
        </button>
      </div>
      <div className="grid grid-cols-7 text-center text-[10.5px]">
        {weekdayInitials(weekStart).map((w, i) => (
          <span key={i} className="py-0.5 text-faint" aria-hidden>
            {w}
          </span>
        ))}
        {monthWeeks(year, month, weekStart)
          .flat()
          .map((date) => (
            <button
              key={date}
              type="button"
              aria-label={`Go to ${date}`}
              aria-current={date === anchor ? 'date' : undefined}
              onClick={() => onPick(date)}
              className={cx(
                'h-[22px] rounded tabular-nums hover:bg-hover',
                date === today
                  ? 'bg-accent font-semibold text-on-accent hover:bg-accent-strong'
                  : date.slice(0, 7) === shown.slice(0, 7)
                    ? 'text-muted'
                    : 'text-faint/60',
                date === anchor && date !== today && 'ring-1 ring-line-strong',
              )}
            >
              {Number(date.slice(8))}
            </button>
          ))}
      </div>
    </div>
  );
}
