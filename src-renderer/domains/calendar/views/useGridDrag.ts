import { useRef, useState, type PointerEvent as ReactPointerEvent } from 'react';
import { daysBetween } from '../../../../src-shared/lib/local-date';
import type { EventItem } from '../calendar-types';
import { useCalendarStore } from '../calendar.store';
import type { WallDelta } from '../layout/move';

export const HOUR_PX = 44;
const SNAP = 15;

/** A drag in progress on the time grid, in wall minutes of the viewer zone. */
export type GridDrag =
  | { kind: 'create'; date: string; a: number; b: number }
  | { kind: 'move' | 'resize'; item: EventItem; fromDate: string; fromMin: number; date: string; min: number; moved: boolean };

/** The day column and snapped wall minute under a pointer (columns carry data-col-date). */
function pointAt(x: number, y: number): { date: string; min: number } | null {
  for (const el of document.elementsFromPoint(x, y)) {
    if (el instanceof HTMLElement && el.dataset.colDate) {
      const rect = el.getBoundingClientRect();
      const raw = ((y - rect.top) / HOUR_PX) * 60;
      return { date: el.dataset.colDate, min: Math.min(1440, Math.max(0, Math.round(raw / SNAP) * SNAP)) };
    }
  }
  return null;
}

const hhmm = (min: number): string => `${String(Math.floor(min / 60)).padStart(2, '0')}:${String(min % 60).padStart(2, '0')}`;
const plusDay = (date: string): string => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/**
 * Pointer drags on the time grid: on empty space creates (the editor opens prefilled), on an event moves it (also to
 * another day), on its bottom edge resizes it. A press without movement on an event opens it. The grid captures the
 * pointer, so a drag keeps going over other events and outside the column.
 */
export function useGridDrag(onShift: (item: EventItem, mode: 'move' | 'resize', delta: WallDelta) => void) {
  const [drag, setDrag] = useState<GridDrag | null>(null);
  const dragRef = useRef<GridDrag | null>(null);
  const update = (next: GridDrag | null) => {
    dragRef.current = next;
    setDrag(next);
  };

  const begin = (e: ReactPointerEvent<HTMLElement>, item: EventItem | null, mode: 'move' | 'resize' = 'move') => {
    if (e.button !== 0) return;
    const at = pointAt(e.clientX, e.clientY);
    if (!at) return;
    e.stopPropagation();
    e.preventDefault();
    (e.currentTarget.closest('[data-grid-body]') as HTMLElement | null)?.setPointerCapture(e.pointerId);
    if (!item) update({ kind: 'create', date: at.date, a: Math.min(at.min, 1440 - SNAP), b: Math.min(at.min, 1440 - SNAP) });
    else if (!item.occ.readOnly || mode === 'move') update({ kind: mode, item, fromDate: at.date, fromMin: at.min, date: at.date, min: at.min, moved: false });
  };

  const onPointerMove = (e: ReactPointerEvent<HTMLElement>) => {
    const current = dragRef.current;
    if (!current) return;
    const at = pointAt(e.clientX, e.clientY);
    if (!at) return;
    if (current.kind === 'create') return update({ ...current, b: at.min });
    // A resize changes the end on the event's own day; a move may go to another day.
    const date = current.kind === 'resize' ? current.fromDate : at.date;
    if (date !== current.date || at.min !== current.min) update({ ...current, date, min: at.min, moved: true });
  };

  const onPointerUp = () => {
    const current = dragRef.current;
    update(null);
    if (!current) return;
    const store = useCalendarStore.getState();
    if (current.kind === 'create') {
      const start = Math.min(current.a, current.b);
      const end = Math.max(current.a, current.b) - start < SNAP ? Math.min(1440, start + 60) : Math.max(current.a, current.b);
      const tz = store.zone;
      const local = (min: number) => (min >= 1440 ? `${plusDay(current.date)}T00:00` : `${current.date}T${hhmm(min)}`);
      store.openDraft({ kind: 'zoned', local: local(start), tz }, { kind: 'zoned', local: local(end), tz });
      return;
    }
    if (!current.moved) {
      store.openEvent(current.item.occ);
      return;
    }
    if (current.item.occ.readOnly) return store.say('This calendar is read-only.');
    const days = daysBetween(current.fromDate, current.date);
    const minutes = current.min - current.fromMin;
    if (days === 0 && minutes === 0) return;
    onShift(current.item, current.kind, current.kind === 'resize' ? { days: 0, minutes: days * 1440 + minutes } : { days, minutes });
  };

  return { drag, begin, handlers: { onPointerMove, onPointerUp, onPointerCancel: () => update(null) } };
}
