import type { EventTime } from '../../../../src-shared/domains/calendar/calendar.schemas';
import { addDays } from '../../../../src-shared/lib/local-date';

const MINUTE = 60_000;
const DAY = 86_400_000;

/** How far a drag moved something, as a viewer sees it: whole days (month view, all-day row) and/or minutes (time grid). */
export interface WallDelta {
  days: number;
  minutes: number;
}

/** Wall ms of 'YYYY-MM-DDTHH:MM[:SS]' (its fields read as if UTC, so every day is 24 h long). */
function wallMs(local: string): number {
  return Date.parse(`${local.length === 16 ? `${local}:00` : local}Z`);
}

/** 'YYYY-MM-DDTHH:MM' (seconds kept only when not zero) of wall ms. */
function wallText(ms: number): string {
  const text = new Date(ms).toISOString().slice(0, 19);
  return text.endsWith(':00') ? text.slice(0, 16) : text;
}

/**
 * An event time moved by a wall-clock delta, keeping its own kind: a date stays a date (by whole days, minutes
 * ignored), a zoned time stays in ITS zone with its wall time moved (09:00 Berlin + 2 days is 09:00 Berlin, even
 * across a DST change; the instant follows from the zone), a floating time stays floating, an instant moves by
 * the same amount of real time.
 */
export function shiftTime(time: EventTime, delta: WallDelta): EventTime {
  const ms = delta.days * DAY + delta.minutes * MINUTE;
  switch (time.kind) {
    case 'date':
      return { kind: 'date', date: addDays(time.date, delta.days) };
    case 'zoned':
      return { kind: 'zoned', local: wallText(wallMs(time.local) + ms), tz: time.tz };
    case 'floating':
      return { kind: 'floating', local: wallText(wallMs(time.local) + ms) };
    case 'utc':
      return { kind: 'utc', at: new Date(Date.parse(time.at) + ms).toISOString() };
  }
}

/** Start and end moved together (a drag of the whole event). */
export function moveTimes(start: EventTime, end: EventTime, delta: WallDelta): { start: EventTime; end: EventTime } {
  return { start: shiftTime(start, delta), end: shiftTime(end, delta) };
}

/** Comparable wall ms of an event time (dates at midnight; an instant as itself), for the "end after start" rule. */
function comparable(time: EventTime): number {
  switch (time.kind) {
    case 'date':
      return Date.parse(`${time.date}T00:00:00Z`);
    case 'utc':
      return Date.parse(time.at);
    default:
      return wallMs(time.local);
  }
}

/**
 * The end moved by a drag of the bottom edge; never before the start plus `minMinutes` (a timed event) or one
 * day (an all-day event, whose end date is exclusive). Start and end of one event share a kind, and a zoned
 * start and end share the zone, which makes their wall times comparable.
 */
export function resizeTimes(start: EventTime, end: EventTime, delta: WallDelta, minMinutes = 15): { start: EventTime; end: EventTime } {
  const moved = shiftTime(end, delta);
  if (start.kind === 'date' && moved.kind === 'date') {
    return { start, end: moved.date > start.date ? moved : { kind: 'date', date: addDays(start.date, 1) } };
  }
  if (moved.kind === start.kind && comparable(moved) - comparable(start) >= minMinutes * MINUTE) return { start, end: moved };
  if (moved.kind !== start.kind) return { start, end: moved };
  return { start, end: shiftTime(start, { days: 0, minutes: minMinutes }) };
}

/** A drag delta from wall positions (viewer-zone wall ms) before and after, snapped to `snapMinutes`. */
export function deltaBetween(fromWallMs: number, toWallMs: number, snapMinutes = 15): WallDelta {
  const minutes = Math.round((toWallMs - fromWallMs) / MINUTE / snapMinutes) * snapMinutes;
  return { days: Math.trunc(minutes / 1440), minutes: minutes % 1440 };
}
