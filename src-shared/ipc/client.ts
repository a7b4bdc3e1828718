import { appContracts, type AppClient } from './channels';
import { listenerName, type Contract } from './define';
import { AppError, type Result } from './result';

/** How a client reaches main: the Electron bridge, browser mode's HTTP, or (in main's tests and CLI) the router. */
export interface CallTransport {
  /** Calls `<domain>:<op>`; always resolves to a Result (transport failures become INTERNAL). */
  call(domain: string, op: string, input: unknown): Promise<Result<unknown>>;
  /** Subscribes to `<domain>:<event>`; returns the unsubscribe function. */
  listen(domain: string, event: string, listener: (payload: unknown) => void): () => void;
}

/** Returns the value of a Result, or throws it as an `AppError` (the project-wide choice, docs/architecture.md#contract). */
export function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  throw AppError.fromData(result.error);
}

/**
 * Builds the typed client from the contracts: one async function per op and one `onX` per event, for
 * every domain in `contracts`. The renderer, the CLI and the tests all call through it
 * (`client.vault.list({...})`): a misspelt op or a wrong argument is a compile error everywhere.
 */
export function createClient<C extends Record<string, Contract> = typeof appContracts>(transport: CallTransport, contracts?: C): AppClient {
  const client: Record<string, Record<string, unknown>> = {};
  for (const [domain, contract] of Object.entries(contracts ?? appContracts) as [string, Contract][]) {
    const members: Record<string, unknown> = {};
    for (const op of Object.keys(contract.ops)) {
      members[op] = async (input?: unknown) => unwrap(await transport.call(domain, op, input));
    }
    for (const event of Object.keys(contract.events)) {
      members[listenerName(event)] = (listener: (payload: unknown) => void) => transport.listen(domain, event, listener);
    }
    client[domain] = Object.freeze(members);
  }
  // The loop above produces exactly the members ClientOf<> computes from the same contracts.
  return Object.freeze(client) as unknown as AppClient;
}
