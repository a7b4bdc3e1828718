import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { filesContaining } from '../../test/canary';
import { errorOf, PASSWORD } from '../../test/helpers';
import { setupJournal } from './journal.test-helpers';

const png = (r: number) =>
  sharp({ create: { width: 64, height: 48, channels: 3, background: { r, g: 80, b: 40 } } })
    .png()
    .toBuffer();

describe('journal: journals and entries', () => {
  it('writes an entry with its own date, falls back to the date for a title, and keeps tags de-duplicated', async () => {
    const { j, changed } = await setupJournal();
    const diary = await j.createJournal({ name: 'Diary', color: 'green', metrics: [{ id: 'sleep', name: 'Sleep', kind: 'number', unit: 'h' }] });
    expect(diary).toMatchObject({ name: 'Diary', privacy: 'normal', open: true, entryCount: 0 });
    const e = await j.create({
      journalId: diary.id,
      body: 'Walked by the **river**.',
      entryAt: '2025-07-04T21:30:00Z',
      tags: ['walk', '#Walk', 'evening'],
      metrics: { sleep: 7.5 },
      mood: 4,
    });
    // 21:30 UTC is 23:30 in Berlin in summer: still the 4th there.
    expect(e).toMatchObject({
      title: null,
      entryDate: '2025-07-04',
      displayTitle: 'Friday, 4 July 2025, 23:30',
      tags: ['walk', 'evening'],
      mood: 4,
      metrics: { sleep: 7.5 },
    });
    expect(e.excerpt).toBe('Walked by the river.');
    expect(changed.flat()).toContain(e.id);
    expect((await j.listJournals())[0]!.entryCount).toBe(1);
    expect((await errorOf(j.createJournal({ name: 'diary' }))).code).toBe('CONFLICT');
    expect((await errorOf(j.create({ journalId: diary.id, timeZone: 'Mars/Olympus' }))).code).toBe('INVALID_INPUT');
    expect((await errorOf(j.create({ journalId: diary.id, metrics: { sleep: true } }))).message).toBe('Sleep takes a number.');
    expect((await errorOf(j.update({ id: e.id, metrics: { steps: 3 } }))).message).toBe('This journal has no check-in "steps".');
  });

  it('pages the timeline newest first with a cursor, and filters by tag and star', async () => {
    const { j } = await setupJournal();
    const d = await j.createJournal({ name: 'Diary' });
    for (let i = 0; i < 7; i++)
      await j.create({ journalId: d.id, body: `Day ${i}`, entryAt: `2026-01-0${i + 1}T08:00:00Z`, tags: i % 2 ? ['odd'] : [], starred: i === 3 });
    const first = await j.list({ limit: 3 });
    expect(first.entries.map((e) => e.excerpt)).toEqual(['Day 6', 'Day 5', 'Day 4']);
    const second = await j.list({ limit: 3, cursor: first.nextCursor! });
    const third = await j.list({ limit: 3, cursor: second.nextCursor! });
    expect([...second.entries, ...third.entries].map((e) => e.excerpt)).toEqual(['Day 3', 'Day 2', 'Day 1', 'Day 0']);
    expect(third.nextCursor).toBeNull();
    expect((await j.list({ tag: 'ODD' })).entries).toHaveLength(3);
    expect((await j.list({ starred: true })).entries.map((e) => e.excerpt)).toEqual(['Day 3']);
    expect((await j.list({ from: '2026-01-02', to: '2026-01-03' })).entries.map((e) => e.excerpt)).toEqual(['Day 2', 'Day 1']);
    expect((await errorOf(j.list({ cursor: 'nonsense' }))).code).toBe('INVALID_INPUT');
  });

  it('keeps the previous text as a version on save (one per typing session), restores it, and restoring is undoable', async () => {
    const s = await setupJournal();
    const d = await s.j.createJournal({ name: 'Diary' });
    const e = await s.j.create({ journalId: d.id, title: 'Plan', body: 'first draft' });
    await s.j.update({ id: e.id, body: 'second draft' });
    s.setNow('2026-03-15T09:31:00Z');
    await s.j.update({ id: e.id, body: 'third draft' }); // within five minutes: folded into the same version
    s.setNow('2026-03-15T10:00:00Z');
    const last = await s.j.update({ id: e.id, body: 'final text', tags: ['done'] });
    expect(last.versionCount).toBe(2);
    const versions = await s.j.versions({ id: e.id });
    expect(versions.map((v) => v.body)).toEqual(['third draft', 'first draft']);
    const restored = await s.j.restoreVersion({ entryId: e.id, versionId: versions[1]!.id });
    expect(restored).toMatchObject({ body: 'first draft', tags: [] });
    expect((await s.j.versions({ id: e.id }))[0]!.body).toBe('final text');
    // A blank entry's first words keep no empty version.
    const blank = await s.j.create({ journalId: d.id });
    expect((await s.j.update({ id: blank.id, body: 'hello' })).versionCount).toBe(0);
    // A metadata-only save keeps no version.
    await s.j.update({ id: e.id, starred: true });
    expect((await s.j.get({ id: e.id })).versionCount).toBe(3);
  });

  it('trashes and restores an entry; a trashed entry cannot be edited and is not searched', async () => {
    const { j } = await setupJournal();
    const d = await j.createJournal({ name: 'Diary' });
    const e = await j.create({ journalId: d.id, body: 'pelican sighting' });
    await j.trash({ id: e.id });
    expect((await j.list({})).entries).toHaveLength(0);
    expect((await j.list({ trashed: true })).entries.map((x) => x.id)).toEqual([e.id]);
    expect(await j.search({ query: 'pelican' })).toHaveLength(0);
    expect((await errorOf(j.update({ id: e.id, body: 'x' }))).code).toBe('CONFLICT');
    await j.restore({ id: e.id });
    expect((await j.search({ query: 'pelican' })).map((h) => h.entry.id)).toEqual([e.id]);
  });

  it("opens today's entry once, from the Daily template, and fills a chosen template's fields", async () => {
    const { j } = await setupJournal('2026-03-15T23:30:00Z', 'Asia/Tokyo');
    expect((await errorOf(j.today({}))).code).toBe('NOT_FOUND');
    const d = await j.createJournal({ name: 'Diary' });
    const t1 = await j.today({});
    // 23:30 UTC on the 15th is the 16th in Tokyo.
    expect(t1.entryDate).toBe('2026-03-16');
    expect(t1.body).toContain('# Monday, 16 March 2026');
    expect((await j.today({})).id).toBe(t1.id);
    const tpl = await j.saveTemplate({ name: 'Run log', body: 'Run on {{weekday}} {{date}} in {{journal}}, week {{week}} {{unknown}}' });
    const e = await j.create({ journalId: d.id, templateId: tpl.id });
    expect(e.body).toBe('Run on Monday 2026-03-16 in Diary, week 2026-W12 {{unknown}}');
    expect((await j.templates()).map((t) => t.name)).toEqual(['Daily', 'Weekly review', 'Gratitude', 'Run log']);
    expect((await errorOf(j.saveTemplate({ id: (await j.templates())[0]!.id, name: 'x', body: '' }))).code).toBe('CONFLICT');
  });
});

