import ICAL from 'ical.js';
import { expand, type SeriesSpec } from '../../src-shared/lib/recurrence';
import { parseCalendarFile, toSpec } from '../domains/calendar/ics';
import { calendarFile, recurringSeries, type SeriesKind } from './calendar-data';
import { median, timeSync, type Measurement } from './measure';

/**
 * Recurrence expansion (issue 10): `series` recurring series (calendar-data.ts) expanded over calendar year 2027 by our
 * engine (`expand`, specs read by the ICS layer as an import does) in a viewer zone, median of `runs`. Baseline, in the
 * same run, alternating: ical.js's own expansion of the same VEVENTs (`ICAL.Event.iterator()`, the file's VTIMEZONEs
 * registered), from DTSTART until the end of 2027, counting the instances that overlap the year, as an app using ical.js
 * directly would. Then an untimed pass in UTC compares the instance counts of every series (floating = UTC in ical.js).
 */
export const CALENDAR_GROUP = 'Calendar';
export const EXPAND_TARGET_MS = 50;
const FROM_MS = Date.UTC(2027, 0, 1);
const TO_MS = Date.UTC(2028, 0, 1);
const VIEWER_ZONE = 'Europe/Berlin';
const ICAL_RUNS = 5;

interface Prepared {
  uid: string;
  kind: SeriesKind;
  rule: string;
  spec: SeriesSpec;
  event: InstanceType<typeof ICAL.Event>;
  durationS: number;
}

function ourCount(p: Prepared, viewerZone: string): number {
  return expand(p.spec, { fromMs: FROM_MS, toMs: TO_MS }, { viewerZone }).length;
}

/** ical.js: iterate from DTSTART (its iterator has no way to start at the window), count instances overlapping it. */
function icalCount(p: Prepared): number {
  const it = p.event.iterator();
  const from = FROM_MS / 1000;
  const to = TO_MS / 1000;
  let n = 0;
  for (let t = it.next(); t; t = it.next()) {
    const s = t.toUnixTime();
    if (s >= to) break;
    if (s + p.durationS > from || (p.durationS === 0 && s >= from)) n++;
  }
  return n;
}

function prepare(series: number): Prepared[] {
  const generated = recurringSeries(series);
  const text = calendarFile(
    'Bench series',
    generated.map((s) => s.ics),
  );
  const bySpec = new Map(parseCalendarFile(text).series.map((s) => [s.uid, toSpec(s.master!.fields)]));
  const root = new ICAL.Component(ICAL.parse(text));
  for (const vtz of root.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(new ICAL.Timezone(vtz));
  const events = new Map(root.getAllSubcomponents('vevent').map((c) => [String(c.getFirstPropertyValue('uid')), new ICAL.Event(c)]));
  return generated.map((g) => {
    const event = events.get(g.uid)!;
    return { uid: g.uid, kind: g.kind, rule: g.rule, spec: bySpec.get(g.uid)!, event, durationS: event.duration.toSeconds() };
  });
}

export function benchCalendarExpand(series: number, runs: number): { measurements: Measurement[]; notes: string[] } {
  const prepared = prepare(series);
  try {
    const ours: number[] = [];
    const oursCpu: number[] = [];
    const theirs: number[] = [];
    let instances = 0;
    // ical.js takes tens of times longer: it gets fewer runs (alternating with ours while it runs) to keep the section short.
    for (let r = 0; r < runs + 1; r++) {
      let n = 0;
      const cpu = process.cpuUsage();
      const a = timeSync(() => prepared.forEach((p) => (n += ourCount(p, VIEWER_ZONE))));
      const used = process.cpuUsage(cpu);
      const b = r <= ICAL_RUNS ? timeSync(() => prepared.forEach((p) => icalCount(p))) : NaN;
      if (r === 0) continue; // warm-up: JIT, the zone offset cache
      ours.push(a);
      oursCpu.push((used.user + used.system) / 1000);
      if (!Number.isNaN(b)) theirs.push(b);
      instances = n;
    }
    const value = median(ours);
    const baseline = median(theirs);
    return {
      measurements: [
        {
          group: CALENDAR_GROUP,
          name:
            `expand 2027 of ${series} recurring series (${instances.toLocaleString('en-US')} instances), median of ${runs} ` +
            `(baseline: ical.js from DTSTART, median of ${Math.min(runs, ICAL_RUNS)})`,
          value,
          unit: 'ms',
          baseline,
          ratio: baseline / value,
          target: `< ${EXPAND_TARGET_MS} ms`,
          pass: value < EXPAND_TARGET_MS,
        },
      ],
      notes: [
        `calendar expand: our engine's CPU time (user + system) per run, median ${median(oursCpu).toFixed(1)} ms (wall ${value.toFixed(1)} ms).`,
        countCheck(prepared),
      ],
    };
  } finally {
    for (const tz of new Set(prepared.flatMap((p) => (p.spec.start.kind === 'zoned' ? [p.spec.start.tz] : [])))) ICAL.TimezoneService.remove(tz);
  }
}

/** Instance counts per series, ours (viewer zone UTC, so floating and all-day match ical.js) vs ical.js. */
function countCheck(prepared: Prepared[]): string {
  const differ: string[] = [];
  const tally = new Map<SeriesKind, number>();
  for (const p of prepared) {
    tally.set(p.kind, (tally.get(p.kind) ?? 0) + 1);
    const a = ourCount(p, 'UTC');
    const b = icalCount(p);
    if (a !== b) differ.push(`${p.uid} (${p.kind}, ${p.rule}): ours ${a}, ical.js ${b}`);
  }
  const mix = [...tally].map(([k, n]) => `${n} ${k}`).join(', ');
  const zoneless = differ.filter((d) => !d.includes('(zoned,'));
  if (differ.length === 0) return `calendar expand: every series (${mix}) has the same 2027 instance count in our engine and ical.js.`;
  const flag = zoneless.length ? ' — MISMATCH on zone-less/UTC series' : '';
  const head = `calendar expand: ${differ.length} of ${prepared.length} series (${mix}) differ in their 2027 instance count from ical.js`;
  return `${head}${flag}: ${differ.slice(0, 5).join('; ')}.`;
}
