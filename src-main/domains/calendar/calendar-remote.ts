import type { z } from 'zod';
import type { RefreshResult, SubscribeInput } from '../../../src-shared/domains/calendar/calendar.schemas';
import type { Calendar } from '../../../src-shared/domains/calendar/calendar.schemas';
import { AppError } from '../../../src-shared/ipc/result';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database';
import type { CalendarsPart } from './calendar-calendars';
import type { CalendarCore } from './calendar-core';
import { fetchCalendar, subscriptionUrl, SUBSCRIPTION_LIMITS, type FetchLimits, type FetchResult } from './calendar-fetch';
import type { SeriesStore } from './calendar-series';
import type { CalendarTable } from './calendar.table';
import { decodeCalendarBytes, parseCalendarFile, promoteOrphans, type ParsedFile } from './ics';

export interface RemoteDeps {
  series: SeriesStore;
  calendars: CalendarsPart;
  /** Download limits (tests shorten the deadline). */
  limits?: Readonly<FetchLimits>;
}

/** How often the refresh timer looks for subscriptions that are due (each has its own period, at least 5 min). */
const REFRESH_TICK_MS = 60_000;

/**
 * ICS subscriptions (docs/architecture.md#calendar): a read-only calendar filled from a URL. Each refresh replaces the
 * calendar's events in one write, so a reader never sees half of a feed; an unchanged feed (304) costs one request.
 */
