/**
 * File imports of the sample files (issue 12): every fixture with the README's counts, dedupe against the archive
 * (the Takeout file twice) and across sources (an .eml and the same message inside an mbox), the folders made,
 * and paths refused from the app's front doors.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeWithFixtures } from '../../test/fixtures';
import { errorOf, tempRoot } from '../../test/helpers';
import { emailFixture, setupEmail, uploadBytes, type EmailSetup } from './email.test-helpers';

const importPath = (s: EmailSetup, p: string, folder?: string) => s.email.importStart({ source: { kind: 'path', path: p }, folder, wait: true });

async function messages(s: EmailSetup) {
  return s
    .db()
    .selectFrom('email_messages')
    .select(['id', 'subject', 'message_id', 'labels_json', 'parse_status', 'parse_error', 'thread_id'])
    .orderBy('doc')
    .execute();
}
async function provenance(s: EmailSetup) {
  return s
    .db()
    .selectFrom('email_provenance as p')
    .innerJoin('email_folders as f', 'f.id', 'p.folder_id')
    .select(['p.message_id', 'p.position', 'p.source_path', 'p.from_line', 'f.path as folder'])
    .orderBy('p.position')
    .execute();
}

describeWithFixtures('email import: the sample files', () => {
  it.each([
    ['Mail-MboxParser-testbox.mbox', 9],
    ['git-sample.mboxrd', 2],
    ['git-format-patch-mboxrd.mbox', 2],
  ])('%s: %i messages, one provenance row each, in the folder named after the file', async (file, n) => {
    const s = await setupEmail();
    const run = await importPath(s, emailFixture(file));
    expect(run).toMatchObject({ state: 'done', kind: 'mbox', imported: n, duplicates: 0, source: file });
    expect(run.checkpoint).toBe(run.totalBytes);
    expect(await messages(s)).toHaveLength(n);
    const prov = await provenance(s);
    expect(prov).toHaveLength(n);
    expect(new Set(prov.map((p) => p.folder))).toEqual(new Set([path.parse(file).name]));
    expect(prov.every((p) => p.from_line.startsWith('From '))).toBe(true);
  });

  it('testbox: the two "Welcome new user VPARSEVAL" messages stay two', async () => {
    const s = await setupEmail();
    await importPath(s, emailFixture('Mail-MboxParser-testbox.mbox'));
    const welcome = (await messages(s)).filter((m) => m.subject === 'Welcome new user VPARSEVAL');
    expect(welcome.map((m) => m.message_id).sort()).toEqual(['200107050338.FAA01527@pause.perl.org', '200107050338.FAA01533@pause.perl.org']);
  });

  it('Takeout: 6 messages, Gmail labels on the first 4; a second import adds 6 duplicates and nothing new', async () => {
    const s = await setupEmail();
    const file = emailFixture('google-takeout-to-sqlite-small.gmail.mbox');
    expect(await importPath(s, file)).toMatchObject({ state: 'done', imported: 6, duplicates: 0, unparsed: 0 });
    const rows = await messages(s);
    expect(rows.map((m) => JSON.parse(m.labels_json) as string[])).toEqual([['Unread'], ['Unread'], ['Chat'], ['Chat'], [], []]);
    // Message 2 is a reply in a Gmail thread whose first message is not in the file: Gmail's thread id groups it.
    expect(rows[1]!.thread_id).toBe('1278204036336346264');
    const again = await importPath(s, file);
    expect(again).toMatchObject({ state: 'done', imported: 0, duplicates: 6 });
    expect(again.id).not.toBe((await s.email.importRuns())[1]!.id);
    expect(await messages(s)).toHaveLength(6);
    expect(await provenance(s)).toHaveLength(6); // same source, folder and position: not recorded twice
  });

  it('every .eml and .emlx file is one message; mixed.eml (no headers) is kept without a crash', async () => {
    const s = await setupEmail();
    const files = [
      'mail-gem-attachment_nonascii_filename.eml',
      'mail-gem-attachment_pdf.eml',
      'mail-gem-japanese_attachment.eml',
      'mail-gem-japanese_iso_2022.eml',
      'mail-gem-japanese_shift_jis.eml',
      'mail-gem-ks_c_5601-1987.eml',
      'mail-gem-utf8_headers.eml',
      'postal-mime-calendar-event.eml',
      'postal-mime-mimetorture.eml',
      'postal-mime-mixed.eml',
      'emlx-plaintext.emlx',
      'emlx-richtext.emlx',
    ];
    for (const f of files) expect(await importPath(s, emailFixture(f)), f).toMatchObject({ state: 'done', imported: 1 });
    const rows = await messages(s);
    expect(rows).toHaveLength(files.length);
    expect(rows.find((m) => m.subject === 'まみむめも')).toBeDefined();
    expect(rows.find((m) => m.message_id === '7A129E26-2C1F-4517-B6B5-39460ED50E12@example.com')?.subject).toBe('Re: Emlx library');
    const mixed = rows[files.indexOf('postal-mime-mixed.eml')]!;
    expect(mixed.subject).toBe('');
    if (mixed.parse_status === 'unparsed') expect(mixed.parse_error).not.toBe('');
    expect(new Set((await provenance(s)).map((p) => p.folder))).toEqual(new Set(['Inbox']));
  });

  it('the Apple Mail tree: its .emlx files (one partial), and the same message as .eml and .emlx stored once', async () => {
    const s = await setupEmail();
    const run = await importPath(s, emailFixture('apple-mail'), 'Apple');
    expect(run).toMatchObject({ state: 'done', kind: 'emlx' });
    const rows = await messages(s);
    const prov = await provenance(s);
    expect(prov.length).toBe(run.imported + run.duplicates);
    const lorem = rows.filter((m) => m.subject === 'Lorem ipsum');
    expect(lorem).toHaveLength(1);
    const loremProv = prov.filter((p) => p.message_id === lorem[0]!.id);
    expect(loremProv.map((p) => p.source_path).sort()).toEqual(['Messages/114862.emlx', 'expected/114862.eml']);
    // Apple Mail's own `Messages` folder is not an archive folder (ingest/tree-folders.ts).
    expect(new Set(loremProv.map((p) => p.folder))).toEqual(new Set(['Apple', 'Apple/expected']));
    expect(rows.filter((m) => m.subject === 'Fwd: Lorem ipsum').length).toBeGreaterThanOrEqual(1);
  });

  it('the same message as an .eml and inside an mbox: one message, two provenance rows', async () => {
    const s = await setupEmail();
    const dir = tempRoot();
    const eml = readFileSync(emailFixture('mail-gem-utf8_headers.eml'));
    const mbox = path.join(dir, 'Saved.mbox');
    writeFileSync(mbox, Buffer.concat([Buffer.from('From someone@example.net Thu Feb 26 17:23:40 1998\n'), eml, Buffer.from('\n')]));
    copyFileSync(emailFixture('mail-gem-utf8_headers.eml'), path.join(dir, 'hello.eml'));
    expect(await importPath(s, path.join(dir, 'hello.eml'))).toMatchObject({ imported: 1 });
    expect(await importPath(s, mbox)).toMatchObject({ imported: 0, duplicates: 1 });
    expect(await messages(s)).toHaveLength(1);
    const prov = await provenance(s);
    expect(prov.map((p) => p.folder).sort()).toEqual(['Inbox', 'Saved']);
  });
});

describe('email import: where sources may come from', () => {
  it('refuses a path from the app (it uploads), and imports the same bytes uploaded', async () => {
    const s = await setupEmail();
    const dir = tempRoot();
    mkdirSync(path.join(dir, 'in'));
    const mbox = 'From a@example.net Thu Feb 26 17:23:40 1998\nSubject: one\nMessage-ID: <one@x>\n\nbody one\n';
    writeFileSync(path.join(dir, 'in', 'Archive.mbox'), mbox);
    const call = (transport: 'electron' | 'web') =>
      s.core.router.dispatch('email:importStart', { source: { kind: 'path', path: path.join(dir, 'in', 'Archive.mbox') } }, { transport });
    for (const t of ['electron', 'web'] as const) {
      const r = await call(t);
      expect(r.ok ? 'imported' : r.error.code).toBe('FORBIDDEN');
    }
    const blobId = await uploadBytes(s, mbox);
    const run = await s.email.importStart({ source: { kind: 'upload', files: [{ path: 'Archive.mbox', blobId }] }, wait: true });
    expect(run).toMatchObject({ state: 'done', kind: 'mbox', imported: 1, source: 'Archive.mbox' });
    expect((await provenance(s))[0]!.folder).toBe('Archive');
    expect((await errorOf(s.email.importResume({ id: run.id }))).code).toBe('CONFLICT');
  });

  it('imports an uploaded folder of .eml files, keeping its sub-folders', async () => {
    const s = await setupEmail();
    const files = [
      { path: 'Mail/a.eml', blobId: await uploadBytes(s, 'Subject: a\nMessage-ID: <a@x>\n\nA\n') },
      { path: 'Mail/sub/b.eml', blobId: await uploadBytes(s, 'Subject: b\nMessage-ID: <b@x>\n\nB\n') },
    ];
    const run = await s.email.importStart({ source: { kind: 'upload', files }, wait: true });
    expect(run).toMatchObject({ state: 'done', kind: 'eml', source: 'Mail', imported: 2, totalBytes: 2, checkpoint: 2 });
    expect((await provenance(s)).map((p) => p.folder).sort()).toEqual(['Mail', 'Mail/sub']);
  });
});
