import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { eventItem, type ViewItem } from './calendar-types';
import { useCalendarStore } from './calendar.store';
import { placeItems, type Placed } from './layout/bucket';
import { dayRange, type DayRange } from './layout/days';

/**
 * The visible range's day boundaries and its items placed on them: instances of visible calendars plus the
 * overlay chips. Recomputed only when the data, the range or the zone change (not on hover, focus or drag).
 */
export function useViewItems(from: string, days: number): { range: DayRange; placed: Placed<ViewItem>[] } {
  const { zone, occurrences, calendars, overlays } = useCalendarStore(
    useShallow((s) => ({ zone: s.zone, occurrences: s.occurrences, calendars: s.calendars, overlays: s.overlays })),
  );
  const range = useMemo(() => dayRange(zone, from, days), [zone, from, days]);
  const placed = useMemo(() => {
    const colors = new Map(calendars.map((c) => [c.id, c.visible ? c.color : null]));
    const items: ViewItem[] = [];
    for (const occ of occurrences) {
      const color = colors.get(occ.calendarId);
      // An instance of a calendar not listed yet (just created elsewhere) shows in slate rather than vanishing.
      if (color !== null) items.push(eventItem(occ, color ?? 'slate'));
    }
    items.push(...overlays.items);
    return placeItems(items, range);
  }, [occurrences, calendars, overlays, range]);
  return { range, placed };
}
