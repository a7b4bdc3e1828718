import { DEFAULT_SETTINGS, Settings } from '../../src-shared/domains/settings/settings.schemas';
import { defineSettings } from './settings-store';

/** The core's own settings (idle lock, clipboard, theme): namespace `core`, served by the `settings` contract. */
export const coreSettings = defineSettings<Settings>({ namespace: 'core', schema: Settings, defaults: DEFAULT_SETTINGS });
