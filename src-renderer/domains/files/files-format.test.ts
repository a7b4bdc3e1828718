import { describe, expect, it } from 'vitest';
import type { Folder } from '../../../src-shared/domains/files/files.schemas';
import { entriesOf, stepFrom } from './entries';
import { downloadName, formatDateTime, formatSize, previewKind, snippetParts, typeLabel } from './files-format';
import { childrenOf, folderChoices, pathTo, subtreeIds } from './folder-tree';
import { tallyMessage } from './upload';

const T = '2026-11-20T10:00:00.000Z';
const folder = (id: string, name: string, parentId: string | null): Folder => ({ id, name, parentId, createdAt: T, updatedAt: T, deletedAt: null });

describe('snippetParts', () => {
  it('marks the ranges and keeps every character exactly once', () => {
    const parts = snippetParts({
      text: 'the saffron ledger of saffron',
      ranges: [
        [4, 11],
        [22, 29],
      ],
    });
    expect(parts).toEqual([
      { text: 'the ', mark: false },
      { text: 'saffron', mark: true },
      { text: ' ledger of ', mark: false },
      { text: 'saffron', mark: true },
    ]);
  });

  it('clamps, sorts and merges bad ranges instead of throwing or repeating text', () => {
    const snippet = {
      text: 'abcdef',
      ranges: [
        [4, 99],
        [1, 3],
        [2, 5],
        [3, 3],
        [-1 as number, 0],
      ] as [number, number][],
    };
    const parts = snippetParts(snippet);
    expect(parts.map((p) => p.text).join('')).toBe('abcdef');
    expect(parts).toEqual([
      { text: 'a', mark: false },
      { text: 'bcdef', mark: true },
    ]);
  });

  it('keeps markup as text', () => {
    expect(snippetParts({ text: '<img src=x onerror=alert(1)>', ranges: [] })).toEqual([{ text: '<img src=x onerror=alert(1)>', mark: false }]);
  });
});

describe('formatting', () => {
  it('sizes in decimal units', () => {
    expect([formatSize(0), formatSize(1), formatSize(999), formatSize(1000), formatSize(15_300), formatSize(2_500_000), formatSize(3e12)]).toEqual([
      '0 bytes',
      '1 byte',
      '999 bytes',
      '1.0 KB',
      '15 KB',
      '2.5 MB',
      '3.0 TB',
    ]);
  });

  it('previews by sniffed type, and never SVG or HTML', () => {
    expect(previewKind('application/pdf')).toBe('pdf');
    expect(previewKind('image/png')).toBe('image');
    expect(previewKind('image/svg+xml')).toBe('none');
    expect(previewKind('text/html')).toBe('text');
    expect(previewKind('text/markdown; charset=utf-8')).toBe('text');
    expect(previewKind('video/mp4')).toBe('video');
    expect(previewKind('application/octet-stream')).toBe('none');
    expect([typeLabel('application/pdf'), typeLabel('image/jpeg'), typeLabel('application/vnd.ms-excel')]).toEqual(['PDF', 'JPEG image', 'MS']);
  });

  it('makes a safe download name', () => {
    expect(downloadName('a/b\\c\u0001.pdf')).toBe('a_b_c_.pdf');
    expect(downloadName('')).toBe('file');
  });

  it('summarises an upload run', () => {
    expect(tallyMessage({ added: 2, duplicates: ['a.pdf'], failed: [] })).toBe('Added 2 files · “a.pdf” was already in Files, so it was not added again');
    expect(tallyMessage({ added: 0, duplicates: [], failed: [{ name: 'x', error: 'Too large' }] })).toBe('1 failed (x: Too large)');
  });
});

describe('folder tree and list entries', () => {
  const folders = [folder('A', 'Trip', null), folder('B', 'docs', 'A'), folder('C', 'Archive', null), folder('D', 'deep', 'B')];

  it('lists children by name and walks up to the root', () => {
    expect(childrenOf(folders, null).map((f) => f.name)).toEqual(['Archive', 'Trip']);
    expect(pathTo(folders, 'D').map((f) => f.name)).toEqual(['Trip', 'docs', 'deep']);
    expect(pathTo(folders, null)).toEqual([]);
    expect([...subtreeIds(folders, 'A')].sort()).toEqual(['A', 'B', 'D']);
    expect(folderChoices(folders).map((c) => c.label)).toEqual(['Archive', 'Trip', 'Trip / docs', 'Trip / docs / deep']);
  });

  it('survives a loop in the tree', () => {
    const loop = [folder('X', 'x', 'Y'), folder('Y', 'y', 'X')];
    expect(pathTo(loop, 'X').map((f) => f.id)).toEqual(['Y', 'X']);
  });

  it('lists folders first, and only the top trashed folders in the trash', () => {
    const files = [
      { id: 'F', name: 'b.txt' },
      { id: 'G', name: 'A.txt' },
    ] as never[];
    const inTrip = entriesOf({ kind: 'folder', folderId: 'A' }, folders, files);
    expect(inTrip.map((e) => e.key)).toEqual(['d:B', 'f:G', 'f:F']);
    const trash = entriesOf({ kind: 'trash' }, [folder('B', 'docs', 'A'), folder('D', 'deep', 'B')], []);
    expect(trash.map((e) => e.key)).toEqual(['d:B']);
    expect(stepFrom(inTrip, 'f:G', 1)?.key).toBe('f:F');
    expect(stepFrom(inTrip, 'f:F', 1)?.key).toBe('f:F');
    expect(stepFrom(inTrip, null, -1)?.key).toBe('d:B');
  });
});

describe('formatDateTime', () => {
  it('tells apart two versions replaced on the same day, and keeps text it cannot read', () => {
    const morning = formatDateTime('2026-12-02T08:05:00Z');
    const evening = formatDateTime('2026-12-02T19:40:00Z');
    expect(morning).not.toBe(evening);
    expect(morning).toMatch(/2026/);
    expect(formatDateTime('not a date')).toBe('not a date');
  });
});
