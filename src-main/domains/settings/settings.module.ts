import type { settingsContract } from '../../../src-shared/domains/settings/settings.contract';
import { coreSettings } from '../../platform/core-settings';
import type { ModuleFactory } from '../../platform/module';

/** The core's settings (idle lock, clipboard, theme) behind the settings contract; a change re-arms the idle lock. */
export const createSettingsModule: ModuleFactory<typeof settingsContract> = (ctx) => {
  const settings = ctx.settings(coreSettings);
  return {
    handlers: {
      get: () => settings.get(),
      set: async (patch) => {
        const next = await settings.set(patch);
        ctx.host.idle.arm(next.autoLockMinutes);
        return next;
      },
    },
  };
};
