import { addDays, startOfIsoWeek, zoneOffsetMinutes } from '../../../src-shared/lib/local-date';

export type Bucket = 'day' | 'week' | 'month';

/**
 * A fast `ISO timestamp → local date in zone` for tens of thousands of rows (the dashboard over 5 years). The zone's
 * offset is looked up once per UTC day (at both ends of it); only a day on which the offset changes (a DST switch)
 * asks Intl for each instant. The timestamps are Hearth's own `YYYY-MM-DDTHH:MM:SS.sssZ`.
 */
export function localDater(zone: string): (iso: string) => string {
  const perDay = new Map<string, number | null>();
  const shifted = new Map<string, [string, string]>();
  return (iso: string): string => {
    const day = iso.slice(0, 10);
    let offset = perDay.get(day);
    if (offset === undefined) {
      const start = Date.parse(`${day}T00:00:00Z`);
      const a = zoneOffsetMinutes(zone, start);
      offset = a === zoneOffsetMinutes(zone, start + 86_399_999) ? a : null;
      perDay.set(day, offset);
    }
    if (offset === null) offset = zoneOffsetMinutes(zone, Date.parse(iso));
    const minutes = Number(iso.slice(11, 13)) * 60 + Number(iso.slice(14, 16)) + offset;
    if (minutes >= 0 && minutes < 1440) return day;
    let around = shifted.get(day);
    if (!around) shifted.set(day, (around = [addDays(day, -1), addDays(day, 1)]));
    return minutes < 0 ? around[0] : around[1];
  };
}

/** The first day of the bucket holding `date`: the day itself, its ISO week's Monday, or the first of its month. */
export function bucketStart(date: string, bucket: Bucket): string {
  if (bucket === 'day') return date;
  if (bucket === 'week') return startOfIsoWeek(date);
  return `${date.slice(0, 7)}-01`;
}

export interface BucketRange {
  /** The label: the bucket's first day inside [from, to]. */
  date: string;
  /** Its last day inside [from, to]. */
  last: string;
}

/** The buckets covering [from, to] in order, clipped to the range (a week starting before `from` is labelled `from`). */
export function bucketsOf(from: string, to: string, bucket: Bucket): BucketRange[] {
  const out: BucketRange[] = [];
  let start = from;
  while (start <= to) {
    const next = nextBucketStart(bucketStart(start, bucket), bucket);
    const last = addDays(next, -1);
    out.push({ date: start, last: last < to ? last : to });
    start = next;
  }
  return out;
}

function nextBucketStart(start: string, bucket: Bucket): string {
  if (bucket === 'day') return addDays(start, 1);
  if (bucket === 'week') return addDays(start, 7);
  const y = Number(start.slice(0, 4));
  const m = Number(start.slice(5, 7));
  return m === 12 ? `${String(y + 1).padStart(4, '0')}-01-01` : `${start.slice(0, 5)}${String(m + 1).padStart(2, '0')}-01`;
}

/** Every day of [from, to] (inclusive), in order: by UTC milliseconds, not by parsing a date per day (years of days). */
export function daysOf(from: string, to: string): string[] {
  const out: string[] = [];
  const end = Date.parse(`${to}T00:00:00Z`);
  for (let ms = Date.parse(`${from}T00:00:00Z`); ms <= end; ms += 86_400_000) out.push(new Date(ms).toISOString().slice(0, 10));
  return out;
}
