import { Inbox, SearchX } from 'lucide-react';
import { useEffect, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
import type { MessageSummary } from '../../../../src-shared/domains/email/email.schemas';
import { useShallow } from 'zustand/react/shallow';
import { Button } from '../../../ui/Button';
import { Callout } from '../../../ui/Callout';
import { EmptyState } from '../../../ui/EmptyState';
import { Spinner } from '../../../ui/Spinner';
import { plural } from '../email-format';
import { loadMore, selectMessage, useMailStore } from '../email.store';
import { MessageRow } from './MessageRow';

/** The ids the list shows now (the search hits while searching), for j/k. */
export function listedIds(): string[] {
  const s = useMailStore.getState();
  return (s.hits ?? s.messages).map((m) => m.id);
}

/** Selects the next (+1) or previous (-1) listed message. */
export function step(delta: 1 | -1): void {
  const ids = listedIds();
  const at = ids.indexOf(useMailStore.getState().selectedId ?? '');
  const next = ids[at < 0 ? (delta > 0 ? 0 : ids.length - 1) : Math.min(ids.length - 1, Math.max(0, at + delta))];
  if (next) selectMessage(next);
}

function Centered({ children }: { children: ReactNode }) {
  return <div className="flex h-full items-center justify-center gap-2 text-[13px] text-muted">{children}</div>;
}

/**
 * The middle pane as one listbox: the folder's messages newest first (a page at a time, "Load more"), or the search
 * hits with their highlights. ↑/↓ (and j/k anywhere on the page) move; Enter opens the message pane.
 */
export function MessageList({ listRef, onOpen, onImport }: { listRef: RefObject<HTMLUListElement | null>; onOpen(): void; onImport(): void }) {
  const s = useMailStore(
    useShallow((st) => ({
      messages: st.messages,
      total: st.total,
      nextCursor: st.nextCursor,
      listLoading: st.listLoading,
      moreLoading: st.moreLoading,
      listError: st.listError,
      query: st.query,
      hits: st.hits,
      searchTotal: st.searchTotal,
      searchError: st.searchError,
      selectedId: st.selectedId,
      empty: st.folders !== null && st.folders.length === 0,
      view: st.view.kind,
    })),
  );
  const searching = s.query.trim() !== '';
  useEffect(() => {
    if (s.selectedId) document.getElementById(`mail-row-${s.selectedId}`)?.scrollIntoView({ block: 'nearest' });
  }, [s.selectedId]);

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') step(event.key === 'ArrowDown' ? 1 : -1);
    else if (event.key === 'Enter' && s.selectedId) onOpen();
    else return;
    event.preventDefault();
  };

  if (searching) {
    if (s.searchError)
      return (
        <Callout tone="danger" className="m-3">
          {s.searchError}
        </Callout>
      );
    if (!s.hits)
      return (
        <Centered>
          <Spinner /> Searching…
        </Centered>
      );
    if (s.hits.length === 0)
      return (
        <EmptyState icon={SearchX} title="No matches">
          Nothing matches “{s.query.trim()}”. Search covers senders, recipients, subjects, the text and attachment names.
        </EmptyState>
      );
  } else {
    if (s.listError)
      return (
        <Callout tone="danger" className="m-3">
          {s.listError}
        </Callout>
      );
    if (s.listLoading && s.messages.length === 0)
      return (
        <Centered>
          <Spinner /> Loading mail…
        </Centered>
      );
    if (s.messages.length === 0)
      return s.empty && s.view === 'all' ? (
        <EmptyState icon={Inbox} title="No mail archived yet">
          <p>Import an mbox file from Gmail Takeout or Thunderbird, or a folder of .eml files. Everything is encrypted before it is stored.</p>
          <Button variant="primary" size="sm" className="mt-3" onClick={onImport} data-testid="mail-empty-import">
            Import mail…
          </Button>
        </EmptyState>
      ) : (
        <EmptyState icon={Inbox} title="Nothing here">
          No messages in this {s.view === 'label' ? 'label' : 'folder'}.
        </EmptyState>
      );
  }

  const rows: { m: MessageSummary; highlight?: string }[] = searching
    ? (s.hits ?? []).map((h) => ({ m: h, highlight: h.highlight }))
    : s.messages.map((m) => ({ m }));
  const count = searching ? s.searchTotal : s.total;
  return (
    <div className="flex min-h-0 flex-1 flex-col">
      <p className="shrink-0 border-b border-line px-3 py-1 text-[11px] text-faint" data-testid={searching ? 'mail-search-count' : 'mail-list-count'}>
        {searching ? `${plural(count, 'match', 'matches')}` : plural(count, 'message')}
      </p>
      <ul
        ref={listRef}
        role="listbox"
        tabIndex={0}
        aria-label={searching ? 'Search results' : 'Messages'}
        aria-activedescendant={s.selectedId ? `mail-row-${s.selectedId}` : undefined}
        onKeyDown={onKeyDown}
        className="min-h-0 flex-1 overflow-y-auto outline-none focus-visible:ring-2 focus-visible:ring-focus/40 focus-visible:ring-inset"
        data-testid={searching ? 'mail-hits' : 'mail-list'}
      >
        {rows.map(({ m, highlight }) => (
          <MessageRow key={m.id} m={m} highlight={highlight} active={m.id === s.selectedId} onPick={() => selectMessage(m.id)} />
        ))}
        {!searching && s.nextCursor ? (
          <li className="flex justify-center p-3">
            <Button size="sm" busy={s.moreLoading} onClick={() => void loadMore()} data-testid="mail-load-more">
              Load more ({(s.total - s.messages.length).toLocaleString()} left)
            </Button>
          </li>
        ) : null}
      </ul>
    </div>
  );
}
