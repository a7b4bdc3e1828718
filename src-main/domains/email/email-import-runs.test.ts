/**
 * Import runs (issue 12): bad input never stops an import, a worker failure is narrowed down to the one message,
 * pause then resume (by importing the same file again, as the CLI does) and cancel on a generated mbox, and the
 * preview's counts without storing anything.
 */
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { ImportRun } from '../../../src-shared/domains/email/email.schemas';
import { PASSWORD, tempRoot } from '../../test/helpers';
import { createIngest, parseBatch, type ParseFn } from './email-ingest';
import { newId } from '../../lib/ids';
import { writeSampleMbox } from './email-sample-mbox';
import { setupEmail, type EmailSetup } from './email.test-helpers';
import type { ParsedRecord, SourceMessage } from './email-types';

const FROM = (n: number) => `From sender${n}@example.net Thu Feb 26 17:23:40 1998\n`;

function badMbox(): Buffer {
  const good = 'Subject: The good one\nFrom: Ann <ann@example.net>\nMessage-ID: <good@example.net>\n\nA zebracorn walks into the archive.\n\n';
  const junk = Buffer.concat([randomBytes(3000).map((b) => (b === 0x0a ? 0x20 : b)), Buffer.from('\n\n')]);
  const bomb =
    'Subject: bomb\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary="b"\n\n' +
    Array.from({ length: 10_000 }, (_, i) => `--b\nContent-Type: text/plain\n\npart ${i}\n`).join('') +
    '--b--\n\n';
  const malformed =
    'Subject without a colon\n: empty name\nFrom: <<<@@@>>>\nDate: not a date at all\nContent-Type: text/plain; charset="no-such-charset"\n\nbody\n\n';
  const truncated = 'Subject: cut\nContent-Type: multipart/mixed; boundary="z"\n\n--z\nContent-Type: text/plain\n\nthe file ends in the mid';
  return Buffer.concat([FROM(1) + good, FROM(2), junk, FROM(3) + bomb, FROM(4) + malformed, FROM(5) + truncated].map((p) => Buffer.from(p)));
}

async function count(s: EmailSetup, q: 'messages' | 'shas' | 'provenance'): Promise<number> {
  const query = {
    messages: sql<{ n: number }>`SELECT count(*) AS n FROM email_messages`,
    shas: sql<{ n: number }>`SELECT count(DISTINCT sha256) AS n FROM email_messages`,
    provenance: sql<{ n: number }>`SELECT count(*) AS n FROM email_provenance`,
  }[q];
  return Number((await query.execute(s.db())).rows[0]!.n);
}

/** Resolves with the first progress event that `ok` accepts. */
const progressWhere = (s: EmailSetup, ok: (r: ImportRun) => boolean) =>
  new Promise<ImportRun>((resolve) => {
    const off = s.email.onProgress((r) => {
      if (!ok(r)) return;
      off();
      resolve(r);
    });
  });

