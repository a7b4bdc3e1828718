import { Readable } from 'node:stream';
import ICAL from 'ical.js';
import type { AppClient } from '../../src-shared/ipc/channels';
import { routerClient } from '../app/router-client';
import type { Core } from '../app/bootstrap';
import { parseCalendarFile } from '../domains/calendar/ics';
import { calendarFile, oneOffEvents, recurringSeries } from './calendar-data';
import { CALENDAR_GROUP } from './calendar-expand.bench';
import { benchCore, JOURNAL_PASSWORD } from './journal-bench-core';
import { msSince, timeAsync, timeSync, type Measurement } from './measure';

/**
 * ICS import (issue 10): a generated .ics of `events` VEVENTs (200 recurring series, the rest one-offs over 2020–2027, a
 * fifth with a VALARM, a third with X- properties) uploaded through an upload ticket, then `calendar:importPreview`
 * (blob read, UTF-8 decode, parseCalendarFile, duplicate check) + `calendar:importCommit` (one write: `put` per series)
 * through the router. Baseline: `ICAL.parse` of the same text (a parse only, the floor of any import).
 */
export const IMPORT_TARGET_MS = 2000;
export const IMPORT_SERIES = 200;

export interface ImportTimes {
  uploadMs: number;
  previewMs: number;
  importMs: number;
  /** This thread's CPU time (user + system) of preview + commit: the cost without the wait for a busy machine's cores. */
  cpuMs: number;
  events: number;
}

/** Uploads `text` like the import dialog (one ticket) and imports it into a new calendar through the router. */
export async function importIcs(core: Core, client: AppClient, text: string): Promise<ImportTimes> {
  const bytes = Buffer.from(text, 'utf8');
  let blobId = '';
  const uploadMs = await timeAsync(async () => {
    const t = await client.blobs.uploadTicket({ maxBytes: bytes.length });
    blobId = (await core.blobs().upload(t.ticket, Readable.from([bytes]))).id;
  });
  const started = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  const preview = await client.calendar.importPreview({ blobId, fileName: 'bench.ics' });
  const previewMs = msSince(started);
  const result = await client.calendar.importCommit({ previewId: preview.previewId });
  const importMs = msSince(started);
  const used = process.cpuUsage(cpu);
  return { uploadMs, previewMs, importMs, cpuMs: (used.user + used.system) / 1000, events: result.events };
}

/** The file: the recurring series, then one-offs spread over 2020–2027. */
export function importFile(events: number): string {
  const series = recurringSeries(IMPORT_SERIES).map((s) => s.ics);
  const oneOffs = oneOffEvents(events - series.length, { fromMs: Date.UTC(2020, 0, 1), toMs: Date.UTC(2028, 0, 1) }, 23);
  return calendarFile('Bench import', [...series, ...oneOffs]);
}

export async function benchCalendarImport(root: string, events: number): Promise<{ measurements: Measurement[]; notes: string[] }> {
  const text = importFile(events);
  const core = benchCore(root);
  const client = routerClient(core, 'cli');
  try {
    await client.profile.create({ name: 'Calendar import bench', password: JOURNAL_PASSWORD });
    const t = await importIcs(core, client, text);
    if (t.events !== events) throw new Error(`calendar import bench: ${t.events} of ${events} events were imported`);
    const baselineMs = timeSync(() => ICAL.parse(text));
    const parseMs = timeSync(() => parseCalendarFile(text));
    const n = events.toLocaleString('en-US');
    const row = (name: string, value: number): Measurement => ({ group: CALENDAR_GROUP, name, value, unit: 'ms' });
    return {
      measurements: [
        row(`upload a ${n}-event .ics (not in the import time)`, t.uploadMs),
        row(`import ${n} events: preview (read, parse, duplicate check)`, t.previewMs),
        row(`import ${n} events: commit (one write, put per series)`, t.importMs - t.previewMs),
        {
          ...row(`import ${n} events: preview + commit (baseline: ICAL.parse of the text)`, t.importMs),
          baseline: baselineMs,
          ratio: baselineMs / t.importMs,
          target: `< ${IMPORT_TARGET_MS} ms`,
          pass: t.importMs < IMPORT_TARGET_MS,
        },
        row(`parseCalendarFile of the same text alone (after the import, warm)`, parseMs),
      ],
      notes: [
        `calendar import: ${(Buffer.byteLength(text) / 2 ** 20).toFixed(1)} MiB of iCalendar, ${IMPORT_SERIES} recurring series; ` +
          `preview + commit took ${t.cpuMs.toFixed(0)} ms of CPU time (wall ${t.importMs.toFixed(0)} ms).`,
      ],
    };
  } finally {
    core.shutdown();
  }
}
