import { useEffect, type RefObject } from 'react';
import { describeError } from '../../../lib/errors';
import { isModKey } from '../../../lib/shortcuts';
import { isCancelled, useVaultStore } from '../vault.store';
import { isModShiftKey } from './shortcut-labels';

const dialogOpen = (): boolean => document.querySelector('[role="dialog"][data-state="open"]') !== null;

/**
 * Vault keys (shown in tooltips): Ctrl/⌘+F search, Ctrl/⌘+N new login, Ctrl/⌘+E edit,
 * Ctrl/⌘+Shift+C copy password and Ctrl/⌘+Shift+T copy the one-time code (both copied in main),
 * Ctrl/⌘+B copy username (not a secret: the browser clipboard). Escape is handled where it closes
 * something (dialogs, the editor, the generator, the search box).
 */
export function useVaultShortcuts(searchRef: RefObject<HTMLInputElement | null>): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || dialogOpen()) return;
      const store = useVaultStore.getState();
      const item = store.editor ? null : store.detail;
      const fail = (err: unknown) => {
        if (!isCancelled(err)) store.notify(describeError(err), 'danger');
      };
      if (isModKey(event, 'f')) {
        searchRef.current?.focus();
        searchRef.current?.select();
      } else if (isModKey(event, 'n')) {
        store.startCreate('login');
      } else if (isModKey(event, 'e') && item && !item.deletedAt) {
        store.startEdit();
      } else if (isModShiftKey(event, 'c') && item?.login?.hasPassword) {
        void store.copy(item.id, 'password', 'Password copied').catch(fail);
      } else if (isModShiftKey(event, 't') && item?.hasTotp) {
        void store.copy(item.id, 'totpSecret', 'Code copied').catch(fail);
      } else if (isModKey(event, 'b') && item?.login?.username) {
        void store.copyPlain(item.login.username, 'Username');
      } else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [searchRef]);
}
