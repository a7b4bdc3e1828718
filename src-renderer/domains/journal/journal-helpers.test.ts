import { describe, expect, it } from 'vitest';
import { byMonth } from './components/Timeline';
import { metricId } from './components/MetricsEditor';
import { draftOf, patchOf } from './editor/useEntryDraft';
import type { Entry } from './journal-types';

const ID = '01ARZ3NDEKTSV4RRFFQ69G5FAV';
const entry = (over: Partial<Entry> = {}): Entry => ({
  id: ID,
  journalId: ID,
  title: null,
  displayTitle: 'Monday',
  excerpt: '',
  entryAt: '2026-03-02T09:00:00.000Z',
  entryDate: '2026-03-02',
  timeZone: 'UTC',
  tags: [],
  starred: false,
  mood: null,
  attachmentCount: 0,
  coverThumbnailBlobId: null,
  updatedAt: '2026-03-02T09:00:00.000Z',
  deletedAt: null,
  body: 'Hello',
  metrics: {},
  location: null,
  extra: {},
  attachments: [],
  createdAt: '2026-03-02T09:00:00.000Z',
  versionCount: 0,
  ...over,
});

describe('journal editor helpers', () => {
  it('saves only the fields that changed, with empty title and location as none', () => {
    const saved = draftOf(entry({ title: 'Walk', location: 'Pier' }));
    expect(patchOf(saved, saved)).toEqual({});
    expect(patchOf(saved, { ...saved, title: '  ', location: '', body: 'Hello!', tags: ['a'], metrics: { sleep: 7 } })).toEqual({
      title: null,
      location: null,
      body: 'Hello!',
      tags: ['a'],
      metrics: { sleep: 7 },
    });
    expect(patchOf(saved, { ...saved, mood: 3, starred: true })).toEqual({ mood: 3, starred: true });
  });

  it('groups the timeline by month, keeping the order', () => {
    const e = (id: string, entryDate: string) => entry({ id, entryDate });
    const groups = byMonth([e('a', '2026-03-02'), e('b', '2026-03-01'), e('c', '2026-02-28'), e('d', '2025-03-02')]);
    expect(groups.map((g) => [g.month, g.entries.map((x) => x.id)])).toEqual([
      ['2026-03', ['a', 'b']],
      ['2026-02', ['c']],
      ['2025-03', ['d']],
    ]);
  });

  it('makes metric ids the contract accepts, unique in the journal', () => {
    expect(metricId('Sleep (hours)', [])).toBe('sleep-hours');
    expect(metricId('Sleep', ['sleep'])).toBe('sleep-2');
    expect(metricId('Énergie ✨', [])).toBe('energie');
    expect(metricId('✨', [])).toBe('metric');
  });
});
