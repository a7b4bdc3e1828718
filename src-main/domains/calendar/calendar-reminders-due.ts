import type { Occurrence as Instance } from '../../../src-shared/lib/recurrence';
import type { CalendarCore } from './calendar-core';
import type { ParsedRow, SeriesStore } from './calendar-series';
import type { CalendarEventTable } from './calendar.table';
import type { Alarm } from './ics';

/** One alarm of one instance that comes due. `key` is the reminder row id: `<event id>|<instance key or ''>|<alarm index>`. */
export interface DueAlarm {
  key: string;
  eventId: string;
  occurrenceKey: string;
  fireAtMs: number;
  startMs: number;
}

/** An event ended this long ago cannot have a relative alarm still to come (alarms are capped at 40 000 min ≈ 28 days). */
const MAX_LAG_MS = 30 * 86_400_000;
/** SECURITY: bounds the instances one catch-up expands per series (an hourly series over 7 days is 168). */
const MAX_INSTANCES = 5000;

/** How far the instance's start lies before the fire time: fire = start + offset (+ duration when related to the end). */
function offsetOf(alarm: Alarm, durationMs: number): number | null {
  if ('absoluteMs' in alarm.trigger) return null;
  return alarm.trigger.relativeMs + (alarm.trigger.related === 'end' ? durationMs : 0);
}

/**
 * Every alarm firing in (fromMs, toMs], from the rows with `has_alarms`. A series is expanded only over the window its
 * alarms can reach; an instance edited on its own (an override row) answers for itself, with its own alarms.
 */
export async function dueAlarms(core: CalendarCore, series: SeriesStore, fromMs: number, toMs: number): Promise<DueAlarm[]> {
  const rows = await core.ctx
    .db()
    .selectFrom('calendar_events as e')
    .innerJoin('calendars as c', 'c.id', 'e.calendar_id')
    .selectAll('e')
    .where('e.has_alarms', '=', 1)
    .where('e.deleted_at', 'is', null)
    .where('c.deleted_at', 'is', null)
    .where('e.status', '<>', 'cancelled')
    .where('e.completed_at', 'is', null)
    .where((eb) => eb.or([eb('e.end_ms', 'is', null), eb('e.end_ms', '>=', fromMs - MAX_LAG_MS)]))
    // Nor can an event that starts more than that after the window (an absolute trigger set further ahead of its event
    // than 30 days is the one thing this misses; every app we know sets reminders relative to the start).
    .where((eb) => eb.or([eb('e.start_ms', 'is', null), eb('e.start_ms', '<=', toMs + MAX_LAG_MS)]))
    .execute();
  // Masters by calendar + UID, and which of their instances an override replaces.
  const masters = new Map<string, string>();
  const overridden = new Set<string>();
  const seriesOf = (r: CalendarEventTable): string => `${r.calendar_id}\u0000${r.uid}`;
  const keyed = await core.ctx
    .db()
    .selectFrom('calendar_events')
    .select(['id', 'calendar_id', 'uid', 'recurrence_key'])
    .where('deleted_at', 'is', null)
    .where('uid', 'in', rows.length > 0 ? [...new Set(rows.map((r) => r.uid))] : [''])
    .execute();
  for (const r of keyed) {
    if (r.recurrence_key === '') masters.set(`${r.calendar_id}\u0000${r.uid}`, r.id);
    else overridden.add(`${r.calendar_id}\u0000${r.uid}\u0000${r.recurrence_key}`);
  }
  const out: DueAlarm[] = [];
  for (const row of rows) {
    const parsed = await series.parsed(row);
    const isMaster = row.recurrence_key === '';
    const eventId = isMaster ? row.id : (masters.get(seriesOf(row)) ?? row.id);
    const skip = (inst: Instance): boolean => isMaster && row.recurring === 1 && overridden.has(`${seriesOf(row)}\u0000${inst.key}`);
    const keyOf = (inst: Instance): string => (isMaster ? (row.recurring === 1 ? inst.key : '') : row.recurrence_key);
    for (const [index, due] of (await alarmsOf(series, parsed, fromMs, toMs, core.zone())).entries()) {
      for (const { inst, fireAtMs } of due) {
        if (skip(inst)) continue;
        const occurrenceKey = keyOf(inst);
        out.push({ key: `${eventId}|${occurrenceKey}|${index}`, eventId, occurrenceKey, fireAtMs, startMs: inst.startMs });
      }
    }
  }
  return out.sort((a, b) => a.fireAtMs - b.fireAtMs || (a.key < b.key ? -1 : 1));
}

/** Per alarm (by index): the instances whose fire time falls in (fromMs, toMs]. */
async function alarmsOf(
  series: SeriesStore,
  p: ParsedRow,
  fromMs: number,
  toMs: number,
  zone: string,
): Promise<Array<Array<{ inst: Instance; fireAtMs: number }>>> {
  if (!p.spec) return [];
  const duration = p.spec.durationMs;
  const inWindow = (ms: number): boolean => ms > fromMs && ms <= toMs;
  const result: Array<Array<{ inst: Instance; fireAtMs: number }>> = [];
  for (const alarm of p.fields.alarms) {
    const offset = offsetOf(alarm, duration);
    if (offset === null) {
      const at = (alarm.trigger as { absoluteMs: number }).absoluteMs;
      // An absolute trigger fires once; the reminder names the first instance (a one-off's only one).
      const first = inWindow(at) ? (await series.instances(p, { fromMs: -8.64e15, toMs: 8.64e15 }, zone, 1))[0] : undefined;
      result.push(first ? [{ inst: { ...first, key: '' }, fireAtMs: at }] : []);
      continue;
    }
    // fire = start + offset ∈ (from, to]  ⇔  start ∈ (from − offset, to − offset]; expand() matches by overlap, so widen by the duration.
    const window = { fromMs: fromMs - offset - duration, toMs: toMs - offset + 1 };
    const instances = await series.instances(p, window, zone, MAX_INSTANCES);
    result.push(instances.map((inst) => ({ inst, fireAtMs: inst.startMs + offset })).filter((d) => inWindow(d.fireAtMs)));
  }
  return result;
}
