import { BookOpen } from 'lucide-react';
import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { cx } from '../../../ui/cx';
import type { EventItem } from '../calendar-types';
import { useCalendarStore } from '../calendar.store';
import { EventChip, OverlayChip } from '../components/Chips';
import { dayDropTarget, startDayDrag } from '../components/month-drag';
import { timeLabel, weekdayShort } from '../format';
import { monthWeeks } from '../layout/grid';
import { layoutMonth } from '../layout/month-lanes';
import { openJournalDay } from '../overlays';
import { useViewItems } from '../useViewItems';
import type { ViewProps } from './view-props';

const HEADER = 22;
const LANE = 20;
const MORE = 16;

/** The month grid: 4–6 Monday-first weeks, bars across days, "+N more" when a day is full; drag a chip to move it. */
export function MonthView({ onShift, onTask }: ViewProps) {
  const { anchor, today, weekStart, zone, journal, goTo, openDraft } = useCalendarStore(
    useShallow((s) => ({
      anchor: s.anchor,
      today: s.today,
      weekStart: s.weekStart,
      zone: s.zone,
      journal: s.overlays.journal,
      goTo: s.goTo,
      openDraft: s.openDraft,
    })),
  );
  const month = anchor.slice(0, 7);
  const weeks = useMemo(() => monthWeeks(Number(month.slice(0, 4)), Number(month.slice(5, 7)), weekStart), [month, weekStart]);
  const { placed } = useViewItems(weeks[0]?.[0] ?? `${month}-01`, weeks.length * 7);
  const gridRef = useRef<HTMLDivElement>(null);
  const [lanes, setLanes] = useState(3);
  useLayoutEffect(() => {
    const el = gridRef.current;
    if (!el) return;
    const measure = () => setLanes(Math.max(1, Math.floor((el.clientHeight / weeks.length - HEADER - MORE) / LANE)));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [weeks.length]);
  const rows = useMemo(() => layoutMonth(placed, weeks.length, lanes), [placed, weeks.length, lanes]);
  const byKey = useMemo(() => new Map(placed.map((p) => [p.item.key, p.item])), [placed]);
  const drop = (key: string, days: number) => {
    const item = byKey.get(key);
    if (item?.kind === 'event') onShift(item.occ, 'move', { days, minutes: 0 });
  };

  return (
    <div className="flex h-full min-h-0 flex-col" data-testid="cal-month">
      <div className="grid shrink-0 grid-cols-7 border-b border-line text-[11px] font-medium text-faint" aria-hidden>
        {(weeks[0] ?? []).map((date) => (
          <div key={date} className="px-2 py-1">
            {weekdayShort(date)}
          </div>
        ))}
      </div>
      <div
        ref={gridRef}
        role="grid"
        aria-label={`Month ${month}`}
        className="grid min-h-0 flex-1"
        style={{ gridTemplateRows: `repeat(${weeks.length}, minmax(0, 1fr))` }}
      >
        {weeks.map((week, w) => (
          <div key={week[0]} role="row" className="relative grid min-h-0 grid-cols-7 border-b border-line contain-strict last:border-b-0">
            {week.map((date, col) => {
              const outside = date.slice(0, 7) !== month;
              const entries = journal.get(date) ?? 0;
              const more = rows[w]?.more[col] ?? 0;
              return (
                <div
                  key={date}
                  role="gridcell"
                  data-date={date}
                  aria-label={date}
                  onDoubleClick={(e) => e.target === e.currentTarget && openDraft({ kind: 'date', date }, { kind: 'date', date: nextDay(date) })}
                  {...dayDropTarget(date, drop)}
                  className={cx('relative min-w-0 border-r border-line last:border-r-0', outside && 'bg-canvas/50')}
                >
                  <div className="flex h-[22px] items-center gap-1 px-1.5">
                    <button
                      type="button"
                      aria-label={`Open day ${date}`}
                      onClick={() => goTo(date, 'day')}
                      className={cx(
                        'flex h-5 min-w-5 items-center justify-center rounded-full px-1 text-[11.5px] tabular-nums hover:bg-hover',
                        date === today ? 'bg-accent font-semibold text-on-accent hover:bg-accent-strong' : outside ? 'text-faint' : 'text-muted',
                      )}
                    >
                      {Number(date.slice(8))}
                    </button>
                    {entries > 0 ? (
                      <button
                        type="button"
                        data-testid="cal-overlay"
                        data-layer="journal"
                        aria-label={`Journal: ${entries} ${entries === 1 ? 'entry' : 'entries'} on ${date}`}
                        title={`${entries} journal ${entries === 1 ? 'entry' : 'entries'}`}
                        onClick={() => void openJournalDay(date)}
                        className="text-faint hover:text-accent"
                      >
                        <BookOpen className="size-3" aria-hidden />
                      </button>
                    ) : null}
                  </div>
                  {more > 0 ? (
                    <button
                      type="button"
                      onClick={() => goTo(date, 'day')}
                      aria-label={`${more} more on ${date}`}
                      className="absolute bottom-0.5 left-1.5 text-[11px] font-medium text-muted hover:text-text"
                    >
                      +{more} more
                    </button>
                  ) : null}
                </div>
              );
            })}
            {rows[w]?.segments.map((seg) => {
              const item = seg.placed.item;
              const style = { top: HEADER + seg.lane * LANE, left: `calc(${(seg.col / 7) * 100}% + 3px)`, width: `calc(${(seg.span / 7) * 100}% - 6px)` };
              return (
                <div key={`${item.key}@${w}`} className="absolute" style={style}>
                  {item.kind === 'overlay' ? (
                    <OverlayChip item={item} onTask={onTask} />
                  ) : (
                    <EventChip
                      item={item}
                      time={seg.placed.bar ? undefined : timeLabel(item.startMs, zone)}
                      compactTime
                      draggable
                      onDragStart={(e) => startDayDrag(e, item as EventItem)}
                      className={cx(seg.fromBefore && 'rounded-l-none', seg.toAfter && 'rounded-r-none')}
                    />
                  )}
                </div>
              );
            })}
          </div>
        ))}
      </div>
    </div>
  );
}

const nextDay = (date: string): string => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
