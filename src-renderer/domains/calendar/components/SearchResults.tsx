import { CheckSquare, Repeat, SearchX } from 'lucide-react';
import { useShallow } from 'zustand/react/shallow';
import { Callout } from '../../../ui/Callout';
import { EmptyState } from '../../../ui/EmptyState';
import { Spinner } from '../../../ui/Spinner';
import { cx } from '../../../ui/cx';
import { COLOR_CLASSES, type SearchHit } from '../calendar-types';
import { useCalendarStore } from '../calendar.store';
import { longDate, timeLabel } from '../format';
import { todayInZone } from '../layout/days';

/** Jumps to a hit: its date in the day view and the event opened (a task hit opens the tasks panel). */
export function openHit(hit: SearchHit, onTask: () => void): void {
  const store = useCalendarStore.getState();
  store.search('');
  if (hit.kind === 'task') return onTask();
  if (hit.start) store.goTo(todayInZone(store.zone, Date.parse(hit.start)), 'day');
  store.openEvent({ eventId: hit.eventId, occurrenceKey: null });
}

/** `calendar.search` results: ↑/↓ in the search box move the selection, Enter opens it. */
export function SearchResults({ selected, onTask }: { selected: number; onTask(): void }) {
  const { hits, searchError, zone, calendars } = useCalendarStore(
    useShallow((s) => ({ hits: s.hits, searchError: s.searchError, zone: s.zone, calendars: s.calendars })),
  );
  if (searchError)
    return (
      <Callout tone="danger" className="m-4">
        Search failed: {searchError}
      </Callout>
    );
  if (hits === null)
    return (
      <p className="flex items-center gap-2 p-6 text-[13px] text-muted">
        <Spinner /> Searching…
      </p>
    );
  if (hits.length === 0)
    return (
      <EmptyState icon={SearchX} title="No matches">
        Try another word, a place or a name.
      </EmptyState>
    );
  const colors = new Map(calendars.map((c) => [c.id, c.color]));
  return (
    <ul role="listbox" aria-label="Search results" className="h-full overflow-y-auto p-2" data-testid="cal-search-results">
      {hits.map((hit, i) => (
        <li key={`${hit.kind}:${hit.eventId}`} role="option" aria-selected={i === selected}>
          <button
            type="button"
            data-testid="cal-search-hit"
            onClick={() => openHit(hit, onTask)}
            className={cx('flex w-full items-start gap-3 rounded-md px-3 py-2 text-left hover:bg-hover', i === selected && 'bg-hover')}
          >
            {hit.kind === 'task' ? (
              <CheckSquare className="mt-0.5 size-3.5 shrink-0 text-faint" aria-hidden />
            ) : (
              <span className={cx('mt-1.5 size-2 shrink-0 rounded-full', COLOR_CLASSES[colors.get(hit.calendarId) ?? 'slate'].dot)} aria-hidden />
            )}
            <span className="min-w-0 flex-1">
              <span className="flex items-center gap-1.5 text-[13px] font-medium text-text">
                <span className="truncate">{hit.title || 'Untitled'}</span>
                {hit.recurring ? <Repeat className="size-3 shrink-0 text-faint" aria-label="repeats" /> : null}
              </span>
              <span className="block truncate text-[12px] text-muted">
                {hit.start ? `${longDate(todayInZone(zone, Date.parse(hit.start)))}, ${timeLabel(Date.parse(hit.start), zone)}` : 'No date'}
                {hit.location ? ` · ${hit.location}` : ''}
              </span>
              {hit.snippet ? <span className="block truncate text-[12px] text-faint">{hit.snippet}</span> : null}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
