import { ImapFlow } from 'imapflow';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { newId } from '../../lib/ids';
import { DOVECOT_SKIP_REASON, startDovecot, type Dovecot } from '../../test/dovecot';
import { errorOf } from '../../test/helpers';
import { createImap } from './email-imap';
import { asServed, generated, inboxMessages, otherClient, sha256, snapshot } from './email-imap.test-helpers';
import type { Ingest } from './email-parts';
import { setupEmail, type EmailSetup } from './email.test-helpers';

const USER = 'archivist';
const USERS = { [USER]: 'imap-Pw-4d2e91' };
/** Flags the messages arrive with: the sync must leave every one as it is (and add no \Seen). */
const flagsOf = (i: number): string[] => [['\\Seen'], ['\\Flagged'], [], ['\\Seen', '\\Answered']][i % 4]!;
/** Every IMAP command Hearth may send: logging in, listing, EXAMINE (read-only) and FETCH. Nothing that writes. */
const READ_ONLY_COMMANDS = new Set([
  'UID FETCH',
  'CAPABILITY',
  'ID',
  'ENABLE',
  'LOGIN',
  'AUTHENTICATE',
  'NAMESPACE',
  'LIST',
  'LSUB',
  'EXAMINE',
  'FETCH',
  'NOOP',
  'LOGOUT',
]);

