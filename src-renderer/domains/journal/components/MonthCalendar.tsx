import { ChevronLeft, ChevronRight } from 'lucide-react';
import { Button } from '../../../ui/Button';
import { cx } from '../../../ui/cx';
import { monthGrid, shiftMonth } from '../heatmap';
import { longDayLabel, monthLabel } from '../journal-style';

const LEVEL = ['bg-subtle', 'bg-accent/25', 'bg-accent/45', 'bg-accent/70', 'bg-accent text-on-accent'] as const;
const WEEKDAYS = ['M', 'T', 'W', 'T', 'F', 'S', 'S'];

/**
 * One month of the calendar (Monday first), ‹ › to the months around it. A day's button shows its number; its
 * name says the date and how many entries it has, so a screen reader hears more than "2".
 */
export function MonthCalendar({
  month,
  counts,
  day,
  today,
  onPick,
  onMonth,
}: {
  month: string;
  counts: ReadonlyMap<string, number>;
  day: string | null;
  today: string;
  onPick(day: string): void;
  onMonth(month: string): void;
}) {
  return (
    <div>
      <div className="mb-2 flex items-center gap-1">
        <h3 className="flex-1 text-[13px] font-semibold">{monthLabel(`${month}-01`)}</h3>
        <Button variant="ghost" size="sm" icon={ChevronLeft} aria-label="Previous month" onClick={() => onMonth(shiftMonth(month, -1))} />
        <Button variant="ghost" size="sm" icon={ChevronRight} aria-label="Next month" onClick={() => onMonth(shiftMonth(month, 1))} />
      </div>
      <div className="grid grid-cols-7 gap-1 text-center text-[11px]" data-testid="month-grid">
        {WEEKDAYS.map((w, i) => (
          <span key={i} className="text-faint" aria-hidden>
            {w}
          </span>
        ))}
        {monthGrid(month)
          .flat()
          .map((d, i) => {
            if (!d) return <span key={`pad-${i}`} />;
            const count = counts.get(d) ?? 0;
            return (
              <button
                key={d}
                type="button"
                onClick={() => onPick(d)}
                aria-label={`${longDayLabel(d)}: ${count} ${count === 1 ? 'entry' : 'entries'}`}
                aria-pressed={day === d}
                className={cx('h-7 rounded-md tabular-nums', LEVEL[Math.min(4, count)], day === d && 'ring-2 ring-focus', d === today && 'font-bold')}
              >
                {Number(d.slice(8))}
              </button>
            );
          })}
      </div>
    </div>
  );
}
