import { sql, type RawBuilder } from 'kysely';
import { zoneOffsetMinutes } from '../../../src-shared/lib/local-date';

/**
 * Local dates inside SQL, so the dashboard can GROUP BY a local day in the database instead of pulling every row into
 * JS. A zone's offset is constant between its DST changes: the range is cut into spans of one offset each (found by
 * probing every 7 days and bisecting to the millisecond where the offset changes), and a timestamp's local date is
 * `date(at, '+N minutes')` with the span's N, picked by a CASE over the span ends (ISO text compares in time order).
 */
export interface OffsetSpan {
  /** The span ends before this instant (ISO); null for the last one. */
  until: string | null;
  minutes: number;
}

const WEEK_MS = 7 * 86_400_000;
const cache = new Map<string, OffsetSpan[]>();

export function offsetSpans(zone: string, fromMs: number, toMs: number): OffsetSpan[] {
  const key = `${zone}|${fromMs}|${toMs}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const spans: OffsetSpan[] = [];
  let t = fromMs - 2 * 86_400_000;
  let off = zoneOffsetMinutes(zone, t);
  const end = toMs + 2 * 86_400_000;
  while (t < end) {
    const next = Math.min(t + WEEK_MS, end);
    const offNext = zoneOffsetMinutes(zone, next);
    if (offNext !== off) {
      let lo = t;
      let hi = next;
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if (zoneOffsetMinutes(zone, mid) === off) lo = mid;
        else hi = mid;
      }
      spans.push({ until: new Date(hi).toISOString(), minutes: off });
      off = offNext;
    }
    t = next;
  }
  spans.push({ until: null, minutes: off });
  if (cache.size > 32) cache.clear();
  cache.set(key, spans);
  return spans;
}

const modifier = (minutes: number): string => `${minutes >= 0 ? '+' : ''}${minutes} minutes`;
const hhmm = (minutes: number): string => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/**
 * One span's local date: most timestamps fall on the same date in UTC and locally, which a string cut tells
 * (`substr`); only those whose UTC time of day crosses local midnight pay for `date()`. East of UTC that is a UTC time
 * at or after 24 h − offset, west of it a time before |offset|.
 */
function spanDay(col: RawBuilder<unknown>, minutes: number): RawBuilder<string> {
  if (minutes === 0) return sql<string>`substr(${col}, 1, 10)`;
  const shifted = sql`date(${col}, ${modifier(minutes)})`;
  if (minutes > 0) return sql<string>`(CASE WHEN substr(${col}, 12, 5) < ${hhmm(1440 - minutes)} THEN substr(${col}, 1, 10) ELSE ${shifted} END)`;
  return sql<string>`(CASE WHEN substr(${col}, 12, 5) >= ${hhmm(-minutes)} THEN substr(${col}, 1, 10) ELSE ${shifted} END)`;
}

/** `column`'s local date (YYYY-MM-DD) in the spans' zone, as an SQL expression. `column` is a trusted identifier. */
export function localDay(column: string, spans: readonly OffsetSpan[]): RawBuilder<string> {
  const col = sql.ref(column) as unknown as RawBuilder<unknown>;
  if (spans.length === 1) return spanDay(col, spans[0]!.minutes);
  const whens = spans.slice(0, -1).map((s) => sql`WHEN ${col} < ${s.until} THEN ${spanDay(col, s.minutes)}`);
  return sql<string>`(CASE ${sql.join(whens, sql` `)} ELSE ${spanDay(col, spans[spans.length - 1]!.minutes)} END)`;
}
