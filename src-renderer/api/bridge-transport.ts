import type { AppBridge } from '../../src-shared/ipc/channels';
import { listenerName } from '../../src-shared/ipc/define';
import type { Result } from '../../src-shared/ipc/result';
import { transportFailure, type Transport } from './transport';

type Member = (arg: unknown) => unknown;

/** Looks up `bridge[domain][name]` without trusting that the preload exposes it. */
function member(bridge: AppBridge, domain: string, name: string): Member | null {
  const table: unknown = Reflect.get(bridge, domain);
  if (typeof table !== 'object' || table === null) return null;
  const fn: unknown = Reflect.get(table, name);
  return typeof fn === 'function' ? (fn as Member) : null;
}

/** Electron: the preload's `window.hearth` already returns Results and offers `onX` subscriptions. */
export function createBridgeTransport(bridge: AppBridge): Transport {
  return {
    async call(domain, op, input) {
      const fn = member(bridge, domain, op);
      if (!fn) return { ok: false, error: { code: 'UNKNOWN_OPERATION', message: `Unknown operation: ${domain}:${op}` } };
      try {
        return (await fn(input)) as Result<unknown>;
      } catch {
        return transportFailure('Hearth could not reach its main process.');
      }
    },
    listen(domain, event, listener) {
      const subscribe = member(bridge, domain, listenerName(event));
      if (!subscribe) return () => undefined;
      const unsubscribe: unknown = subscribe(listener);
      return typeof unsubscribe === 'function' ? () => void (unsubscribe as () => unknown)() : () => undefined;
    },
    resetAfterLock() {
      // Main reloads the window on lock; nothing to do here.
    },
  };
}
