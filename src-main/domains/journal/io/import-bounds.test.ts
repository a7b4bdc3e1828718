import { describe, expect, it } from 'vitest';
import { writeZip } from '../../../lib/zip';
import { parseJournalImport, sniffFormat } from './import';
import { JOURNAL_IMPORT_LIMITS } from './limits';
import { parseJournalImportJob } from './parse-job';

const now = '2026-12-01T12:00:00.000Z';
const text = (s: string): Uint8Array => new TextEncoder().encode(s);
const code = (code: string): unknown => expect.objectContaining({ code });

/** One ustar header + data block, as tar writes it (typeflag '0' file, '2' symlink). */
function tarMember(name: string, data: string, type = '0'): Uint8Array {
  const header = new Uint8Array(512);
  const put = (at: number, s: string): void => header.set(text(s), at);
  put(0, name);
  put(100, '0000644\0');
  put(124, `${data.length.toString(8).padStart(11, '0')}\0`);
  put(136, '00000000000\0');
  put(156, type);
  put(257, 'ustar\0');
  put(263, '00');
  put(148, '        ');
  const sum = header.reduce((a, b) => a + b, 0);
  put(148, `${sum.toString(8).padStart(6, '0')}\0 `);
  const body = new Uint8Array(Math.ceil(data.length / 512) * 512);
  body.set(text(data));
  return new Uint8Array([...header, ...body]);
}
const tar = (...members: Uint8Array[]): Uint8Array => new Uint8Array([...members.flatMap((m) => [...m]), ...new Uint8Array(1024)]);
const JOPLIN_NOTE = 'Hello\n\nBody\n\nid: 0123456789abcdef0123456789abcdef\nparent_id: \nuser_created_time: 2024-01-01T00:00:00.000Z\nis_todo: 0\ntype_: 1';

describe('journal import bounds and hostile input', () => {
  it('refuses a ZIP that expands more than the ratio allows before inflating it', () => {
    const zip = writeZip({ 'Journal.json': new Uint8Array(8 * 1024 * 1024) }, { mtime: 0, level: 9 });
    const started = Date.now();
    expect(() => parseJournalImport([{ path: 'export.zip', bytes: zip }], { now })).toThrow(code('TOO_LARGE'));
    expect(Date.now() - started).toBeLessThan(500);
  });

  it('refuses a truncated Day One JSON, a non-UTF-8 file and an empty input with INVALID_INPUT', () => {
    const dayOne = JSON.stringify({ metadata: { version: '1.0' }, entries: [{ uuid: 'A', creationDate: '2020-01-01T00:00:00Z', text: 'x' }] });
    expect(() => parseJournalImport([{ path: 'Journal.json', bytes: text(dayOne.slice(0, 60)) }], { now, format: 'dayone-json' })).toThrow(
      code('INVALID_INPUT'),
    );
    expect(() => parseJournalImport([{ path: 'a.md', bytes: new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x0a]) }], { now })).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT', message: 'a.md is not UTF-8 text.' }),
    );
    expect(() => parseJournalImport([], { now })).toThrow(code('INVALID_INPUT'));
    expect(parseJournalImport([{ path: 'Journal.json', bytes: text(dayOne) }], { now }).entries).toHaveLength(1);
  });

  it('reads UTF-16 text with a byte order mark', () => {
    const utf16 = new Uint8Array([0xff, 0xfe, ...Buffer.from('# Café\n\n#tag', 'utf16le')]);
    expect(parseJournalImport([{ path: 'n.md', bytes: utf16 }], { now }).entries[0]).toMatchObject({ body: '# Café\n\n#tag', tags: ['tag'] });
  });

  it('says UNSUPPORTED for a file it does not know, and sniffs nothing', () => {
    const files = [{ path: 'photo.png', bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47]) }];
    expect(sniffFormat(files)).toBeNull();
    expect(() => parseJournalImport(files, { now })).toThrow(code('UNSUPPORTED'));
  });

  it('reads a minimal JEX and refuses one carrying a symbolic link', () => {
    const good = tar(tarMember('0123456789abcdef0123456789abcdef.md', JOPLIN_NOTE));
    expect(parseJournalImport([{ path: 'a.jex', bytes: good }], { now }).entries[0]).toMatchObject({
      title: 'Hello',
      body: 'Body',
      entryAt: '2024-01-01T00:00:00.000Z',
    });
    const evil = tar(tarMember('0123456789abcdef0123456789abcdef.md', JOPLIN_NOTE), tarMember('resources/x', '', '2'));
    expect(() => parseJournalImport([{ path: 'a.jex', bytes: evil }], { now })).toThrow(code('INVALID_INPUT'));
  });

  it('refuses more files than the cap before reading any of them', () => {
    const files = Array.from({ length: JOURNAL_IMPORT_LIMITS.maxFiles + 1 }, (_, i) => ({ path: `n${i}.md`, bytes: new Uint8Array(0) }));
    expect(() => parseJournalImport(files, { now })).toThrow(code('TOO_LARGE'));
  });

  it('keeps a note whose front matter is a YAML alias bomb as text, with a warning, quickly', () => {
    const lol = [
      'a: &a ["x","x","x","x","x","x","x","x","x"]',
      ...Array.from({ length: 8 }, (_, i) => `${'bcdefghi'[i]}: &${'bcdefghi'[i]} [${Array(9).fill(`*${'abcdefgh'[i]}`).join(',')}]`),
    ].join('\n');
    const started = Date.now();
    const r = parseJournalImport([{ path: 'lol.md', bytes: text(`---\n${lol}\n---\nbody`) }], { now });
    expect(Date.now() - started).toBeLessThan(1000);
    expect(r.entries[0]?.body).toContain('body');
    expect(r.warnings).toEqual(['lol.md: front matter is not valid YAML; it was imported as text.']);
  });

  it('runs as the journal.import.parse job with structured-cloneable output', async () => {
    const result = await parseJournalImportJob(
      { files: [{ path: 'n.md', bytes: text('---\ntitle: T\ndate: 2024-05-01\n---\nHi #x') }], options: { now } },
      { progress: () => undefined, cancelled: () => false },
    );
    expect(structuredClone(result)).toEqual(result);
    expect(result.entries[0]).toMatchObject({ title: 'T', entryAt: '2024-05-01T00:00:00.000Z', tags: ['x'], body: 'Hi #x' });
  });
});
