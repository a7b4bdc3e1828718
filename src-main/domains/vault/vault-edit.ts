import type { z } from 'zod';
import { parseOtpInput } from '../../../src-shared/domains/vault/otpauth';
import { ItemInput, type ImportedItem, type ItemData, type ItemDetail, type UpdateItemInput } from '../../../src-shared/domains/vault/vault.schemas';
import { AppError } from '../../../src-shared/ipc/result';
import { newId, nowIso } from '../../lib/ids';
import { itemColumns, TRASH_RETENTION_DAYS, type VaultCore } from './vault-core';
import { mergeKeptSecrets } from './vault-merge';
import { commitImport } from './vault-import-commit';
import { joinItem, splitItem, toSummary, parsePublic } from './vault-mapping';
import { openFields, parseSealedMap, sealField, sealFields } from './vault-secrets';
import { vaultRepository as repo } from './vault.repository';

/** Creating, editing, trashing and erasing items: every change through the write path. */
export function createVaultEdit(core: VaultCore) {
  const { deps } = core;
  const now = () => nowIso(deps.now);

  return {
    async create({ item }: { item: ItemData }): Promise<ItemDetail> {
      const r = await deps.write((trx) => core.insertItem(trx, item));
      return core.detail(r);
    },

    async update(input: z.output<typeof UpdateItemInput>): Promise<ItemDetail> {
      const before = await core.row(input.id);
      if (before.deleted_at) throw new AppError('CONFLICT', 'Restore the item from the trash before editing it.');
      // SECURITY: an edit can clear re-prompt or expose a hidden field, so it needs the same password as a reveal.
      await core.checkReprompt(before, input.password);
      const key = deps.itemsKey();
      const oldSecrets = openFields(key, before.id, parseSealedMap(before.secrets));
      const merged = mergeKeptSecrets(input.item, oldSecrets, parsePublic(before).fields);
      const item = ItemInput.parse(merged.item);
      if (item.login?.totp) parseOtpInput(item.login.totp); // reject an unusable TOTP key before writing anything
      const { publicData, secrets } = splitItem(item, merged.fieldIds);
      const at = now();
      const passwordChanged = (oldSecrets.password ?? '') !== (item.login?.password ?? '');
      await deps.write(async (trx) => {
        const versionId = newId();
        const snapshot = JSON.stringify(joinItem(before, oldSecrets));
        await repo.addVersion(trx, {
          id: versionId,
          item_id: before.id,
          title: before.title,
          sealed: sealField(key, before.id, `version:${versionId}`, snapshot),
          now: at,
        });
        if (passwordChanged && oldSecrets.password) {
          const hid = newId();
          const sealed = sealField(key, before.id, `history:${hid}`, oldSecrets.password);
          await repo.addPasswordHistory(trx, { id: hid, item_id: before.id, sealed, changed_at: before.password_changed_at ?? before.updated_at, now: at });
        }
        await repo.update(trx, before.id, {
          ...itemColumns(item, publicData, sealFields(key, before.id, secrets)),
          password_changed_at: passwordChanged ? (item.login?.password ? at : null) : before.password_changed_at,
          updated_at: at,
        });
      });
      return core.detail(await core.row(before.id));
    },

    /** Stores a TOTP key (otpauth URI or secret) on a login, sealed; the seed never goes back out. */
    async setTotp(id: string, key: string, password?: string): Promise<ItemDetail> {
      parseOtpInput(key);
      const r = await core.row(id);
      if (r.type !== 'login') throw new AppError('CONFLICT', 'TOTP can be added to logins only.');
      await core.checkReprompt(r, password);
      const sealed = { ...parseSealedMap(r.secrets), totpSecret: sealField(deps.itemsKey(), id, 'totpSecret', key) };
      await deps.write((trx) => repo.update(trx, id, { secrets: JSON.stringify(sealed), has_totp: 1, updated_at: now() }));
      return core.detail(await core.row(id));
    },

    async trash({ id }: { id: string }) {
      const r = await core.row(id);
      const at = now();
      if (!r.deleted_at) await deps.write((trx) => repo.update(trx, id, { deleted_at: at, updated_at: at }));
      return toSummary(await core.row(id));
    },

    async restore({ id }: { id: string }) {
      const r = await core.row(id);
      if (r.deleted_at) await deps.write((trx) => repo.update(trx, id, { deleted_at: null, updated_at: now() }));
      return toSummary(await core.row(id));
    },

    async purge({ id }: { id: string }) {
      const r = await core.row(id);
      if (!r.deleted_at) throw new AppError('CONFLICT', 'Only items in the trash can be erased.');
      await deps.write((trx) => repo.purge(trx, id, now()));
      return { purged: true as const };
    },

    /** Erases items that have been in the trash longer than the retention period, in one write. */
    async purgeExpired(): Promise<number> {
      const cutoff = new Date(deps.now() - TRASH_RETENTION_DAYS * 86_400_000).toISOString();
      return deps.write(async (trx) => {
        const old = await repo.trashedBefore(trx, cutoff);
        for (const { id } of old) await repo.purge(trx, id, now());
        return old.length;
      });
    },

    /** Writes imported items in one write, re-checking duplicates inside it. */
    importItems: (list: readonly ImportedItem[], skipDuplicates: boolean) =>
      commitImport({ write: deps.write, itemsKey: deps.itemsKey, clock: deps.now, insertItem: core.insertItem }, list, skipDuplicates),
  };
}
