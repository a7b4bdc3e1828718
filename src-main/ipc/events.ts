import type { z } from 'zod';
import { channelOf, type Contract } from '../../src-shared/ipc/define';
import { log } from '../lib/log';

export type EventListener = (channel: string, payload: unknown) => void;

/** Main → renderer events, validated against their contract schema before they leave. */
export interface EventHub {
  emit<C extends Contract, E extends keyof C['events'] & string>(contract: C, event: E, payload: z.input<C['events'][E]>): void;
  subscribe(listener: EventListener): () => void;
}

export function createEventHub(): EventHub {
  const listeners = new Set<EventListener>();
  return {
    emit(contract, event, payload) {
      const schema = contract.events[event];
      const parsed = schema?.safeParse(payload);
      if (!parsed?.success) {
        log.error(`[events] refusing undeclared or invalid event ${contract.name}:${event}`);
        return;
      }
      const channel = channelOf(contract.name, event);
      for (const l of listeners) l(channel, parsed.data);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
