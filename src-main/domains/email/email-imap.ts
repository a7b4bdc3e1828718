import type { z } from 'zod';
import type { Account, AccountInput, SyncResult } from '../../../src-shared/domains/email/email.schemas';
import { AppError, notFound } from '../../../src-shared/ipc/result';
import { newId } from '../../lib/ids';
import type { EmailCore } from './email-core';
import { checkHost, connectImap, imapError, selectableMailboxes, type ImapServer } from './email-imap-client';
import { archiveFolder, cancelled, createImapSync, type MailboxResult } from './email-imap-sync';
import type { EmailHandlers, Ingest } from './email-parts';
import type { EmailAccountTable } from './email.table';

type ImapHandlers = Pick<EmailHandlers, 'accountAdd' | 'accountList' | 'accountRemove' | 'accountFolders' | 'accountSync'>;

const view = (row: EmailAccountTable): Account => ({
  id: row.id,
  host: row.host,
  port: row.port,
  security: row.security,
  username: row.username,
  vaultItemId: row.vault_item_id,
  folders: JSON.parse(row.folders_json) as string[],
  lastSyncAt: row.last_sync_at,
});

/**
 * IMAP accounts (issue 12): read-only, incremental archiving by UIDVALIDITY/UID (email-imap-sync.ts) over a connection
 * that only goes where the user said (email-imap-client.ts). SECURITY: the password lives only in the vault (a login
 * item); it is revealed for each connection and never stored by the email module.
 */
