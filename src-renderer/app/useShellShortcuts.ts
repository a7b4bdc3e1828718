import { useEffect } from 'react';
import { useProfileStore } from '../domains/profile/profile.store';
import { isAltKey, isModKey } from '../lib/shortcuts';
import { MODULES } from './modules';
import { useNavigationStore } from './navigation.store';

/**
 * Shell-wide keys while unlocked: Ctrl/⌘+1…7 open modules, Ctrl/⌘+L locks, Ctrl/⌘+, opens Settings.
 * A browser keeps Ctrl+1…7 and Ctrl+L for itself, so Alt+1…7 and Alt+L do the same (shown in the UI);
 * "?" lists every shortcut.
 * Keyboard and pointer activity is reported to main (throttled in the store) to push the idle lock back.
 */
/** True in a text field, where "?" is a character, not a shortcut. */
const isTyping = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));

export function useShellShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const nav = useNavigationStore.getState();
      const target = MODULES.find((m) => isModKey(event, m.shortcut) || isAltKey(event, m.shortcut));
      if (target) nav.go(target.id);
      else if (isModKey(event, 'l') || isAltKey(event, 'l')) void useProfileStore.getState().lock();
      else if (isModKey(event, ',')) nav.go('settings');
      else if (event.key === '?' && !event.ctrlKey && !event.metaKey && !event.altKey && !isTyping(event.target)) nav.setHelp(true);
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  useEffect(() => {
    const onActivity = () => useProfileStore.getState().touch();
    const events = ['keydown', 'pointerdown', 'pointermove', 'wheel'] as const;
    for (const name of events) window.addEventListener(name, onActivity, { passive: true, capture: true });
    return () => {
      for (const name of events) window.removeEventListener(name, onActivity, { capture: true });
    };
  }, []);
}
