import { CALENDAR_COLORS } from '../../../../src-shared/domains/calendar/calendar.schemas';
import { notFound } from '../../../../src-shared/ipc/result';
import type { CalendarsPart } from '../calendar-calendars';
import type { CalendarCore } from '../calendar-core';
import type { SeriesStore } from '../calendar-series';
import type { CaldavAccountTable, CalendarTable } from '../calendar.table';
import { createCaldavClient, type RemoteCalendar } from './caldav-client';
import { asAppError, checkServerUrl } from './caldav-fetch';
import { pullCalendar, type SyncDeps, type SyncStats } from './caldav-pull';
import { pushCalendar } from './caldav-push';

export const GONE_FROM_SERVER = 'This calendar is no longer on the CalDAV server; its events are kept here, read-only.';

const PALETTE: Record<(typeof CALENDAR_COLORS)[number], [number, number, number]> = {
  slate: [100, 116, 139],
  red: [239, 68, 68],
  orange: [249, 115, 22],
  amber: [245, 158, 11],
  green: [34, 197, 94],
  teal: [20, 184, 166],
  blue: [59, 130, 246],
  violet: [139, 92, 246],
  pink: [236, 72, 153],
};
/** The server's colour (#RRGGBB[AA], Apple's calendar-color) → the nearest of Hearth's named colours. */
export function nearestColor(hex: string | null): (typeof CALENDAR_COLORS)[number] {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})/i.exec(hex ?? '');
  if (!m) return 'blue';
  const rgb = [m[1], m[2], m[3]].map((h) => parseInt(h!, 16));
  const dist = (c: number[]) => c.reduce((s, v, i) => s + (v - rgb[i]!) ** 2, 0);
  return CALENDAR_COLORS.reduce((best, name) => (dist(PALETTE[name]) < dist(PALETTE[best]) ? name : best), 'blue' as (typeof CALENDAR_COLORS)[number]);
}

