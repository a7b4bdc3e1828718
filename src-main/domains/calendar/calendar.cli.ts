import { createReadStream } from 'node:fs';
import path from 'node:path';
import type { Calendar, EventTime, Occurrence } from '../../../src-shared/domains/calendar/calendar.schemas';
import type { CliCommand } from '../../cli/commands';
import type { CliContext } from '../../cli/context';
import { EXIT, printJson, printLine, UsageError } from '../../cli/io';
import { saveExport } from '../../cli/save-export';

/** `hearth calendar …`: add, list, agenda, import and export from scripts (like gcalcli and khal). */

const out = printLine;
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const DAY = 86_400_000;
/** The CLI runs in main: the computer's zone is the process's. */
const systemZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/** The calendar named by --calendar (name or id), or the first writable one; `create` makes "Calendar" when there is none. */
async function pickCalendar(ctx: CliContext, ref: string | undefined, create = false): Promise<Calendar> {
  const all = await ctx.client.calendar.listCalendars();
  if (ref) {
    const found = all.find((c) => c.id === ref || c.name.toLowerCase() === ref.toLowerCase());
    if (found) return found;
    throw new UsageError(`No calendar named "${ref}". Run: hearth calendar list`);
  }
  const first = all.find((c) => !c.readOnly);
  if (first) return first;
  if (!create) throw new UsageError('No calendars yet. Add an event with: hearth calendar add "lunch fri 13:00"');
  return ctx.client.calendar.createCalendar({ name: 'Calendar' });
}

/** A time given on the command line: 2026-03-01 (all-day), 2026-03-01T09:00 (in --tz, default the computer's zone). */
function parseTime(value: string, tz: string | undefined, zone: string): EventTime {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return { kind: 'date', date: value };
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value))
    return tz === 'floating' ? { kind: 'floating', local: value } : { kind: 'zoned', local: value, tz: tz ?? zone };
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?(\.\d+)?Z$/.test(value)) return { kind: 'utc', at: new Date(value).toISOString() };
  throw new UsageError(`Not a time: "${value}". Use 2026-03-01, 2026-03-01T09:00 or 2026-03-01T08:00:00Z.`);
}

const hhmm = (iso: string, zone: string): string =>
  new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
const dayOf = (iso: string, zone: string): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));
const occLine = (o: Occurrence, zone: string): string =>
  `${o.allDay ? 'all day    ' : `${hhmm(o.start, zone)}–${hhmm(o.end, zone)}`}  ${o.title}${o.location ? `  @ ${o.location}` : ''}${o.recurring ? '  ↻' : ''}`;

const add: CliCommand = {
  name: 'calendar add',
  usage: 'hearth calendar add "lunch with Ana fri 13:00 at Café Luz" | --title T --start TIME [--end TIME] [--tz ZONE] [--rrule RULE] [--calendar NAME]',
  summary: 'Add an event, in plain words or with options',
  options: {
    title: { type: 'string' },
    start: { type: 'string' },
    end: { type: 'string' },
    tz: { type: 'string' },
    rrule: { type: 'string' },
    location: { type: 'string' },
    calendar: { type: 'string' },
  },
  optionHelp: {
    title: 'The title (instead of plain words)',
    start: '2026-03-01 (all day), 2026-03-01T09:00 (local, in --tz) or 2026-03-01T08:00:00Z',
    end: 'Same forms (default: one hour, or one day)',
    tz: 'IANA zone of the times, or "floating" (default: the computer\'s)',
    rrule: 'Repeat rule, e.g. FREQ=WEEKLY;BYDAY=MO',
    location: 'Where',
    calendar: 'The calendar (name or id; default: the first)',
  },
  async run(ctx, { positionals, values }) {
    await ctx.unlock();
    const zone = systemZone();
    const cal = await pickCalendar(ctx, str(values.calendar), true);
    let input: { title: string; location: string; start: EventTime; end: EventTime; rrule: string | null };
    if (typeof values.title === 'string') {
      if (typeof values.start !== 'string') throw new UsageError('When? --start 2026-03-01T09:00');
      const start = parseTime(values.start, str(values.tz), zone);
      const end = typeof values.end === 'string' ? parseTime(values.end, str(values.tz), zone) : defaultEnd(start);
      input = { title: values.title, location: str(values.location) ?? '', start, end, rrule: str(values.rrule) ?? null };
    } else {
      const text = positionals.join(' ').trim();
      if (!text) throw new UsageError('What? hearth calendar add "dentist tue 15:00"');
      const { parseQuickAdd } = await import('../../../src-shared/domains/calendar/quick-add');
      const parsed = parseQuickAdd(text, { now: Date.now(), zone });
      if (!parsed) throw new UsageError(`Could not find a date or time in "${text}". Try: hearth calendar add --title T --start 2026-03-01T09:00`);
      input = { ...parsed, location: str(values.location) ?? parsed.location, rrule: str(values.rrule) ?? parsed.rrule };
    }
    const e = await ctx.client.calendar.createEvent({ calendarId: cal.id, ...input });
    if (ctx.flags.json) printJson(e);
    else out(`Added "${e.title}" (${e.id}) to ${cal.name}${e.rrule ? `, repeating ${e.rrule}` : ''}.`);
    return EXIT.ok;
  },
};

