import { useEffect, type RefObject } from 'react';
import type { EventTime } from '../../../src-shared/domains/calendar/calendar.schemas';
import { useCalendarStore } from './calendar.store';
import type { CalendarView } from './layout/grid';

const VIEW_KEYS: Record<string, CalendarView> = { d: 'day', w: 'week', m: 'month', y: 'year', a: 'agenda' };
const dialogOpen = (): boolean => document.querySelector('[role="dialog"][data-state="open"], [role="alertdialog"][data-state="open"]') !== null;

/** True while the user types in a field, where letters are text, not shortcuts. */
function typing(event: KeyboardEvent): boolean {
  const target = event.composedPath()[0];
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

/** A new event's default slot: the next whole hour today, 09:00 on another day; one hour, in the viewer zone. */
export function newEventSlot(anchor: string, today: string, zone: string, nowMs: number): { start: EventTime; end: EventTime } {
  const hour = anchor === today ? Number(new Intl.DateTimeFormat('en-GB', { hour: '2-digit', hourCycle: 'h23', timeZone: zone }).format(nowMs)) + 1 : 9;
  const at = (h: number) => (h >= 24 ? `${addDay(anchor)}T${String(h - 24).padStart(2, '0')}:00` : `${anchor}T${String(h).padStart(2, '0')}:00`);
  return { start: { kind: 'zoned', local: at(hour), tz: zone }, end: { kind: 'zoned', local: at(hour + 1), tz: zone } };
}
const addDay = (date: string): string => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/**
 * Calendar keys (listed in ShortcutsHelp), without modifiers and never while typing or in a dialog: t today,
 * ←/→ or j/k previous/next period, d/w/m/y/a views, n new event, / search. Escape clears the search or closes the
 * tasks panel. Enter on a focused event opens it (events are buttons).
 */
export function useCalendarShortcuts(searchRef: RefObject<HTMLInputElement | null>, onEscape: () => void): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || dialogOpen()) return;
      if (typing(event)) return;
      const store = useCalendarStore.getState();
      const key = event.key;
      if (key === 't') store.goToday();
      else if (key === 'ArrowLeft' || key === 'k') store.go(-1);
      else if (key === 'ArrowRight' || key === 'j') store.go(1);
      else if (VIEW_KEYS[key]) store.setView(VIEW_KEYS[key]);
      else if (key === 'n') {
        const slot = newEventSlot(store.anchor, store.today, store.zone, Date.now());
        store.openDraft(slot.start, slot.end);
      } else if (key === '/') {
        searchRef.current?.focus();
        searchRef.current?.select();
      } else if (key === 'Escape') onEscape();
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [searchRef, onEscape]);
}
