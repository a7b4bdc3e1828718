import { expect, it } from 'vitest';
import { describeWithFixtures } from '../../../test/fixtures';
import { runJob } from '../../../lib/worker-pool';
import { parseJournalImport, sniffFormat } from './import';
import { JOURNAL_IMPORT_JOB_LIMITS } from './parse-job';
import type { ParsedImport } from './model';
import { entryTitled, fixtureFile, fixtureFolder, NOW } from './test-fixtures';

const PERSONAL = 'd68c607cfb9847b19a680ea025292e24';
const TRAVEL = 'a3f378e3a2b64ab2829c98df2325a9cf';
const WORK = '4ca3334e1d4546aa8b2f71b3104be39b';
const PNG = '400bbc9bac4b4c3cbe0e8dc1cdcbc8f0';
const PDF = '40b0dc4868b845af92d44146e127f458';

/** The facts every Joplin export of the sample holds (README: 3 notebooks, 7 notes, 6 tags, 8 links, 2 resources). */
function expectSample(r: ParsedImport): void {
  expect(r.notebooks.map((n) => [n.name, n.sourceId, n.parentSourceId]).sort()).toEqual([
    ['Personal', PERSONAL, null],
    ['Travel', TRAVEL, PERSONAL],
    ['Work', WORK, null],
  ]);
  expect(r.entries).toHaveLength(7);
  expect(new Set(r.entries.flatMap((e) => e.tags))).toEqual(new Set(['journal', 'morning', 'todo', 'travel', 'work', 'Ünïcödé tag']));
  expect(r.entries.reduce((n, e) => n + e.tags.length, 0)).toBe(8);
  expect(r.attachments.map((a) => [a.sourceId, a.name, a.mime, a.bytes?.length]).sort()).toEqual([
    [PNG, 'white.png', 'image/png', 90],
    [PDF, 'note.pdf', 'application/pdf', 10_435],
  ]);
  const morning = entryTitled(r, 'Morning pages');
  expect(morning).toMatchObject({
    sourceId: '8d5ce35a4a21438fb9284fecd03be028',
    notebookSourceId: PERSONAL,
    entryAt: '2024-03-01T07:15:00.000Z',
    updatedAt: '2024-03-01T07:45:00.000Z',
  });
  expect(morning.tags.sort()).toEqual(['journal', 'morning']);
  const trip = entryTitled(r, 'Trip to Lisbon');
  expect(trip).toMatchObject({ notebookSourceId: TRAVEL, entryAt: '2024-04-10T18:30:00.000Z', updatedAt: '2024-04-12T20:00:00.000Z', attachmentIds: [PNG] });
  expect(trip.body.startsWith(`![white.png](attachment:${PNG})Day 1 in Lisbon.`)).toBe(true);
  expect(trip.extra).toMatchObject({ latitude: 38.7223, longitude: -9.1393, author: 'Hearth Fixtures', source_url: 'https://example.org/lisbon' });
  const meeting = entryTitled(r, 'Meeting notes');
  expect(meeting.body.startsWith(`[note.pdf](attachment:${PDF})## Agenda`)).toBe(true);
  expect(meeting.body).toContain('| Ana | draft plan |');
  expect(entryTitled(r, 'Renew passport').extra.todo).toMatchObject({ due: '2026-01-01T00:00:00.000Z', completed: false });
  expect(entryTitled(r, 'Book flights')).toMatchObject({ body: '', entryAt: '2024-03-20T12:00:00.000Z', tags: [] });
  expect(entryTitled(r, 'Book flights').extra.todo).toMatchObject({ completed: true, completedAt: '2024-03-21T08:00:00.000Z' });
  const cafe = entryTitled(r, 'Café ☕ notes — ünïcödé');
  expect(cafe.body).toContain('Emoji 🎉 and accents: àéîõü. Link to [Morning pages](:/8d5ce35a4a21438fb9284fecd03be028).');
  expect(entryTitled(r, 'Empty note')).toMatchObject({ body: '', entryAt: '2024-05-08T00:00:00.000Z' });
  expect(r.skipped).toEqual([]);
}

describeWithFixtures('Joplin import', () => {
  it('reads the JEX tar written by the Joplin CLI', () => {
    const files = fixtureFile('joplin/joplin-cli-export.jex');
    expect(sniffFormat(files)).toBe('joplin-jex');
    const r = parseJournalImport(files, { now: NOW });
    expect(r.format).toBe('joplin-jex');
    expectSample(r);
  });

  it('parses the JEX in the journal.import.parse worker job, as the service runs it', async () => {
    const r = await runJob(
      'journal.import.parse',
      { files: fixtureFile('joplin/joplin-cli-export.jex'), options: { now: NOW } },
      { limits: JOURNAL_IMPORT_JOB_LIMITS },
    );
    expectSample(r);
  });

  it('reads the RAW export folder the same way', () => {
    const files = fixtureFolder('joplin/joplin-cli-export-raw');
    expect(sniffFormat(files)).toBe('joplin-raw');
    const r = parseJournalImport(files, { now: NOW });
    expect(r.format).toBe('joplin-raw');
    expectSample(r);
  });

  it('refuses a JEX cut short, quickly and with a typed error', () => {
    const bytes = fixtureFile('joplin/joplin-cli-export.jex')[0]!.bytes;
    const started = Date.now();
    expect(() => parseJournalImport([{ path: 'x.jex', bytes: bytes.slice(0, 3000) }], { now: NOW, format: 'joplin-jex' })).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT' }),
    );
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
