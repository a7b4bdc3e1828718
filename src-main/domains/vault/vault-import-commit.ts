import type { Kysely } from 'kysely';
import { parseOtpInput } from '../../../src-shared/domains/vault/otpauth';
import { ItemInput, type ImportedItem, type ItemData } from '../../../src-shared/domains/vault/vault.schemas';
import type { Database } from '../../db/database';
import { newId, nowIso } from '../../lib/ids';
import { findDuplicates, type ExistingItemKey } from './import';
import { parsePublic } from './vault-mapping';
import { sealField } from './vault-secrets';
import { vaultRepository as repo } from './vault.repository';
import type { VaultItemRow } from './vault.table';

export interface ImportCommitDeps {
  /** The write path: one BEGIN IMMEDIATE transaction with its change log. */
  write: <T>(fn: (trx: Kysely<Database>) => Promise<T>) => Promise<T>;
  itemsKey: () => Buffer;
  clock: () => number;
  insertItem: (db: Kysely<Database>, item: ItemData, dates?: { createdAt?: string; updatedAt?: string }) => Promise<VaultItemRow>;
}

/**
 * Writes imported items, with their password history and source dates, in one write transaction. The
 * duplicate check runs inside it (BEGIN IMMEDIATE: no other connection can write between the check and
 * the inserts), so two commits of the same file, from two windows or the app and the CLI, add it once.
 */
export async function commitImport(
  deps: ImportCommitDeps,
  list: readonly ImportedItem[],
  skipDuplicates: boolean,
): Promise<{ ids: string[]; duplicates: number }> {
  const ids: string[] = [];
  const key = deps.itemsKey();
  let duplicates = 0;
  await deps.write(async (trx) => {
    let chosen = list;
    if (skipDuplicates) {
      const dup = new Set(findDuplicates(list, await existingKeys(trx)));
      duplicates = dup.size;
      chosen = list.filter((_, i) => !dup.has(i));
    }
    for (const imported of chosen) {
      const item = keepUnusableTotp(ItemInput.parse(imported.item));
      const r = await deps.insertItem(trx, item, { createdAt: isoOrUndefined(imported.createdAt), updatedAt: isoOrUndefined(imported.updatedAt) });
      for (const h of imported.passwordHistory.slice(0, 100)) {
        if (!h.password) continue;
        const hid = newId();
        const changedAt = isoOrUndefined(h.changedAt) ?? r.created_at;
        const sealed = sealField(key, r.id, `history:${hid}`, h.password);
        await repo.addPasswordHistory(trx, { id: hid, item_id: r.id, sealed, changed_at: changedAt, now: nowIso(deps.clock) });
      }
      ids.push(r.id);
    }
  });
  return { ids, duplicates };
}

/** The live items' duplicate keys, read inside the caller's transaction (not from the in-memory cache). */
async function existingKeys(db: Kysely<Database>): Promise<ExistingItemKey[]> {
  return (await repo.liveKeys(db)).map((r) => ({ title: r.title, username: r.subtitle, url: parsePublic(r).login?.urls[0]?.url ?? '' }));
}

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;
function isoOrUndefined(value: string | undefined): string | undefined {
  if (!value) return undefined;
  if (ISO.test(value)) return value;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

/** An imported TOTP value Hearth cannot use is kept, as a hidden field, rather than failing the import. */
function keepUnusableTotp(item: ItemData): ItemData {
  if (!item.login?.totp) return item;
  try {
    parseOtpInput(item.login.totp);
    return item;
  } catch {
    return { ...item, login: { ...item.login, totp: '' }, fields: [...item.fields, { name: 'TOTP (unrecognised)', type: 'hidden', value: item.login.totp }] };
  }
}
