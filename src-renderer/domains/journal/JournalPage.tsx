import { CalendarCheck, Search, Settings2, X } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { shortcutLabel } from '../../lib/shortcuts';
import { Button } from '../../ui/Button';
import { Callout } from '../../ui/Callout';
import { cx } from '../../ui/cx';
import { Spinner } from '../../ui/Spinner';
import { CalendarView } from './components/CalendarView';
import { CheckinsView } from './components/CheckinsView';
import { ExportDialog } from './components/ExportDialog';
import { ImportDialog } from './components/ImportDialog';
import { JournalNotice } from './components/JournalNotice';
import { JournalSidebar } from './components/JournalSidebar';
import { MediaView } from './components/MediaView';
import { NewEntryMenu } from './components/NewEntryMenu';
import { NewJournalDialog } from './components/NewJournalDialog';
import { OnThisDayView } from './components/OnThisDayView';
import { SearchView } from './components/SearchView';
import { Timeline } from './components/Timeline';
import { UnlockJournalDialog } from './components/UnlockJournalDialog';
import { useJournalShortcuts } from './components/useJournalShortcuts';
import { EntryEditor } from './editor/EntryEditor';
import { useJournalStore } from './journal.store';

const VIEWS = { calendar: CalendarView, onthisday: OnThisDayView, media: MediaView, checkins: CheckinsView } as const;

/**
 * The journal: journals, views and tags on the left; the timeline (or calendar, on this day, media,
 * check-ins, trash, search results) in the middle; the open entry on the right. In a narrow window the
 * open entry takes the place of the middle list (with a Back button).
 */
export function JournalPage() {
  const { start, view, openId, entry, entryError, journals, revision } = useJournalStore(
    useShallow((s) => ({
      start: s.start,
      view: s.view,
      openId: s.openId,
      entry: s.entry,
      entryError: s.entryError,
      journals: s.journals,
      revision: s.revision,
    })),
  );
  const { open, today } = useJournalStore(useShallow((s) => ({ open: s.open, today: s.today })));
  const [query, setQuery] = useState('');
  const [dialog, setDialog] = useState<'journal' | 'settings' | 'import' | 'export' | null>(null);
  const current = useJournalStore((s) => s.journals.find((j) => j.id === s.filter.journalId));
  const searchRef = useRef<HTMLInputElement>(null);
  useJournalShortcuts(searchRef);
  useEffect(() => start(), [start]);

  const searching = query.trim() !== '';
  const Other = !searching && view in VIEWS ? VIEWS[view as keyof typeof VIEWS] : null;
  const wide = view === 'calendar' || view === 'checkins' || view === 'media';
  return (
    <div className="@container h-full">
      <div className="flex h-full min-h-0" data-testid="journal-page">
        <JournalSidebar onNewJournal={() => setDialog('journal')} onImport={() => setDialog('import')} onExport={() => setDialog('export')} />
        <section
          aria-label="Entries"
          className={cx(
            'flex min-w-0 flex-col border-r border-line',
            openId
              ? wide && !searching
                ? 'hidden @min-[960px]:flex @min-[960px]:w-[46%]'
                : 'hidden @min-[960px]:flex @min-[960px]:w-[320px] @min-[960px]:shrink-0'
              : 'flex-1',
          )}
        >
          <div className="flex h-11 shrink-0 items-center gap-2 border-b border-line px-3">
            <label className="relative flex min-w-0 flex-1 items-center">
              <Search className="pointer-events-none absolute left-2 size-3.5 text-faint" aria-hidden />
              <input
                ref={searchRef}
                type="search"
                aria-label="Search entries"
                placeholder={openId ? 'Search' : `Search (${shortcutLabel('K')})`}
                value={query}
                maxLength={500}
                onChange={(e) => setQuery(e.target.value)}
                onKeyDown={(e) => e.key === 'Escape' && setQuery('')}
                className="field-input h-8 pr-7 pl-7 text-[13px] [&::-webkit-search-cancel-button]:hidden"
              />
              {searching ? (
                <button type="button" aria-label="Clear search" onClick={() => setQuery('')} className="absolute right-2 text-faint hover:text-text">
                  <X className="size-3.5" aria-hidden />
                </button>
              ) : null}
            </label>
            {current ? (
              <Button
                size="sm"
                variant="ghost"
                icon={Settings2}
                aria-label={`Settings of ${current.name}`}
                title="Journal settings"
                onClick={() => setDialog('settings')}
              />
            ) : null}
            <Button size="sm" icon={CalendarCheck} onClick={() => void today()} title="Today's entry (Alt+D)" disabled={journals.length === 0}>
              <span className={openId ? 'sr-only' : '@max-3xl:sr-only'}>Today</span>
            </Button>
            <NewEntryMenu compact={openId !== null} />
          </div>
          <div className="min-h-0 flex-1">{searching ? <SearchView query={query.trim()} /> : Other ? <Other /> : <Timeline trash={view === 'trash'} />}</div>
        </section>
        {openId ? (
          <section aria-label="Entry" className="@container min-w-0 flex-1 bg-surface">
            {entry && entry.id === openId ? (
              <EntryEditor
                key={`${entry.id}:${revision}`}
                entry={entry}
                journal={journals.find((j) => j.id === entry.journalId)}
                onBack={() => void open(null)}
              />
            ) : entryError ? (
              <Callout tone="danger" className="m-4">
                This entry could not be opened: {entryError}
              </Callout>
            ) : (
              <p className="flex items-center gap-2 p-6 text-[13px] text-muted">
                <Spinner /> Opening…
              </p>
            )}
          </section>
        ) : null}
      </div>
      <NewJournalDialog open={dialog === 'journal'} onOpenChange={(o) => setDialog(o ? 'journal' : null)} />
      <NewJournalDialog
        key={current?.id}
        journal={current}
        open={dialog === 'settings' && current !== undefined}
        onOpenChange={(o) => setDialog(o ? 'settings' : null)}
      />
      <ImportDialog open={dialog === 'import'} onOpenChange={(o) => setDialog(o ? 'import' : null)} />
      <ExportDialog open={dialog === 'export'} onOpenChange={(o) => setDialog(o ? 'export' : null)} />
      <UnlockJournalDialog />
      <JournalNotice />
    </div>
  );
}
