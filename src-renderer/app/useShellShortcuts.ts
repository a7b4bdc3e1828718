import { useEffect } from 'react';
import { useProfileStore } from '../domains/profile/profile.store';
import { isModKey } from '../lib/shortcuts';
import { MODULES } from './modules';
import { useNavigationStore } from './navigation.store';

/**
 * Shell-wide keys while unlocked: Ctrl/⌘+1…5 open modules, Ctrl/⌘+L locks, Ctrl/⌘+, opens Settings.
 * Keyboard and pointer activity is reported to main (throttled in the store) to push the idle lock back.
 */
export function useShellShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const nav = useNavigationStore.getState();
      const target = MODULES.find((m) => isModKey(event, m.shortcut));
      if (target) nav.go(target.id);
      else if (isModKey(event, 'l')) void useProfileStore.getState().lock();
      else if (isModKey(event, ',')) nav.go('settings');
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
