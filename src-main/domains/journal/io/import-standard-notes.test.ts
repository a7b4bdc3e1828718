import { expect, it } from 'vitest';
import { writeZip } from '../../../lib/zip';
import { describeWithFixtures } from '../../../test/fixtures';
import { parseJournalImport, sniffFormat } from './import';
import { SN_BACKUP_FILE } from './import-standard-notes';
import { entryTitled, fixtureFile, NOW } from './test-fixtures';

describeWithFixtures('Standard Notes import', () => {
  it('reads the 2023 backup: 6 notes, 2 tags, the preferences item skipped', () => {
    const files = fixtureFile('standard-notes/notesnook-importer-sn-backup-2023-08-29.zip');
    expect(sniffFormat(files)).toBe('standard-notes');
    const r = parseJournalImport(files, { now: NOW });
    expect(r.format).toBe('standard-notes');
    expect(r.entries).toHaveLength(6);
    const ithaka = entryTitled(r, 'Ithaka');
    expect(ithaka.body).toHaveLength(1468);
    expect(ithaka.body.startsWith('As you set out for Ithaka')).toBe(true);
    expect(entryTitled(r, 'Four Quartets - TS Elliot').body).toHaveLength(37_481);
    const tagged = (tag: string): string[] =>
      r.entries
        .filter((e) => e.tags.includes(tag))
        .map((e) => e.title ?? '')
        .sort();
    expect(tagged('poems')).toEqual(['Because I Could not Stop for Death', 'Four Quartets - TS Elliot', 'Ithaka']);
    expect(tagged('quotes')).toEqual(['Even darkness must pass', 'Shoulder to the Stone', 'Specialization']);
    expect(r.entries.every((e) => !e.pinned && !e.archived)).toBe(true);
    const times = r.entries.map((e) => e.entryAt).sort();
    expect(times[0]! >= '2023-08-29T15:47:49.952Z' && times.at(-1)! <= '2023-08-29T15:50:26.972Z').toBe(true);
    expect(r.skipped).toEqual([{ what: 'SN|UserPreferences x1', why: 'not a note' }]);
  });

  it('reads the 2022 backup: pinned, archived, dotted nested tags and the dangling references', () => {
    const r = parseJournalImport(fixtureFile('standard-notes/notesnook-importer-sn-backup-2022-01-14.zip'), { now: NOW });
    expect(r.entries).toHaveLength(63);
    expect(
      r.entries
        .filter((e) => e.pinned)
        .map((e) => e.title)
        .sort(),
    ).toEqual(['Be surroundings', 'Good-humored inflexibility', 'Master Todo', 'Multi-Sensory as taking leading']);
    expect(
      r.entries
        .filter((e) => e.archived)
        .map((e) => e.title)
        .sort(),
    ).toEqual(['Apple, have glass bonnets', 'HTML and ultimately better', 'Service password']);
    expect(entryTitled(r, 'Note 59').body).toBe('');
    expect(r.entries.filter((e) => e.tags.length === 0)).toHaveLength(10);
    expect(r.entries.map((e) => e.entryAt).sort()[0]).toBe('2017-04-29T15:39:35.789Z');
    expect(r.entries.reduce((n, e) => n + e.tags.length, 0)).toBe(71 - 6);
    expect(r.entries.filter((e) => e.tags.includes('blog'))).toHaveLength(8);
    expect(r.entries.filter((e) => e.tags.includes('food'))).toHaveLength(7);
    expect(r.entries.some((e) => e.tags.includes('codebox.python'))).toBe(true);
    expect(r.skipped).toEqual(
      expect.arrayContaining([
        { what: 'Tag "codebox.python": 2 of 3 note references', why: 'the note is not in the backup' },
        { what: 'SN|Component x19', why: 'not a note' },
        { what: 'SN|Theme x8', why: 'not a note' },
        { what: 'SN|SmartTag x4', why: 'not a note' },
      ]),
    );
    const dangling = r.skipped.filter((s) => s.why === 'the note is not in the backup').map((s) => Number(/: (\d+) of/.exec(s.what)?.[1]));
    expect(dangling.reduce((a, b) => a + b, 0)).toBe(6);
  });

  it('refuses an encrypted backup with a clear message', () => {
    const encrypted = JSON.stringify({ version: '004', items: [{ uuid: 'a', content_type: 'Note', content: '004:abc:def', enc_item_key: '004:x' }] });
    const zip = writeZip({ [SN_BACKUP_FILE]: encrypted }, { mtime: 0 });
    expect(() => parseJournalImport([{ path: 'backup.zip', bytes: zip }], { now: NOW })).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT', message: expect.stringContaining('encrypted') }),
    );
  });
});
