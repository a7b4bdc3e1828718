import { addDays, daysBetween, daysInMonth, formatParts, isoWeekday } from '../../../../src-shared/lib/local-date';

export type CalendarView = 'day' | 'week' | 'month' | 'year' | 'agenda';
export const CALENDAR_VIEWS: readonly CalendarView[] = ['day', 'week', 'month', 'year', 'agenda'];
/** ISO weekday a week starts on: 1 Monday … 7 Sunday. Monday until settings has a choice. */
export type WeekStart = 1 | 2 | 3 | 4 | 5 | 6 | 7;
export const AGENDA_DAYS = 60;

/** The first day of the week (starting on `weekStart`) that holds `date`. */
export function startOfWeek(date: string, weekStart: WeekStart = 1): string {
  return addDays(date, -((isoWeekday(date) - weekStart + 7) % 7));
}

/** The weeks shown for a month: whole weeks from the one holding the 1st to the one holding the last day (4–6 rows). */
export function monthWeeks(year: number, month: number, weekStart: WeekStart = 1): string[][] {
  const first = startOfWeek(formatParts(year, month, 1), weekStart);
  const last = formatParts(year, month, daysInMonth(year, month));
  const weeks: string[][] = [];
  for (let day = first; daysBetween(day, last) >= 0; day = addDays(day, 7)) {
    weeks.push(Array.from({ length: 7 }, (_, i) => addDays(day, i)));
  }
  return weeks;
}

/** The first visible day and the number of days of a view around `anchor`. */
export function viewRange(view: CalendarView, anchor: string, weekStart: WeekStart = 1): { from: string; days: number } {
  const year = Number(anchor.slice(0, 4));
  const month = Number(anchor.slice(5, 7));
  switch (view) {
    case 'day':
      return { from: anchor, days: 1 };
    case 'week':
      return { from: startOfWeek(anchor, weekStart), days: 7 };
    case 'month': {
      const weeks = monthWeeks(year, month, weekStart);
      return { from: startOfWeek(formatParts(year, month, 1), weekStart), days: weeks.length * 7 };
    }
    case 'year': {
      const from = formatParts(year, 1, 1);
      return { from, days: daysBetween(from, formatParts(year + 1, 1, 1)) };
    }
    case 'agenda':
      return { from: anchor, days: AGENDA_DAYS };
  }
}

/** `date` moved by `n` months, the day clamped to the target month (Jan 31 + 1 month = Feb 28/29). */
export function addMonths(date: string, n: number): string {
  const total = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 + n;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  return formatParts(year, month, Math.min(Number(date.slice(8, 10)), daysInMonth(year, month)));
}

/** The anchor one period earlier (dir -1) or later (dir 1) for a view. */
export function shiftAnchor(view: CalendarView, anchor: string, dir: 1 | -1): string {
  switch (view) {
    case 'day':
      return addDays(anchor, dir);
    case 'week':
      return addDays(anchor, 7 * dir);
    case 'month':
      return addMonths(anchor, dir);
    case 'year':
      return addMonths(anchor, 12 * dir);
    case 'agenda':
      return addDays(anchor, AGENDA_DAYS * dir);
  }
}

/** A noon-UTC Date of an ISO date, for Intl formatting with timeZone 'UTC' (the date never shifts). */
export const utcNoon = (date: string): Date => new Date(`${date}T12:00:00Z`);

/** The toolbar title: "March 2026", "16 – 22 Mar 2026", "Monday, 16 March 2026", "2026"; `short` for a narrow window. */
export function viewTitle(view: CalendarView, anchor: string, weekStart: WeekStart = 1, locale?: string, short = false): string {
  const fmt = (date: string, opts: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(locale, { ...opts, timeZone: 'UTC' }).format(utcNoon(date));
  const month = short ? 'short' : 'long';
  switch (view) {
    case 'year':
      return anchor.slice(0, 4);
    case 'month':
      return fmt(anchor, { month, year: 'numeric' });
    case 'day':
      return fmt(anchor, { weekday: short ? 'short' : 'long', day: 'numeric', month, ...(short ? {} : { year: 'numeric' }) });
    case 'week':
    case 'agenda': {
      const { from, days } = viewRange(view, anchor, weekStart);
      const to = addDays(from, days - 1);
      const range = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', ...(short ? {} : { year: 'numeric' }), timeZone: 'UTC' });
      return range.formatRange(utcNoon(from), utcNoon(to));
    }
  }
}
