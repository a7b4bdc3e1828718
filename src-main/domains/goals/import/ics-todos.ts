import { decodeCalendarBytes, paramValue, parseCalendarFile, parseComponent, prop } from '../../calendar';
import type { When } from '../../../../src-shared/lib/recurrence';
import { isValidTimeZone } from '../../../../src-shared/lib/local-date';
import { localOf } from './dates';
import { linkDepths, newParsed, oneLine, skip, uniqueTags, warn, type ImportContext, type ImportedTask, type ParsedImport } from './types';

/**
 * VTODOs of an .ics file, read by the calendar's iCalendar layer (the same parser, limits and checks). A to-do is done
 * when STATUS is COMPLETED, it has COMPLETED, or PERCENT-COMPLETE is 100. RFC 5545 PRIORITY 1 (highest) … 9 (lowest)
 * maps to Hearth's 1 … 5 (1–2 → 1, 3–4 → 2, 5 → 3, 6–7 → 4, 8–9 → 5; 0 or none → 4). RELATED-TO (RELTYPE PARENT,
 * the default) makes a sub-task. VEVENTs are left for the calendar's own import.
 */

export const priorityFromIcs = (p: number): number => (p >= 1 && p <= 9 ? [1, 1, 2, 2, 3, 4, 4, 5, 5][p - 1]! : 4);
/** The inverse used by export: 4 (Hearth's default) writes no PRIORITY, so a round trip keeps every value. */
export const priorityToIcs = (p: number): number | null => ({ 1: 1, 2: 3, 3: 5, 4: null, 5: 9 })[p] ?? null;

function dueParts(when: When | null | undefined, zone: string, warnFn: (m: string) => void) {
  if (!when) return { dueDate: null, dueTime: null, zone: null };
  switch (when.kind) {
    case 'date':
      return { dueDate: when.date, dueTime: null, zone: null };
    case 'utc': {
      const l = localOf(when.ms, zone);
      if (!l) {
        warnFn('A due time outside the years 1–9999 was left out; the to-do was imported without a due date.');
        return { dueDate: null, dueTime: null, zone: null };
      }
      return { dueDate: l.date, dueTime: l.time, zone: null };
    }
    case 'floating':
      // A floating time means "wherever I am": read in the computer's zone.
      return { dueDate: when.local.slice(0, 10), dueTime: when.local.slice(11, 16), zone: null };
    case 'zoned': {
      const tz = when.tz.replace(/^\//, '');
      if (!isValidTimeZone(tz)) warnFn(`The time zone "${tz.slice(0, 60)}" is not an IANA zone; its times were read in ${zone}.`);
      return { dueDate: when.local.slice(0, 10), dueTime: when.local.slice(11, 16), zone: isValidTimeZone(tz) ? tz : null };
    }
  }
}

export function parseIcsTodos(bytes: Uint8Array, ictx: ImportContext): ParsedImport {
  const p = newParsed('ics');
  const file = parseCalendarFile(decodeCalendarBytes(bytes));
  for (const w of file.warnings.slice(0, 20)) warn(p, w);
  const events = file.series.reduce((n, s) => n + (s.master ? 1 : 0) + s.overrides.length, 0);
  if (events > 0) skip(p, 'events (VEVENT): import them in the calendar', events);
  for (const i of file.ignored) skip(p, `${i.name} components`, i.count);

  for (const s of file.tasks) {
    if (s.overrides.length > 0) skip(p, 'edited instances of repeating to-dos (the series is imported)', s.overrides.length);
    const m = s.master;
    if (!m) continue;
    const f = m.fields;
    const comp = parseComponent(m.ics);
    const percent = Number(prop(comp, 'PERCENT-COMPLETE')?.value ?? '');
    const done = f.status === 'COMPLETED' || f.completed !== undefined || percent === 100;
    const related = prop(comp, 'RELATED-TO');
    const reltype = related ? (paramValue(related, 'RELTYPE') ?? 'PARENT').toUpperCase() : '';
    const due = dueParts(f.due ?? f.start, ictx.zone, (msg) => warn(p, msg));
    if (f.rrules.length > 1) warn(p, `"${f.summary.slice(0, 60)}" has ${f.rrules.length} RRULEs; only the first was kept.`);
    const task: ImportedTask = {
      sourceId: s.uid,
      parentSourceId: related && reltype === 'PARENT' ? related.value.trim() : null,
      title: (oneLine(f.summary) || 'Untitled to-do').slice(0, 500),
      notes: f.description.replace(/\r\n?/g, '\n').trim(),
      priority: priorityFromIcs(f.priority),
      ...due,
      rrule: f.rrules[0] ?? null,
      tags: uniqueTags(f.categories),
      projectKey: null,
      completedAt: done ? completedIso(f.completed, ictx.nowMs) : null,
      depth: 0,
    };
    p.tasks.push(task);
  }
  linkDepths(p);
  return p;
}

/** COMPLETED as an ISO instant, or now when it has none or one outside what a Date holds (year 275760+: RangeError). */
function completedIso(completed: number | undefined, nowMs: number): string {
  const at = new Date(completed ?? nowMs);
  return Number.isNaN(at.getTime()) ? new Date(nowMs).toISOString() : at.toISOString();
}
