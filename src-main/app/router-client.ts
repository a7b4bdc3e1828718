import type { AppClient } from '../../src-shared/ipc/channels';
import { createClient } from '../../src-shared/ipc/client';
import { channelOf, type Transport } from '../../src-shared/ipc/define';
import type { Core } from './bootstrap';

/** The typed client straight over the core's router (the CLI and main's tests): same validation as any front door. */
export function routerClient(core: Pick<Core, 'router' | 'events'>, transport: Transport): AppClient {
  return createClient({
    call: (domain, op, input) => core.router.dispatch(channelOf(domain, op), input, { transport }),
    listen: (domain, event, listener) => {
      const wanted = channelOf(domain, event);
      return core.events.subscribe((channel, payload) => {
        if (channel === wanted) listener(payload);
      });
    },
  });
}
