import { defineContract, op } from '../../ipc/define';
import { NoInput } from '../../lib/schema';
import { Settings, SettingsPatch } from './settings.schemas';

export const settingsContract = defineContract('settings', {
  /** All settings of the unlocked profile, defaults filled in. */
  get: op({ input: NoInput, output: Settings, summary: 'Read settings' }),
  /** Changes the given settings and returns them all. */
  set: op({ input: SettingsPatch, output: Settings, summary: 'Change settings' }),
});
