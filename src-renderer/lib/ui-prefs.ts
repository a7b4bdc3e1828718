import { LockReason } from '../../src-shared/domains/session/session.contract';
import type { Settings } from '../../src-shared/domains/settings/settings.schemas';

/**
 * The only things the renderer keeps in web storage: which profile to offer first, the theme (so the
 * unlock screen matches), and why the last lock happened (this tab only). Nothing secret, ever
 * (docs/security.md#what-reaches-the-renderer).
 */
const LAST_PROFILE = 'hearth.lastProfileId';
const THEME = 'hearth.theme';
const LOCK_NOTICE = 'hearth.lockReason';

function safely<T>(fn: () => T, fallback: T): T {
  try {
    return fn();
  } catch {
    return fallback;
  }
}

export const uiPrefs = {
  lastProfileId: (): string | null => safely(() => localStorage.getItem(LAST_PROFILE), null),
  setLastProfileId: (id: string | null): void => safely(() => (id ? localStorage.setItem(LAST_PROFILE, id) : localStorage.removeItem(LAST_PROFILE)), undefined),

  theme: (): Settings['theme'] => {
    const value = safely(() => localStorage.getItem(THEME), null);
    return value === 'light' || value === 'dark' ? value : 'system';
  },
  setTheme: (theme: Settings['theme']): void => safely(() => localStorage.setItem(THEME, theme), undefined),

  /** Reads and forgets the reason of the lock that caused the last reload. */
  takeLockReason: (): LockReason | null =>
    safely(() => {
      const value = sessionStorage.getItem(LOCK_NOTICE);
      sessionStorage.removeItem(LOCK_NOTICE);
      return LockReason.options.find((r) => r === value) ?? null;
    }, null),
  setLockReason: (reason: LockReason): void => safely(() => sessionStorage.setItem(LOCK_NOTICE, reason), undefined),
};
