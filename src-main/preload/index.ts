import { contextBridge, ipcRenderer, type IpcRenderer, type IpcRendererEvent } from 'electron';
import { appContracts, BRIDGE_KEY, type AppBridge } from '../../src-shared/ipc/channels';
import { channelOf, listenerName, type Contract } from '../../src-shared/ipc/define';

/**
 * The preload: the only code with `ipcRenderer`, running sandboxed and context-isolated. It exposes one
 * named async function per contract op and one `onX` subscription per contract event, generated from
 * `appContracts` (docs/architecture.md#contract). No validation here: main checks sender, schema and lock state.
 * Imports only `electron` and `src-shared/ipc`; vite bundles everything else into preload.cjs.
 */

/** The part of `ipcRenderer` the bridge uses; a fake in tests. */
export type BridgeIpc = Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>;

type Listener = (payload: unknown) => void;

/** Builds the bridge object from the contracts (every module's, by default). Pure apart from the `ipc` it is given. */
export function buildBridge(ipc: BridgeIpc, contracts: Readonly<Record<string, Contract>> = appContracts): AppBridge {
  const bridge: Record<string, Readonly<Record<string, unknown>>> = {};
  for (const [domain, contract] of Object.entries(contracts)) {
    const api: Record<string, unknown> = {};
    for (const op of Object.keys(contract.ops)) {
      // SECURITY: the channel is fixed here from the contract; the renderer never names a channel.
      const channel = channelOf(contract.name, op);
      // Exactly one argument crosses; extra arguments from the page are dropped.
      api[op] = (input?: unknown): Promise<unknown> => ipc.invoke(channel, input);
    }
    for (const event of Object.keys(contract.events)) {
      const channel = channelOf(contract.name, event);
      api[listenerName(event)] = (listener: Listener): (() => void) => {
        if (typeof listener !== 'function') throw new TypeError(`${listenerName(event)} needs a function`);
        // SECURITY: forward the payload only; the IpcRendererEvent (with `sender`) never reaches the page.
        const forward = (_event: IpcRendererEvent, payload: unknown): void => listener(payload);
        ipc.on(channel, forward);
        let subscribed = true;
        return () => {
          if (!subscribed) return;
          subscribed = false;
          ipc.removeListener(channel, forward);
        };
      };
    }
    bridge[domain] = Object.freeze(api);
  }
  // The loops above produce exactly AppBridge's shape (asserted by preload.test.ts); TS cannot follow them.
  return Object.freeze(bridge) as unknown as AppBridge;
}

// SECURITY: expose only the generated bridge, never ipcRenderer itself or a free-form invoke(channel).
contextBridge.exposeInMainWorld(BRIDGE_KEY, buildBridge(ipcRenderer));
