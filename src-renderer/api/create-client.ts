import { appContracts, type AppClient } from '../../src-shared/ipc/channels';
import { listenerName, type Contract } from '../../src-shared/ipc/define';
import { AppError, type Result } from '../../src-shared/ipc/result';
import type { Transport } from './transport';

/** Returns the value of a Result, or throws it as an `AppError` (the project-wide choice, docs/architecture.md#contract). */
export function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  throw AppError.fromData(result.error);
}

/**
 * Builds the typed client from the contracts: one async function per op and one `onX` per event,
 * for every domain in `appContracts`. No op or event name is written by hand anywhere.
 */
export function createClient(transport: Transport): AppClient {
  const client: Record<string, Record<string, unknown>> = {};
  for (const [domain, contract] of Object.entries(appContracts) as [string, Contract][]) {
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
