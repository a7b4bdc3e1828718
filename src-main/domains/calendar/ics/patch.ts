import { ianaZones, type When, type ZoneResolver } from '../../../../src-shared/lib/recurrence';
import { AppError } from '../../../../src-shared/ipc/result';
import { prop, setProp, setProps, type Component } from './component';
import { escapeText, formatContentLine, paramValue, unescapeText, type Param } from './content-line';
import { durationMs as parseDuration } from './fields';
import { addDuration, formatWhen, parseWhenValue, whenMs } from './when';
import type { Alarm } from './types';

/** What an edit may change. Absent keys stay as they are; `rrule: null` removes the recurrence. */
export interface EventPatch {
  summary?: string;
  location?: string;
  description?: string;
  start?: When;
  end?: When;
  allDay?: boolean;
  rrule?: string | null;
  alarms?: readonly Alarm[];
  categories?: readonly string[];
  status?: string;
}

export const whenLine = (name: string, when: When, extra: readonly Param[] = []): string => {
  const { params, value } = formatWhen(when);
  return formatContentLine(name, [...params, ...extra], value);
};

export const utcStamp = (ms: number): string => `${new Date(ms).toISOString().slice(0, 19).replace(/[-:]/g, '')}Z`;

/** ms → RFC 5545 duration (`-PT15M`, `P1D`, `PT1H30M`). */
export function formatDuration(ms: number): string {
  const sign = ms < 0 ? '-' : '';
  let s = Math.round(Math.abs(ms) / 1000);
  const days = Math.floor(s / 86_400);
  s -= days * 86_400;
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  const time = `${h ? `${h}H` : ''}${m ? `${m}M` : ''}${sec ? `${sec}S` : ''}`;
  if (!days && !time) return 'PT0S';
  return `${sign}P${days ? `${days}D` : ''}${time ? `T${time}` : ''}`;
}

export function alarmComponent(alarm: Alarm, summary: string): Component {
  const t = alarm.trigger;
  const trigger =
    'absoluteMs' in t
      ? `TRIGGER;VALUE=DATE-TIME:${utcStamp(t.absoluteMs)}`
      : `TRIGGER${t.related === 'end' ? ';RELATED=END' : ''}:${formatDuration(t.relativeMs)}`;
  // RFC 5545 §3.6.6: a DISPLAY alarm must have a DESCRIPTION; the event's title is what clients show.
  return { name: 'VALARM', items: [`ACTION:${alarm.action.toUpperCase()}`, trigger, `DESCRIPTION:${escapeText(alarm.description ?? summary)}`] };
}

export const readWhen = (comp: Component, name: string): When | null => {
  const line = prop(comp, name);
  return line ? parseWhenValue(line.value, paramValue(line, 'TZID'), paramValue(line, 'VALUE')?.toUpperCase()) : null;
};

/** Length of the component's instance: DTEND − DTSTART, DURATION, or the RFC default (a day for a DATE). */
export function componentDuration(comp: Component, zones: ZoneResolver = ianaZones): number {
  const start = readWhen(comp, 'DTSTART');
  const end = readWhen(comp, 'DTEND');
  if (start && end) return whenMs(end, zones) - whenMs(start, zones);
  const duration = prop(comp, 'DURATION');
  if (duration) return parseDuration(duration.value) ?? 0;
  return start?.kind === 'date' ? 86_400_000 : 0;
}

/** Writes DTSTART (and DTEND, or DURATION when the component uses it) for a new start, keeping the length. */
export function setTimes(comp: Component, start: When, end: When | undefined, zones: ZoneResolver): void {
  const length = componentDuration(comp, zones);
  setProp(comp, 'DTSTART', whenLine('DTSTART', start));
  if (prop(comp, 'DURATION') && !end) return;
  setProp(comp, 'DURATION', null);
  setProp(comp, 'DTEND', whenLine('DTEND', end ?? addDuration(start, start.kind === 'date' ? Math.max(length, 86_400_000) : length, zones)));
}

/** Applies a patch to a component's lines; every line the patch does not name stays verbatim. */
export function applyPatch(comp: Component, patch: EventPatch, zones: ZoneResolver = ianaZones): void {
  const textProps = [
    ['SUMMARY', patch.summary],
    ['LOCATION', patch.location],
    ['DESCRIPTION', patch.description],
  ] as const;
  for (const [name, value] of textProps) if (value !== undefined) setProp(comp, name, `${name}:${escapeText(value)}`);
  if (patch.status !== undefined) setProp(comp, 'STATUS', patch.status ? `STATUS:${patch.status.toUpperCase()}` : null);
  if (patch.categories) setProp(comp, 'CATEGORIES', patch.categories.length ? `CATEGORIES:${patch.categories.map(escapeText).join(',')}` : null);
  let start = patch.start;
  let end = patch.end;
  if (!start && patch.allDay !== undefined) {
    const current = readWhen(comp, 'DTSTART');
    if (patch.allDay && current && current.kind !== 'date') {
      const date = (current.kind === 'utc' ? new Date(current.ms).toISOString() : current.local).slice(0, 10);
      start = { kind: 'date', date };
      end ??= addDuration(start, 86_400_000);
    } else if (!patch.allDay && current?.kind === 'date') throw new AppError('INVALID_INPUT', 'A timed event needs a start time.');
  }
  if (start) setTimes(comp, start, end, zones);
  else if (end) {
    setProp(comp, 'DTEND', whenLine('DTEND', end));
    setProp(comp, 'DURATION', null);
  }
  if (patch.rrule !== undefined) setProps(comp, 'RRULE', patch.rrule ? [`RRULE:${patch.rrule.replace(/^RRULE:/i, '')}`] : []);
  if (patch.alarms) {
    const summary = patch.summary ?? unescapeText(prop(comp, 'SUMMARY')?.value ?? '');
    comp.items = [...comp.items.filter((i) => typeof i === 'string' || i.name !== 'VALARM'), ...patch.alarms.map((a) => alarmComponent(a, summary))];
  }
}

/** SEQUENCE+1, DTSTAMP and LAST-MODIFIED now: what other clients use to see that a component changed (RFC 5546). */
export function stamp(comp: Component, nowMs: number, sequence?: number): void {
  const current = Number.parseInt(prop(comp, 'SEQUENCE')?.value ?? '0', 10) || 0;
  setProp(comp, 'SEQUENCE', `SEQUENCE:${sequence ?? current + 1}`);
  setProp(comp, 'DTSTAMP', `DTSTAMP:${utcStamp(nowMs)}`);
  setProp(comp, 'LAST-MODIFIED', `LAST-MODIFIED:${utcStamp(nowMs)}`);
}