describe.skipIf(DOVECOT_SKIP_REASON !== null)(`IMAP archiving from a real Dovecot${DOVECOT_SKIP_REASON ? ` (skipped: ${DOVECOT_SKIP_REASON})` : ''}`, () => {
  let dc: Dovecot;
  const inbox = inboxMessages();
  const archive = [1, 2, 3].map((n) => generated(n, 'archive'));
  const fresh = [1, 2].map((n) => generated(n, 'fresh'));

  /** Another mail client puts the messages on the server: INBOX (the sample .eml files) and Archive/2019. */
  beforeAll(async () => {
    dc = await startDovecot(USERS);
    const other = await otherClient(dc, USER);
    for (const [i, raw] of inbox.entries()) await other.append('INBOX', raw, flagsOf(i));
    await other.mailboxCreate(['Archive', '2019']);
    for (const [i, raw] of archive.entries()) await other.append(['Archive', '2019'], raw, flagsOf(i));
    await other.logout();
  }, 30_000);
  afterAll(async () => dc?.stop());

  const account = (s: EmailSetup, extra: { password?: string; security?: 'none' | 'starttls' | 'tls'; host?: string } = {}) =>
    s.email.accountAdd({
      host: extra.host ?? dc.host,
      port: dc.port,
      security: extra.security ?? 'none',
      username: USER,
      password: extra.password ?? USERS[USER],
    });

  /** Archived copies per archive folder: [IMAP UID, SHA-256 of the stored bytes], in UID order. */
  async function archived(s: EmailSetup): Promise<Record<string, Array<[number, string]>>> {
    const rows = await s
      .db()
      .selectFrom('email_provenance as p')
      .innerJoin('email_folders as f', 'f.id', 'p.folder_id')
      .innerJoin('email_messages as m', 'm.id', 'p.message_id')
      .innerJoin('email_sources as s', 's.id', 'p.source_id')
      .select(['f.path', 'p.imap_uid', 'p.position', 'm.sha256', 's.kind'])
      .orderBy('p.imap_uid')
      .execute();
    const out: Record<string, Array<[number, string]>> = {};
    for (const r of rows) {
      expect(r).toMatchObject({ kind: 'imap', position: r.imap_uid });
      (out[r.path] ??= []).push([r.imap_uid!, r.sha256]);
    }
    return out;
  }
  const expected = (raws: Buffer[], firstUid = 1): Array<[number, string]> => raws.map((raw, i) => [firstUid + i, sha256(asServed(raw))]);

  it('refuses what would be unsafe; archives every mailbox read-only, then only what is new; the server keeps every message and flag', async () => {
    // One profile for the whole story: creating one costs seconds.
    const s = await setupEmail();
    // Refused, and nothing stored: a wrong password, a missing STARTTLS, no TLS to another computer.
    expect((await errorOf(account(s, { password: 'not-the-password' }))).code).toBe('WRONG_PASSWORD');
    // SECURITY: STARTTLS asked for and not offered: the password is never sent in clear.
    expect(await errorOf(account(s, { security: 'starttls' }))).toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(/STARTTLS/) });
    // SECURITY: refused before any connection (the name is never even looked up).
    expect((await errorOf(account(s, { host: 'imap.example.com' }))).code).toBe('FORBIDDEN');
    expect((await s.client.vault.list({})).items).toEqual([]);
    for (const table of ['email_accounts', 'email_sources', 'email_imap_state'] as const) {
      expect(await s.db().selectFrom(table).select('id').execute()).toEqual([]);
    }

    // Hearth's commands, as imapflow sends them (the other client's are not recorded).
    const exec = vi.spyOn(ImapFlow.prototype as unknown as { exec(command: string): Promise<unknown> }, 'exec');
    const sent = new Set<string>();
    const hearth = async <T>(work: Promise<T>): Promise<T> => {
      exec.mockClear();
      try {
        return await work;
      } finally {
        for (const [command] of exec.mock.calls) sent.add(command);
      }
    };
    const before = await snapshot(dc, USER);
    const added = await hearth(account(s));
    expect(added).toMatchObject({ host: '127.0.0.1', port: dc.port, security: 'none', username: USER, folders: [], lastSyncAt: null });
    // The password went to the vault as a login for this server, and nowhere else.
    expect((await s.client.vault.get({ id: added.vaultItemId })).login).toMatchObject({ username: USER, urls: [{ url: `imap://127.0.0.1:${dc.port}` }] });
    expect(await hearth(s.email.accountFolders({ id: added.id }))).toEqual(['INBOX', 'Archive.2019']);

    const first = await hearth(s.email.accountSync({ id: added.id }));
    expect(first.folders.map((f) => [f.mailbox, f.fetched])).toEqual([
      ['INBOX', inbox.length],
      ['Archive.2019', 3],
    ]);
    expect(first.fetched).toBe(inbox.length + 3);
    // Every message stored exactly as the server gave it (BODY.PEEK[]), in the mailbox's folder with '/' between levels.
    expect(await archived(s)).toEqual({ INBOX: expected(inbox), 'Archive/2019': expected(archive) });
    expect(await snapshot(dc, USER)).toEqual(before);

    // New mail arrives: the next sync fetches exactly those two, the one after nothing.
    const other = await otherClient(dc, USER);
    for (const [i, raw] of fresh.entries()) await other.append('INBOX', raw, flagsOf(i));
    await other.logout();
    const withNew = await snapshot(dc, USER);
    const second = await hearth(s.email.accountSync({ id: added.id }));
    expect(second.folders.map((f) => [f.mailbox, f.fetched])).toEqual([
      ['INBOX', 2],
      ['Archive.2019', 0],
    ]);
    expect((await hearth(s.email.accountSync({ id: added.id }))).fetched).toBe(0);
    expect((await archived(s)).INBOX).toEqual(expected([...inbox, ...fresh]));
    expect(await snapshot(dc, USER)).toEqual(withNew);
    const state = await s.db().selectFrom('email_imap_state').select(['mailbox', 'uid_validity', 'last_uid']).orderBy('mailbox').execute();
    expect(state).toEqual([
      { mailbox: 'Archive.2019', uid_validity: withNew.mailboxes['Archive.2019']!.uidValidity, last_uid: 3 },
      { mailbox: 'INBOX', uid_validity: withNew.mailboxes.INBOX!.uidValidity, last_uid: inbox.length + 2 },
    ]);

    // The server renumbers a mailbox (a new UIDVALIDITY): it is read again, and nothing is stored twice.
    const renumber = await otherClient(dc, USER);
    await renumber.mailboxDelete('Archive.2019');
    await renumber.mailboxCreate(['Archive', '2019']);
    for (const [i, raw] of archive.entries()) await renumber.append(['Archive', '2019'], raw, flagsOf(i));
    await renumber.logout();
    const again = (await hearth(s.email.accountSync({ id: added.id }))).folders.find((f) => f.mailbox === 'Archive.2019')!;
    expect(again).toMatchObject({ fetched: 3, duplicates: 3 });
    expect(again.uidValidity).not.toBe(withNew.mailboxes['Archive.2019']!.uidValidity);
    const messages = await s.db().selectFrom('email_messages').select('id').execute();
    expect(messages).toHaveLength(inbox.length + 2 + 3);

    expect([...sent].filter((c) => !READ_ONLY_COMMANDS.has(c))).toEqual([]);
    expect(sent).toContain('EXAMINE');
    exec.mockRestore();

    // Forgetting the account keeps its archived mail and its vault login.
    expect((await s.email.accountList({}))[0]!.lastSyncAt).not.toBeNull();
    await s.email.accountRemove({ id: added.id });
    expect(await s.email.accountList({})).toEqual([]);
    expect(await s.db().selectFrom('email_messages').select('id').execute()).toHaveLength(messages.length);
    expect((await s.client.vault.list({})).items).toHaveLength(1);

    // A lock while INBOX's batch is being stored (its own IMAP part over the same profile, with an ingest that stores no
    // messages): the sync stops with CANCELLED, and the next one goes on after INBOX.
    let lockDuringIngest = true;
    const seen: string[] = [];
    const ingest: Ingest = {
      source: async (kind, name) => {
        const id = newId();
        const at = s.emailCore.iso();
        await s.ctx.write((trx) =>
          trx.insertInto('email_sources').values({ id, kind, name, preamble: '', created_at: at, updated_at: at, deleted_at: null }).execute(),
        );
        return id;
      },
      ingest: async (batch, target) => {
        seen.push(`${target.folder}:${batch.length}`);
        const at = s.emailCore.iso();
        const im = target.imap!;
        await s.ctx.write((trx) =>
          trx
            .insertInto('email_imap_state')
            .values({
              id: newId(),
              account_id: im.accountId,
              mailbox: im.mailbox,
              uid_validity: im.uidValidity,
              last_uid: im.lastUid,
              created_at: at,
              updated_at: at,
              deleted_at: null,
            })
            .execute(),
        );
        if (lockDuringIngest) imap.clear();
        return { imported: batch.length, duplicates: 0, unparsed: 0, ids: [] };
      },
    };
    const imap = createImap(s.emailCore, { ingest });
    const h = imap.handlers as unknown as {
      accountAdd(i: object): Promise<{ id: string }>;
      accountSync(i: { id: string }): Promise<{ fetched: number }>;
    };
    const { id } = await h.accountAdd({ host: dc.host, port: dc.port, security: 'none', username: USER, password: USERS[USER] });
    expect((await errorOf(h.accountSync({ id }))).code).toBe('CANCELLED');
    lockDuringIngest = false;
    expect((await h.accountSync({ id })).fetched).toBe(3);
    expect(seen).toEqual([`INBOX:${inbox.length + 2}`, 'Archive/2019:3']);
    await s.close();
  }, 90_000);
});
