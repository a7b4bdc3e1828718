import { appContract } from '../../src-shared/domains/app/app.contract';
import { profileContract } from '../../src-shared/domains/profile/profile.contract';
import { sessionContract } from '../../src-shared/domains/session/session.contract';
import type { Transport } from '../../src-shared/ipc/define';
import { vaultContract } from '../../src-shared/domains/vault/vault.contract';
import { KDF_DEFAULT, type KdfCost } from '../crypto/kdf';
import { createVaultModule } from '../domains/vault/vault.module';
import { registerVaultIpc } from '../domains/vault/vault.ipc';
import type { FilePort } from '../lib/file-port';
import { createMemoryClipboard, type SecretClipboard } from '../lib/secret-clipboard';
import { readSettings, createSettingsService } from '../domains/settings/settings.service';
import { registerSettingsIpc } from '../domains/settings/settings.ipc';
import { batchesContract } from '../../src-shared/domains/batches/batches.contract';
import { createBatchesService } from '../domains/batches/batches.service';
import { registerBatchesIpc } from '../domains/batches/batches.ipc';
import { loadCustomerPageScript } from '../domains/batches/customer-page/customer-page-script';
import { decodeQrImage } from '../domains/vault/qr-image';
import { createEventHub, type EventHub } from '../ipc/events';
import { createRouter, type Router } from '../ipc/router';
import { checkExternalUrl } from '../lib/external-url';
import { log } from '../lib/log';
import { IdleLock } from '../profile/idle-lock';
import { createProfileHandlers, createSessionHandlers, ProfileService } from '../profile/profile.service';

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
}

export interface Core {
  router: Router;
  events: EventHub;
  profiles: ProfileService;
  idle: IdleLock;
  clipboard: SecretClipboard;
  /** Locks and stops timers; the process may exit after this. */
  shutdown(): void;
}

/** Composition root: profiles → services → router. The same core serves Electron, browser mode and the CLI. */
export function createCore(opts: CoreOptions): Core {
  const events = createEventHub();
  const profiles = new ProfileService({ root: opts.root, kdfCost: opts.kdfCost });
  const idle = new IdleLock(profiles, events);
  const router = createRouter({ isUnlocked: profiles.isUnlocked, validateOutput: opts.validateOutput, onActivity: () => idle.touch() });
  const db = () => profiles.current().db;

  profiles.onLock((reason) => {
    idle.disarm();
    events.emit(sessionContract, 'locked', { reason });
  });
  profiles.onUnlock(async (session) => idle.arm((await readSettings(session.db)).autoLockMinutes));

  router.register(appContract, {
    bootstrap: () => ({ name: 'Hearth', version: opts.version, platform: process.platform, transport: opts.transport }),
    openExternal: async ({ url }) => {
      const checked = checkExternalUrl(url);
      if (!checked || !opts.openExternal) return { opened: false };
      return { opened: await opts.openExternal(checked) };
    },
  });
  router.register(profileContract, createProfileHandlers(profiles));
  router.register(sessionContract, createSessionHandlers(profiles, idle));
  const settings = createSettingsService({ db, onChanged: (s) => idle.arm(s.autoLockMinutes) });
  registerSettingsIpc(router, settings);

  const clipboard = opts.clipboard ?? createMemoryClipboard();
  const vault = createVaultModule({
    db,
    itemsKey: () => profiles.current().keys.items,
    verifyPassword: (password) => profiles.verifyPassword(password),
    lock: () => profiles.lock('user'),
    clipboard,
    settings: () => readSettings(db()),
    emitChanged: (ids) => events.emit(vaultContract, 'changed', { ids }),
    emitHealthProgress: (p) => events.emit(vaultContract, 'healthProgress', p),
    files: opts.files,
    exportKdfCost: opts.kdfCost ?? KDF_DEFAULT,
    resourcesDir: opts.resourcesDir,
  });
  registerVaultIpc(router, vault.service);
  profiles.onLock(() => {
    vault.reset();
    void clipboard.clearIfOurs();
  });
  profiles.onUnlock(() => vault.purgeExpired().then(() => undefined));

  registerBatchesIpc(router, createBatchesService({
    db,
    decodeQrImage,
    customerPageScript: loadCustomerPageScript,
    emitChanged: (ids) => events.emit(batchesContract, 'changed', { ids }),
  }));

  log.info(`[core] ready (${opts.transport})`);
  return {
    router,
    events,
    profiles,
    idle,
    clipboard,
    shutdown: () => {
      profiles.lock('quit');
      idle.disarm();
    },
  };
}
