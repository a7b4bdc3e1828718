import type { DragEvent } from 'react';
import { daysBetween } from '../../../../src-shared/lib/local-date';
import type { EventItem } from '../calendar-types';
import { DRAG_TYPE } from './Chips';

/** The day cell under a point (chips lie over the cells, so the first element with a data-date below). */
export function dateAt(x: number, y: number): string | null {
  for (const el of document.elementsFromPoint(x, y)) if (el instanceof HTMLElement && el.dataset.date) return el.dataset.date;
  return null;
}

/** Starts dragging an instance by whole days: remembers which day of it was grabbed (a bar spans several). */
export function startDayDrag(e: DragEvent<HTMLElement>, item: EventItem): void {
  const from = dateAt(e.clientX, e.clientY) ?? item.occ.startDate ?? '';
  e.dataTransfer.setData(DRAG_TYPE, JSON.stringify({ key: item.key, from }));
  e.dataTransfer.effectAllowed = 'move';
}

/** Handlers for a day cell that accepts dropped instances: calls `onDrop(key, days)` with the whole-day delta. */
export function dayDropTarget(date: string, onDrop: (key: string, days: number) => void) {
  return {
    onDragOver(e: DragEvent<HTMLElement>) {
      if (!e.dataTransfer.types.includes(DRAG_TYPE)) return;
      e.preventDefault();
      e.dataTransfer.dropEffect = 'move';
    },
    onDrop(e: DragEvent<HTMLElement>) {
      const raw = e.dataTransfer.getData(DRAG_TYPE);
      if (!raw) return;
      e.preventDefault();
      try {
        const { key, from } = JSON.parse(raw) as { key: string; from: string };
        const days = daysBetween(from, date);
        if (days !== 0) onDrop(key, days);
      } catch {
        // A payload from elsewhere (another window) is ignored.
      }
    },
  };
}
