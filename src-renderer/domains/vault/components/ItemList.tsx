import { LockKeyhole, Search, SearchX, ShieldCheck, Star, Trash2, Upload, X } from 'lucide-react';
import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { ItemSummary } from '../../../../src-shared/domains/vault/vault.schemas';
import { shortcutLabel } from '../../../lib/shortcuts';
import { Button } from '../../../ui/Button';
import { cx } from '../../../ui/cx';
import { EmptyState } from '../../../ui/EmptyState';
import { Kbd } from '../../../ui/Kbd';
import { Spinner } from '../../../ui/Spinner';
import { useVaultStore, type VaultFilter } from '../vault.store';
import { HealthView } from './HealthView';
import { ITEM_TYPES, ItemIcon } from './ItemIcon';
import { NewItemMenu } from './NewItemMenu';

/** Rows are a fixed height so the list can render only what is visible (10,000 items stay smooth). */
const ROW_HEIGHT = 52;
const OVERSCAN = 10;

export function filterTitle(filter: VaultFilter): string {
  switch (filter.kind) {
    case 'all':
      return 'All items';
    case 'favorites':
      return 'Favorites';
    case 'recent':
      return 'Recently used';
    case 'type':
      return ITEM_TYPES[filter.type].plural;
    case 'folder':
    case 'tag':
      return filter.name;
    case 'trash':
      return 'Trash';
    case 'health':
      return 'Password health';
  }
}

function Row({ item, selected, onSelect }: { item: ItemSummary; selected: boolean; onSelect(): void }) {
  return (
    <div
      id={`vault-item-${item.id}`}
      role="option"
      aria-selected={selected}
      data-testid="vault-item"
      onClick={onSelect}
      className={cx('mx-2 flex h-[48px] cursor-default items-center gap-3 rounded-lg px-2.5 select-none', selected ? 'bg-accent-soft' : 'hover:bg-hover/70')}
    >
      <ItemIcon type={item.type} />
      <div className="min-w-0 flex-1">
        <div className="flex items-center gap-1.5">
          <span className="truncate text-[13px] font-medium text-text">{item.title}</span>
          {item.favorite ? <Star className="size-3 shrink-0 fill-warning text-warning" aria-label="Favorite" /> : null}
          {item.reprompt ? <LockKeyhole className="size-3 shrink-0 text-faint" aria-label="Asks for the master password" /> : null}
        </div>
        <div className="truncate text-xs text-muted">{item.subtitle || item.urls[0] || ITEM_TYPES[item.type].label}</div>
      </div>
    </div>
  );
}

function ListEmpty({ filter, query, onImport }: { filter: VaultFilter; query: string; onImport(): void }) {
  if (query.trim()) {
    return (
      <EmptyState icon={SearchX} title="No matches">
        Nothing matches “{query.trim()}”. Search covers titles, usernames, websites, tags, folders and notes.
      </EmptyState>
    );
  }
  if (filter.kind === 'trash')
    return (
      <EmptyState icon={Trash2} title="Trash is empty">
        Deleted items stay here for 30 days.
      </EmptyState>
    );
  if (filter.kind === 'favorites')
    return (
      <EmptyState icon={Star} title="No favorites yet">
        Star an item to keep it here.
      </EmptyState>
    );
  if (filter.kind !== 'all')
    return (
      <EmptyState icon={SearchX} title="Nothing here">
        No items in {filterTitle(filter).toLowerCase()}.
      </EmptyState>
    );
  return (
    <EmptyState icon={ShieldCheck} title="Your vault is empty">
      <p>Add your first login, or bring everything over from another password manager.</p>
      <div className="mt-4 flex justify-center gap-2">
        <NewItemMenu />
        <Button size="sm" icon={Upload} onClick={onImport}>
          Import
        </Button>
      </div>
    </EmptyState>
  );
}

/** Keeps the selected row in view when the selection moves with the keyboard. */
function useScrollToSelected(ref: RefObject<HTMLDivElement | null>, index: number) {
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || index < 0) return;
    const top = index * ROW_HEIGHT;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (top + ROW_HEIGHT > el.scrollTop + el.clientHeight) el.scrollTop = top + ROW_HEIGHT - el.clientHeight;
  }, [ref, index]);
}

