import { BookOpen, RotateCcw, Trash2 } from 'lucide-react';
import { useEffect, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { Button } from '../../../ui/Button';
import { Callout } from '../../../ui/Callout';
import { EmptyState } from '../../../ui/EmptyState';
import { Spinner } from '../../../ui/Spinner';
import { monthLabel } from '../journal-style';
import type { EntrySummary } from '../journal-types';
import { useJournalStore } from '../journal.store';
import { EntryRow } from './EntryRow';

/** Entries grouped by month, newest first (the list is already in that order). */
export function byMonth(entries: readonly EntrySummary[]): { month: string; entries: EntrySummary[] }[] {
  const groups: { month: string; entries: EntrySummary[] }[] = [];
  for (const e of entries) {
    const month = e.entryDate.slice(0, 7);
    const last = groups.at(-1);
    if (last?.month === month) last.entries.push(e);
    else groups.push({ month, entries: [e] });
  }
  return groups;
}

/** The timeline (or the trash): infinite scroll over cursor pages, month headers that stick. */
export function Timeline({ trash = false }: { trash?: boolean }) {
  const { entries, loading, listError, cursor, openId, journals } = useJournalStore(
    useShallow((s) => ({ entries: s.entries, loading: s.loading, listError: s.listError, cursor: s.cursor, openId: s.openId, journals: s.journals })),
  );
  const { loadMore, open, restore, refresh } = useJournalStore(
    useShallow((s) => ({ loadMore: s.loadMore, open: s.open, restore: s.restore, refresh: s.refresh })),
  );
  const sentinel = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const el = sentinel.current;
    if (!el) return undefined;
    const observer = new IntersectionObserver((seen) => seen.some((s) => s.isIntersecting) && void loadMore(), { rootMargin: '400px' });
    observer.observe(el);
    return () => observer.disconnect();
  }, [loadMore, entries.length]);

  if (listError)
    return (
      <div className="p-4">
        <Callout tone="danger">
          The entries could not be loaded: {listError}{' '}
          <button type="button" className="underline" onClick={() => void refresh()}>
            Try again
          </button>
        </Callout>
      </div>
    );
  if (entries.length === 0 && loading)
    return (
      <div className="flex items-center gap-2 p-6 text-[13px] text-muted">
        <Spinner /> Loading entries…
      </div>
    );
  if (entries.length === 0)
    return trash ? (
      <EmptyState icon={Trash2} title="The trash is empty">
        Entries you delete wait here until you restore them.
      </EmptyState>
    ) : (
      <EmptyState icon={BookOpen} title={journals.length === 0 ? 'Start your journal' : 'No entries here yet'}>
        {journals.length === 0
          ? 'Create a journal with the + beside “Journals”, then write your first entry.'
          : 'Press “Today” to write about today, or “New entry” for another day.'}
      </EmptyState>
    );

  return (
    <div className="h-full overflow-y-auto" data-testid={trash ? 'trash-list' : 'timeline'}>
      {byMonth(entries).map((g) => (
        <section key={g.month} aria-label={monthLabel(`${g.month}-01`)}>
          <h3 className="sticky top-0 z-10 border-b border-line bg-canvas/95 px-4 py-1.5 text-[11px] font-semibold tracking-wide text-faint uppercase backdrop-blur">
            {monthLabel(`${g.month}-01`)}
          </h3>
          <ul>
            {g.entries.map((e) =>
              trash ? (
                <li key={e.id} className="flex items-center gap-3 border-b border-line px-4 py-2.5">
                  <span className="min-w-0 flex-1 truncate text-[13px]">{e.displayTitle}</span>
                  <Button size="sm" icon={RotateCcw} onClick={() => void restore(e.id)}>
                    Restore
                  </Button>
                </li>
              ) : (
                <EntryRow key={e.id} entry={e} active={e.id === openId} onOpen={() => void open(e.id)} />
              ),
            )}
          </ul>
        </section>
      ))}
      <div ref={sentinel} className="flex h-10 items-center justify-center text-xs text-faint">
        {loading ? <Spinner /> : cursor === null && entries.length > 20 ? 'The beginning of your journal' : null}
      </div>
    </div>
  );
}
