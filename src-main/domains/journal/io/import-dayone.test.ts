import { createHash } from 'node:crypto';
import { expect, it } from 'vitest';
import { describeWithFixtures } from '../../../test/fixtures';
import { parseJournalImport, sniffFormat } from './import';
import { fixtureFile, NOW } from './test-fixtures';

describeWithFixtures('Day One import', () => {
  it('reads the 54-entry Journal.json: dates, zones, stars, tags, location and weather', () => {
    const files = fixtureFile('dayone/ergebnis-Example.json');
    expect(sniffFormat(files)).toBe('dayone-json');
    const r = parseJournalImport(files, { now: NOW });
    expect(r.format).toBe('dayone-json');
    expect(r.entries).toHaveLength(54);
    expect(r.notebooks).toEqual([{ sourceId: 'ergebnis-Example.json', name: 'ergebnis-Example', parentSourceId: null }]);
    const first = r.entries[0]!;
    expect(first.sourceId).toBe('2E542464666C4ACE91E83539FF114A76');
    expect(first.entryAt).toBe('2004-10-13T00:38:16.000Z');
    expect(first.timeZone).toBe('America/Boise');
    expect(first.location).toMatch(/^Uncle's Tavern, /);
    expect(first.extra.weather).toMatchObject({ conditionsDescription: 'Partly Cloudy', temperatureCelsius: 34 });
    expect(r.entries.at(-1)).toMatchObject({ sourceId: '86F0A60ED1AC4EC391BF3430A8C7A44A', timeZone: 'Europe/Berlin', starred: true });
    expect(
      r.entries
        .filter((e) => e.starred)
        .map((e) => e.sourceId)
        .sort(),
    ).toEqual([
      '0612F133C9F14A3396A261E13E619E56',
      '33B8FFE93C924DCB8BE9EA5704D61748',
      '829E1249D41C4FEEAA4474A151539E85',
      '86F0A60ED1AC4EC391BF3430A8C7A44A',
      'ABB28326E79C45449AAB352F46F9820B',
      'CBCAF8F655E74A9693CCEC8C4BAAF392',
      'E3264EA138CB44478294A8B1345A1DA0',
    ]);
    expect(r.entries.some((e) => e.pinned)).toBe(false);
    const count = (tag: string): number => r.entries.filter((e) => e.tags.includes(tag)).length;
    expect([count('Pizza'), count('diary'), count('Test'), count('Travel'), count('Novels')]).toEqual([52, 52, 48, 6, 7]);
    expect(new Set(r.entries.flatMap((e) => e.tags)).size).toBe(46);
    expect(r.entries.every((e) => e.location !== null)).toBe(true);
    expect(r.entries.filter((e) => e.extra.weather !== undefined)).toHaveLength(53);
    expect(r.entries.find((e) => e.extra.music)?.extra.music).toMatchObject({ artist: 'Real Friends', track: 'Mess' });
  });

  it('keeps all 132 photos with missing bytes, links 132 references and lists the 34 dangling ones', () => {
    const r = parseJournalImport(fixtureFile('dayone/ergebnis-Example.json'), { now: NOW });
    expect(r.attachments).toHaveLength(132);
    expect(r.attachments.every((a) => a.bytes === null)).toBe(true);
    expect(r.attachments.filter((a) => a.mime === 'image/jpeg')).toHaveLength(131);
    const dangling = r.skipped.filter((s) => s.why === 'the entry has no such photo');
    expect(dangling).toHaveLength(34);
    expect(r.skipped.filter((s) => s.why.endsWith('is not in the export'))).toHaveLength(132);
    const bodies = r.entries.map((e) => e.body).join('\n');
    expect(bodies).not.toContain('dayone-moment:');
    expect(bodies.match(/\]\(attachment:[A-F0-9]+\)/g)).toHaveLength(166 - 34);
    expect(bodies).toContain('(missing photo)');
    // Every linked attachment belongs to the entry that links it.
    for (const e of r.entries) for (const m of e.body.matchAll(/attachment:([A-F0-9]+)/g)) expect(e.attachmentIds).toContain(m[1]);
  });

  it("undoes Day One's Markdown escapes where they change nothing", () => {
    const first = parseJournalImport(fixtureFile('dayone/ergebnis-Example.json'), { now: NOW }).entries[0]!;
    expect(first.body).toContain('no wonder she felt unhappy.');
    expect(first.body).toContain('rabbit-hole');
    expect(first.body).toContain('this sort of life!');
    expect(first.body).not.toMatch(/\\[.!-]/);
    expect(first.body).toContain('\u200b***Alice***\u200b');
    expect(first.body).toContain('(dayone2://view?entryId=EE9D6208B99A47FAAF2F98E16D384CD0)');
  });

  it('reads the export zip: titles from the first heading, the photo bytes, pinned and literal HTML', () => {
    const files = fixtureFile('dayone/automattic-day-one-fictional.zip');
    expect(sniffFormat(files)).toBe('dayone-zip');
    const r = parseJournalImport(files, { now: NOW });
    expect(r.format).toBe('dayone-zip');
    expect(r.notebooks.map((n) => n.name)).toEqual(['Fictional Journal']);
    expect(r.entries.map((e) => e.title)).toEqual(['Lantern Garden Notes', 'Library Robot Rehearsal', null]);
    const [garden, robot, text] = r.entries;
    expect(garden).toMatchObject({ starred: true, entryAt: '2031-04-05T14:30:00.000Z', timeZone: 'Etc/UTC', tags: ['fictional', 'sample', 'garden'] });
    expect(garden!.body.startsWith('The fictional greenhouse committee')).toBe(true);
    expect(garden!.attachmentIds).toEqual(['FICTIONAL-SAMPLE-PHOTO-0001']);
    const photo = r.attachments[0]!;
    expect(photo).toMatchObject({ sourceId: 'FICTIONAL-SAMPLE-PHOTO-0001', name: 'fictional-color-tile.png', mime: 'image/png' });
    expect(createHash('md5').update(photo.bytes!).digest('hex')).toBe('a36a701e0fe5e46e37fb460b40ccda7b');
    expect(robot).toMatchObject({ pinned: true, starred: false, tags: ['fictional', 'library', 'safety-test'] });
    expect(robot!.body).toContain('<script>makeBelieve()</script>');
    expect(robot!.body).toContain('[gallery]');
    expect(text!.body.startsWith('Quiet text-only entry')).toBe(true);
    expect(r.skipped).toEqual([]);
  });
});
