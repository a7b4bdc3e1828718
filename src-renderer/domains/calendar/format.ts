import { utcNoon } from './layout/grid';

const cache = new Map<string, Intl.DateTimeFormat>();
function formatter(key: string, opts: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(undefined, opts);
    // Keys are a handful of styles × the viewer's zone: the map stays tiny.
    cache.set(key, f);
  }
  return f;
}

/** "09:30" / "9:30 AM" in the viewer zone (the user's locale decides 12/24 h). */
export const timeLabel = (ms: number, zone: string): string => formatter(`t|${zone}`, { hour: 'numeric', minute: '2-digit', timeZone: zone }).format(ms);

/** "Mon 16" style day header of an ISO date. */
export const weekdayShort = (date: string): string => formatter('wd', { weekday: 'short', timeZone: 'UTC' }).format(utcNoon(date));

/** "Monday, 16 March 2026" of an ISO date. */
export const longDate = (date: string): string =>
  formatter('long', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(utcNoon(date));

/** "Wed, 2 Dec" of an ISO date (agenda day headers). */
export const agendaDate = (date: string): string =>
  formatter('agenda', { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' }).format(utcNoon(date));

/** "March" of an ISO date. */
export const monthName = (date: string): string => formatter('mon', { month: 'long', timeZone: 'UTC' }).format(utcNoon(date));

/** "9 AM" / "09" hour row labels. */
export const hourLabel = (hour: number): string => formatter('h', { hour: 'numeric', timeZone: 'UTC' }).format(Date.UTC(2026, 0, 1, hour));

/** Narrow weekday initials in week-start order ("M T W T F S S"). */
export function weekdayInitials(weekStart: number): string[] {
  const f = formatter('narrow', { weekday: 'narrow', timeZone: 'UTC' });
  // 2024-01-01 was a Monday (ISO weekday 1).
  return Array.from({ length: 7 }, (_, i) => f.format(Date.UTC(2024, 0, ((weekStart - 1 + i) % 7) + 1, 12)));
}