/** The middle pane: instant search, the item list with keyboard navigation, empty states. */
export function ItemList({ searchRef, onOpen, onImport }: { searchRef: RefObject<HTMLInputElement | null>; onOpen(): void; onImport(): void }) {
  const { items, filter, query, selectedId, listLoading, listError } = useVaultStore(
    useShallow((s) => ({ items: s.items, filter: s.filter, query: s.query, selectedId: s.selectedId, listLoading: s.listLoading, listError: s.listError })),
  );
  const setQuery = useVaultStore((s) => s.setQuery);
  const select = useVaultStore((s) => s.select);
  const moveSelection = useVaultStore((s) => s.moveSelection);
  const scrollRef = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewHeight, setViewHeight] = useState(800);
  const selectedIndex = items.findIndex((i) => i.id === selectedId);
  useScrollToSelected(scrollRef, selectedIndex);

  useEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setViewHeight(el.clientHeight));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      moveSelection(event.key === 'ArrowDown' ? 1 : -1);
    } else if (event.key === 'Enter' && selectedId) {
      event.preventDefault();
      onOpen();
    } else if (event.key === 'Escape' && event.currentTarget === searchRef.current && query) {
      event.preventDefault();
      event.stopPropagation();
      setQuery('');
    }
  };

  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(items.length, Math.ceil((scrollTop + viewHeight) / ROW_HEIGHT) + OVERSCAN);

  return (
    <section aria-label="Items" className="flex w-[320px] shrink-0 flex-col border-r border-line bg-surface @max-3xl:w-[260px]">
      <div className="flex flex-col gap-2.5 border-b border-line px-3 pt-3 pb-2.5">
        <div className="flex items-center gap-2">
          <div className="relative min-w-0 flex-1">
            <Search className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-faint" aria-hidden />
            <input
              ref={searchRef}
              type="search"
              value={query}
              onChange={(e) => setQuery(e.target.value)}
              onKeyDown={onKeyDown}
              placeholder="Search vault"
              aria-label="Search vault"
              aria-controls="vault-item-list"
              aria-keyshortcuts="Control+F Meta+F"
              spellCheck={false}
              autoComplete="off"
              className="field-input h-8 pr-14 pl-8 text-[13px] [&::-webkit-search-cancel-button]:hidden"
            />
            <span className="absolute top-1/2 right-2 flex -translate-y-1/2 items-center">
              {query ? (
                <button type="button" aria-label="Clear search" onClick={() => setQuery('')} className="rounded p-0.5 text-faint hover:text-text">
                  <X className="size-3.5" aria-hidden />
                </button>
              ) : (
                <Kbd>{shortcutLabel('F')}</Kbd>
              )}
            </span>
          </div>
          <NewItemMenu compact />
        </div>
        <div className="flex items-center justify-between px-0.5 text-xs text-muted">
          <span className="truncate font-medium text-text" data-testid="list-title">
            {filterTitle(filter)}
          </span>
          <span className="flex items-center gap-1.5 tabular-nums">
            {listLoading && filter.kind !== 'health' ? <Spinner className="size-3" /> : null}
            {filter.kind === 'health' ? null : `${items.length} ${items.length === 1 ? 'item' : 'items'}`}
          </span>
        </div>
      </div>
      <div
        ref={scrollRef}
        id="vault-item-list"
        role="listbox"
        aria-label={filterTitle(filter)}
        aria-activedescendant={selectedId && selectedIndex >= 0 ? `vault-item-${selectedId}` : undefined}
        tabIndex={0}
        onKeyDown={onKeyDown}
        onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
        className="relative min-h-0 flex-1 overflow-y-auto py-1.5 outline-none focus-visible:ring-2 focus-visible:ring-focus/40 focus-visible:ring-inset"
      >
        {filter.kind === 'health' ? (
          <HealthView />
        ) : listError ? (
          <p role="alert" className="m-3 rounded-lg bg-danger-soft px-3 py-2 text-[13px] text-danger">
            {listError}
          </p>
        ) : items.length === 0 && !listLoading ? (
          <ListEmpty filter={filter} query={query} onImport={onImport} />
        ) : (
          <VirtualRows first={first} last={last} total={items.length}>
            {items.slice(first, last).map((item) => (
              <Row key={item.id} item={item} selected={item.id === selectedId} onSelect={() => void select(item.id)} />
            ))}
          </VirtualRows>
        )}
      </div>
    </section>
  );
}

/**
 * Spacers above and below the rendered slice keep the scrollbar true to the whole list.
 * CSP note: React applies `style` through the CSSOM (element.style), which `style-src 'self'` does not
 * govern; only style attributes in markup and <style> elements are refused.
 */
function VirtualRows({ first, last, total, children }: { first: number; last: number; total: number; children: ReactNode }) {
  return (
    <>
      <div aria-hidden style={{ height: first * ROW_HEIGHT }} />
      <div className="flex flex-col gap-1">{children}</div>
      <div aria-hidden style={{ height: Math.max(0, total - last) * ROW_HEIGHT }} />
    </>
  );
}
