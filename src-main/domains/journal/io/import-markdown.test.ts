import { describe, expect, it } from 'vitest';
import { describeWithFixtures } from '../../../test/fixtures';
import { parseJournalImport, sniffFormat } from './import';
import { entryTitled, fixtureFolder, NOW } from './test-fixtures';

describeWithFixtures('Markdown folder import', () => {
  it.each([
    ['tags', ['travel', 'planning/2026', 'todo', 'wishlist']],
    ['frontmatter', ['books', 'fiction']],
    ['leading', ['books', 'fiction', 'nonfiction']],
    ['code', ['shell', 'after-fence', '1a']],
  ])("finds exactly obsidian-importer's tags in %s.md", (name, tags) => {
    const r = parseJournalImport(fixtureFolder('obsidian/obsidian-importer-markdown'), { now: NOW });
    expect(r.entries.find((e) => e.sourceId === `${name}.md`)?.tags).toEqual(tags);
  });

  it('takes title and date from front matter, the file name and the import time otherwise', () => {
    const r = parseJournalImport(fixtureFolder('obsidian/obsidian-importer-markdown'), { now: NOW });
    expect(entryTitled(r, 'Reading list')).toMatchObject({ entryAt: '2026-01-14T00:00:00.000Z', createdAt: '2026-01-14T00:00:00.000Z' });
    expect(entryTitled(r, 'Reading list').extra.wikilinks).toEqual(['Reading list 2025#Highlights']);
    expect(entryTitled(r, 'tags')).toMatchObject({ entryAt: NOW, createdAt: null, notebookSourceId: null });
  });

  it('reads flow-style front matter tags and keeps notes without any', () => {
    const files = fixtureFolder('obsidian/obsidian-export-filter-by-tags');
    expect(sniffFormat(files)).toBe('markdown');
    const r = parseJournalImport(files, { now: NOW });
    const tagsOf = (file: string): string[] | undefined => r.entries.find((e) => e.sourceId === file)?.tags;
    expect(tagsOf('export-me.md')).toEqual(['export', 'me']);
    expect(tagsOf('export-no-export.md')).toEqual(['export', 'no-export', 'private']);
    expect(tagsOf('no-no-export.md')).toEqual(['no', 'no-export']);
    expect(tagsOf('no-tags.md')).toEqual([]);
    expect(entryTitled(r, 'foo').sourceId).toBe('no-tags.md');
    expect(tagsOf('no-frontmatter.md')).toEqual([]);
  });

  it('turns embeds and image links to files in the vault into attachments, and keeps wikilinks as text', () => {
    const r = parseJournalImport(fixtureFolder('obsidian/obsidian-export-main-samples'), { now: NOW });
    const embeds = r.entries.find((e) => e.sourceId === 'embeds.md')!;
    expect(embeds.body).toContain('![white.png](attachment:white.png)');
    expect(embeds.body).toContain('![bulb.svg](attachment:bulb.svg)');
    expect(embeds.body).toContain('![note.pdf](attachment:note.pdf)');
    expect(embeds.body).toContain('![image, not embed](attachment:white.png)');
    expect(embeds.body).toContain('![[note-with-frontmatter]]');
    expect(embeds.body).toContain('![[Not a valid embed.]');
    expect(embeds.attachmentIds).toEqual(['white.png', 'bulb.svg', 'note.pdf']);
    expect(embeds.extra.wikilinks).toEqual(expect.arrayContaining(['note-with-frontmatter', 'non-existing note']));
    const white = r.attachments.find((a) => a.sourceId === 'white.png')!;
    expect(white).toMatchObject({ name: 'white.png', mime: 'image/png' });
    expect(white.bytes?.length).toBeGreaterThan(0);
    const links = r.entries.find((e) => e.sourceId === 'obsidian-wikilinks.md')!;
    expect(links.extra.wikilinks).toEqual(
      expect.arrayContaining(['pure-markdown-examples', 'Pure-Markdown-Examples', 'pure-markdown-examples#Heading 1', 'uppercased-note']),
    );
    expect(links.body).toContain('[[unclosed link');
    expect(r.entries.find((e) => e.sourceId === 'issue-188-wikilinks-need-trimming.md')?.extra.wikilinks).toEqual([
      ...Array<string>(8).fill('foo'),
      ...Array<string>(4).fill('foo#^abc'),
    ]);
    expect(r.entries.find((e) => e.sourceId === 'subdir/note-in-subdir.md')?.notebookSourceId).toBe('subdir');
    expect(r.notebooks).toEqual([{ sourceId: 'subdir', name: 'subdir', parentSourceId: null }]);
    expect(r.entries.find((e) => e.sourceId === 'note-with-frontmatter.md')?.extra.frontMatter).toEqual({ Foo: 'bar' });
  });

  it("reads Joplin's md_frontmatter export: titles, dates, tags, nested folders and _resources", () => {
    const r = parseJournalImport(fixtureFolder('joplin/joplin-cli-export-md_frontmatter'), { now: NOW });
    expect(r.format).toBe('markdown');
    expect(r.entries).toHaveLength(7);
    expect(r.notebooks.map((n) => [n.sourceId, n.parentSourceId]).sort()).toEqual([
      ['Personal', null],
      ['Personal/Travel', 'Personal'],
      ['Work', null],
    ]);
    const trip = entryTitled(r, 'Trip to Lisbon');
    expect(trip).toMatchObject({
      entryAt: '2024-04-10T18:30:00.000Z',
      updatedAt: '2024-04-12T20:00:00.000Z',
      tags: ['journal', 'travel'],
      notebookSourceId: 'Personal/Travel',
    });
    expect(trip.body.startsWith('![white.png](attachment:_resources/white.png)Day 1 in Lisbon.')).toBe(true);
    expect(trip.extra).toMatchObject({ author: 'Hearth Fixtures', source_url: 'https://example.org/lisbon', latitude: 38.7223, longitude: -9.1393 });
    expect(entryTitled(r, 'Book flights')).toMatchObject({ body: '', entryAt: '2024-03-20T12:00:00.000Z' });
    expect(entryTitled(r, 'Book flights').extra.todo).toMatchObject({ completed: true });
    expect(entryTitled(r, 'Renew passport').extra.todo).toMatchObject({ due: '2026-01-01T00:00:00.000Z', completed: false });
    expect(entryTitled(r, 'Meeting notes').body.startsWith('[note.pdf](attachment:_resources/note.pdf)## Agenda')).toBe(true);
    expect(r.attachments.map((a) => [a.sourceId, a.bytes?.length]).sort()).toEqual([
      ['_resources/note.pdf', 10_435],
      ['_resources/white.png', 90],
    ]);
    expect(entryTitled(r, 'Café ☕ notes — ünïcödé').tags).toEqual(['work', 'Ünïcödé tag']);
  });

  it("reads Joplin's plain md export: file names as titles, the import time as date", () => {
    const r = parseJournalImport(fixtureFolder('joplin/joplin-cli-export-md'), { now: NOW });
    expect(r.entries.map((e) => e.title).sort()).toEqual([
      'Book flights',
      'Café ☕ notes — ünïcödé',
      'Empty note',
      'Meeting notes',
      'Morning pages',
      'Renew passport',
      'Trip to Lisbon',
    ]);
    expect(entryTitled(r, 'Trip to Lisbon').attachmentIds).toEqual(['_resources/white.png']);
    expect(entryTitled(r, 'Empty note')).toMatchObject({ body: '', entryAt: NOW });
  });

  it('reads a non-ASCII file name and links to it', () => {
    const r = parseJournalImport(fixtureFolder('obsidian/obsidian-export-non-ascii'), { now: NOW });
    expect(entryTitled(r, "Nöte with 'quotes'").sourceId).toBe("Nöte with 'quotes'.md");
    expect(entryTitled(r, 'Link').extra.wikilinks).toEqual(["Nöte with 'quotes'"]);
  });
});

