import { create } from 'zustand';
import type { Settings, SettingsPatch } from '../../../src-shared/domains/settings/settings.schemas';
import { api } from '../../api/client';
import { describeError } from '../../lib/errors';
import { onSessionReset } from '../../lib/session-reset';
import { uiPrefs } from '../../lib/ui-prefs';

interface SettingsState {
  /** Settings of the unlocked profile; null while locked or not loaded yet. */
  settings: Settings | null;
  loading: boolean;
  error: string | null;
  /** Loads the settings of the unlocked profile. */
  load(): Promise<void>;
  /** Applies a change at once and saves it; reverts and rethrows when saving fails. */
  update(patch: SettingsPatch): Promise<void>;
}

const initial = { settings: null, loading: false, error: null } satisfies Partial<SettingsState>;

/** Settings of the unlocked profile (stored encrypted in the profile, never in web storage). */
export const useSettingsStore = create<SettingsState>()((set, get) => ({
  ...initial,

  async load() {
    set({ loading: true, error: null });
    try {
      const settings = await api.settings.get();
      uiPrefs.setTheme(settings.theme);
      set({ settings, loading: false });
    } catch (err) {
      set({ loading: false, error: describeError(err) });
    }
  },

  async update(patch) {
    const previous = get().settings;
    if (previous) set({ settings: { ...previous, ...patch }, error: null });
    try {
      const settings = await api.settings.set(patch);
      uiPrefs.setTheme(settings.theme);
      set({ settings });
    } catch (err) {
      set({ settings: previous, error: describeError(err) });
      throw err;
    }
  },
}));

onSessionReset(() => useSettingsStore.setState(initial));
