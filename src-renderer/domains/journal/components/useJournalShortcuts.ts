import { useEffect, type RefObject } from 'react';
import { isAltKey, isModKey } from '../../../lib/shortcuts';
import { useJournalStore } from '../journal.store';

const dialogOpen = (): boolean => document.querySelector('[role="dialog"][data-state="open"]') !== null;

/** True while the user types in a field (including CodeMirror inside its shadow root). */
function typing(event: KeyboardEvent): boolean {
  const target = event.composedPath()[0];
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

/**
 * Journal keys (listed in ShortcutsHelp): Ctrl/⌘+K or "/" search, Ctrl/⌘+N or Alt+N new entry,
 * Alt+D today's entry (Ctrl+D is the browser's bookmark key). Escape in the search box clears it.
 */
export function useJournalShortcuts(searchRef: RefObject<HTMLInputElement | null>): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || dialogOpen()) return;
      const store = useJournalStore.getState();
      if (isModKey(event, 'k') || (event.key === '/' && !typing(event) && !event.ctrlKey && !event.metaKey && !event.altKey)) {
        searchRef.current?.focus();
        searchRef.current?.select();
      } else if (isModKey(event, 'n') || isAltKey(event, 'n')) {
        void store.create();
      } else if (isModKey(event, 'd') || isAltKey(event, 'd')) {
        void store.today();
      } else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [searchRef]);
}