function defaultEnd(start: EventTime): EventTime {
  if (start.kind === 'date') return { kind: 'date', date: new Date(Date.parse(`${start.date}T00:00:00Z`) + DAY).toISOString().slice(0, 10) };
  if (start.kind === 'utc') return { kind: 'utc', at: new Date(Date.parse(start.at) + 3_600_000).toISOString() };
  const local = new Date(Date.parse(`${start.local.length === 16 ? `${start.local}:00` : start.local}Z`) + 3_600_000).toISOString().slice(0, 19);
  return start.kind === 'zoned' ? { kind: 'zoned', local, tz: start.tz } : { kind: 'floating', local };
}

const list: CliCommand = {
  name: 'calendar list',
  usage: 'hearth calendar list',
  summary: 'List calendars',
  async run(ctx) {
    await ctx.unlock();
    const cals = await ctx.client.calendar.listCalendars();
    if (ctx.flags.json) printJson(cals);
    else if (cals.length === 0) out('No calendars yet.');
    else
      for (const c of cals) out(`${c.id}  ${c.name}  ${c.eventCount} event(s)${c.source !== 'local' ? `  (${c.source})` : ''}${c.visible ? '' : '  hidden'}`);
    return EXIT.ok;
  },
};

const agenda: CliCommand = {
  name: 'calendar agenda',
  usage: 'hearth calendar agenda [--from DATE] [--days N] [--calendar NAME]',
  summary: 'What is on, day by day (default: the next 7 days)',
  options: { from: { type: 'string' }, days: { type: 'string' }, calendar: { type: 'string' } },
  optionHelp: { from: 'First day, 2026-03-01 (default: today)', days: 'How many days (1–366, default 7)', calendar: 'Only this calendar' },
  async run(ctx, { values }) {
    const days = values.days === undefined ? 7 : Number(values.days);
    if (!Number.isInteger(days) || days < 1 || days > 366) throw new UsageError('--days takes a whole number from 1 to 366.');
    await ctx.unlock();
    const zone = systemZone();
    const fromDate = str(values.from) ?? dayOf(new Date().toISOString(), zone);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(fromDate)) throw new UsageError('--from takes a date: 2026-03-01.');
    // The window is a little wider than the days asked (a zone is at most 14 h from UTC); lines are grouped by local day.
    const from = new Date(Date.parse(`${fromDate}T00:00:00Z`) - 14 * 3_600_000).toISOString();
    const to = new Date(Date.parse(`${fromDate}T00:00:00Z`) + days * DAY + 14 * 3_600_000).toISOString();
    const calendarIds = values.calendar ? [(await pickCalendar(ctx, str(values.calendar))).id] : undefined;
    const last = new Date(Date.parse(`${fromDate}T00:00:00Z`) + (days - 1) * DAY).toISOString().slice(0, 10);
    const occ = (await ctx.client.calendar.occurrences({ from, to, calendarIds, viewerZone: zone })).filter((o) => {
      const d = o.allDay ? o.startDate! : dayOf(o.start, zone);
      return (d >= fromDate || (o.allDay && o.endDate! > fromDate)) && d <= last;
    });
    if (ctx.flags.json) printJson(occ);
    else if (occ.length === 0) out('Nothing on.');
    else {
      let current = '';
      for (const o of occ) {
        const d = o.allDay ? o.startDate! : dayOf(o.start, zone);
        if (d !== current) out(`${(current = d)}`);
        out(`  ${occLine(o, zone)}`);
      }
    }
    return EXIT.ok;
  },
};

