import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { defineContract, op } from '../../src-shared/ipc/define';
import { appModules, moduleList } from '../app/modules';
import { describeOperations } from '../cli/core-commands';
import { PASSWORD, testCore } from '../test/helpers';
import { defineModule } from './module';
import { defineSettings } from './settings-store';

// The preload calls contextBridge at import; give it a fake electron so it loads in Node.
vi.mock('electron', () => ({ contextBridge: { exposeInMainWorld: () => undefined }, ipcRenderer: {} }));
const { buildBridge } = await import('../preload/index');

/** A module nobody else knows about: the list is the only place it is registered. */
const dummyContract = defineContract(
  'dummy',
  {
    ping: op({ input: z.strictObject({ n: z.number().int() }), output: z.strictObject({ pong: z.number().int() }), summary: 'Ping the dummy' }),
    bump: op({ input: z.strictObject({}), output: z.strictObject({ count: z.number().int() }), summary: 'Count up in the dummy settings' }),
  },
  { changed: z.strictObject({ ids: z.array(z.string()).max(1000) }) },
);
const counter = defineSettings<{ count: number }>({ namespace: 'dummy', schema: z.strictObject({ count: z.number().int() }), defaults: { count: 0 } });

function dummyModule() {
  const seen = { loads: 0, unlocks: 0, locks: 0 };
  const module = defineModule({
    contract: dummyContract,
    changedTables: ['settings'],
    load: async () => {
      seen.loads += 1;
      return (ctx) => {
        const settings = ctx.settings(counter);
        return {
          handlers: {
            ping: ({ n }) => ({ pong: n + 1 }),
            bump: async () => settings.set({ count: (await settings.get()).count + 1 }),
          },
          onUnlock: () => void (seen.unlocks += 1),
          onLock: () => void (seen.locks += 1),
        };
      };
    },
  });
  return { module, seen };
}

describe('the module list', () => {
  it('is the only place a module is registered: its ops reach the router, the preload bridge and `hearth ops`', async () => {
    const { module, seen } = dummyModule();
    const core = testCore(undefined, { modules: [...moduleList(), module] });

    expect(core.router.has('dummy:ping')).toBe(true);
    expect(seen.loads).toBe(0); // registered, not loaded: a module's code loads on first use

    const contracts = Object.fromEntries(core.modules.map((m) => [m.contract.name, m.contract]));
    const invoked: unknown[][] = [];
    const bridge = buildBridge(
      { invoke: async (...args: unknown[]) => invoked.push(args), on: () => undefined as never, removeListener: () => undefined as never },
      contracts,
    ) as unknown as Record<string, Record<string, (i: unknown) => unknown>>;
    await bridge.dummy!.ping!({ n: 1 });
    expect(invoked).toEqual([['dummy:ping', { n: 1 }]]);
    expect(typeof bridge.dummy!.onChanged).toBe('function');

    expect(describeOperations(core.modules.map((m) => m.contract)).map((o) => o.op)).toEqual(expect.arrayContaining(['dummy:ping', 'dummy:bump']));

    expect((await core.router.dispatch('dummy:ping', { n: 1 }, { transport: 'test' })).ok).toBe(false); // locked
    await core.client.profile.create({ name: 'Dummy', password: PASSWORD });
    expect(seen).toEqual({ loads: 1, unlocks: 1, locks: 0 });
    expect(await core.router.dispatch('dummy:ping', { n: 41 }, { transport: 'test' })).toEqual({ ok: true, value: { pong: 42 } });

    const events: unknown[] = [];
    core.events.subscribe((channel, payload) => events.push([channel, payload]));
    expect(await core.router.dispatch('dummy:bump', {}, { transport: 'test' })).toEqual({ ok: true, value: { count: 1 } });
    expect(events).toEqual([['dummy:changed', { ids: ['dummy.count'] }]]);

    core.profiles.lock('user');
    expect(seen.locks).toBe(1);
  });

  it('loads no domain code for `profile list`', async () => {
    const loads: string[] = [];
    const counted = moduleList().map((m) => ({ ...m, load: () => (loads.push(m.contract.name), m.load()) }));
    const core = testCore(undefined, { modules: counted });
    await core.client.profile.list();
    expect(loads).toEqual(['profile']);
  });

  it('pairs every shared contract with exactly one module', () => {
    expect(Object.keys(appModules).sort()).toEqual(
      moduleList()
        .map((m) => m.contract.name)
        .sort(),
    );
    for (const [name, module] of Object.entries(appModules)) expect(module.contract.name).toBe(name);
  });
});
