import { create } from 'zustand';
import { api } from '../../api/client';
import { describeError } from '../../lib/errors';
import { onSessionReset } from '../../lib/session-reset';
import { entryActions } from './journal-entry-slice';
import { initial, type JournalState } from './journal-state';

export type { JournalState, Notice } from './journal-state';

/** Bumped on every new list, so a page that arrives for an older filter is dropped. */
let listSeq = 0;
let noticeSeq = 0;

/** Journals, the timeline (cursor pages), the open entry and the flows around them. */
export const useJournalStore = create<JournalState>()((set, get) => {
  async function loadPage(reset: boolean): Promise<void> {
    const { filter, view, cursor } = get();
    const seq = reset ? ++listSeq : listSeq;
    set(reset ? { loading: true, listError: null, entries: [], cursor: null } : { loading: true });
    try {
      const page = await api.journal.list({
        journalId: filter.journalId ?? undefined,
        tag: filter.tag ?? undefined,
        starred: filter.starred || undefined,
        trashed: view === 'trash',
        cursor: reset ? undefined : (cursor ?? undefined),
      });
      if (seq !== listSeq) return;
      set((s) => ({ entries: reset ? page.entries : [...s.entries, ...page.entries], cursor: page.nextCursor, loading: false }));
    } catch (err) {
      if (seq === listSeq) set({ loading: false, listError: describeError(err) });
    }
  }

  async function loadSidebar(): Promise<void> {
    try {
      const [journals, tags, templates] = await Promise.all([api.journal.listJournals(), api.journal.tags(), api.journal.templates()]);
      set({ journals, tags, templates });
    } catch (err) {
      set({ listError: describeError(err) });
    }
  }

  return {
    ...initial,

    start() {
      const off = api.journal.onChanged(() => void loadSidebar());
      void get().refresh();
      return off;
    },

    async refresh() {
      await Promise.all([loadSidebar(), loadPage(true)]);
    },

    setView(view) {
      set({ view });
      if (view === 'timeline' || view === 'trash') void loadPage(true);
    },

    setFilter(filter) {
      set((s) => ({ filter: { ...s.filter, ...filter } }));
      void loadPage(true);
    },

    async loadMore() {
      if (get().loading || get().cursor === null) return;
      await loadPage(false);
    },

    async open(id) {
      set({ openId: id, entry: null, entryError: null });
      if (!id) return;
      try {
        const entry = await api.journal.get({ id });
        if (get().openId === id) set({ entry });
      } catch (err) {
        if (get().openId === id) set({ entryError: describeError(err) });
      }
    },

    ...entryActions(set, get, () => loadPage(true)),

    pickJournal(journal) {
      if (journal && journal.privacy === 'locked' && !journal.open) return set({ unlocking: journal });
      get().setFilter({ journalId: journal?.id ?? null });
    },

    async unlock(password) {
      const journal = get().unlocking;
      if (!journal) return;
      await api.journal.openJournal({ id: journal.id, password });
      set({ unlocking: null });
      await loadSidebar();
      get().setFilter({ journalId: journal.id });
    },

    cancelUnlock: () => set({ unlocking: null }),

    say(message, tone = 'success') {
      set({ notice: { id: ++noticeSeq, message, tone } });
    },
  };
});

onSessionReset(() => {
  listSeq += 1;
  useJournalStore.setState(initial);
});
