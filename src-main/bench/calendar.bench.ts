import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { benchCalendarExpand } from './calendar-expand.bench';
import { benchCalendarImport } from './calendar-import.bench';
import { benchCalendarMonth } from './calendar-month.bench';
import { progress, type Measurement } from './measure';

/**
 * The calendar section (issue 10): recurrence expansion against ical.js (calendar-expand.bench.ts, in memory), the month
 * view's data and layout (calendar-month.bench.ts) and an ICS import (calendar-import.bench.ts), the last two each on
 * their own fresh encrypted profile through the real module and router. Call from bench.ts:
 *   const calendar = await benchCalendar({ root: subdir(tmp, 'calendar'), series: 200, runs: 20, monthEvents: 5_000, calls: 20, importEvents: 10_000 });
 */
export interface CalendarBenchOptions {
  root: string;
  /** Recurring series expanded over a year, and timed runs. */
  series: number;
  runs: number;
  /** Events in the month profile (200 of them series), and timed `occurrences` calls. */
  monthEvents: number;
  calls: number;
  /** VEVENTs in the imported file. */
  importEvents: number;
}

export async function benchCalendar(opts: CalendarBenchOptions): Promise<{ measurements: Measurement[]; notes: string[] }> {
  const dir = (name: string) => {
    const d = path.join(opts.root, name);
    mkdirSync(d, { recursive: true });
    return d;
  };
  progress(`  calendar: expanding 2027 of ${opts.series} recurring series, ${opts.runs} runs, vs ical.js`);
  const expanded = benchCalendarExpand(opts.series, opts.runs);
  progress(`  calendar: month occurrences and layout with ${opts.monthEvents} events`);
  const month = await benchCalendarMonth(dir('month'), opts.monthEvents, opts.calls);
  progress(`  calendar: ICS import of ${opts.importEvents} events`);
  const imported = await benchCalendarImport(dir('import'), opts.importEvents);
  return {
    measurements: [...expanded.measurements, ...month.measurements, ...imported.measurements],
    notes: [...expanded.notes, ...month.notes, ...imported.notes],
  };
}