const importCmd: CliCommand = {
  name: 'calendar import',
  usage: 'hearth calendar import FILE.ics [--calendar NAME] [--replace] [--dry-run]',
  summary: 'Import an iCalendar file (into a new calendar named after it, or into --calendar)',
  options: { calendar: { type: 'string' }, replace: { type: 'boolean' }, 'dry-run': { type: 'boolean' } },
  optionHelp: {
    calendar: 'Import into this calendar',
    replace: 'Replace events whose UID is already there (default: skip them)',
    'dry-run': 'Show what would be imported, write nothing',
  },
  async run(ctx, { positionals, values }) {
    const file = positionals[0];
    if (!file) throw new UsageError('Which file? hearth calendar import FILE.ics');
    await ctx.unlock();
    const ticket = await ctx.client.blobs.uploadTicket({ maxBytes: 64 * 1024 * 1024 });
    const blob = await ctx.core.blobs().upload(ticket.ticket, createReadStream(file));
    const calendarId = values.calendar ? (await pickCalendar(ctx, str(values.calendar))).id : undefined;
    const preview = await ctx.client.calendar.importPreview({ blobId: blob.id, calendarId, fileName: path.basename(file) });
    const committed = values['dry-run']
      ? null
      : await ctx.client.calendar.importCommit({ previewId: preview.previewId, duplicates: values.replace ? 'replace' : 'skip' });
    if (ctx.flags.json) printJson({ preview: { ...preview, previewId: undefined }, committed });
    else {
      out(
        `${preview.name}: ${preview.events} event(s) (${preview.recurring} repeating, ${preview.overrides} edited instances), ${preview.tasks} task(s), ${preview.duplicates} already here.`,
      );
      for (const u of preview.unsupported.slice(0, 20)) out(`  kept as is: ${u.name} ×${u.count}`);
      for (const w of preview.warnings.slice(0, 20)) out(`  note: ${w}`);
      out(
        committed
          ? `Imported ${committed.events} event(s) and ${committed.tasks} task(s); skipped ${committed.skipped}, replaced ${committed.replaced}.`
          : 'Dry run: nothing was written.',
      );
    }
    return EXIT.ok;
  },
};

const exportCmd: CliCommand = {
  name: 'calendar export',
  usage: 'hearth calendar export --out FILE.ics [--calendar NAME] [--from TIME --to TIME]',
  summary: 'Export calendars as one iCalendar file',
  options: { out: { type: 'string' }, calendar: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' } },
  optionHelp: { out: 'The file to write', calendar: 'Only this calendar', from: 'Only series with an instance from (ISO time)', to: '… up to (ISO time)' },
  async run(ctx, { values }) {
    if (typeof values.out !== 'string') throw new UsageError('Where to? --out FILE.ics');
    await ctx.unlock();
    const calendarIds = values.calendar ? [(await pickCalendar(ctx, str(values.calendar))).id] : undefined;
    const res = await ctx.client.calendar.export({ calendarIds, from: str(values.from), to: str(values.to) });
    await saveExport(ctx, res.blobId, values.out);
    if (ctx.flags.json) printJson({ file: values.out, events: res.events });
    else out(`Exported ${res.events} event(s) to ${values.out}.`);
    return EXIT.ok;
  },
};

export const calendarCommands: CliCommand[] = [add, list, agenda, importCmd, exportCmd];