describe('Markdown folder import (built folders)', () => {
  const file = (path: string, text: string): { path: string; bytes: Uint8Array } => ({ path, bytes: new TextEncoder().encode(text) });

  it('gives each note its own attachment for a shared picture, with link-safe ids, and lists a missing embed', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
    const r = parseJournalImport(
      [
        file('a.md', 'One ![[My photo (1).png]] and ![[gone.png]]'),
        file('b b.md', 'Two ![pic](<My photo (1).png>)'),
        { path: 'My photo (1).png', bytes: png },
        { path: '.obsidian/app.json', bytes: new TextEncoder().encode('{}') },
      ],
      { now: NOW },
    );
    const [a, b] = r.entries;
    expect(a!.body).toBe('One ![My photo (1).png](attachment:My%20photo%20%281%29.png) and ![[gone.png]]');
    expect(b!.body).toBe('Two ![pic](attachment:My%20photo%20%281%29.png#b%20b.md)');
    expect(r.attachments.map((x) => [x.sourceId, x.name, x.bytes])).toEqual([
      ['My%20photo%20%281%29.png', 'My photo (1).png', png],
      ['My%20photo%20%281%29.png#b%20b.md', 'My photo (1).png', png],
    ]);
    expect(a!.attachmentIds).toEqual(['My%20photo%20%281%29.png']);
    expect(b!.attachmentIds).toEqual(['My%20photo%20%281%29.png#b%20b.md']);
    expect(r.skipped).toEqual([{ what: 'Embed ![[gone.png]] in a.md', why: 'no such file in the folder' }]);
  });
});
