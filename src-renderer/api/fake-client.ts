import type { z } from 'zod';
import type { AppClient, AppContracts, DomainName } from '../../src-shared/ipc/channels';
import { channelOf } from '../../src-shared/ipc/define';
import { AppError, type Result } from '../../src-shared/ipc/result';
import { createClient } from '../../src-shared/ipc/client';
import type { Transport } from './transport';

/**
 * Test support (docs/architecture.md#renderer): a typed fake of `api/client.ts` built from the same contracts, with an
 * in-memory transport. Store tests install it with
 * `vi.mock('../../api/client', async () => (await import('../../api/fake-client')).fakeClientModule)`
 * and configure answers through `fake.handle(...)`.
 */

type OpName<D extends DomainName> = keyof AppContracts[D]['ops'] & string;
type EventName<D extends DomainName> = keyof AppContracts[D]['events'] & string;
type OpOf<D extends DomainName, O extends OpName<D>> = AppContracts[D]['ops'][O] extends { input: infer I; output: infer R } ? { input: I; output: R } : never;
type Input<D extends DomainName, O extends OpName<D>> = OpOf<D, O>['input'] extends z.ZodType ? z.output<OpOf<D, O>['input']> : never;
type Output<D extends DomainName, O extends OpName<D>> = OpOf<D, O>['output'] extends z.ZodType ? z.output<OpOf<D, O>['output']> : never;
type Payload<D extends DomainName, E extends EventName<D>> = AppContracts[D]['events'][E] extends z.ZodType ? z.output<AppContracts[D]['events'][E]> : never;

export type FakeHandler<D extends DomainName, O extends OpName<D>> = (input: Input<D, O>) => Output<D, O> | Promise<Output<D, O>>;

export interface FakeApi {
  client: AppClient;
  /** Every call made, in order, as `<domain>:<op>` with its input. */
  calls: { channel: string; input: unknown }[];
  /** How often the store asked the transport to drop the page after a lock. */
  resets: number;
  /** Sets the answer of one op; throw an AppError inside to make it fail. */
  handle<D extends DomainName, O extends OpName<D>>(domain: D, op: O, handler: FakeHandler<D, O>): void;
  /** Pushes an event to every listener, as main would. */
  emit<D extends DomainName, E extends EventName<D>>(domain: D, event: E, payload: Payload<D, E>): void;
  /** Number of listeners currently subscribed to an event. */
  listenerCount<D extends DomainName>(domain: D, event: EventName<D>): number;
  /** Forgets handlers, calls and listeners. */
  reset(): void;
}

/** Builds a fresh fake API. */
export function createFakeApi(): FakeApi {
  const handlers = new Map<string, (input: unknown) => unknown>();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();

  const transport: Transport = {
    async call(domain, op, input) {
      const channel = channelOf(domain, op);
      fake.calls.push({ channel, input });
      const handler = handlers.get(channel);
      if (!handler) return { ok: false, error: { code: 'UNSUPPORTED', message: `No fake answer for ${channel}` } };
      try {
        return { ok: true, value: await handler(input ?? {}) } satisfies Result<unknown>;
      } catch (err) {
        if (err instanceof AppError) return { ok: false, error: err.toJSON() };
        return { ok: false, error: { code: 'INTERNAL', message: 'Something went wrong inside Hearth.' } };
      }
    },
    listen(domain, event, listener) {
      const channel = channelOf(domain, event);
      const set = listeners.get(channel) ?? new Set();
      set.add(listener);
      listeners.set(channel, set);
      return () => set.delete(listener);
    },
    resetAfterLock() {
      fake.resets += 1;
    },
  };

  const fake: FakeApi = {
    client: createClient(transport),
    calls: [],
    resets: 0,
    handle(domain, op, handler) {
      handlers.set(channelOf(domain, op), handler as (input: unknown) => unknown);
    },
    emit(domain, event, payload) {
      for (const listener of [...(listeners.get(channelOf(domain, event)) ?? [])]) listener(payload);
    },
    listenerCount: (domain, event) => listeners.get(channelOf(domain, event))?.size ?? 0,
    reset() {
      handlers.clear();
      listeners.clear();
      fake.calls.length = 0;
      fake.resets = 0;
    },
  };
  return fake;
}

/** The shared fake used by `fakeClientModule`. */
export const fake = createFakeApi();

/** Drop-in replacement for the exports of `api/client.ts`. */
export const fakeClientModule = {
  api: fake.client,
  resetAfterLock: (): void => {
    fake.resets += 1;
  },
  startTransport: (): void => undefined,
};
