import { BRIDGE_KEY, type AppBridge, type AppClient } from '../../src-shared/ipc/channels';
import { createBridgeTransport } from './bridge-transport';
import { createClient } from './create-client';
import type { Transport } from './transport';
import { createWebTransport, takeToken } from './web-transport';

/** Picks the transport once: the Electron preload bridge when present, browser mode otherwise. */
function selectTransport(): Transport {
  const bridge: unknown = Reflect.get(window, BRIDGE_KEY);
  if (typeof bridge === 'object' && bridge !== null) return createBridgeTransport(bridge as AppBridge);
  return createWebTransport({
    token: takeToken(window) ?? '',
    fetch: window.fetch.bind(window),
    reload: () => window.location.reload(),
  });
}

let selected: Transport | null = null;
const currentTransport = (): Transport => (selected ??= selectTransport());

/** The one typed API of the renderer. Store actions call it; components never do. */
export const api: AppClient = createClient({
  call: (domain, op, input) => currentTransport().call(domain, op, input),
  listen: (domain, event, listener) => currentTransport().listen(domain, event, listener),
  resetAfterLock: () => currentTransport().resetAfterLock(),
});

/**
 * Called by the profile store once it has dropped its state after a lock: browser mode reloads the
 * page so nothing from the session survives in memory; under Electron main reloads the window.
 */
export function resetAfterLock(): void {
  currentTransport().resetAfterLock();
}

/** Reads the browser-mode token from the URL at start, before anything can render or log the URL. */
export function startTransport(): void {
  currentTransport();
}
