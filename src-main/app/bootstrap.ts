import type { AppClient } from '../../src-shared/ipc/channels';
import { sessionContract } from '../../src-shared/domains/session/session.contract';
import type { Transport } from '../../src-shared/ipc/define';
import { KDF_DEFAULT, type KdfCost } from '../crypto/kdf';
import { createEventHub, type EventHub } from '../ipc/events';
import { createRouter, type Router } from '../ipc/router';
import type { FilePort } from '../lib/file-port';
import { log } from '../lib/log';
import type { BlobHub } from '../blobs/blob-hub';
import { blobHubFor } from '../blobs/blobs.module';
import { createMemoryClipboard, type SecretClipboard } from '../lib/secret-clipboard';
import { coreSettings } from '../platform/core-settings';
import type { DomainContext } from '../platform/context';
import type { HostServices } from '../platform/host-services';
import { createJobTracker } from '../platform/jobs/job-tracker';
import type { HearthModule } from '../platform/module';
import { startModules } from '../platform/module-runtime';
import { readSettings } from '../platform/settings-store';
import { IdleLock } from '../profile/idle-lock';
import { ProfileService } from '../profile/profile.service';
import { moduleList } from './modules';
import { routerClient } from './router-client';

export interface CoreOptions {
  /** Folder holding one sub-folder per profile. */
  root: string;
  transport: Transport;
  version: string;
  kdfCost?: KdfCost;
  /** Opens a checked https:/mailto: URL; absent where there is no system browser to hand it to. */
  openExternal?: (url: string) => Promise<boolean>;
  validateOutput?: boolean;
  /** Where copied secrets go: the OS clipboard guard in Electron, an in-memory one elsewhere. */
  clipboard?: SecretClipboard;
  /** Main-owned open/save dialogs (Electron only). */
  files?: FilePort;
  /** Bundled resources (word list, 2FA site list). */
  resourcesDir: string;
  /** The modules to serve (default: app/modules.ts). Tests add their own. */
  modules?: readonly HearthModule[];
  /** The clock (tests pin it). */
  now?: () => number;
  /** The computer's IANA time zone (tests pin it). */
  systemTimeZone?: () => string;
}

export interface Core {
  router: Router;
  events: EventHub;
  profiles: ProfileService;
  idle: IdleLock;
  clipboard: SecretClipboard;
  /** The modules this core serves (the CLI's `ops` lists their contracts). */
  modules: readonly HearthModule[];
  /** A module's DomainContext, for benches and tests that drive one of its parts directly. */
  domainContext(name: string): DomainContext;
  /** The encrypted file store (front doors stream files through its tickets; the CLI writes files from it). */
  blobs(): BlobHub;
  /** Locks and stops timers; the process may exit after this. */
  shutdown(): void;
}

const systemTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/**
 * Composition root: profiles → module list → router. The same core serves Electron, browser mode and the
 * CLI. Nothing here names a domain: each module gets a DomainContext and is loaded on first use.
 */
export function createCore(opts: CoreOptions): Core {
  const now = opts.now ?? Date.now;
  const events = createEventHub();
  const profiles = new ProfileService({ root: opts.root, kdfCost: opts.kdfCost });
  const idle = new IdleLock(profiles, events);
  const router = createRouter({ isUnlocked: profiles.isUnlocked, validateOutput: opts.validateOutput, onActivity: () => idle.touch() });
  const clipboard = opts.clipboard ?? createMemoryClipboard();
  const modules = opts.modules ?? moduleList();
  let blobHub: BlobHub | undefined;
  let appClient: AppClient | undefined;
  const host: HostServices = {
    blobs: () => (blobHub ??= blobHubFor(runtime.contextOf('blobs'))),
    transport: opts.transport,
    version: opts.version,
    profiles,
    idle,
    events,
    clipboard,
    files: opts.files,
    openExternal: opts.openExternal,
    kdfCost: opts.kdfCost ?? KDF_DEFAULT,
    resourcesDir: opts.resourcesDir,
    systemTimeZone: opts.systemTimeZone ?? systemTimeZone,
    jobs: createJobTracker(events),
    app: () => (appClient ??= routerClient({ router, events }, opts.transport)),
  };
  const runtime = startModules(modules, router, host, now);

  profiles.onUnlock(async (session) => {
    idle.arm((await readSettings(session.db, coreSettings)).autoLockMinutes);
    for (const parts of await runtime.loadAll()) await parts.onUnlock?.();
  });
  profiles.onLock((reason) => {
    idle.disarm();
    host.jobs.cancelAll();
    for (const parts of runtime.loaded()) {
      try {
        parts.onLock?.();
      } catch (err) {
        log.error('[core] a module failed to drop its state on lock', err);
      }
    }
    void clipboard.clearIfOurs();
    events.emit(sessionContract, 'locked', { reason });
  });

  log.info(`[core] ready (${opts.transport})`);
  return {
    router,
    events,
    profiles,
    idle,
    clipboard,
    modules,
    domainContext: runtime.contextOf,
    blobs: host.blobs,
    shutdown: () => {
      profiles.lock('quit');
      idle.disarm();
    },
  };
}