describe('email import runs', () => {
  it('bad input never stops an import: junk, a 10,000-part MIME bomb, malformed headers, a truncated end are kept', async () => {
    const s = await setupEmail();
    const file = path.join(tempRoot(), 'bad.mbox');
    writeFileSync(file, badMbox());
    const run = await s.email.importStart({ source: { kind: 'path', path: file }, wait: true });
    expect(run).toMatchObject({ state: 'done', imported: 5, error: '' });
    const rows = await s.db().selectFrom('email_messages').select(['subject', 'parse_status', 'parse_error', 'size']).orderBy('doc').execute();
    expect(rows).toHaveLength(5);
    expect(rows[0]).toMatchObject({ subject: 'The good one', parse_status: 'ok' });
    for (const r of rows.filter((m) => m.parse_status === 'unparsed')) expect(r.parse_error).not.toBe('');
    expect(rows[1]!.parse_status).toBe('unparsed'); // junk: no headers
    expect(rows[2]!.parse_status).toBe('unparsed'); // too many parts
    expect(run.unparsed).toBe(rows.filter((m) => m.parse_status === 'unparsed').length);
    const hits = await sql<{ rowid: number }>`SELECT rowid FROM email_fts WHERE email_fts MATCH 'zebracorn'`.execute(s.db());
    expect(hits.rows).toHaveLength(1);
  });

  it('a message the worker cannot get through is narrowed down by halves and kept unparsed with the reason', async () => {
    const msgs: SourceMessage[] = Array.from({ length: 9 }, (_, i) => ({
      raw: Buffer.from(`Subject: ${i}\n\nbody ${i}\n`),
      position: i,
      end: i + 1,
      folder: '',
    }));
    let jobs = 0;
    const parse: ParseFn = async (raws) => {
      jobs += 1;
      if (raws.some((r) => Buffer.from(r).includes('body 6'))) throw new Error('worker crashed');
      return raws.map((r) => ({ sha256: 'x', size: r.length, record: r, compression: 'none', parsed: { status: 'ok' } }) as unknown as ParsedRecord);
    };
    const out = await parseBatch(parse, msgs);
    expect(out.map((r) => r.parsed.status)).toEqual(['ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'unparsed', 'ok', 'ok']);
    expect(out[6]!.parsed.error).toContain('worker crashed');
    expect(out[6]!.size).toBe(msgs[6]!.raw.length);
    expect(jobs).toBeLessThanOrEqual(9);
  });

  it('ingest (the IMAP side): messages and the mailbox state in one write; the same batch again is all duplicates', async () => {
    const s = await setupEmail();
    const ingest = createIngest(s.emailCore);
    const sourceId = await ingest.source('imap', 'me@imap.example.net');
    const accountId = newId();
    await s.ctx.write((trx) =>
      trx
        .insertInto('email_accounts')
        .values({
          id: accountId,
          host: 'imap.example.net',
          port: 993,
          security: 'tls',
          username: 'me',
          vault_item_id: newId(),
          source_id: sourceId,
          folders_json: '[]',
          last_sync_at: null,
          created_at: 'x',
          updated_at: 'x',
          deleted_at: null,
        })
        .execute(),
    );
    const batch: SourceMessage[] = [1, 2, 3].map((uid) => ({
      raw: Buffer.from(`Subject: uid ${uid}\nMessage-ID: <${uid}@x>\n\nhello\n`),
      position: uid,
      end: uid,
      folder: '',
      imapUid: uid,
    }));
    const target = { sourceId, folder: 'INBOX', imap: { accountId, mailbox: 'INBOX', uidValidity: '42', lastUid: 3 } };
    expect(await ingest.ingest(batch, target)).toMatchObject({ imported: 3, duplicates: 0, unparsed: 0 });
    const again = await ingest.ingest(batch, target);
    expect(again).toMatchObject({ imported: 0, duplicates: 3 });
    expect(await count(s, 'provenance')).toBe(3);
    const state = await s.db().selectFrom('email_imap_state').select(['uid_validity', 'last_uid']).execute();
    expect(state).toEqual([{ uid_validity: '42', last_uid: 3 }]);
  });

  it('pauses after a batch, and importing the same file again resumes it: every message once', async () => {
    const s = await setupEmail();
    const file = path.join(tempRoot(), 'Big.mbox');
    const { messages } = await writeSampleMbox(file, { messages: 2500, seed: 7, avgBytes: 1500 });
    const first = progressWhere(s, (r) => r.imported > 0);
    const started = await s.email.importStart({ source: { kind: 'path', path: file } });
    expect(started.state).toBe('running');
    await first;
    const paused = await s.email.importPause({ id: started.id });
    expect(paused.state).toBe('paused');
    expect(paused.checkpoint).toBeLessThan(paused.totalBytes);
    expect(await count(s, 'messages')).toBe(paused.imported);
    const done = await s.email.importStart({ source: { kind: 'path', path: file }, wait: true });
    expect(done).toMatchObject({ id: started.id, state: 'done', imported: messages, duplicates: 0 });
    expect(await count(s, 'shas')).toBe(messages);
    expect(await count(s, 'provenance')).toBe(messages);
    expect((await s.email.importRuns()).map((r) => r.id)).toEqual([started.id]);
  });

  it('a lock stops the run; after unlock it is paused and resumes to the end', async () => {
    const s = await setupEmail();
    const file = path.join(tempRoot(), 'Locked.mbox');
    const { messages } = await writeSampleMbox(file, { messages: 1500, seed: 9, avgBytes: 1500 });
    const first = progressWhere(s, (r) => r.imported > 0);
    await s.email.importStart({ source: { kind: 'path', path: file } });
    await first;
    s.core.profiles.lock('user');
    const [profile] = await s.client.profile.list();
    await s.client.profile.unlock({ profileId: profile!.id, password: PASSWORD });
    const [run] = await s.email.importRuns();
    expect(run!.state).toBe('paused');
    expect(await s.email.importResume({ id: run!.id })).toMatchObject({ state: 'running' });
    await progressWhere(s, (r) => r.state === 'done');
    expect(await count(s, 'shas')).toBe(messages);
    expect(await count(s, 'provenance')).toBe(messages);
  });

  it('cancel stops the run; what it stored stays; preview counts without storing', async () => {
    const s = await setupEmail();
    const file = path.join(tempRoot(), 'Cancel me.mbox');
    const { messages } = await writeSampleMbox(file, { messages: 2500, seed: 8, avgBytes: 1500 });
    const preview = await s.email.importPreview({ source: { kind: 'path', path: file } });
    expect(preview).toMatchObject({ format: 'mbox', messages, duplicates: 0, unparsed: [], folders: [{ path: 'Cancel me', messages }] });
    expect(preview.sample).toHaveLength(5);
    expect(await count(s, 'messages')).toBe(0);
    const first = progressWhere(s, (r) => r.imported > 0);
    const started = await s.email.importStart({ source: { kind: 'path', path: file } });
    await first;
    const cancelled = await s.email.importCancel({ id: started.id });
    expect(cancelled.state).toBe('cancelled');
    expect(cancelled.imported).toBeLessThan(messages);
    expect(await count(s, 'messages')).toBe(cancelled.imported);
    const again = await s.email.importPreview({ source: { kind: 'path', path: file } });
    expect(again.duplicates).toBe(cancelled.imported);
  });
});
