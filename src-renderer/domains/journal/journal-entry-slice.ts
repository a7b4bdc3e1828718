import { api } from '../../api/client';
import { describeError } from '../../lib/errors';
import type { Entry, EntrySummary } from './journal-types';
import type { JournalState } from './journal-state';

type Set = (partial: Partial<JournalState> | ((s: JournalState) => Partial<JournalState>)) => void;
type EntryActions = Pick<JournalState, 'setEntry' | 'reloadEntry' | 'save' | 'create' | 'today' | 'trash' | 'restore'>;

const timeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** The open entry's actions (a slice of the journal store): write, save, today's entry, trash and restore. */
export function entryActions(set: Set, get: () => JournalState, reloadList: () => Promise<void>): EntryActions {
  return {
    setEntry(entry) {
      set((s) => ({ entry, revision: s.revision + 1, entries: s.entries.map((e) => (e.id === entry.id ? { ...e, ...pickSummary(entry) } : e)) }));
    },

    async reloadEntry(id) {
      try {
        const entry = await api.journal.get({ id });
        if (get().openId === id) set({ entry });
      } catch (err) {
        get().say(describeError(err), 'danger');
      }
    },

    async save(id, patch) {
      const entry = await api.journal.update({ id, ...patch });
      if (get().openId === id) set({ entry });
      // The row in the timeline follows without a reload (title, excerpt, tags, mood).
      set((s) => ({ entries: s.entries.map((e) => (e.id === id ? { ...e, ...pickSummary(entry) } : e)) }));
      return entry;
    },

    async create(templateId) {
      const journalId = get().filter.journalId ?? get().journals.find((j) => j.privacy === 'normal')?.id;
      if (!journalId) return get().say('Create a journal first.', 'danger');
      try {
        const entry = await api.journal.create({ journalId, timeZone: timeZone(), ...(templateId ? { templateId } : {}) });
        set({ openId: entry.id, entry, entryError: null, view: get().view === 'trash' ? 'timeline' : get().view });
        void reloadList();
      } catch (err) {
        get().say(describeError(err), 'danger');
      }
    },

    async today() {
      try {
        const entry = await api.journal.today({ journalId: get().filter.journalId ?? undefined, timeZone: timeZone() });
        set({ openId: entry.id, entry, entryError: null });
        void reloadList();
      } catch (err) {
        get().say(describeError(err), 'danger');
      }
    },

    async trash(id) {
      await api.journal.trash({ id });
      if (get().openId === id) set({ openId: null, entry: null });
      get().say('Moved to the trash.');
      await get().refresh();
    },

    async restore(id) {
      await api.journal.restore({ id });
      get().say('Restored.');
      await get().refresh();
    },
  };
}

/** The summary fields of a full entry, to update its timeline row in place. */
export function pickSummary(e: Entry): Partial<EntrySummary> {
  const { title, displayTitle, excerpt, entryAt, entryDate, tags, starred, mood, attachmentCount, coverThumbnailBlobId, updatedAt } = e;
  return { title, displayTitle, excerpt, entryAt, entryDate, tags, starred, mood, attachmentCount, coverThumbnailBlobId, updatedAt };
}
