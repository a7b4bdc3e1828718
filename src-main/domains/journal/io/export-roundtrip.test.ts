import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readZipFiles } from '../../../lib/zip';
import { exportJsonZip } from './export-json';
import { exportMarkdownZip } from './export-markdown';
import { sampleBundle } from './export.test-helpers';
import { parseJournalImport, sniffFormat } from './import';
import type { ExportBundle, ParsedImport } from './model';

const NOW = new Date('2026-12-01T12:00:00Z');
const options = { now: NOW.toISOString() };

/** Everything an export must keep, compared field by field with what the importer read back. */
function expectSameAsBundle(parsed: ParsedImport, bundle: ExportBundle, blobs: Map<string, Uint8Array>): void {
  const notebooks = parsed.notebooks.map((n) => ({
    id: n.sourceId,
    name: n.name,
    color: n.color,
    icon: n.icon,
    ...(n.metrics !== undefined && { metrics: n.metrics }),
  }));
  expect(notebooks).toEqual(bundle.journals);
  expect(parsed.entries).toHaveLength(bundle.entries.length);
  for (const e of bundle.entries) {
    const got = parsed.entries.find((p) => p.sourceId === e.id)!;
    expect(got).toMatchObject({
      notebookSourceId: e.journalId,
      title: e.title,
      body: e.body,
      entryAt: e.entryAt,
      timeZone: e.timeZone,
      createdAt: e.createdAt,
      updatedAt: e.updatedAt,
      tags: e.tags,
      starred: e.starred,
      mood: e.mood,
      metrics: e.metrics,
      location: e.location,
    });
    expect(got.attachmentIds).toEqual(e.attachments.map((a) => a.id));
    for (const a of e.attachments) {
      const att = parsed.attachments.find((p) => p.sourceId === a.id)!;
      expect(att).toMatchObject({ name: a.name, mime: a.mime });
      expect(Buffer.from(att.bytes!).equals(Buffer.from(blobs.get(a.blobId)!))).toBe(true);
    }
  }
  expect(parsed.skipped).toEqual([]);
}

describe('journal export round trip', () => {
  it('Markdown ZIP → hearth-markdown importer keeps titles, dates, tags, bodies, flags, mood, metrics and attachment bytes', async () => {
    const { bundle, read, blobs } = sampleBundle();
    const zip = await exportMarkdownZip(bundle, read, { now: NOW });
    const names = [...readZipFiles(zip).keys()].sort();
    expect(names).toEqual([
      'Daily - Life/2024-03-01 Morning pages (2).md',
      'Daily - Life/2024-03-01 Morning pages.md',
      'Trips/2024-04-10 12-30.md',
      'Trips/2025-01-01 Empty.md',
      'attachments/A1/sun rise (1).png',
      'attachments/A2/tram.jpg',
      'attachments/A3/tickets.pdf',
      'journals.json',
    ]);
    const md = new TextDecoder().decode(readZipFiles(zip).get('Daily - Life/2024-03-01 Morning pages.md'));
    expect(md).toContain('![sunrise](../attachments/A1/sun%20rise%20%281%29.png)');
    expect(md).toMatch(/^---\nid: "E1"\ntitle: "Morning pages"\n/);
    expect(md).toContain('tags: ["journal","Ünïcödé tag"]\n');
    // Every Markdown tool reads it as YAML: the YAML parser agrees with Hearth's quick reading.
    expect(parse(/^---\n([\s\S]*?)\n---\n/.exec(md)?.[1] ?? '')).toMatchObject({
      id: 'E1',
      mood: 4,
      starred: true,
      metrics: { sleep: 7.5, exercised: true },
      tags: ['journal', 'Ünïcödé tag'],
    });
    const files = [{ path: 'export.zip', bytes: zip }];
    expect(sniffFormat(files)).toBe('hearth-markdown');
    expectSameAsBundle(parseJournalImport(files, options), bundle, blobs);
  });

  it('JSON ZIP → hearth-json importer keeps the same', async () => {
    const { bundle, read, blobs } = sampleBundle();
    const zip = await exportJsonZip(bundle, read, { now: NOW });
    const json = JSON.parse(new TextDecoder().decode(readZipFiles(zip).get('hearth-journal.json'))) as Record<string, unknown>;
    expect(json).toMatchObject({ format: 'hearth-journal', version: 1 });
    expect(JSON.stringify(json)).not.toContain('blob-png');
    const files = [{ path: 'export.zip', bytes: zip }];
    expect(sniffFormat(files)).toBe('hearth-json');
    const parsed = parseJournalImport(files, options);
    expect(parsed.format).toBe('hearth-json');
    expectSameAsBundle(parsed, bundle, blobs);
  });

  it('writes the same bytes twice for the same bundle and clock', async () => {
    const { bundle, read } = sampleBundle();
    const a = await exportMarkdownZip(bundle, read, { now: NOW });
    const b = await exportMarkdownZip(bundle, read, { now: NOW });
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it('a Hearth JSON export with a newer version is refused, not half-read', async () => {
    const bytes = new TextEncoder().encode(JSON.stringify({ format: 'hearth-journal', version: 2, journals: [], entries: [] }));
    expect(() => parseJournalImport([{ path: 'hearth-journal.json', bytes }], options)).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });
});