export function createRemote(core: CalendarCore, deps: RemoteDeps) {
  const { ctx } = core;
  const limits = deps.limits ?? SUBSCRIPTION_LIMITS;
  let timer: NodeJS.Timeout | null = null;
  const inFlight = new Map<string, Promise<z.input<typeof RefreshResult>>>();

  const parse = (bytes: Uint8Array): ParsedFile => parseCalendarFile(decodeCalendarBytes(bytes), { maxBytes: limits.maxBytes });

  /** Replaces the calendar's components with the feed's, inside the caller's write; returns the number of series. */
  async function replace(trx: Kysely<Database>, calendarId: string, parsed: ParsedFile): Promise<number> {
    const at = core.iso();
    for (const [tzid, ics] of parsed.timezones) {
      await trx
        .insertInto('calendar_timezones')
        .values({ id: tzid.slice(0, 200), ics, created_at: at, updated_at: at, deleted_at: null })
        .onConflict((oc) => oc.column('id').doUpdateSet({ ics, updated_at: at }))
        .execute();
    }
    deps.series.forgetZones();
    const keep = new Set<string>();
    const put = async (s: { uid: string; master: { ics: string } | null; overrides: Array<{ ics: string }> }, kind: 'event' | 'task') => {
      keep.add(s.uid);
      await deps.series.put(trx, calendarId, s.uid, kind, { master: s.master?.ics ?? null, overrides: s.overrides.map((o) => o.ics) }, { dirty: false });
    };
    for (const s of promoteOrphans(parsed.series)) await put(s, 'event');
    for (const s of parsed.tasks) await put(s, 'task');
    for (const uid of await deps.series.uidsOf(calendarId, trx)) if (!keep.has(uid)) await deps.series.remove(trx, calendarId, uid, { tombstone: false });
    return keep.size;
  }

  async function subscribe(input: z.output<typeof SubscribeInput>): Promise<Calendar> {
    const url = subscriptionUrl(input.url);
    // Fetched and parsed before anything is stored: a bad address leaves no empty calendar behind.
    const got = (await fetchCalendar(url, { etag: null, lastModified: null }, limits)) as Extract<FetchResult, { status: 'ok' }>;
    const parsed = parse(got.text);
    const id = await ctx.write(async (trx) => {
      const row = await deps.calendars.insert({
        name: (input.name ?? parsed.name ?? url.hostname).slice(0, 200),
        color: input.color,
        source: 'subscription',
        read_only: 1,
        url: url.toString(),
        refresh_minutes: input.refreshMinutes,
        etag: got.etag,
        last_modified: got.lastModified,
        last_sync_at: core.iso(),
        calendar_props: JSON.stringify(parsed.calendarProps.slice(0, 200)),
      });
      await replace(trx, row.id, parsed);
      return row.id;
    });
    return deps.calendars.view(await core.calendarRow(id));
  }

  async function refreshRow(row: CalendarTable): Promise<z.input<typeof RefreshResult>> {
    if (row.source !== 'subscription' || !row.url) throw new AppError('INVALID_INPUT', `"${row.name}" is not a subscription.`);
    const count = async () =>
      Number(
        (
          await ctx
            .db()
            .selectFrom('calendar_events')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('calendar_id', '=', row.id)
            .where('recurrence_key', '=', '')
            .where('deleted_at', 'is', null)
            .executeTakeFirst()
        )?.n ?? 0,
      );
    let got: FetchResult;
    let parsed: ParsedFile | null = null;
    try {
      got = await fetchCalendar(subscriptionUrl(row.url), { etag: row.etag, lastModified: row.last_modified }, limits);
      if (got.status === 'ok') parsed = parse(got.text);
    } catch (err) {
      // Kept on the calendar so the sidebar can say why it is stale; the events from the last good refresh stay.
      const message = err instanceof AppError ? err.message : 'The subscription could not be read.';
      await ctx.write((trx) => trx.updateTable('calendars').set({ last_error: message, updated_at: core.iso() }).where('id', '=', row.id).execute());
      throw err;
    }
    const synced = { last_sync_at: core.iso(), last_error: null, updated_at: core.iso() };
    if (got.status === 'unchanged' || !parsed) {
      await ctx.write((trx) => trx.updateTable('calendars').set(synced).where('id', '=', row.id).execute());
      return { calendar: await deps.calendars.view(await core.calendarRow(row.id)), changed: false, events: await count() };
    }
    const feed = parsed;
    const ok = got;
    await ctx.write(async (trx) => {
      await replace(trx, row.id, feed);
      const props = JSON.stringify(feed.calendarProps.slice(0, 200));
      await trx
        .updateTable('calendars')
        .set({ ...synced, etag: ok.etag, last_modified: ok.lastModified, calendar_props: props })
        .where('id', '=', row.id)
        .execute();
    });
    return { calendar: await deps.calendars.view(await core.calendarRow(row.id)), changed: true, events: await count() };
  }

  /** One refresh per calendar at a time: a click during the timer's refresh waits for it. */
  function refresh({ id }: { id: string }): Promise<z.input<typeof RefreshResult>> {
    const running = inFlight.get(id);
    if (running) return running;
    const p = core
      .calendarRow(id)
      .then(refreshRow)
      .finally(() => inFlight.delete(id));
    inFlight.set(id, p);
    return p;
  }

  /** Refreshes every subscription whose period has passed (never two at once; failures are kept as lastError). */
  async function refreshDue(): Promise<void> {
    const now = ctx.now();
    const rows = await ctx.db().selectFrom('calendars').selectAll().where('source', '=', 'subscription').where('deleted_at', 'is', null).execute();
    for (const row of rows) {
      const last = row.last_sync_at ? Date.parse(row.last_sync_at) : 0;
      if (now - last < (row.refresh_minutes ?? 60) * 60_000) continue;
      await refresh({ id: row.id }).catch((err: unknown) => ctx.log.warn(`subscription refresh failed: ${err instanceof AppError ? err.code : 'error'}`));
    }
  }

  return {
    handlers: { subscribe, refresh },
    refreshDue,
    onUnlock(): void {
      if (timer) clearInterval(timer);
      timer = setInterval(() => void refreshDue().catch(() => undefined), REFRESH_TICK_MS);
      timer.unref();
      void refreshDue().catch(() => undefined);
    },
    onLock(): void {
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
}
export type RemotePart = ReturnType<typeof createRemote>;
