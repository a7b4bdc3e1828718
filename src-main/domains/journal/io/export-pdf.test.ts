import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exportPdf } from './export-pdf';
import { sampleBundle } from './export.test-helpers';

/** Real poppler tools read the PDF back: the words a person would see, and the pictures embedded. */
const dir = mkdtempSync(path.join(tmpdir(), 'hearth-journal-pdf-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function poppler(bytes: Uint8Array, tool: 'pdftotext' | 'pdfimages', name: string): string {
  const file = path.join(dir, `${name}.pdf`);
  writeFileSync(file, bytes);
  return execFileSync(tool, tool === 'pdftotext' ? ['-layout', file, '-'] : ['-list', file], { encoding: 'utf8' });
}

const NOW = new Date('2026-12-01T12:00:00Z');

describe('journal PDF export', () => {
  it('prints titles, date lines, tags, body text and page numbers, and embeds the PNG and the JPEG', async () => {
    const { bundle, read } = sampleBundle();
    const pdf = await exportPdf(bundle, read, { from: null, to: null, title: 'My journal', now: NOW });
    const text = poppler(pdf, 'pdftotext', 'all');
    for (const words of [
      'My journal',
      '4 entries, 2024-03-01 to 2025-01-01',
      'Morning pages',
      'Friday, 1 March 2024 at 07:15 (Europe/Lisbon)',
      '#journal',
      '#Ünïcödé tag',
      'Heading inside',
      'Coffee ? then a walk by the river.',
      '[ ] call Mum',
      '[x] water the plants',
      'small steps',
      '<script>alert(1)</script>',
      'Day 1 in Lisbon. Tram 28.',
      'code #not-a-tag',
      "Uncle's Tavern, Boise, Idaho, United States",
    ]) {
      expect(text).toContain(words);
    }
    expect(text).toMatch(/^\s*1 ?\/ ?\d+\s*$/m);
    expect(text).not.toContain('**walk**');
    expect(text.indexOf('Morning pages')).toBeLessThan(text.indexOf('Day 1 in Lisbon'));
    const images = poppler(pdf, 'pdfimages', 'all').trim().split('\n').slice(2);
    expect(images.map((l) => l.split(/\s+/).slice(3, 6).join(' ')).sort()).toEqual(['image 320 160', 'image 40 20']);
  });

  it('keeps only the entries of the date range', async () => {
    const { bundle, read } = sampleBundle();
    const pdf = await exportPdf(bundle, read, { from: '2024-04-01T00:00:00Z', to: '2025-01-01T00:00:00Z', title: 'April', now: NOW });
    const text = poppler(pdf, 'pdftotext', 'range');
    expect(text).toContain('Day 1 in Lisbon');
    expect(text).not.toContain('Morning pages');
    expect(text).not.toContain('Empty');
    expect(text).toContain('1 entry');
  });

  it('wraps long text over several numbered pages without losing a word, and never fails on emoji or CJK', async () => {
    const { bundle, read } = sampleBundle();
    const words = Array.from({ length: 3000 }, (_, i) => `word${i}`);
    const long = { ...bundle.entries[3]!, id: 'E9', title: '日本語 🎉 Żurek', body: `${words.join(' ')}\n\nunbreakable${'x'.repeat(400)}` };
    const pdf = await exportPdf({ ...bundle, entries: [long] }, read, { from: null, to: null, title: 'Long', now: NOW });
    const text = poppler(pdf, 'pdftotext', 'long');
    expect(text).toContain('??? ? Zurek');
    const pages = Number(/^\s*(\d+) ?\/ ?(\d+)\s*$/m.exec(text)?.[2]);
    expect(pages).toBeGreaterThan(3);
    const found = new Set(text.match(/word\d+/g));
    expect(words.every((w) => found.has(w))).toBe(true);
  });
});
