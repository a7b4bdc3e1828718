import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { Button } from '../../ui/Button';
import { Callout } from '../../ui/Callout';
import { Spinner } from '../../ui/Spinner';
import { cx } from '../../ui/cx';
import type { Occurrence } from './calendar-types';
import { useCalendarStore } from './calendar.store';
import { CalendarRail } from './components/CalendarRail';
import { Notice } from './components/Notice';
import { openHit, SearchResults } from './components/SearchResults';
import { Toolbar } from './components/Toolbar';
import { EventEditor, QuickAddBar, TasksPanel, useScopePrompt } from './editor';
import { CalendarDialog } from './editor/CalendarDialog';
import type { WallDelta } from './layout/move';
import { useCalendarShortcuts } from './useCalendarShortcuts';
import { AgendaView } from './views/AgendaView';
import { MonthView } from './views/MonthView';
import { TimeGridView } from './views/TimeGridView';
import { YearView } from './views/YearView';

/**
 * The calendar: rail (mini month, calendars, overlays) on the left, toolbar and the view in the middle, tasks on the
 * right when open. The editor and the "which events?" prompt come from ./editor. Below 900 px the rail folds away
 * behind a toolbar button.
 */
export function CalendarPage() {
  const { view, editor, calendars, error, loading, query, hits } = useCalendarStore(
    useShallow((s) => ({ view: s.view, editor: s.editor, calendars: s.calendars, error: s.error, loading: s.loading, query: s.query, hits: s.hits })),
  );
  const start = useCalendarStore((s) => s.start);
  useEffect(() => start(), [start]);
  // Actions only (stable functions); state is read through the selectors above.
  const store = useCalendarStore.getState();
  const searchRef = useRef<HTMLInputElement>(null);
  const [railOpen, setRailOpen] = useState(false);
  const [tasksOpen, setTasksOpen] = useState(false);
  const [firstCalendar, setFirstCalendar] = useState(false);
  const loaded = useCalendarStore((s) => s.loadedKey !== null && !s.loading);
  // The selected search hit, reset to the first whenever a new result list arrives.
  const [pick, setPick] = useState<{ hits: unknown; index: number }>({ hits: null, index: 0 });
  const selected = pick.hits === hits ? pick.index : 0;
  const setSelected = (next: (i: number) => number) => setPick({ hits, index: next(selected) });
  const scope = useScopePrompt();
  const ask = scope.ask;

  const onShift = useCallback(
    async (occ: Occurrence, mode: 'move' | 'resize', delta: WallDelta) => {
      const chosen = occ.recurring ? await ask('move') : 'all';
      if (chosen) await useCalendarStore.getState().shift(occ, mode, delta, chosen);
    },
    [ask],
  );
  const openTasks = useCallback(() => setTasksOpen(true), []);
  const onEscape = useCallback(() => {
    if (useCalendarStore.getState().query) useCalendarStore.getState().search('');
    else if (tasksOpen) setTasksOpen(false);
    else setRailOpen(false);
  }, [tasksOpen]);
  useCalendarShortcuts(searchRef, onEscape);

  const onSearchKey = (e: KeyboardEvent<HTMLInputElement>) => {
    const count = hits?.length ?? 0;
    if (e.key === 'Escape') {
      store.search('');
      searchRef.current?.blur();
    } else if (e.key === 'ArrowDown' && count) setSelected((i) => Math.min(count - 1, i + 1));
    else if (e.key === 'ArrowUp' && count) setSelected((i) => Math.max(0, i - 1));
    else if (e.key === 'Enter' && hits?.[selected]) openHit(hits[selected], openTasks);
    else return;
    e.preventDefault();
  };

  const props = { onShift: (o: Occurrence, m: 'move' | 'resize', d: WallDelta) => void onShift(o, m, d), onTask: openTasks };
  const defaultCalendarId = calendars.find((c) => c.visible && !c.readOnly)?.id ?? null;
  return (
    <div className="@container h-full">
      <div className="relative flex h-full min-h-0" data-testid="calendar-page">
        <div
          className={cx(
            'h-full',
            railOpen ? 'absolute inset-y-0 left-0 z-30 shadow-pop @min-[900px]:static @min-[900px]:shadow-none' : 'hidden @min-[900px]:block',
          )}
        >
          <div className="flex h-full flex-col bg-surface">
            <div className="w-[212px] border-r border-b border-line p-2">
              <QuickAddBar calendars={calendars} defaultCalendarId={defaultCalendarId} onCreated={() => void store.load(true)} />
            </div>
            <div className="min-h-0 flex-1">
              <CalendarRail />
            </div>
          </div>
        </div>
        <section aria-label="Calendar view" className="flex min-w-0 flex-1 flex-col">
          <Toolbar
            searchRef={searchRef}
            onSearchKey={onSearchKey}
            railOpen={railOpen}
            onRail={() => setRailOpen(!railOpen)}
            tasksOpen={tasksOpen}
            onTasks={() => setTasksOpen(!tasksOpen)}
          />
          {error ? (
            <Callout tone="danger" className="m-3">
              <span className="flex items-center gap-3">
                The calendar could not be read: {error}
                <Button size="sm" onClick={() => void store.load(true)}>
                  Try again
                </Button>
              </span>
            </Callout>
          ) : null}
          {loaded && !error && calendars.length === 0 ? (
            <Callout className="m-3">
              <span className="flex flex-wrap items-center gap-3">
                No calendar yet. Create one to add events, or import an .ics file from Calendar tools.
                <Button size="sm" variant="primary" onClick={() => setFirstCalendar(true)}>
                  Create a calendar
                </Button>
              </span>
            </Callout>
          ) : null}
          {firstCalendar ? <CalendarDialog calendar={null} onClose={() => setFirstCalendar(false)} /> : null}
          <div className="relative min-h-0 flex-1" aria-busy={loading}>
            {query.trim() ? (
              <SearchResults selected={selected} onTask={openTasks} />
            ) : view === 'month' ? (
              <MonthView {...props} />
            ) : view === 'week' || view === 'day' ? (
              <TimeGridView key={view} days={view === 'day' ? 1 : 7} {...props} />
            ) : view === 'year' ? (
              <YearView />
            ) : (
              <AgendaView onTask={openTasks} />
            )}
            {loading ? <Spinner className="absolute top-2 right-3 size-4 text-faint" /> : null}
          </div>
        </section>
        {tasksOpen ? (
          <aside
            aria-label="Tasks"
            className="w-[300px] shrink-0 overflow-y-auto border-l border-line bg-surface @max-[900px]:absolute @max-[900px]:inset-y-0 @max-[900px]:right-0 @max-[900px]:z-30 @max-[900px]:shadow-pop"
          >
            <TasksPanel calendars={calendars} />
          </aside>
        ) : null}
      </div>
      <EventEditor target={editor} calendars={calendars} onClose={() => store.closeEditor()} />
      {scope.element}
      <Notice />
    </div>
  );
}
