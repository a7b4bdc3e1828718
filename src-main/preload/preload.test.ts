import { describe, expect, it, vi } from 'vitest';
import { appContracts, BRIDGE_KEY } from '../../src-shared/ipc/channels';

// The real preload runs `contextBridge.exposeInMainWorld` at import; replace electron with fakes so the
// module loads in Node and we can see exactly what it exposes.
const fakes = vi.hoisted(() => ({
  exposeInMainWorld: vi.fn(),
  ipcRenderer: { invoke: () => undefined, on: () => undefined, removeListener: () => undefined },
}));
vi.mock('electron', () => ({ contextBridge: { exposeInMainWorld: fakes.exposeInMainWorld }, ipcRenderer: fakes.ipcRenderer }));

const { buildBridge } = await import('./index');

/** A fake ipcRenderer: records invokes; `emit(channel, payload)` delivers like Electron (event first). */
function fakeIpc() {
  type Raw = (...args: unknown[]) => void;
  const listeners = new Map<string, Raw[]>();
  const ipcEvent = { sender: { send: () => undefined }, senderId: 0, ports: [] };
  return {
    invoke: vi.fn(async (...args: unknown[]) => ({ ok: true, value: args })),
    on: vi.fn((channel: string, listener: Raw) => {
      listeners.set(channel, [...(listeners.get(channel) ?? []), listener]);
      return undefined as never;
    }),
    removeListener: vi.fn((channel: string, listener: Raw) => {
      listeners.set(
        channel,
        (listeners.get(channel) ?? []).filter((l) => l !== listener),
      );
      return undefined as never;
    }),
    emit: (channel: string, payload: unknown) => (listeners.get(channel) ?? []).forEach((l) => l(ipcEvent, payload)),
    count: (channel: string) => (listeners.get(channel) ?? []).length,
    ipcEvent,
  };
}

/** The expected surface, computed here independently of the preload's own helpers. */
const expected = Object.fromEntries(
  Object.entries(appContracts).map(([domain, c]) => [
    domain,
    [...Object.keys(c.ops), ...Object.keys(c.events).map((e) => `on${e[0]!.toUpperCase()}${e.slice(1)}`)].sort(),
  ]),
);

type Fn = (...args: unknown[]) => unknown;
const member = (bridge: unknown, domain: string, key: string): Fn => (bridge as Record<string, Record<string, Fn>>)[domain]![key]!;

describe('preload bridge', () => {
  it('exposes the bridge once, under BRIDGE_KEY, and never ipcRenderer', () => {
    expect(fakes.exposeInMainWorld).toHaveBeenCalledOnce();
    const [key, value] = fakes.exposeInMainWorld.mock.calls[0]!;
    expect(key).toBe(BRIDGE_KEY);
    expect(value).not.toBe(fakes.ipcRenderer);
    expect(Object.keys(value as object).sort()).toEqual(Object.keys(appContracts).sort());
  });

  it('has exactly the contract ops and onX events per domain, all functions, frozen', () => {
    const bridge = buildBridge(fakeIpc());
    expect(Object.keys(bridge).sort()).toEqual(Object.keys(expected).sort());
    for (const [domain, keys] of Object.entries(expected)) {
      const api = (bridge as unknown as Record<string, Record<string, unknown>>)[domain]!;
      expect(Object.keys(api).sort()).toEqual(keys);
      for (const k of keys) expect(typeof api[k]).toBe('function');
      expect(Object.isFrozen(api)).toBe(true);
    }
    expect(Object.isFrozen(bridge)).toBe(true);
    for (const generic of ['invoke', 'send', 'on', 'ipcRenderer', 'sendSync']) expect(bridge).not.toHaveProperty(generic);
  });

  it('each op invokes exactly <domain>:<op> with one argument', async () => {
    const ipc = fakeIpc();
    const bridge = buildBridge(ipc);
    for (const [domain, c] of Object.entries(appContracts)) {
      for (const op of Object.keys(c.ops)) {
        ipc.invoke.mockClear();
        const input = { probe: `${domain}.${op}` };
        await member(bridge, domain, op)(input, 'extra', 'args');
        expect(ipc.invoke).toHaveBeenCalledExactlyOnceWith(`${domain}:${op}`, input);
      }
    }
  });

  it('returns what main returned (the Result), untouched', async () => {
    const ipc = fakeIpc();
    ipc.invoke.mockResolvedValueOnce({ ok: false, value: ['x'] });
    await expect(member(buildBridge(ipc), 'session', 'status')()).resolves.toEqual({ ok: false, value: ['x'] });
  });

  it('listeners get the payload only, never the IpcRendererEvent', () => {
    const ipc = fakeIpc();
    const listener = vi.fn();
    member(buildBridge(ipc), 'session', 'onLocked')(listener);
    expect(ipc.on).toHaveBeenCalledWith('session:locked', expect.any(Function));
    ipc.emit('session:locked', { reason: 'idle' });
    expect(listener).toHaveBeenCalledOnce();
    expect(listener.mock.calls[0]).toEqual([{ reason: 'idle' }]);
    expect(listener.mock.calls[0]).not.toContain(ipc.ipcEvent);
  });

  it('unsubscribe removes exactly that listener, and twice is harmless', () => {
    const ipc = fakeIpc();
    const bridge = buildBridge(ipc);
    const first = vi.fn();
    const second = vi.fn();
    const off = member(bridge, 'session', 'onLocked')(first) as () => void;
    member(bridge, 'session', 'onLocked')(second);
    off();
    off();
    ipc.emit('session:locked', { reason: 'user' });
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledOnce();
    expect(ipc.removeListener).toHaveBeenCalledOnce();
    expect(ipc.count('session:locked')).toBe(1);
  });

  it('refuses a non-function listener', () => {
    expect(() => member(buildBridge(fakeIpc()), 'session', 'onLocked')('session:locked')).toThrow(TypeError);
  });
});
