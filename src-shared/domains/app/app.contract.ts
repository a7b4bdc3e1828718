import { z } from 'zod';
import { defineContract, op } from '../../ipc/define';
import { NoInput } from '../../lib/schema';

export const AppInfo = z.strictObject({
  name: z.string(),
  version: z.string(),
  platform: z.string(),
  transport: z.enum(['electron', 'web', 'cli', 'test']),
});

export const appContract = defineContract('app', {
  /** Version, platform and transport, fetched once at renderer start (no sendSync). */
  bootstrap: op({ input: NoInput, output: AppInfo, public: true, summary: 'App version and platform' }),
  /** Opens an https: or mailto: link in the system browser, after the main side checks it. */
  openExternal: op({
    input: z.strictObject({ url: z.string().max(2048) }),
    output: z.strictObject({ opened: z.boolean() }),
    public: true,
    summary: 'Open an external link',
  }),
});
