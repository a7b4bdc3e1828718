import type { vaultContract } from '../../../src-shared/domains/vault/vault.contract';
import { buildOtpauthUri, parseOtpImport } from '../../../src-shared/domains/vault/otpauth';
import { AppError } from '../../../src-shared/ipc/result';
import { coreSettings } from '../../platform/core-settings';
import type { ModuleFactory } from '../../platform/module';
import { vaultExpiries } from './vault-expiries';
import { createVaultHealth } from './vault-health';
import { createVaultItems } from './vault-items';
import type { VaultIo } from './vault-io.service';
import { createVaultTools } from './vault-tools';

/** The vault module: its contract's handlers, assembled from the vault's parts over the DomainContext. */
export const createVaultModule: ModuleFactory<typeof vaultContract> = (ctx) => {
  const { host } = ctx;
  const itemsKey = () => host.profiles.current().keys.items;
  const verifyPassword = (password: string) => host.profiles.verifyPassword(password);
  const items = createVaultItems({
    db: ctx.db,
    write: ctx.write,
    itemsKey,
    verifyPassword,
    lock: () => host.profiles.lock('user'),
    clipboard: host.clipboard,
    settings: () => ctx.settings(coreSettings).get(),
    now: ctx.now,
    externalChange: () => ctx.emit('changed', { ids: [] }),
  });
  const tools = createVaultTools(host.resourcesDir);
  const health = createVaultHealth({
    db: ctx.db,
    write: ctx.write,
    itemsKey,
    resourcesDir: host.resourcesDir,
    jobs: host.jobs,
    now: ctx.now,
    onProgress: (p) => ctx.emit('healthProgress', p),
  });
  // Import and export load the parsers and KDBX code (kdbxweb, fflate, argon2) on first use only.
  let ioLoaded: VaultIo | null = null;
  const io = async (): Promise<VaultIo> => {
    if (!ioLoaded) {
      const { createVaultIo } = await import('./vault-io.service');
      ioLoaded ??= createVaultIo({
        items,
        verifyPassword,
        files: host.files,
        exportKdfCost: host.kdfCost,
        jobs: host.jobs,
        blobs: () => host.blobs(),
        now: ctx.now,
      });
    }
    return ioLoaded;
  };

  return {
    handlers: {
      list: (input) => items.list(input),
      get: (input) => items.get(input),
      create: (input) => items.create(input),
      update: (input) => items.update(input),
      trash: (input) => items.trash(input),
      restore: (input) => items.restore(input),
      purge: (input) => items.purge(input),
      reveal: (input) => items.reveal(input),
      copy: (input, call) => {
        // Browser mode's main process cannot reach the computer's clipboard: never report a copy that did not happen.
        if (call.transport === 'web')
          throw new AppError('UNSUPPORTED', "In browser mode Hearth cannot reach this computer's clipboard from the server; the page copies the field itself.");
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
      importPreview: async (input) => (await io()).importPreview(input),
      importCommit: async (input) => (await io()).importCommit(input),
      export: async (input) => (await io()).export(input),
      expiries: (input) => vaultExpiries(ctx.db(), input),
      /** Decodes the QR in main and stores the key sealed; the seed never goes back to the renderer. */
      totpFromImage: async ({ id, imageBase64, password }) => {
        // The image decoders (jsqr, pngjs, jpeg-js) load on first use, not with every vault command.
        const { decodeQrImage } = await import('../../lib/qr');
        const text = decodeQrImage(Buffer.from(imageBase64, 'base64'));
        const configs = parseOtpImport(text);
        if (configs.length !== 1) throw new AppError('INVALID_INPUT', `That QR code holds ${configs.length} accounts; add them one at a time.`);
        return items.setTotp(id, /^otpauth:\/\//i.test(text.trim()) ? text.trim() : buildOtpauthUri(configs[0]!), password);
      },
    },
    onUnlock: async () => {
      await items.purgeExpired();
    },
    onLock: () => {
      items.reset();
      health.reset();
      ioLoaded?.reset();
    },
  };
};
