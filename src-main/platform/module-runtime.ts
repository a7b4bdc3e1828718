import type { Contract } from '../../src-shared/ipc/define';
import { AppError } from '../../src-shared/ipc/result';
import { explainIoError } from '../db/os-errors';
import type { Router } from '../ipc/router';
import { nowIso } from '../lib/ids';
import { log } from '../lib/log';
import type { ChangeRow, DomainContext } from './context';
import type { HostServices } from './host-services';
import { SYNC_DOMAIN, type HearthModule, type ModuleParts } from './module';
import { readSettings, writeSettings } from './settings-store';
import { createWritePath } from './write-path';

export interface ModuleRuntime {
  /** Every module's parts, loading any not loaded yet (on unlock). */
  loadAll(): Promise<ModuleParts<Contract>[]>;
  /** The parts of the modules loaded so far. */
  loaded(): ModuleParts<Contract>[];
  /** A module's context, for benches and tests that drive one part directly. */
  contextOf(name: string): DomainContext;
}

/**
 * Registers every module's contract with the router and builds each module on its first call: its context
 * (db, clock, write path, events, settings, logger, host services) and then its handlers.
 */
export function startModules(modules: readonly HearthModule[], router: Router, host: HostServices, now: () => number): ModuleRuntime {
  const byName = new Map(modules.map((m) => [m.contract.name, m]));
  const parts = new Map<string, ModuleParts<Contract>>();
  const pending = new Map<string, Promise<ModuleParts<Contract>>>();
  const profileDb = () => host.profiles.current().db;

  const writes = createWritePath({
    db: profileDb,
    now,
    inTransaction: () => host.profiles.current().sqlite.inTransaction,
    explain: (err) => explainIoError(err, host.profiles.current().sqlite.name),
    onCommitted(domain, changes) {
      const module = byName.get(domain);
      if (module) tell(module, changes, domain);
      // Sync writes other modules' rows (changes received from other devices): each module whose tables changed
      // hears of it as if it had written them, so its views and in-memory caches follow.
      if (domain !== SYNC_DOMAIN) return;
      const changedTables = new Set(changes.map((c) => c.table));
      for (const other of modules) {
        if (other.contract.name === domain || !(other.changedTables ?? []).some((t) => changedTables.has(t))) continue;
        tell(other, changes, domain);
      }
    },
  });

  /** A committed write's news for one module: its `changed` event (rows of its listed tables) and its onCommitted hook. */
  function tell(module: HearthModule, changes: readonly ChangeRow[], by: string): void {
    const name = module.contract.name;
    if (module.contract.events.changed) {
      const tables = new Set(module.changedTables ?? []);
      const ids = [...new Set(changes.filter((c) => tables.has(c.table)).map((c) => c.rowId))].slice(0, 1000);
      // A write that touched none of the listed tables (a reminder recorded, a setting saved) is not news to a view.
      if (ids.length > 0) host.events.emit(module.contract, 'changed', { ids });
    }
    try {
      parts.get(name)?.onCommitted?.(changes, by);
    } catch (err) {
      log.error(`[${name}] onCommitted failed`, err);
    }
  }

  function contextFor<C extends Contract>(contract: C): DomainContext<C> {
    const name = contract.name;
    const db = () => writes.current() ?? profileDb();
    const write = <T>(fn: Parameters<DomainContext['write']>[0]) => writes.write(name, fn) as Promise<T>;
    return {
      name,
      db,
      now,
      write,
      emit: (event, payload) => host.events.emit(contract, event, payload),
      settings: (def) => ({
        get: () => readSettings(db(), def),
        set: (patch) =>
          write(async (trx) => {
            await writeSettings(trx, def, patch, nowIso(now));
            return readSettings(trx, def);
          }),
      }),
      log: {
        info: (m) => log.info(`[${name}] ${m}`),
        warn: (m) => log.warn(`[${name}] ${m}`),
        error: (m, err) => log.error(`[${name}] ${m}`, err),
      },
      host,
    };
  }

  function load(module: HearthModule): Promise<ModuleParts<Contract>> {
    const name = module.contract.name;
    let p = pending.get(name);
    if (!p) {
      p = (async () => {
        const factory = await module.load();
        const built = await factory(contextFor(module.contract));
        parts.set(name, built);
        return built;
      })();
      // A failed load is retried on the next call rather than cached.
      p.catch(() => pending.delete(name));
      pending.set(name, p);
    }
    return p;
  }

  for (const module of modules) {
    if (!/^[a-z][a-zA-Z0-9]*$/.test(module.contract.name)) throw new AppError('INTERNAL', `Bad module name ${module.contract.name}`);
    router.registerLazy(module.contract, async () => (await load(module)).handlers);
  }

  return {
    loadAll: () => Promise.all(modules.map(load)),
    loaded: () => [...parts.values()],
    contextOf: (name) => {
      const module = byName.get(name);
      if (!module) throw new AppError('INTERNAL', `No module ${name}`);
      return contextFor(module.contract);
    },
  };
}

export type { ChangeRow };
