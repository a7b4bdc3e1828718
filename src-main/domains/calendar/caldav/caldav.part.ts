import type { z } from 'zod';
import type { AddAccountInput, CaldavAccount, SyncResult } from '../../../../src-shared/domains/calendar/calendar.schemas';
import { AppError } from '../../../../src-shared/ipc/result';
import { newId } from '../../../lib/ids';
import type { CalendarsPart } from '../calendar-calendars';
import type { CalendarCore } from '../calendar-core';
import type { SeriesStore } from '../calendar-series';
import type { CaldavAccountTable } from '../calendar.table';
import { createCaldavClient } from './caldav-client';
import { createConflicts } from './caldav-conflicts';
import { checkServerUrl } from './caldav-fetch';
import { createCaldavSync } from './caldav-sync';

type Account = z.output<typeof CaldavAccount>;
/** Every account syncs this often while the profile is unlocked. */
export const AUTO_SYNC_MS = 15 * 60_000;

/** CalDAV accounts (docs/architecture.md#calendar): the six handlers of the contract, plus the periodic sync. */
export function createCaldav(core: CalendarCore, series: SeriesStore, calendars: CalendarsPart) {
  const { ctx } = core;
  const syncer = createCaldavSync(core, series, calendars);
  const conflicts = createConflicts(core, series);
  let timer: NodeJS.Timeout | null = null;

  async function view(row: CaldavAccountTable): Promise<Account> {
    const n = await ctx
      .db()
      .selectFrom('calendars')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('caldav_account_id', '=', row.id)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    const session = syncer.lastSync(row.id);
    const lastSyncAt = session !== null && (row.last_sync_at === null || session > row.last_sync_at) ? session : row.last_sync_at;
    return {
      id: row.id,
      serverUrl: row.server_url,
      username: row.username,
      vaultItemId: row.vault_item_id,
      calendars: Number(n?.n ?? 0),
      lastSyncAt,
      lastError: row.last_error,
    };
  }

  async function list(): Promise<Account[]> {
    const rows = await ctx.db().selectFrom('caldav_accounts').selectAll().where('deleted_at', 'is', null).orderBy('created_at').orderBy('id').execute();
    return Promise.all(rows.map(view));
  }

  /**
   * Finds the account's calendars with the given password first (a wrong one stores nothing), then keeps the password
   * as a new vault login (or uses the login given), stores the account and runs the first sync.
   */
  async function add(input: z.output<typeof AddAccountInput>): Promise<Account> {
    const server = checkServerUrl(input.serverUrl);
    if (!input.password && !input.vaultItemId) throw new AppError('INVALID_INPUT', 'Give the password, or choose the vault login that holds it.');
    const vault = ctx.host.app().vault;
    const existing = await ctx
      .db()
      .selectFrom('caldav_accounts')
      .select('id')
      .where('server_url', '=', server.href)
      .where('username', '=', input.username)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (existing) throw new AppError('CONFLICT', `${input.username} on ${server.host} is already added.`);
    const password = input.password ?? (await vault.reveal({ id: input.vaultItemId!, field: 'password' })).value;
    const { homeUrl } = await createCaldavClient(server, input.username, password).discover();
    // SECURITY: the password is kept only in the vault (sealed like every login); the account row names the login.
    const vaultItemId =
      input.vaultItemId ??
      (
        await vault.create({
          item: { type: 'login', title: `CalDAV — ${server.host}`, login: { username: input.username, password, urls: [{ url: server.href }] } },
        })
      ).id;
    const at = core.iso();
    const row: CaldavAccountTable = {
      id: newId(),
      server_url: server.href,
      username: input.username,
      vault_item_id: vaultItemId,
      home_url: homeUrl,
      last_sync_at: null,
      last_error: null,
      created_at: at,
      updated_at: at,
      deleted_at: null,
    };
    await ctx.write((trx) => trx.insertInto('caldav_accounts').values(row).execute());
    syncer.remember(row.id, vaultItemId, password);
    try {
      await syncer.sync(row.id);
    } catch (err) {
      // Kept on the account as lastError; the account stays, so a later sync (or a fixed password) can finish.
      ctx.log.warn(`the first CalDAV sync failed: ${err instanceof Error ? err.message : String(err)}`);
    }
    return view(await syncer.accountRow(row.id));
  }

  /** Removes the account and its local calendars; nothing on the server changes and the vault login stays. */
  async function remove(id: string): Promise<Account> {
    await syncer.idle();
    const row = await syncer.accountRow(id);
    const before = await view(row);
    const cals = await ctx.db().selectFrom('calendars').select('id').where('caldav_account_id', '=', id).execute();
    for (const c of cals) await calendars.remove(c.id);
    await ctx.write(async (trx) => {
      // Rows `calendars.remove` keeps as markers (deleted_at) reference the account: they go with it.
      await trx.deleteFrom('calendars').where('caldav_account_id', '=', id).execute();
      await trx.deleteFrom('caldav_accounts').where('id', '=', id).execute();
    });
    return before;
  }

  async function sync(id: string): Promise<z.output<typeof SyncResult>> {
    const s = await syncer.sync(id);
    const waiting = await ctx
      .db()
      .selectFrom('calendar_conflicts')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('deleted_at', 'is', null)
      .where('calendar_id', 'in', ctx.db().selectFrom('calendars').select('id').where('caldav_account_id', '=', id))
      .executeTakeFirst();
    return { calendars: s.calendars, pulled: s.pulled, pushed: s.pushed, deleted: s.deleted, conflicts: Number(waiting?.n ?? 0) };
  }

  async function syncAll(): Promise<void> {
    for (const a of await list()) await syncer.sync(a.id).catch(() => undefined);
  }

  return {
    handlers: {
      caldavAccounts: () => list(),
      addCaldavAccount: (input: z.output<typeof AddAccountInput>) => add(input),
      removeCaldavAccount: ({ id }: { id: string }) => remove(id),
      syncCaldav: ({ id }: { id: string }) => sync(id),
      conflicts: () => conflicts.list(),
      /** After keeping the local copy, a sync pushes it right away (its failure stays on the account as lastError). */
      resolveConflict: async (input: { id: string; keep: 'local' | 'remote' }) => {
        const { calendarId } = await conflicts.resolve(input);
        const cal = await ctx.db().selectFrom('calendars').select('caldav_account_id').where('id', '=', calendarId).executeTakeFirst();
        if (input.keep === 'local' && cal?.caldav_account_id) await syncer.sync(cal.caldav_account_id).catch(() => undefined);
        return { resolved: true as const };
      },
    },
    /** From the module's onUnlock: every account syncs every 15 minutes while unlocked. */
    onUnlock: () => {
      if (timer) return;
      timer = setInterval(() => void syncAll(), AUTO_SYNC_MS);
      timer.unref();
    },
    /** From the module's onLock: the timer stops and no password stays in memory (a running sync fails harmlessly). */
    onLock: () => {
      if (timer) clearInterval(timer);
      timer = null;
      syncer.forget();
    },
    syncAll,
  };
}
export type CaldavPart = ReturnType<typeof createCaldav>;