export function createImap(core: EmailCore, deps: { ingest: Ingest }): { handlers: ImapHandlers; clear(): void } {
  const { ctx } = core;
  const syncer = createImapSync(core, deps.ingest);
  /** Running syncs by account: a second request joins the first; `clear` (lock) stops them all. */
  const running = new Map<string, { promise: Promise<SyncResult>; abort: AbortController }>();

  async function accountRow(id: string): Promise<EmailAccountTable> {
    const row = await ctx.db().selectFrom('email_accounts').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
    if (!row) throw notFound('email account', id);
    return row;
  }
  const serverOf = (row: EmailAccountTable): ImapServer => ({ host: row.host, port: row.port, security: row.security, username: row.username });
  const passwordOf = async (vaultItemId: string) => (await ctx.host.app().vault.reveal({ id: vaultItemId, field: 'password' })).value;

  /** Logs in first (a wrong password stores nothing), keeps the password as a vault login (or uses the one given), then the account. */
  async function add(input: z.output<typeof AccountInput>): Promise<Account> {
    const server: ImapServer = { host: checkHost(input.host, input.security), port: input.port, security: input.security, username: input.username.trim() };
    if (!input.password && !input.vaultItemId) throw new AppError('INVALID_INPUT', 'Give the password, or choose the vault login that holds it.');
    const existing = await ctx
      .db()
      .selectFrom('email_accounts')
      .select('id')
      .where('host', '=', server.host)
      .where('port', '=', server.port)
      .where('username', '=', server.username)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (existing) throw new AppError('CONFLICT', `${server.username} on ${server.host} is already added.`);
    const vault = ctx.host.app().vault;
    const password = input.password ?? (await passwordOf(input.vaultItemId!));
    const folders = [...new Set((input.folders ?? []).map((f) => f.trim()).filter((f) => f !== ''))];
    const client = await connectImap(server, password);
    try {
      const boxes = await selectableMailboxes(client);
      const missing = folders.filter((f) => !boxes.some((b) => b.path === f || archiveFolder(b) === f));
      if (missing.length > 0) throw new AppError('INVALID_INPUT', `The server has no folder named ${missing.map((m) => `“${m}”`).join(', ')}.`);
    } catch (err) {
      throw imapError(err, server);
    } finally {
      await client.logout().catch(() => client.close());
    }
    // SECURITY: the password is kept only in the vault (sealed like every login); the account row names the login.
    const vaultItemId =
      input.vaultItemId ??
      (
        await vault.create({
          item: {
            type: 'login',
            title: `IMAP — ${server.username}@${server.host}`,
            login: { username: server.username, password, urls: [{ url: `imap://${server.host}:${server.port}` }] },
          },
        })
      ).id;
    const at = core.iso();
    try {
      const row = await ctx.write(async (trx) => {
        const sourceId = await deps.ingest.source('imap', `${server.username}@${server.host}`);
        const values: EmailAccountTable = {
          id: newId(),
          ...server,
          vault_item_id: vaultItemId,
          source_id: sourceId,
          folders_json: JSON.stringify(folders),
          last_sync_at: null,
          created_at: at,
          updated_at: at,
          deleted_at: null,
        };
        await trx.insertInto('email_accounts').values(values).execute();
        return values;
      });
      return view(row);
    } catch (err) {
      // The login made for this account goes with it (one the user chose stays).
      if (!input.vaultItemId) await vault.trash({ id: vaultItemId }).catch(() => undefined);
      throw err;
    }
  }

  /** Forgets the account (soft delete): its archived mail, the vault login and the server stay as they are. */
  async function remove(id: string): Promise<Account> {
    const row = await accountRow(id);
    const busy = running.get(id);
    if (busy) {
      busy.abort.abort();
      await busy.promise.catch(() => undefined);
    }
    const at = core.iso();
    await ctx.write((trx) => trx.updateTable('email_accounts').set({ deleted_at: at, updated_at: at }).where('id', '=', id).execute());
    return view(row);
  }

  async function folders(id: string): Promise<string[]> {
    const row = await accountRow(id);
    const server = serverOf(row);
    const client = await connectImap(server, await passwordOf(row.vault_item_id));
    try {
      return (await selectableMailboxes(client)).map((b) => b.path);
    } catch (err) {
      throw imapError(err, server);
    } finally {
      await client.logout().catch(() => client.close());
    }
  }

  async function runSync(row: EmailAccountTable, signal: AbortSignal): Promise<SyncResult> {
    const server = serverOf(row);
    const client = await connectImap(server, await passwordOf(row.vault_item_id));
    // Cancel (or lock): the connection closes, so a command in flight ends at once.
    const onAbort = () => client.close();
    signal.addEventListener('abort', onAbort);
    const results: MailboxResult[] = [];
    try {
      const chosen = JSON.parse(row.folders_json) as string[];
      const boxes = (await selectableMailboxes(client)).filter((b) => chosen.length === 0 || chosen.includes(b.path) || chosen.includes(archiveFolder(b)));
      for (const box of boxes) results.push(await syncer.syncMailbox(client, box, { accountId: row.id, sourceId: row.source_id }, signal));
    } catch (err) {
      if (signal.aborted) throw cancelled();
      throw imapError(err, server);
    } finally {
      signal.removeEventListener('abort', onAbort);
      if (!signal.aborted) await client.logout().catch(() => client.close());
    }
    const at = core.iso();
    await ctx.write((trx) => trx.updateTable('email_accounts').set({ last_sync_at: at, updated_at: at }).where('id', '=', row.id).execute());
    const sum = (k: 'fetched' | 'duplicates') => results.reduce((n, r) => n + r[k], 0);
    return { accountId: row.id, folders: results, fetched: sum('fetched'), duplicates: sum('duplicates') };
  }

  async function sync(id: string): Promise<SyncResult> {
    const already = running.get(id);
    if (already) return already.promise;
    const abort = new AbortController();
    const promise = accountRow(id)
      .then((row) => runSync(row, abort.signal))
      .finally(() => running.delete(id));
    running.set(id, { promise, abort });
    return promise;
  }

  return {
    handlers: {
      accountAdd: (input) => add(input),
      accountList: async () =>
        (await ctx.db().selectFrom('email_accounts').selectAll().where('deleted_at', 'is', null).orderBy('created_at').orderBy('id').execute()).map(view),
      accountRemove: ({ id }) => remove(id),
      accountFolders: ({ id }) => folders(id),
      accountSync: ({ id }) => sync(id),
    },
    /** On lock: every running sync stops (its connection closes; what it stored stays). */
    clear: () => {
      for (const r of running.values()) r.abort.abort();
    },
  };
}
