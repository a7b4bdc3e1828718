import { useEffect } from 'react';
import type { Settings } from '../../src-shared/domains/settings/settings.schemas';
import { useSettingsStore } from '../domains/settings/settings.store';
import { uiPrefs } from '../lib/ui-prefs';

/** Puts the theme class on <html>: none follows the OS (prefers-color-scheme), else forces light or dark. */
export function applyTheme(theme: Settings['theme']): void {
  const root = document.documentElement;
  root.classList.toggle('theme-light', theme === 'light');
  root.classList.toggle('theme-dark', theme === 'dark');
}

/** Keeps <html> in step with the profile's theme setting (the last one used while locked). */
export function useTheme(): void {
  const theme = useSettingsStore((s) => s.settings?.theme ?? null);
  useEffect(() => applyTheme(theme ?? uiPrefs.theme()), [theme]);
}
