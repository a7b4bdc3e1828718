import { CalendarDays } from 'lucide-react';
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { EmptyState } from '../../../ui/EmptyState';
import { cx } from '../../../ui/cx';
import type { EventItem } from '../calendar-types';
import { useCalendarStore } from '../calendar.store';
import { EventChip, OverlayChip } from '../components/Chips';
import { agendaDate, longDate, timeLabel } from '../format';
import { bucketByDay } from '../layout/bucket';
import { dateAt } from '../layout/days';
import { AGENDA_DAYS } from '../layout/grid';
import { useViewItems } from '../useViewItems';
import type { ViewProps } from './view-props';

/** The next 60 days from the anchor as a list grouped by day; empty days are left out. */
export function AgendaView({ onTask }: Pick<ViewProps, 'onTask'>) {
  const { anchor, today, zone } = useCalendarStore(useShallow((s) => ({ anchor: s.anchor, today: s.today, zone: s.zone })));
  const { range, placed } = useViewItems(anchor, AGENDA_DAYS);
  const days = useMemo(() => bucketByDay(placed, AGENDA_DAYS), [placed]);
  const time = (item: EventItem) => (item.allDay ? 'All day' : `${timeLabel(item.startMs, zone)} – ${timeLabel(item.endMs, zone)}`);
  if (days.every((d) => d.length === 0)) {
    return (
      <EmptyState icon={CalendarDays} title="Nothing in the next 60 days">
        Press <kbd>n</kbd> to add an event, or go to another period with ‹ ›.
      </EmptyState>
    );
  }
  return (
    <div className="h-full overflow-y-auto px-4 py-2" data-testid="cal-agenda">
      {days.map((items, i) => {
        if (items.length === 0) return null;
        const date = dateAt(range, i);
        return (
          <section key={date} data-date={date} aria-label={longDate(date)} className="flex gap-4 border-b border-line py-2.5 last:border-b-0">
            <h3 className={cx('w-28 shrink-0 pt-1 text-[12.5px] font-medium', date === today ? 'text-accent' : 'text-muted')}>{agendaDate(date)}</h3>
            <ul className="flex min-w-0 flex-1 flex-col gap-1">
              {items.map((p) => (
                <li key={p.item.key} className="max-w-xl">
                  {p.item.kind === 'overlay' ? (
                    <OverlayChip item={p.item} onTask={onTask} />
                  ) : (
                    <EventChip item={p.item} time={time(p.item)} className="h-6 text-[12.5px]">
                      {p.item.occ.location ? <span className="ml-2 truncate text-faint">{p.item.occ.location}</span> : null}
                    </EventChip>
                  )}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
