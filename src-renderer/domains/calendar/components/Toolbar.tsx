import { ChevronLeft, ChevronRight, ListChecks, PanelLeft, Plus, Search, X } from 'lucide-react';
import type { KeyboardEvent, RefObject } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { Button } from '../../../ui/Button';
import { cx } from '../../../ui/cx';
import { useCalendarStore } from '../calendar.store';
import { CalendarToolsMenu } from '../editor';
import { CALENDAR_VIEWS, viewTitle } from '../layout/grid';
import { newEventSlot } from '../useCalendarShortcuts';

const VIEW_LABEL = { day: 'Day', week: 'Week', month: 'Month', year: 'Year', agenda: 'Agenda' } as const;

/** Today, ‹ ›, the period title, search, the view switcher, tasks, tools and "New event". Narrow: short labels. */
export function Toolbar({
  searchRef,
  onSearchKey,
  railOpen,
  onRail,
  tasksOpen,
  onTasks,
}: {
  searchRef: RefObject<HTMLInputElement | null>;
  onSearchKey(e: KeyboardEvent<HTMLInputElement>): void;
  railOpen: boolean;
  onRail(): void;
  tasksOpen: boolean;
  onTasks(): void;
}) {
  const { view, anchor, weekStart, query, calendars } = useCalendarStore(
    useShallow((s) => ({ view: s.view, anchor: s.anchor, weekStart: s.weekStart, query: s.query, calendars: s.calendars })),
  );
  const store = useCalendarStore.getState();
  const selected = calendars.find((c) => c.visible && !c.readOnly)?.id ?? null;
  return (
    <div className="flex h-11 shrink-0 items-center gap-1.5 border-b border-line px-2.5" role="toolbar" aria-label="Calendar">
      <Button
        size="sm"
        variant="ghost"
        icon={PanelLeft}
        aria-label={railOpen ? 'Hide calendars' : 'Show calendars'}
        aria-expanded={railOpen}
        onClick={onRail}
        className="@min-[900px]:hidden"
      />
      <Button size="sm" onClick={() => store.goToday()} title="Today (t)">
        Today
      </Button>
      <Button size="sm" variant="ghost" icon={ChevronLeft} aria-label="Previous period" title="Previous (←)" onClick={() => store.go(-1)} />
      <Button size="sm" variant="ghost" icon={ChevronRight} aria-label="Next period" title="Next (→)" onClick={() => store.go(1)} />
      <h1 className="min-w-0 flex-1 truncate pl-1 text-[15px] font-semibold" data-testid="cal-title" aria-live="polite">
        <span className="@max-[1100px]:hidden">{viewTitle(view, anchor, weekStart)}</span>
        <span className="@min-[1100px]:hidden">{viewTitle(view, anchor, weekStart, undefined, true)}</span>
      </h1>
      <label className="relative flex w-36 items-center @max-[900px]:w-28 @min-[1200px]:w-56">
        <Search className="pointer-events-none absolute left-2 size-3.5 text-faint" aria-hidden />
        <input
          ref={searchRef}
          type="search"
          aria-label="Search events"
          placeholder="Search (/)"
          value={query}
          maxLength={500}
          onChange={(e) => store.search(e.target.value)}
          onKeyDown={onSearchKey}
          className="field-input h-7 pr-6 pl-7 text-[12.5px] [&::-webkit-search-cancel-button]:hidden"
        />
        {query ? (
          <button type="button" aria-label="Clear search" onClick={() => store.search('')} className="absolute right-1.5 text-faint hover:text-text">
            <X className="size-3.5" aria-hidden />
          </button>
        ) : null}
      </label>
      <div role="radiogroup" aria-label="View" className="flex shrink-0 rounded-md border border-line-strong p-px">
        {CALENDAR_VIEWS.map((v) => (
          <button
            key={v}
            type="button"
            role="radio"
            aria-checked={view === v}
            aria-label={`${VIEW_LABEL[v]} view`}
            title={`${VIEW_LABEL[v]} (${v[0]})`}
            data-view={v}
            onClick={() => store.setView(v)}
            className={cx('h-6 rounded-[5px] px-2 text-[12px] font-medium', view === v ? 'bg-hover text-text' : 'text-muted hover:text-text')}
          >
            <span className="@max-[1000px]:hidden">{VIEW_LABEL[v]}</span>
            <span className="@min-[1000px]:hidden" aria-hidden>
              {VIEW_LABEL[v][0]}
            </span>
          </button>
        ))}
      </div>
      <Button
        size="sm"
        variant="ghost"
        icon={ListChecks}
        aria-label="Tasks"
        aria-pressed={tasksOpen}
        title="Tasks"
        onClick={onTasks}
        className={cx(tasksOpen && 'bg-hover text-text')}
      />
      <CalendarToolsMenu calendars={calendars} selectedCalendarId={selected} />
      <Button
        size="sm"
        variant="primary"
        icon={Plus}
        aria-label="New event"
        title="New event (n)"
        onClick={() => {
          const s = useCalendarStore.getState();
          const slot = newEventSlot(s.anchor, s.today, s.zone, Date.now());
          s.openDraft(slot.start, slot.end);
        }}
      />
    </div>
  );
}
