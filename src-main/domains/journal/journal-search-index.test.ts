import { describe, expect, it } from 'vitest';
import { setupJournal } from './journal.test-helpers';

/**
 * `journal_fts` is an external-content FTS5 index over `journal_entries` (migration 0009): its triggers must remove
 * exactly what they indexed, or the index silently keeps old words. FTS5's own integrity check (rank 1: compare the
 * index with the content table) proves both stay in step through every kind of write.
 */
describe('journal: the search index follows the entries', () => {
  it('stays consistent with the entries through create, edit, trash, restore and delete', async () => {
    const { core, j } = await setupJournal();
    const sqlite = core.profiles.current().sqlite;
    const check = () => sqlite.prepare(`INSERT INTO journal_fts (journal_fts, rank) VALUES ('integrity-check', 1)`).run();
    const d = await j.createJournal({ name: 'Diary' });
    const untitled = await j.create({ journalId: d.id, body: 'lighthouse keeper', tags: ['coast'] });
    const titled = await j.create({ journalId: d.id, title: 'Harbour', body: 'fishing boats' });
    check();

    await j.update({ id: untitled.id, title: 'Storm', body: 'the gale', tags: ['weather'] });
    await j.update({ id: titled.id, title: null });
    check();
    expect(await j.search({ query: 'lighthouse' })).toEqual([]);
    expect(await j.search({ query: 'coast' })).toEqual([]);
    expect(await j.search({ query: 'harbour' })).toEqual([]);
    expect((await j.search({ query: 'gale weather storm' })).map((h) => h.entry.id)).toEqual([untitled.id]);

    await j.trash({ id: untitled.id });
    expect(await j.search({ query: 'gale' })).toEqual([]);
    await j.restore({ id: untitled.id });
    expect((await j.search({ query: 'gale' })).map((h) => h.entry.id)).toEqual([untitled.id]);
    check();

    // No feature deletes an entry row today; the delete trigger must still leave a consistent index.
    await core.domainContext('journal').write(async (trx) => {
      await trx.deleteFrom('journal_entry_versions').where('entry_id', '=', titled.id).execute();
      await trx.deleteFrom('journal_entries').where('id', '=', titled.id).execute();
    });
    check();
    expect(await j.search({ query: 'fishing' })).toEqual([]);
    expect(sqlite.prepare(`SELECT count(*) FROM journal_fts WHERE journal_fts MATCH 'boats'`).pluck().get()).toBe(0);
  });

  it('notices an index that disagrees with the entries (the check above can fail)', async () => {
    const { core, j } = await setupJournal();
    const sqlite = core.profiles.current().sqlite;
    const d = await j.createJournal({ name: 'Diary' });
    const e = await j.create({ journalId: d.id, body: 'lighthouse keeper' });
    const doc = sqlite.prepare('SELECT doc FROM journal_entries WHERE id = ?').pluck().get(e.id);
    // Remove the entry's words with different text than was indexed: what a wrong trigger would do.
    sqlite.prepare(`INSERT INTO journal_fts (journal_fts, rowid, title, body, tags) VALUES ('delete', ?, '', 'other words', '[]')`).run(doc);
    expect(() => sqlite.prepare(`INSERT INTO journal_fts (journal_fts, rank) VALUES ('integrity-check', 1)`).run()).toThrow(/malformed|corrupt/i);
  });
});
