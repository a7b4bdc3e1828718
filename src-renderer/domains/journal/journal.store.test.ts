import { beforeEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '../../../src-shared/ipc/result';
import { fake } from '../../api/fake-client';
import { resetSessionState } from '../../lib/session-reset';
import type { EntrySummary, Journal } from './journal-types';
import { useJournalStore } from './journal.store';

vi.mock('../../api/client', async () => (await import('../../api/fake-client')).fakeClientModule);

const J = '01JD0000000000000000000001';
const row = (n: number): EntrySummary => ({
  id: `01JD00000000000000000001${String(n).padStart(2, '0')}`,
  journalId: J,
  title: `Entry ${n}`,
  displayTitle: `Entry ${n}`,
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
});
const locked: Journal = {
  id: J,
  name: 'Private',
  color: 'blue',
  icon: 'book',
  privacy: 'locked',
  open: false,
  metrics: [],
  entryCount: 0,
  createdAt: '2026-03-02T09:00:00.000Z',
  updatedAt: '2026-03-02T09:00:00.000Z',
};

beforeEach(() => {
  fake.reset();
  resetSessionState();
  fake.handle('journal', 'listJournals', () => [locked]);
  fake.handle('journal', 'tags', () => []);
  fake.handle('journal', 'templates', () => []);
});

describe('journal store', () => {
  it('pages the timeline with the cursor main returns, and starts over when the filter changes', async () => {
    fake.handle('journal', 'list', (input) =>
      input.cursor === 'c1' ? { entries: [row(3)], nextCursor: null } : { entries: [row(1), row(2)], nextCursor: 'c1' },
    );
    await useJournalStore.getState().refresh();
    expect(useJournalStore.getState().entries.map((e) => e.title)).toEqual(['Entry 1', 'Entry 2']);
    await useJournalStore.getState().loadMore();
    expect(useJournalStore.getState().entries.map((e) => e.title)).toEqual(['Entry 1', 'Entry 2', 'Entry 3']);
    expect(useJournalStore.getState().cursor).toBeNull();
    await useJournalStore.getState().loadMore(); // nothing more to read: no call
    expect(fake.calls.filter((c) => c.channel === 'journal:list')).toHaveLength(2);

    useJournalStore.getState().setFilter({ tag: 'walks' });
    await vi.waitFor(() => expect(useJournalStore.getState().loading).toBe(false));
    expect(fake.calls.at(-1)).toEqual({ channel: 'journal:list', input: expect.objectContaining({ tag: 'walks', cursor: undefined }) });
  });

  it('asks for the password before showing a locked journal, and keeps asking after a wrong one', async () => {
    fake.handle('journal', 'list', () => ({ entries: [], nextCursor: null }));
    await useJournalStore.getState().refresh();
    useJournalStore.getState().pickJournal(locked);
    expect(useJournalStore.getState().unlocking?.id).toBe(J);
    expect(useJournalStore.getState().filter.journalId).toBeNull();

    fake.handle('journal', 'openJournal', ({ password }) => {
      if (password !== 'right') throw new AppError('WRONG_PASSWORD', 'Wrong password');
      return { ...locked, open: true };
    });
    await expect(useJournalStore.getState().unlock('wrong')).rejects.toMatchObject({ code: 'WRONG_PASSWORD' });
    expect(useJournalStore.getState().unlocking?.id).toBe(J);
    await useJournalStore.getState().unlock('right');
    expect(useJournalStore.getState().unlocking).toBeNull();
    expect(useJournalStore.getState().filter.journalId).toBe(J);
  });

  it('forgets everything on lock', async () => {
    fake.handle('journal', 'list', () => ({ entries: [row(1)], nextCursor: null }));
    await useJournalStore.getState().refresh();
    resetSessionState();
    expect(useJournalStore.getState().entries).toEqual([]);
    expect(useJournalStore.getState().journals).toEqual([]);
  });
});
