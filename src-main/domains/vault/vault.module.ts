import { AppError } from '../../../src-shared/ipc/result';
import type { vaultContract } from '../../../src-shared/domains/vault/vault.contract';
import type { ServiceOf } from '../../../src-shared/ipc/define';
import { buildOtpauthUri, parseOtpImport } from '../../../src-shared/domains/vault/otpauth';
import { decodeQrImage } from './qr-image';
import { createVaultIo, type VaultIoDeps } from './vault-io.service';
import { createVaultHealth } from './vault-health';
import { createVaultTools } from './vault-tools';
import { createVaultItems, type VaultDeps } from './vault.service';

export interface VaultModuleDeps extends VaultDeps, Omit<VaultIoDeps, 'items' | 'verifyPassword'> {
  resourcesDir: string;
  /** Health report scoring progress (the `vault.healthProgress` event). */
  emitHealthProgress?: (p: { done: number; total: number }) => void;
}

/** The vault's contract implementation, assembled from its parts; `reset()` runs on lock. */
export function createVaultModule(deps: VaultModuleDeps): { service: ServiceOf<typeof vaultContract>; reset(): void; purgeExpired(): Promise<number> } {
  const items = createVaultItems(deps);
  const tools = createVaultTools(deps.resourcesDir);
  const health = createVaultHealth({ db: deps.db, itemsKey: deps.itemsKey, resourcesDir: deps.resourcesDir, now: deps.now, onProgress: deps.emitHealthProgress });
  const io = createVaultIo({ items, verifyPassword: deps.verifyPassword, files: deps.files, exportKdfCost: deps.exportKdfCost, now: deps.now });

  const service: ServiceOf<typeof vaultContract> = {
    list: (input) => items.list(input),
    get: (input) => items.get(input),
    create: (input) => items.create(input),
    update: (input) => items.update(input),
    trash: (input) => items.trash(input),
    restore: (input) => items.restore(input),
    purge: (input) => items.purge(input),
    reveal: (input) => items.reveal(input),
    copy: (input, ctx) => {
      // Browser mode's main process cannot reach the computer's clipboard: never report a copy that did not happen.
      if (ctx.transport === 'web') throw new AppError('UNSUPPORTED', 'In browser mode Hearth cannot reach this computer\'s clipboard from the server; the page copies the field itself.');
      return items.copy(input);
    },
    totp: (input) => items.totp(input),
    revealTotpSeed: (input) => items.revealTotpSeed(input),
    generate: (input) => tools.generate(input),
    strength: (input) => tools.strength(input),
    health: () => health.report(),
    passwordHistory: (input) => items.passwordHistory(input),
    versions: (input) => items.versions(input),
    folders: () => items.folders(),
    tags: () => items.tags(),
    importPreview: (input) => io.importPreview(input),
    importCommit: (input) => io.importCommit(input),
    export: (input) => io.export(input),
    /** Decodes the QR in main and stores the key sealed; the seed never goes back to the renderer. */
    totpFromImage: async ({ id, imageBase64, password }) => {
      const text = decodeQrImage(Buffer.from(imageBase64, 'base64'));
      const configs = parseOtpImport(text);
      if (configs.length !== 1) throw new AppError('INVALID_INPUT', `That QR code holds ${configs.length} accounts; add them one at a time.`);
      return items.setTotp(id, /^otpauth:\/\//i.test(text.trim()) ? text.trim() : buildOtpauthUri(configs[0]!), password);
    },
  };
  return {
    service,
    reset: () => {
      items.reset();
      io.reset();
    },
    purgeExpired: () => items.purgeExpired(),
  };
}
