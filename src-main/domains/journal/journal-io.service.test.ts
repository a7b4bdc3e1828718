import { describe, expect, it } from 'vitest';
import { FIXTURES_DIR, FIXTURES_SKIP_REASON } from '../../test/fixtures';
import { errorOf } from '../../test/helpers';
import { fixtureFile, fixtureFolder } from './io/test-fixtures';
import { setupJournal, type JournalSetup } from './journal.test-helpers';

/** Uploads files as the renderer does (one upload ticket each) and previews them as one import. */
async function preview(s: JournalSetup, files: { path: string; bytes: Uint8Array }[], journalId?: string) {
  const uploaded = [];
  for (const f of files) uploaded.push({ path: f.path, blobId: await s.upload(f.bytes) });
  return s.j.importPreview({ files: uploaded, journalId });
}

/** The export's bytes, read back from the store through its ticket (as a download would). */
async function exported(s: JournalSetup, ticket: string): Promise<Uint8Array> {
  const d = await s.core.blobs().download(ticket);
  const chunks: Buffer[] = [];
  for await (const c of d.stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

describe.skipIf(!FIXTURES_DIR)(`journal import of real samples (skipped: ${FIXTURES_SKIP_REASON})`, () => {
  it('imports the Day One zip: 3 entries, the photo stored with its entry, the script kept as text', async () => {
    const s = await setupJournal();
    const p = await preview(s, fixtureFile('dayone/automattic-day-one-fictional.zip'));
    expect(p).toMatchObject({ format: 'dayone-zip', entries: 3, attachments: 1, duplicates: 0 });
    const done = await s.j.importCommit({ previewId: p.previewId });
    expect(done).toMatchObject({ entries: 3, attachments: 1 });
    const all = (await s.j.list({})).entries;
    expect(all).toHaveLength(3);
    const lantern = all.find((e) => e.displayTitle.includes('Lantern Garden'))!;
    expect(lantern).toMatchObject({ starred: true, entryDate: '2031-04-05', attachmentCount: 1 });
    const full = await s.j.get({ id: lantern.id });
    expect(full.attachments[0]).toMatchObject({ mime: 'image/png', size: 76 });
    const robot = await s.j.get({ id: all.find((e) => e.displayTitle.includes('Library Robot'))!.id });
    expect(robot.body).toContain('<script>makeBelieve()</script>');
    expect((await preview(s, fixtureFile('dayone/automattic-day-one-fictional.zip'))).duplicates).toBe(3);
  });

  it('imports the Joplin JEX: 7 notes in 3 journals, 6 tags, 2 attachments with their exact bytes', async () => {
    const s = await setupJournal();
    const p = await preview(s, fixtureFile('joplin/joplin-cli-export.jex'));
    expect(p).toMatchObject({ format: 'joplin-jex', entries: 7, attachments: 2, tags: 6 });
    await s.j.importCommit({ previewId: p.previewId });
    const journals = await s.j.listJournals();
    expect(journals.map((j) => [j.name, j.entryCount]).sort()).toEqual([
      ['Personal', 2],
      ['Personal/Travel', 2],
      ['Work', 3],
    ]);
    const lisbon = (await s.j.search({ query: 'lisbon' })).find((h) => h.entry.title === 'Trip to Lisbon')!;
    expect(lisbon.entry).toMatchObject({ entryAt: '2024-04-10T18:30:00.000Z', tags: ['journal', 'travel'] });
    const media = await s.j.media({});
    expect(media.map((m) => [m.attachment.name, m.attachment.size]).sort()).toEqual([
      ['note.pdf', 10435],
      ['white.png', 90],
    ]);
  });

  it('imports a Standard Notes backup and an Obsidian folder with their tags', async () => {
    const s = await setupJournal();
    const sn = await preview(s, fixtureFile('standard-notes/notesnook-importer-sn-backup-2023-08-29.zip'));
    expect(sn).toMatchObject({ format: 'standard-notes', entries: 6 });
    await s.j.importCommit({ previewId: sn.previewId });
    expect((await s.j.list({ tag: 'poems' })).entries).toHaveLength(3);
    const ob = await preview(s, fixtureFolder('obsidian/obsidian-importer-markdown'));
    expect(ob).toMatchObject({ format: 'markdown', entries: 4 });
    await s.j.importCommit({ previewId: ob.previewId });
    expect((await s.j.list({ tag: 'planning/2026' })).entries).toHaveLength(1);
  });
});

describe('journal export and re-import', () => {
  it('round-trips Markdown and JSON exports losslessly: titles, dates, tags, bodies, check-ins and attachment bytes', async () => {
    const s = await setupJournal();
    const d = await s.j.createJournal({ name: 'Diary', color: 'teal', icon: 'leaf', metrics: [{ id: 'sleep', name: 'Sleep', kind: 'number', unit: 'h' }] });
    const e = await s.j.create({
      journalId: d.id,
      title: 'Ünïcödé ☕',
      body: 'Line one\n\n- [x] done',
      entryAt: '2024-02-29T23:15:00Z',
      tags: ['a', 'b c'],
      mood: 2,
      metrics: { sleep: 6 },
    });
    const bytes = new Uint8Array([0, 1, 2, 250, 255, 7]);
    const att = await s.j.attach({ entryId: e.id, blobId: await s.upload(bytes), name: 'raw.bin' });
    await s.j.update({ id: e.id, body: `Line one\n\n- [x] done\n\n[raw](attachment:${att.id})` });
    await s.j.create({ journalId: d.id, body: 'Second' });
    for (const format of ['markdown', 'json'] as const) {
      const out = await s.j.export({ format });
      expect(out.entries).toBe(2);
      const fresh = await setupJournal();
      const p = await preview(fresh, [{ path: out.name, bytes: await exported(s, out.ticket) }]);
      expect(p).toMatchObject({ format: format === 'markdown' ? 'hearth-markdown' : 'hearth-json', entries: 2, attachments: 1, duplicates: 0 });
      await fresh.j.importCommit({ previewId: p.previewId });
      const back = (await fresh.j.search({ query: 'line' }))[0]!.entry;
      const full = await fresh.j.get({ id: back.id });
      expect(full).toMatchObject({ title: 'Ünïcödé ☕', entryAt: '2024-02-29T23:15:00.000Z', tags: ['a', 'b c'], mood: 2, metrics: { sleep: 6 } });
      expect(full.body).toBe(`Line one\n\n- [x] done\n\n[raw](attachment:${full.attachments[0]!.id})`);
      expect(await exported(fresh, (await fresh.core.client.blobs.ticket({ blobId: full.attachments[0]!.blobId })).ticket)).toEqual(Buffer.from(bytes));
      expect((await fresh.j.listJournals()).map((j) => [j.name, j.color, j.icon, j.metrics.map((m) => m.id)])).toEqual([['Diary', 'teal', 'leaf', ['sleep']]]);
      // Into the profile it came from: every entry is a duplicate.
      expect((await preview(s, [{ path: out.name, bytes: await exported(s, out.ticket) }])).duplicates).toBe(2);
    }
  }, 60_000);

  it('exports a PDF of a date range and refuses an empty range; a stale preview cannot be committed', async () => {
    const s = await setupJournal();
    const d = await s.j.createJournal({ name: 'Diary' });
    await s.j.create({ journalId: d.id, title: 'In range', body: 'Hello PDF', entryAt: '2025-01-10T10:00:00Z' });
    const pdf = await s.j.export({ format: 'pdf', from: '2025-01-01', to: '2025-01-31' });
    expect(
      Buffer.from(await exported(s, pdf.ticket))
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    expect((await errorOf(s.j.export({ format: 'pdf', from: '2026-01-01' }))).code).toBe('NOT_FOUND');
    expect((await errorOf(s.j.importCommit({ previewId: 'nope' }))).code).toBe('NOT_FOUND');
    const bad = await errorOf(preview(s, [{ path: 'x.zip', bytes: new Uint8Array([0x50, 0x4b, 3, 4, 9, 9, 9]) }]));
    expect(bad.code).toBe('INVALID_INPUT');
    expect((await s.j.list({})).entries).toHaveLength(1);
  });
});
