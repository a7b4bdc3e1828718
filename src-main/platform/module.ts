import type { Contract, ServiceOf } from '../../src-shared/ipc/define';
import type { CliCommand } from '../cli/commands';
import type { ChangeRow, DomainContext } from './context';

/** The domain whose writes are changes received from other devices (src-main/domains/sync/). */
export const SYNC_DOMAIN = 'sync';

/** What a module's factory returns: the contract's handlers and its lifecycle hooks. */
export interface ModuleParts<C extends Contract> {
  handlers: ServiceOf<C>;
  /** After a profile unlocks (purge expired trash, arm timers …). */
  onUnlock?(): Promise<void> | void;
  /** When the profile locks: drop every cached secret and state. Must not throw. */
  onLock?(): void;
  /**
   * After a write to this module's tables commits, before the caller gets its answer. `by` is the domain that
   * wrote: this module itself, or `sync` for changes received from another device (module-runtime.ts).
   */
  onCommitted?(changes: readonly ChangeRow[], by: string): void;
}

export type ModuleFactory<C extends Contract> = (ctx: DomainContext<C>) => ModuleParts<C> | Promise<ModuleParts<C>>;

/**
 * A domain as the core sees it (docs/architecture.md#modules). The contract and CLI commands are light and
 * loaded with the list; `load` imports the domain's code on first use, so `hearth profile list` never loads
 * the vault, and the app loads a domain when the profile unlocks.
 */
export interface HearthModule<C extends Contract = Contract> {
  readonly contract: C;
  load(): Promise<ModuleFactory<C>>;
  /** The tables whose changed row ids the `<domain>:changed` event carries (others change silently). */
  readonly changedTables?: readonly string[];
  readonly commands?: readonly CliCommand[];
}

export const defineModule = <C extends Contract>(module: HearthModule<C>): HearthModule<C> => module;
