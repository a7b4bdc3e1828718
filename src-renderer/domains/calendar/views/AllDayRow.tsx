import { useMemo, useState } from 'react';
import { cx } from '../../../ui/cx';
import type { EventItem, ViewItem } from '../calendar-types';
import { useCalendarStore } from '../calendar.store';
import { EventChip, OverlayChip } from '../components/Chips';
import { dayDropTarget, startDayDrag } from '../components/month-drag';
import type { Placed } from '../layout/bucket';
import { layoutMonth } from '../layout/month-lanes';
import type { ViewProps } from './view-props';

const LANE = 20;

/** The all-day row of day and week view: all-day and multi-day items as bars; drop to move by days, click to add. */
export function AllDayRow({ dates, bars, onShift, onTask, gutter }: ViewProps & { dates: string[]; bars: Placed<ViewItem>[]; gutter: string }) {
  const [open, setOpen] = useState(false);
  const lanes = open ? 50 : 2;
  const row = useMemo(() => layoutMonth(bars, 1, lanes, dates.length)[0] ?? { segments: [], more: [] }, [bars, lanes, dates.length]);
  const byKey = useMemo(() => new Map(bars.map((p) => [p.item.key, p.item])), [bars]);
  const used = row.segments.reduce((n, s) => Math.max(n, s.lane + 1), 0);
  const hidden = row.more.some((n) => n > 0);
  const drop = (key: string, days: number) => {
    const item = byKey.get(key);
    if (item?.kind === 'event') onShift(item.occ, 'move', { days, minutes: 0 });
  };
  const draft = (date: string) => {
    const next = new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    useCalendarStore.getState().openDraft({ kind: 'date', date }, { kind: 'date', date: next });
  };
  return (
    <div className="flex shrink-0 border-b border-line" data-testid="cal-allday">
      <div className={cx(gutter, 'flex items-start justify-end px-1.5 pt-1 text-[10.5px] text-faint')}>
        {hidden || open ? (
          <button
            type="button"
            onClick={() => setOpen(!open)}
            className="hover:text-text"
            aria-expanded={open}
            aria-label={open ? 'Show fewer all-day events' : 'Show all all-day events'}
          >
            {open ? 'less' : `+${Math.max(...row.more)}`}
          </button>
        ) : (
          'all-day'
        )}
      </div>
      <div className="relative flex min-w-0 flex-1" style={{ height: Math.max(1, used) * LANE + 6 }}>
        {dates.map((date) => (
          <div
            key={date}
            data-date={date}
            role="button"
            tabIndex={-1}
            aria-label={`Add an all-day event on ${date}`}
            onClick={(e) => e.target === e.currentTarget && draft(date)}
            {...dayDropTarget(date, drop)}
            className="min-w-0 flex-1 border-l border-line"
          />
        ))}
        {row.segments.map((seg) => {
          const item = seg.placed.item;
          const style = {
            top: 3 + seg.lane * LANE,
            left: `calc(${(seg.col / dates.length) * 100}% + 2px)`,
            width: `calc(${(seg.span / dates.length) * 100}% - 4px)`,
          };
          return (
            <div key={item.key} className="absolute" style={style}>
              {item.kind === 'overlay' ? (
                <OverlayChip item={item} onTask={onTask} />
              ) : (
                <EventChip
                  item={item}
                  draggable
                  onDragStart={(e) => startDayDrag(e, item as EventItem)}
                  className={cx(seg.fromBefore && 'rounded-l-none', seg.toAfter && 'rounded-r-none')}
                />
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}
