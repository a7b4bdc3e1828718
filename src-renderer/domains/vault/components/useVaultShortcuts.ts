import { useEffect, type RefObject } from 'react';
import { describeError } from '../../../lib/errors';
import { isAltKey, isModKey } from '../../../lib/shortcuts';
import { isCancelled, useVaultStore } from '../vault.store';
import { isModShiftKey } from './shortcut-labels';

const dialogOpen = (): boolean => document.querySelector('[role="dialog"][data-state="open"]') !== null;

/**
 * Vault keys (shown in tooltips): Ctrl/⌘+F search, Ctrl/⌘+N new login, Ctrl/⌘+E edit,
 * Ctrl/⌘+Shift+C copy password and Ctrl/⌘+Shift+T copy the one-time code (both copied in main),
 * Ctrl/⌘+B copy username (not a secret: the browser clipboard). A browser keeps Ctrl+N and
 * Ctrl+Shift+T/C for itself, so Alt+N, Alt+E, Alt+C (password), Alt+T (code) and Alt+B work everywhere
 * and are shown beside the Ctrl keys in the tooltips. Escape is handled where it closes
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
      } else if (isModKey(event, 'n') || isAltKey(event, 'n')) {
        store.startCreate('login');
      } else if ((isModKey(event, 'e') || isAltKey(event, 'e')) && item && !item.deletedAt) {
        store.startEdit();
      } else if ((isModShiftKey(event, 'c') || isAltKey(event, 'c')) && item?.login?.hasPassword) {
        void store.copy(item.id, 'password', 'Password copied').catch(fail);
      } else if ((isModShiftKey(event, 't') || isAltKey(event, 't')) && item?.hasTotp) {
        void store.copy(item.id, 'totpSecret', 'Code copied').catch(fail);
      } else if ((isModKey(event, 'b') || isAltKey(event, 'b')) && item?.login?.username) {
        void store.copyPlain(item.login.username, 'Username');
      } else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [searchRef]);
}