describe('journal: search and views', () => {
  it('finds by prefix and without accents, ranks title matches first, marks snippets, and filters', async () => {
    const { j } = await setupJournal();
    const d = await j.createJournal({ name: 'Diary' });
    const w = await j.createJournal({ name: 'Work' });
    const body = await j.create({ journalId: d.id, body: 'We ate crêpes at the café near the harbour.', entryAt: '2024-05-01T10:00:00Z', mood: 5 });
    const title = await j.create({ journalId: w.id, title: 'Café meeting', body: 'Budget review.', entryAt: '2024-06-01T10:00:00Z', tags: ['budget'] });
    const hits = await j.search({ query: 'cafe' });
    expect(hits.map((h) => h.entry.id)).toEqual([title.id, body.id]);
    expect(hits[1]!.snippet).toContain('\u0002café\u0003');
    expect((await j.search({ query: 'harb' })).map((h) => h.entry.id)).toEqual([body.id]);
    expect((await j.search({ query: 'crepes' })).map((h) => h.entry.id)).toEqual([body.id]);
    expect((await j.search({ query: 'cafe', journalId: w.id })).map((h) => h.entry.id)).toEqual([title.id]);
    expect((await j.search({ query: 'cafe', tag: 'Budget' })).map((h) => h.entry.id)).toEqual([title.id]);
    expect((await j.search({ query: 'cafe', from: '2024-05-15' })).map((h) => h.entry.id)).toEqual([title.id]);
    expect((await j.search({ query: 'cafe', mood: 5 })).map((h) => h.entry.id)).toEqual([body.id]);
    expect(await j.search({ query: 'cafe', hasAttachment: true })).toEqual([]);
    // FTS5 syntax typed by a person is text, never an operator or an error.
    for (const q of ['"', 'café*" OR', 'NEAR(a b)', 'title:x', '-budget', '***', '(']) await j.search({ query: q });
  });

  it('hides a locked journal from search, the timeline and on-this-day until opened with the master password', async () => {
    const s = await setupJournal('2026-05-01T12:00:00Z');
    const { j } = s;
    const open = await j.createJournal({ name: 'Open' });
    const secret = await j.createJournal({ name: 'Secret' });
    await j.create({ journalId: secret.id, body: 'zeppelin plans', entryAt: '2025-05-01T12:00:00Z' });
    await j.create({ journalId: open.id, body: 'zeppelin museum' });
    expect(await j.search({ query: 'zeppelin' })).toHaveLength(2);
    expect((await errorOf(j.updateJournal({ id: secret.id, privacy: 'locked' }))).code).toBe('REPROMPT_REQUIRED');
    expect((await errorOf(j.updateJournal({ id: secret.id, privacy: 'locked', password: 'wrong' }))).code).toBe('WRONG_PASSWORD');
    await j.updateJournal({ id: secret.id, privacy: 'locked', password: PASSWORD });
    expect((await j.search({ query: 'zeppelin', includeLocked: true })).map((h) => h.entry.excerpt)).toEqual(['zeppelin museum']);
    expect((await j.list({})).entries).toHaveLength(1);
    expect(await j.onThisDay({ date: '2026-05-01' })).toEqual([]);
    expect((await errorOf(j.list({ journalId: secret.id }))).code).toBe('FORBIDDEN');
    await j.openJournal({ id: secret.id, password: PASSWORD });
    expect(await j.search({ query: 'zeppelin' })).toHaveLength(1); // not asked: still excluded
    expect(await j.search({ query: 'zeppelin', includeLocked: true })).toHaveLength(2);
    expect((await j.onThisDay({ date: '2026-05-01', includeLocked: true })).map((e) => e.excerpt)).toEqual(['zeppelin plans']);
    // Locking the profile closes it again.
    await s.core.client.session.lock();
    await s.core.client.profile.unlock({ profileId: (await s.core.client.profile.list())[0]!.id, password: PASSWORD });
    expect((await j.listJournals()).find((x) => x.name === 'Secret')!.open).toBe(false);
    expect(await j.search({ query: 'zeppelin', includeLocked: true })).toHaveLength(1);
  });

  it('counts entries per day for the heat-map, finds past years on this day, counts tags and charts check-ins', async () => {
    const { j } = await setupJournal();
    const d = await j.createJournal({ name: 'Diary', metrics: [{ id: 'run', name: 'Ran', kind: 'yesno' }] });
    await j.create({ journalId: d.id, body: 'a', entryAt: '2024-03-15T08:00:00Z', tags: ['x'], metrics: { run: true }, mood: 3 });
    await j.create({ journalId: d.id, body: 'b', entryAt: '2024-03-15T18:00:00Z', tags: ['X', 'y'] });
    await j.create({ journalId: d.id, body: 'c', entryAt: '2025-03-15T08:00:00Z', metrics: { run: false } });
    await j.create({ journalId: d.id, body: 'd', entryAt: '2026-03-15T08:00:00Z' });
    expect(await j.heatmap({ from: '2024-01-01', to: '2025-12-31' })).toEqual([
      { date: '2024-03-15', count: 2 },
      { date: '2025-03-15', count: 1 },
    ]);
    expect((await j.onThisDay({ date: '2026-03-15' })).map((e) => e.excerpt)).toEqual(['c', 'b', 'a']);
    expect(await j.tags()).toEqual([
      { tag: 'x', count: 2 },
      { tag: 'y', count: 1 },
    ]);
    const series = await j.metrics({ journalId: d.id });
    expect(series.metrics.map((m) => m.id)).toEqual(['run']);
    expect(series.points.map((p) => [p.date, p.mood, p.values])).toEqual([
      ['2024-03-15', 3, { run: true }],
      ['2025-03-15', null, { run: false }],
    ]);
  });

  it('attaches an image with a thumbnail, lists it in media, and detaches it', async () => {
    const s = await setupJournal();
    const d = await s.j.createJournal({ name: 'Diary' });
    const e = await s.j.create({ journalId: d.id, body: 'photo day' });
    const blobId = await s.upload(await png(200));
    const att = await s.j.attach({ entryId: e.id, blobId, name: 'harbour.png' });
    expect(att).toMatchObject({ name: 'harbour.png', mime: 'image/png' });
    expect(att.thumbnailBlobId).toMatch(/^[0-9a-f]{64}$/);
    const full = await s.j.get({ id: e.id });
    expect(full.attachments.map((a) => a.id)).toEqual([att.id]);
    expect(full.coverThumbnailBlobId).toBe(att.thumbnailBlobId);
    expect((await s.j.media({})).map((m) => m.attachment.id)).toEqual([att.id]);
    expect((await s.j.search({ query: 'photo', hasAttachment: true })).map((h) => h.entry.id)).toEqual([e.id]);
    await s.j.detach({ id: att.id });
    expect((await s.j.get({ id: e.id })).attachments).toEqual([]);
    expect((await errorOf(s.j.attach({ entryId: e.id, blobId: 'f'.repeat(64), name: 'x' }))).code).toBe('NOT_FOUND');
  });

  it('leaves no plaintext of an entry, its versions or its attachment anywhere under the profile folder', async () => {
    const s = await setupJournal();
    const canary = 'QUOKKA-canary-journal-8d1f';
    const d = await s.j.createJournal({ name: `Diary ${canary}` });
    const e = await s.j.create({ journalId: d.id, title: `Title ${canary}`, body: `Body ${canary} `.repeat(50), tags: [canary] });
    await s.j.update({ id: e.id, body: 'changed' });
    const blobId = await s.upload(new TextEncoder().encode(`attachment ${canary}`.repeat(100)));
    await s.j.attach({ entryId: e.id, blobId, name: `${canary}.txt` });
    expect((await s.j.search({ query: canary.slice(0, 6) })).length).toBe(1);
    const profile = (await s.core.client.profile.list())[0]!;
    await s.core.client.session.lock();
    expect(await filesContaining(path.join(s.core.root, profile.id), canary)).toEqual([]);
  });
});
