import { vtimezoneZones, type When, type ZoneResolver } from '../../../../src-shared/lib/recurrence';
import { componentText, type Component } from './component';
import { newUidDefault, uidLine } from './edit-core';
import { applyPatch, utcStamp, whenLine, type EventPatch } from './patch';

export interface NewEventInput extends EventPatch {
  kind?: 'VEVENT' | 'VTODO';
  summary: string;
  /** Required for an event; a task may have only a due date (or neither). */
  start?: When;
  due?: When;
  uid?: string;
}

/**
 * A component for an item created in Hearth: new UID `<ulid>@hearth`, DTSTAMP/CREATED/LAST-MODIFIED now, SEQUENCE 0,
 * then the same writer as edits (TZID for zoned times, VALUE=DATE for all-day, RRULE, one VALARM per reminder).
 */
export function buildComponent(input: NewEventInput, opts: { nowMs: number; zones?: ZoneResolver; newUid?: () => string }): string {
  const now = utcStamp(opts.nowMs);
  const uid = input.uid ?? (opts.newUid ?? newUidDefault)();
  const comp: Component = {
    name: input.kind ?? 'VEVENT',
    items: [uidLine(uid), `DTSTAMP:${now}`, `CREATED:${now}`, `LAST-MODIFIED:${now}`, 'SEQUENCE:0'],
  };
  const { kind: _kind, due, uid: _uid, ...patch } = input;
  if (comp.name === 'VEVENT' && !patch.start) {
    // An event needs DTSTART (RFC 5545 §3.6.1); the contract's schema should make this unreachable.
    patch.start = { kind: 'date', date: new Date(opts.nowMs).toISOString().slice(0, 10) };
  }
  applyPatch(comp, patch, opts.zones ?? vtimezoneZones([]));
  if (due) {
    const firstAlarm = comp.items.findIndex((i) => typeof i !== 'string');
    const at = firstAlarm >= 0 ? firstAlarm : comp.items.length;
    comp.items = [...comp.items.slice(0, at), whenLine('DUE', due), ...comp.items.slice(at)];
  }
  return componentText(comp);
}
