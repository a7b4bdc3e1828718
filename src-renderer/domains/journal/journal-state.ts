import type { Entry, EntrySummary, Journal, JournalFilter, JournalView, TagCount, Template, UpdateEntry } from './journal-types';

export interface Notice {
  id: number;
  message: string;
  tone: 'success' | 'danger';
}

export interface JournalState {
  journals: Journal[];
  tags: TagCount[];
  templates: Template[];
  view: JournalView;
  filter: JournalFilter;
  entries: EntrySummary[];
  cursor: string | null;
  /** True while a page of the timeline is on its way. */
  loading: boolean;
  listError: string | null;
  openId: string | null;
  entry: Entry | null;
  entryError: string | null;
  /** The locked journal waiting for the master password, when one was picked. */
  unlocking: Journal | null;
  notice: Notice | null;

  start(): () => void;
  refresh(): Promise<void>;
  setView(view: JournalView): void;
  setFilter(filter: Partial<JournalFilter>): void;
  loadMore(): Promise<void>;
  open(id: string | null): Promise<void>;
  /** Replaces the open entry (after a version was restored): the editor starts again from it. */
  setEntry(entry: Entry): void;
  /** Reads the open entry again (after an attachment was added or removed), keeping the editor. */
  reloadEntry(id: string): Promise<void>;
  /** Bumped by `setEntry`, so the editor rebuilds its draft from the restored text. */
  revision: number;
  /** Saves fields of the open entry (autosave); returns the saved entry. */
  save(id: string, patch: Omit<UpdateEntry, 'id'>): Promise<Entry>;
  create(templateId?: string): Promise<void>;
  today(): Promise<void>;
  trash(id: string): Promise<void>;
  restore(id: string): Promise<void>;
  /** Picks a journal in the sidebar: a closed locked one asks for the password first. */
  pickJournal(journal: Journal | null): void;
  unlock(password: string): Promise<void>;
  cancelUnlock(): void;
  say(message: string, tone?: Notice['tone']): void;
}

export const initial = {
  journals: [] as Journal[],
  tags: [] as TagCount[],
  templates: [] as Template[],
  view: 'timeline' as JournalView,
  filter: { journalId: null, tag: null, starred: false } as JournalFilter,
  entries: [] as EntrySummary[],
  cursor: null as string | null,
  loading: true,
  listError: null as string | null,
  openId: null as string | null,
  entry: null as Entry | null,
  entryError: null as string | null,
  unlocking: null as Journal | null,
  notice: null as Notice | null,
  revision: 0,
};
