import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Contract } from '../../src-shared/ipc/define';
import type { Database } from '../db/database';
import type { HostServices } from './host-services';
import type { SettingsDef } from './settings-store';

/** One row the write path recorded: what a sync server will later read from `change_log`. */
export interface ChangeRow {
  table: string;
  rowId: string;
  op: 'insert' | 'update' | 'delete';
}

/** Tagged log lines for a module (`[vault] …`); never given op inputs or secrets. */
export interface ModuleLogger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string, err?: unknown): void;
}

/** A module's typed view of its settings in the one settings table. */
export interface SettingsAccess<S extends Record<string, unknown>> {
  get(): Promise<S>;
  /** Saves the given keys through the write path; returns the settings after the change. */
  set(patch: Partial<S>): Promise<S>;
}

/**
 * What every module gets from the core (docs/architecture.md#modules). A module never opens its own
 * transaction and never emits its own `changed` event: `write` does both.
 */
export interface DomainContext<C extends Contract = Contract> {
  /** The domain's name (its contract name). */
  readonly name: string;
  /**
   * The open profile's database (throws LOCKED when none is open); inside a write, that write's connection.
   * Reads only: a write outside `write` is refused by the database itself.
   */
  db(): Kysely<Database>;
  /** The clock (ms since the epoch); tests pin it. */
  now(): number;
  /**
   * The one write path: runs `fn` in a transaction, records every row it changes in `change_log`
   * (table, row id, operation, HLC version, device id) in that same transaction, and after the commit
   * emits `<domain>:changed` with the changed row ids (when the contract declares that event).
   * Calls nested inside another write join it.
   */
  write<T>(fn: (trx: Kysely<Database>) => Promise<T>): Promise<T>;
  /** Sends one of this module's declared events (validated against the contract before it leaves). */
  emit<E extends keyof C['events'] & string>(event: E, payload: z.input<C['events'][E]>): void;
  /** Typed settings in the one settings table. */
  settings<S extends Record<string, unknown>>(def: SettingsDef<S>): SettingsAccess<S>;
  log: ModuleLogger;
  /** The core's services: profiles and keys, clipboard, dialogs, resources, front-door facts. */
  readonly host: HostServices;
}
