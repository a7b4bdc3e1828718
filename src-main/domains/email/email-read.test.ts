import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBlobBytes } from '../../blobs/read-blob';
import { describeWithFixtures } from '../../test/fixtures';
import { importTestArchive, INVITE, TAKEOUT, type TestArchive } from './email-read.test-archive';

describeWithFixtures('email archive of the sample mail: reading, search, links', () => {
  let a: TestArchive;
  beforeAll(async () => {
    a = await importTestArchive();
  }, 60_000);
  afterAll(() => a?.close());

  describe('reading: folders, labels, lists, messages, threads', () => {
    it('counts messages per folder and per Gmail label', async () => {
      const folders = await a.s.email.folders();
      const count = (p: string) => folders.find((f) => f.path === p)?.messages;
      expect(count('google-takeout-to-sqlite-small.gmail')).toBe(6);
      expect(count('Mail-MboxParser-testbox')).toBe(9);
      expect(folders.reduce((n, f) => n + f.messages, 0)).toBe(6 + 9 + 4);
      const labels = await a.s.email.labels();
      expect(labels).toEqual(
        expect.arrayContaining([
          { label: 'Unread', messages: 2 },
          { label: 'Chat', messages: 2 },
        ]),
      );
    });

    it('lists a folder newest first in pages, and a label', async () => {
      const folder = (await a.s.email.folders()).find((f) => f.path === 'Mail-MboxParser-testbox')!;
      const seen: string[] = [];
      const dates: string[] = [];
      let cursor: string | undefined;
      const sizes: number[] = [];
      do {
        const page = await a.s.email.list({ folderId: folder.id, limit: 4, cursor });
        expect(page.total).toBe(9);
        sizes.push(page.messages.length);
        for (const m of page.messages) {
          seen.push(m.id);
          dates.push(m.date ?? '');
        }
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(sizes).toEqual([4, 4, 1]);
      expect(new Set(seen).size).toBe(9);
      expect([...dates].sort().reverse()).toEqual(dates);
      const chat = await a.s.email.list({ label: 'Chat' });
      expect(chat.total).toBe(2);
      expect(chat.messages.map((m) => m.subject).sort()).toEqual(['', 'test']);
      await expect(a.s.email.list({ cursor: 'not-a-cursor' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    });

    it('reads the calendar invitation: HTML, attachments, provenance, and downloads invite.ics', async () => {
      const summary = (await a.s.email.search({ query: 'subject:"Test event"' })).hits[0]!;
      const m = await a.s.email.get({ id: summary.id });
      expect(m.subject).toContain('Invitation: Test event ⏰');
      expect(m.from).toEqual({ name: 'Andris Reinman', address: 'andris@postalsys.com' });
      expect(m.html.length).toBeGreaterThan(0);
      expect(m.text.length).toBeGreaterThan(0);
      expect(m.headers.find((h) => h.name.toLowerCase() === 'message-id')?.value).toContain('calendar-7791cb16');
      expect(m.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(m.provenance).toEqual([expect.objectContaining({ sourceKind: 'eml', source: INVITE })]);
      const ics = m.attachments.find((x) => x.name === 'invite.ics');
      expect(ics).toBeDefined();
      const download = await a.s.email.attachment({ id: m.id, part: ics!.part });
      expect(download.name).toBe('invite.ics');
      const bytes = await readBlobBytes(a.s.core.blobs().store, download.blobId);
      expect(Buffer.from(bytes).toString('utf8')).toContain('BEGIN:VCALENDAR');
      await expect(a.s.email.attachment({ id: m.id, part: '99' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    });

    it('gives a reply’s thread oldest first, and the provenance of an mbox message', async () => {
      const reply = await a.bySubject('Re: [Gnumed-devel] Tree view formatting');
      const thread = await a.s.email.thread({ id: reply.id });
      expect(thread.map((m) => m.subject)).toEqual(['[Gnumed-devel] Tree view formatting', 'Re: [Gnumed-devel] Tree view formatting']);
      expect(new Set(thread.map((m) => m.threadId)).size).toBe(1);
      const detail = await a.s.email.get({ id: reply.id });
      expect(detail.labels).toEqual(['Unread']);
      expect(detail.provenance).toEqual([
        expect.objectContaining({ sourceKind: 'mbox', source: TAKEOUT, folder: 'google-takeout-to-sqlite-small.gmail', path: '' }),
      ]);
    });

    it('finds sign-up and welcome mails of a domain, newest first', async () => {
      const found = await a.s.email.signups({ domains: ['https://www.speed-link.de/login'] });
      expect(found.map((m) => m.subject).sort()).toEqual(['Password Update', 'Welcome new user VPARSEVAL', 'Welcome new user VPARSEVAL']);
      expect(await a.s.email.signups({ domains: ['example.invalid'] })).toEqual([]);
    });
  });

  describe('search', () => {
    const subjects = async (query: string) => (await a.s.email.search({ query, limit: 100 })).hits.map((h) => h.subject);

    it('finds words, phrases and prefixes, ranked, with marked highlights', async () => {
      const r = await a.s.email.search({ query: 'Zend_Form' });
      expect(r.hits.map((h) => h.subject)).toEqual(['[fw-general] Zend_Form and generating fields']);
      expect(r.total).toBe(1);
      const h = r.hits[0]!.highlight;
      const open = h.indexOf('\u0002');
      expect(open).toBeGreaterThanOrEqual(0);
      expect(h.slice(open + 1, h.indexOf('\u0003', open)).toLowerCase()).toMatch(/^zend/);
      expect(await subjects('"Tree view formatting"')).toContain('Re: [Gnumed-devel] Tree view formatting');
      expect(await subjects('gener')).toContain('[fw-general] Zend_Form and generating fields');
    });

    it('applies from:, subject:, label:, has:attachment and exclusions', async () => {
      expect(await subjects('from:andris')).toEqual([expect.stringContaining('Invitation: Test event')]);
      expect(await subjects('to:andris@ethereal.email')).toEqual([expect.stringContaining('Invitation: Test event')]);
      expect(await subjects('subject:"Test event"')).toEqual([expect.stringContaining('Invitation: Test event')]);
      expect((await subjects('label:chat')).sort()).toEqual(['', 'test']);
      expect(await subjects('in:mail-mboxparser-testbox welcome')).toEqual(['Welcome new user VPARSEVAL', 'Welcome new user VPARSEVAL']);
      expect(await subjects('has:invite')).toEqual([expect.stringContaining('Invitation: Test event')]);
      const withFiles = await subjects('has:attachment');
      expect(withFiles).toEqual(expect.arrayContaining(['Another PDF with 🎉 Unicode chars in it 🍿', 'Re: Mail::MboxParser']));
      const all = await subjects('PAUSE');
      const some = await subjects('PAUSE -welcome');
      expect(all).toContain('Welcome new user VPARSEVAL');
      expect(some).not.toContain('Welcome new user VPARSEVAL');
      expect(some.length).toBe(all.length - 2);
    });

    it('filters by date with operators alone, newest first', async () => {
      const r = await a.s.email.search({ query: 'before:2002-01-01', limit: 100 });
      expect(r.hits.every((h) => h.date !== null && h.date < '2002')).toBe(true);
      expect(r.hits.filter((h) => h.date! >= '1998').length).toBe(9);
      const dates = r.hits.map((h) => h.date!);
      expect([...dates].sort().reverse()).toEqual(dates);
      expect(await subjects('has:attachment before:2005-01-01')).toEqual(['Re: Mail::MboxParser']);
      expect(await subjects('after:2024-04-01 before:2024-05-01')).toEqual([expect.stringContaining('Invitation: Test event')]);
      await expect(a.s.email.search({ query: 'before:2001-13-01' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    });

    it('finds a Japanese word and an attachment name', async () => {
      expect(await subjects('すみません')).toEqual(['まみむめも']);
      expect(await subjects('broken.pdf')).toEqual(['Another PDF with 🎉 Unicode chars in it 🍿']);
    });

    it('pages with offset and says the total', async () => {
      const first = await a.s.email.search({ query: 'before:2002-01-01', limit: 4 });
      const second = await a.s.email.search({ query: 'before:2002-01-01', limit: 4, offset: 4 });
      expect(first.total).toBe(second.total);
      expect(new Set([...first.hits, ...second.hits].map((h) => h.id)).size).toBe(8);
    });
  });

  describe('links to the calendar, goals and files', () => {
    it('adds an invitation to the calendar, and refuses a message without one', async () => {
      const invite = (await a.s.email.search({ query: 'subject:"Test event"' })).hits[0]!;
      const link = await a.s.email.eventFromInvite({ id: invite.id });
      expect(link).toMatchObject({ kind: 'event', title: expect.stringContaining('Test event') });
      const event = await a.s.client.calendar.getEvent({ id: link.id });
      expect(event.title).toBe(link.title);
      // Twice: the same event (same UID), not a copy.
      expect((await a.s.email.eventFromInvite({ id: invite.id })).id).toBe(link.id);
      const plain = await a.bySubject('Password Update');
      await expect(a.s.email.eventFromInvite({ id: plain.id })).rejects.toMatchObject({ code: 'NOT_FOUND', message: 'This message has no invitation' });
    });

    it('makes a task from a message, and "(no subject)" when it has none', async () => {
      const m = await a.bySubject('Password Update');
      const link = await a.s.email.taskFromMessage({ id: m.id });
      expect(link).toEqual({ id: expect.any(String), kind: 'task', title: 'Password Update' });
      const task = await a.s.client.goals.getTask({ id: link.id });
      expect(task.notes).toContain('From: Perl Authors Upload Server <upload@p11.speed-link.de>');
      const chat = (await a.s.email.search({ query: 'label:chat wifi' })).hits[0]!;
      expect((await a.s.email.taskFromMessage({ id: chat.id })).title).toBe('(no subject)');
    });

    it('puts an attachment into Files with its name and exact bytes', async () => {
      const hit = (await a.s.email.search({ query: 'broken.pdf' })).hits[0]!;
      const m = await a.s.email.get({ id: hit.id });
      const pdf = m.attachments.find((x) => x.name === 'broken.pdf')!;
      const link = await a.s.email.attachmentToFiles({ id: m.id, part: pdf.part });
      expect(link).toMatchObject({ kind: 'file', title: 'broken.pdf' });
      const file = await a.s.client.files.get({ id: link.id });
      const stored = await readBlobBytes(a.s.core.blobs().store, file.blobId);
      const download = await a.s.email.attachment({ id: m.id, part: pdf.part });
      const direct = await readBlobBytes(a.s.core.blobs().store, download.blobId);
      expect(Buffer.from(stored).equals(Buffer.from(direct))).toBe(true);
      expect(Buffer.from(stored).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    });
  });
});
