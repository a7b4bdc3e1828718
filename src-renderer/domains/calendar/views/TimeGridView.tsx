import { BookOpen } from 'lucide-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { cx } from '../../../ui/cx';
import type { EventItem } from '../calendar-types';
import { useCalendarStore } from '../calendar.store';
import { hourLabel, timeLabel, weekdayShort } from '../format';
import { bucketByDay } from '../layout/bucket';
import { dateAt as dateOf, wallMinutes } from '../layout/days';
import { viewRange } from '../layout/grid';
import { layoutColumns } from '../layout/overlap';
import { openJournalDay } from '../overlays';
import { useViewItems } from '../useViewItems';
import { AllDayRow } from './AllDayRow';
import { DragGhost } from './DragGhost';
import { TimedEvent } from './TimedEvent';
import { HOUR_PX, useGridDrag } from './useGridDrag';
import type { ViewProps } from './view-props';

const GUTTER = 'w-12';

/** Day and week: day headers, the all-day row, then 24 wall-clock hours with side-by-side overlaps and a now-line. */
export function TimeGridView({ days, onShift, onTask }: ViewProps & { days: 1 | 7 }) {
  const { anchor, today, weekStart, zone, journal, goTo } = useCalendarStore(
    useShallow((s) => ({ anchor: s.anchor, today: s.today, weekStart: s.weekStart, zone: s.zone, journal: s.overlays.journal, goTo: s.goTo })),
  );
  const { from } = viewRange(days === 1 ? 'day' : 'week', anchor, weekStart);
  const { range, placed } = useViewItems(from, days);
  const dates = useMemo(() => Array.from({ length: days }, (_, i) => dateOf(range, i)), [range, days]);
  const columns = useMemo(() => {
    const buckets = bucketByDay(
      placed.filter((p) => !p.bar),
      days,
    );
    return buckets.map((bucket, i) =>
      layoutColumns(
        bucket.map((p) => ({ item: p.item as EventItem, startMin: wallMinutes(range, i, p.item.startMs), endMin: wallMinutes(range, i, p.item.endMs) })),
      ),
    );
  }, [placed, range, days]);
  const bars = useMemo(() => placed.filter((p) => p.bar), [placed]);
  const { drag, begin, handlers } = useGridDrag((item, mode, delta) => onShift(item.occ, mode, delta));

  const scrollRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // Open at 07:00 (or an hour before now, if later): the morning, not midnight.
    const hour = Math.max(7, dates.includes(today) ? new Date().getHours() - 1 : 7);
    scrollRef.current?.scrollTo({ top: Math.min(hour, 16) * HOUR_PX });
  }, [dates, today]);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 60_000);
    return () => window.clearInterval(timer);
  }, []);
  const todayIndex = dates.indexOf(today);

  const box = (startMin: number, endMin: number, col = 0, cols = 1) => ({
    top: (startMin / 60) * HOUR_PX,
    height: Math.max(18, ((endMin - startMin) / 60) * HOUR_PX - 1),
    left: `calc(${(col / cols) * 100}% + 1px)`,
    width: `calc(${100 / cols}% - 3px)`,
  });
  const label = (item: EventItem) => `${timeLabel(item.startMs, zone)} – ${timeLabel(item.endMs, zone)}`;

  return (
    <div className="flex h-full min-h-0 flex-col" data-testid={days === 1 ? 'cal-day' : 'cal-week'}>
      <div className="flex shrink-0 border-b border-line">
        <div className={GUTTER} />
        {dates.map((date) => (
          <div key={date} className="flex min-w-0 flex-1 items-center gap-1.5 border-l border-line px-2 py-1.5">
            <button
              type="button"
              aria-label={`Open day ${date}`}
              onClick={() => goTo(date, 'day')}
              className="flex items-baseline gap-1.5 rounded px-1 text-[12px] text-muted hover:bg-hover"
            >
              <span>{weekdayShort(date)}</span>
              <span className={cx('text-[15px] tabular-nums', date === today ? 'rounded-full bg-accent px-1.5 font-semibold text-on-accent' : 'text-text')}>
                {Number(date.slice(8))}
              </span>
            </button>
            {journal.get(date) ? (
              <button
                type="button"
                data-testid="cal-overlay"
                data-layer="journal"
                aria-label={`Journal entries on ${date}`}
                onClick={() => void openJournalDay(date)}
                className="text-faint hover:text-accent"
              >
                <BookOpen className="size-3" aria-hidden />
              </button>
            ) : null}
          </div>
        ))}
      </div>
      <AllDayRow dates={dates} bars={bars} onShift={onShift} onTask={onTask} gutter={GUTTER} />
      <div ref={scrollRef} className="min-h-0 flex-1 overflow-y-auto">
        <div className="relative flex select-none" style={{ height: 24 * HOUR_PX }} data-grid-body {...handlers}>
          <div className={cx(GUTTER, 'relative shrink-0')} aria-hidden>
            {Array.from({ length: 23 }, (_, h) => (
              <span key={h} className="absolute right-1.5 -translate-y-1/2 text-[10.5px] text-faint tabular-nums" style={{ top: (h + 1) * HOUR_PX }}>
                {hourLabel(h + 1)}
              </span>
            ))}
          </div>
          {dates.map((date, i) => (
            <div
              key={date}
              data-col-date={date}
              data-date={date}
              role="group"
              aria-label={`Hours of ${date}`}
              onPointerDown={(e) => begin(e, null)}
              className="relative min-w-0 flex-1 cursor-cell border-l border-line bg-[repeating-linear-gradient(to_bottom,transparent_0,transparent_43px,var(--color-line)_43px,var(--color-line)_44px)]"
            >
              {columns[i]?.map((b) => (
                <TimedEvent
                  key={b.item.key}
                  item={b.item}
                  label={label(b.item)}
                  style={box(b.startMin, b.endMin, b.col, b.cols)}
                  onPress={(e, mode) => begin(e, b.item, mode)}
                />
              ))}
              {drag?.kind === 'create' && drag.date === date ? (
                <div
                  className="pointer-events-none absolute inset-x-1 z-20 rounded-[5px] bg-accent/25 ring-1 ring-accent"
                  style={box(Math.min(drag.a, drag.b), Math.max(drag.a, drag.b, Math.min(drag.a, drag.b) + 15))}
                />
              ) : null}
              {drag && drag.kind !== 'create' && drag.moved && drag.date === date ? <DragGhost drag={drag} range={{ range, i, zone }} box={box} /> : null}
              {i === todayIndex ? (
                <div
                  className="pointer-events-none absolute inset-x-0 z-30 h-0.5 bg-danger"
                  style={{ top: (wallMinutes(range, i, now) / 60) * HOUR_PX }}
                  data-testid="cal-now"
                >
                  <span className="absolute -top-[3px] -left-1 size-2 rounded-full bg-danger" />
                </div>
              ) : null}
            </div>
          ))}
        </div>
      </div>
    </div>
  );
}
