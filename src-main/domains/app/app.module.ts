import type { appContract } from '../../../src-shared/domains/app/app.contract';
import { checkExternalUrl } from '../../lib/external-url';
import type { ModuleFactory } from '../../platform/module';

/** The app contract: what the renderer asks before anything else, and links out to the system browser. */
export const createAppModule: ModuleFactory<typeof appContract> = ({ host }) => ({
  handlers: {
    bootstrap: () => ({ name: 'Hearth', version: host.version, platform: process.platform, transport: host.transport }),
    openExternal: async ({ url }) => {
      const checked = checkExternalUrl(url);
      if (!checked || !host.openExternal) return { opened: false };
      return { opened: await host.openExternal(checked) };
    },
  },
});