/** The sync of one account: discovery (once), calendars mapped to Hearth calendars, then pull, push, pull per calendar. */
export function createCaldavSync(core: CalendarCore, series: SeriesStore, calendars: CalendarsPart) {
  const { ctx } = core;
  const running = new Map<string, Promise<SyncStats & { calendars: number }>>();
  /** Last successful sync per account in this session; stored only with a sync that wrote anything (idempotence). */
  const lastSync = new Map<string, string>();

  async function accountRow(id: string): Promise<CaldavAccountTable> {
    const row = await ctx.db().selectFrom('caldav_accounts').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
    if (!row) throw notFound('CalDAV account', id);
    return row;
  }

  /**
   * SECURITY: the password comes from the vault and is never stored by the calendar. It is kept in main's memory until
   * the profile locks (`forget`), as the vault's own keys are: a reveal stamps the login's last use, and a sync every
   * 15 minutes would otherwise write to the vault each time with nothing changed.
   */
  const passwords = new Map<string, { item: string; value: string }>();
  async function password(row: CaldavAccountTable): Promise<string> {
    const hit = passwords.get(row.id);
    if (hit?.item === row.vault_item_id) return hit.value;
    const { value } = await ctx.host.app().vault.reveal({ id: row.vault_item_id, field: 'password' });
    passwords.set(row.id, { item: row.vault_item_id, value });
    return value;
  }

  /** New server calendars become Hearth calendars; ones gone from the server are marked (kept, read-only). */
  async function mapCalendars(row: CaldavAccountTable, remotes: RemoteCalendar[], stats: SyncStats): Promise<Array<[CalendarTable, RemoteCalendar]>> {
    const all = await ctx.db().selectFrom('calendars').selectAll().where('caldav_account_id', '=', row.id).execute();
    const locals = all.filter((c) => c.deleted_at === null);
    const pairs: Array<[CalendarTable, RemoteCalendar]> = [];
    for (const remote of remotes) {
      // A calendar deleted here (kept as a deleted row) stays unsubscribed: it is not synced, nor added again.
      if (all.some((c) => c.url === remote.url && c.deleted_at !== null)) continue;
      let local = locals.find((c) => c.url === remote.url);
      if (!local) {
        local = await calendars.insert({
          name: remote.displayName,
          color: nearestColor(remote.color),
          source: 'caldav',
          url: remote.url,
          caldav_account_id: row.id,
        });
        stats.wrote = true;
      } else if (local.last_error === GONE_FROM_SERVER) {
        await ctx.write((trx) =>
          trx.updateTable('calendars').set({ last_error: null, read_only: 0, updated_at: core.iso() }).where('id', '=', local!.id).execute(),
        );
        stats.wrote = true;
      }
      pairs.push([local, remote]);
    }
    for (const gone of locals.filter((c) => !remotes.some((r) => r.url === c.url) && c.last_error !== GONE_FROM_SERVER)) {
      await ctx.write((trx) =>
        trx.updateTable('calendars').set({ last_error: GONE_FROM_SERVER, read_only: 1, updated_at: core.iso() }).where('id', '=', gone.id).execute(),
      );
      stats.wrote = true;
    }
    return pairs;
  }

  async function run(id: string): Promise<SyncStats & { calendars: number }> {
    const row = await accountRow(id);
    const stats: SyncStats = { pulled: 0, pushed: 0, deleted: 0, conflicts: 0, wrote: false };
    try {
      const client = createCaldavClient(checkServerUrl(row.server_url), row.username, await password(row));
      const deps: SyncDeps = { core, series, client };
      const home = row.home_url ?? (await client.discover()).homeUrl;
      const pairs = await mapCalendars(row, await client.calendars(home), stats);
      for (const [cal, remote] of pairs) {
        await pullCalendar(deps, cal, remote, stats);
        if ((await pushCalendar(deps, cal, stats)) === 0) continue;
        // Our own PUTs moved the sync-token (and ctag): take the new one now, so the next sync finds nothing to do.
        const fresh = (await client.calendars(home)).find((r) => r.url === remote.url);
        if (fresh) await pullCalendar(deps, cal, fresh, stats);
      }
      const at = core.iso();
      if (stats.wrote || row.last_error !== null || row.home_url !== home) {
        await ctx.write(async (trx) => {
          await trx.updateTable('caldav_accounts').set({ home_url: home, last_sync_at: at, last_error: null, updated_at: at }).where('id', '=', id).execute();
          if (stats.wrote)
            await trx.updateTable('calendars').set({ last_sync_at: at }).where('caldav_account_id', '=', id).where('deleted_at', 'is', null).execute();
        });
      }
      lastSync.set(id, at);
      return { ...stats, calendars: pairs.length };
    } catch (err) {
      const e = asAppError(err, 'CalDAV sync failed');
      // Refused: the next sync reads the vault again (the login may have been updated there meanwhile).
      if (e.code === 'WRONG_PASSWORD') passwords.delete(id);
      // The error is kept on the account for the settings screen; nothing stored here is touched.
      if (row.last_error !== e.message) {
        await ctx.write((trx) => trx.updateTable('caldav_accounts').set({ last_error: e.message, updated_at: core.iso() }).where('id', '=', id).execute());
      }
      throw e;
    }
  }

  /** One sync per account at a time: a second call while one runs waits for that one. */
  function sync(id: string): Promise<SyncStats & { calendars: number }> {
    const busy = running.get(id);
    if (busy) return busy;
    const p = run(id).finally(() => running.delete(id));
    running.set(id, p);
    return p;
  }

  return {
    sync,
    accountRow,
    lastSync: (id: string) => lastSync.get(id) ?? null,
    idle: () => Promise.allSettled([...running.values()]),
    /** On lock: no password stays in memory. */
    forget: () => passwords.clear(),
    /** Ran add's discovery with this password already. */
    remember: (id: string, item: string, value: string) => void passwords.set(id, { item, value }),
  };
}
export type CaldavSync = ReturnType<typeof createCaldavSync>;
