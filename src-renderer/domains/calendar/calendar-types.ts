import type { z } from 'zod';
import type { calendarContract } from '../../../src-shared/domains/calendar/calendar.contract';
import type { Calendar, CalendarColor, Occurrence } from '../../../src-shared/domains/calendar/calendar.schemas';
import type { CalItem } from './layout/bucket';

type Ops = (typeof calendarContract)['ops'];
export type Output<K extends keyof Ops> = z.output<Ops[K]['output']>;
export type SearchHit = Output<'search'>[number];
export type { Calendar, Occurrence };
export type ColorName = z.infer<typeof CalendarColor>;

/** Read-only layers drawn over the events; each can be switched off (persisted in localStorage). */
export type OverlayLayer = 'batches' | 'tasks' | 'journal' | 'vault';

/** An event instance as the views draw it. */
export interface EventItem extends CalItem {
  kind: 'event';
  occ: Occurrence;
  color: ColorName;
  title: string;
}

/** A read-only overlay chip (batch expiry, task due, vault item expiry) on one day. */
export interface OverlayItem extends CalItem {
  kind: 'overlay';
  layer: Exclude<OverlayLayer, 'journal'>;
  title: string;
  /** The record it opens: a batch, a task (opens the tasks panel), a vault item. */
  recordId: string;
  /** Tasks layer only: where the chip comes from (a goals task, milestone or goal target, or a calendar's VTODO). */
  source?: TaskSource;
  /** A goals task due at a time of day ('HH:MM', in the task's zone); the chip stays on its day. */
  time?: string | null;
  /** A completed goals task or a reached milestone: still drawn (struck through), so the day shows what was done. */
  done?: boolean;
}

/** The two homes of a task on the calendar: the goals module (opens `opens`: the task or goal) or a calendar's VTODO. */
export type TaskSource = { kind: 'task' | 'milestone' | 'goal'; opens: string } | { kind: 'vtodo'; calendar: string };

export type ViewItem = EventItem | OverlayItem;

/** The key of an event instance in the views (focus, keyboard Enter): event id + occurrence key. */
export const occurrenceId = (occ: Pick<Occurrence, 'eventId' | 'occurrenceKey'>): string => `${occ.eventId}|${occ.occurrenceKey ?? ''}`;

export function eventItem(occ: Occurrence, color: ColorName): EventItem {
  return {
    kind: 'event',
    key: occurrenceId(occ),
    startMs: Date.parse(occ.start),
    endMs: Date.parse(occ.end),
    allDay: occ.allDay,
    startDate: occ.startDate,
    endDate: occ.endDate,
    occ,
    color,
    title: occ.title,
  };
}

/** Tailwind classes per calendar colour: a solid dot, a soft chip, a left rule (light and dark via opacity). */
export const COLOR_CLASSES: Record<ColorName, { dot: string; chip: string; rule: string }> = {
  slate: { dot: 'bg-slate-500', chip: 'bg-slate-500/15 text-text', rule: 'border-slate-500' },
  red: { dot: 'bg-red-500', chip: 'bg-red-500/15 text-text', rule: 'border-red-500' },
  orange: { dot: 'bg-orange-500', chip: 'bg-orange-500/15 text-text', rule: 'border-orange-500' },
  amber: { dot: 'bg-amber-500', chip: 'bg-amber-500/20 text-text', rule: 'border-amber-500' },
  green: { dot: 'bg-green-600', chip: 'bg-green-600/15 text-text', rule: 'border-green-600' },
  teal: { dot: 'bg-teal-600', chip: 'bg-teal-600/15 text-text', rule: 'border-teal-600' },
  blue: { dot: 'bg-blue-500', chip: 'bg-blue-500/15 text-text', rule: 'border-blue-500' },
  violet: { dot: 'bg-violet-500', chip: 'bg-violet-500/15 text-text', rule: 'border-violet-500' },
  pink: { dot: 'bg-pink-500', chip: 'bg-pink-500/15 text-text', rule: 'border-pink-500' },
};
