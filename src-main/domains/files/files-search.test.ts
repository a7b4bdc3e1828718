import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { filesContaining } from '../../test/canary';
import { itWithFixtures, readFixture } from '../../test/fixtures';
import { errorOf, PASSWORD } from '../../test/helpers';
import { cleanIndexText, ftsQuery, parseSnippet } from './files-search';
import { setupLibrary } from './files.test-helpers';

async function makePdf(lines: string[]): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const text of lines) doc.addPage([400, 200]).drawText(text, { x: 20, y: 100, size: 14, font });
  return Buffer.from(await doc.save());
}

const marked = (s: { text: string; ranges: [number, number][] }) => s.ranges.map(([a, b]) => s.text.slice(a, b));

describe('files: search', () => {
  it('finds a word inside a PDF made here (read in a worker job after the add), ranked with a safe snippet', async () => {
    const lib = await setupLibrary();
    const pdf = await makePdf(['Annual boiler inspection', 'The flue was cleaned and the zanzibar valve replaced.']);
    const { file } = await lib.addFile('boiler.pdf', pdf);
    expect(file).toMatchObject({ mime: 'application/pdf', textStatus: 'pending' });
    // Findable by name at once, before its text is read.
    expect((await lib.files.search({ query: 'boiler' })).hits.map((h) => h.file.id)).toEqual([file.id]);
    expect((await lib.textReady(file.id)).textStatus).toBe('done');

    await lib.addFile('zanzibar trip.txt', 'Packing list: hat, sun cream');
    const { hits } = await lib.files.search({ query: 'zanzib' });
    expect(hits.map((h) => h.file.name)).toEqual(['zanzibar trip.txt', 'boiler.pdf']); // a name match ranks first
    const pdfHit = hits[1]!;
    expect(pdfHit.field).toBe('text');
    expect(marked(pdfHit.snippet)).toEqual(['zanzibar']);
    expect(pdfHit.snippet.text).toContain('zanzibar valve');
    expect(pdfHit.snippet.text.includes('\u0001') || pdfHit.snippet.text.includes('\u0002')).toBe(false);
    expect(hits[0]!.field).toBe('name');
  });

  it('searches plain text, tags and accents, treats FTS syntax as words, and leaves trashed files out', async () => {
    const lib = await setupLibrary();
    const note = await lib.addFile('note.md', '# Café\n\nMeet Zoë near the crème brûlée stand.', { tags: ['Errands'] });
    expect((await lib.textReady(note.file.id)).textStatus).toBe('done');
    expect((await lib.files.search({ query: 'creme brulee' })).hits.map((h) => marked(h.snippet))).toEqual([['crème', 'brûlée']]);
    const byTag = await lib.files.search({ query: 'errands' });
    expect(byTag.hits[0]).toMatchObject({ field: 'tags', snippet: { text: 'Errands', ranges: [[0, 7]] } });
    for (const query of ['"', 'note*', 'NEAR(a b)', 'name:note', '(', 'AND', '-x']) {
      await expect(lib.files.search({ query }), query).resolves.toBeTruthy();
    }
    expect(ftsQuery('say "hi"')).toBe('"say"* """hi"""*');
    expect(parseSnippet('a \u0001b\u0002 c')).toEqual({ text: 'a b c', ranges: [[2, 3]] });
    // Extracted text cannot carry the highlight markers into the index.
    expect(cleanIndexText('x\u0001y\u0002z\tw\n')).toBe('x y z\tw\n');
    await lib.files.trash({ id: note.file.id });
    expect((await lib.files.search({ query: 'zoe' })).hits).toEqual([]);
    expect((await errorOf(lib.files.search({ query: '   ' }))).code).toBe('INVALID_INPUT');
  });

  it('marks an unreadable PDF as failed and keeps it findable by name', async () => {
    const lib = await setupLibrary();
    const broken = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2000, 0x41)]);
    const { file } = await lib.addFile('broken-scan.pdf', broken);
    expect(file.mime).toBe('application/pdf');
    expect((await lib.textReady(file.id)).textStatus).toBe('failed');
    expect((await lib.files.search({ query: 'broken' })).hits.map((h) => h.file.id)).toEqual([file.id]);
  });

  it('leaves a PDF pending when the profile locks mid-extraction, and reads it after the next unlock', async () => {
    const lib = await setupLibrary();
    const { file } = await lib.addFile('lease.pdf', await makePdf(['Tenancy agreement for the marmalade flat']));
    await lib.core.client.session.lock();
    const [profile] = await lib.core.client.profile.list();
    await lib.core.client.profile.unlock({ profileId: profile!.id, password: PASSWORD });
    expect((await lib.textReady(file.id)).textStatus).toBe('done');
    expect((await lib.files.search({ query: 'marmalade' })).hits.map((h) => h.file.id)).toEqual([file.id]);
  });

  itWithFixtures('finds the text of a real PDF written by another app (note.pdf from the Obsidian samples)', async () => {
    const lib = await setupLibrary();
    const { file } = await lib.addFile('note.pdf', readFixture('journal', 'obsidian', 'obsidian-export-main-samples', 'note.pdf'));
    expect((await lib.textReady(file.id)).textStatus).toBe('done');
    const { hits } = await lib.files.search({ query: 'some text' });
    expect(hits.map((h) => h.file.id)).toEqual([file.id]);
    expect(marked(hits[0]!.snippet)).toEqual(['Some', 'text']);
  });

  it('canary: a phrase in a file name and its content is in no file under the profile folder', async () => {
    const lib = await setupLibrary();
    const canary = 'QUOKKA-7f3e-canary-phrase';
    const { file } = await lib.addFile(`${canary}.txt`, `secret ${canary} inside the body `.repeat(200));
    const pdf = await lib.addFile(`${canary}.pdf`, await makePdf([`PDF line ${canary}`]));
    await lib.textReady(file.id);
    await lib.textReady(pdf.file.id);
    expect((await lib.files.search({ query: 'QUOKKA' })).hits).toHaveLength(2);
    await lib.files.rename({ id: file.id, name: `renamed ${canary}.txt` });
    expect(await filesContaining(lib.core.root, canary)).toEqual([]);
    expect(await filesContaining(lib.core.root, 'QUOKKA')).toEqual([]);
  });
});
