import type { Kysely } from 'kysely';
import type { Settings } from '../../../src-shared/domains/settings/settings.schemas';
import { parseOtpInput } from '../../../src-shared/domains/vault/otpauth';
import type { ItemData, ItemDetail } from '../../../src-shared/domains/vault/vault.schemas';
import { notFound } from '../../../src-shared/ipc/result';
import type { Database } from '../../db/database';
import { newId, nowIso } from '../../lib/ids';
import { LiveItems } from './vault-live';
import { splitItem, subtitleOf, toDetail } from './vault-mapping';
import { createMasterCheck } from '../../platform/master-check';
import { parseSealedMap, sealFields } from './vault-secrets';
import { vaultRepository as repo } from './vault.repository';
import type { VaultItemRow } from './vault.table';

/** What the vault needs from the rest of the app: handed in by vault.module.ts from its DomainContext. */
export interface VaultDeps {
  db: () => Kysely<Database>;
  /** The write path (DomainContext.write): transaction + change log + `vault:changed`. */
  write: <T>(fn: (trx: Kysely<Database>) => Promise<T>) => Promise<T>;
  itemsKey: () => Buffer;
  verifyPassword: (password: string) => Promise<void>;
  lock: () => void;
  clipboard: { copySecret(text: string, clearAfterSeconds: number): Promise<void> };
  settings: () => Promise<Settings>;
  now: () => number;
  /** Another process changed the vault (the renderer re-reads its list). */
  externalChange: () => void;
}

export const TRASH_RETENTION_DAYS = 30;

/**
 * What every vault part shares: reading one row, the live (unlocked, in-memory) list and search cache,
 * inserting an item with its secrets sealed, and the master-password re-prompt.
 */
export function createVaultCore(deps: VaultDeps) {
  let live: LiveItems | null = null;
  let liveVersion = -1;
  let seenSeq = 0;
  const master = createMasterCheck({ verifyPassword: deps.verifyPassword, lock: deps.lock, clock: deps.now });

  /**
   * The live cache, current with the database. Every write, ours or another process's (the CLI, a second
   * app instance), appends to `change_log` in its own transaction, so the items changed since the cache
   * last looked are exactly the `vault_items` rows logged after `seenSeq`. A commit from another
   * connection also bumps `PRAGMA data_version`: then the renderer is told to re-read its list.
   */
  async function liveItems(): Promise<LiveItems> {
    const db = deps.db();
    const version = await repo.dataVersion(db);
    if (!live) {
      seenSeq = await repo.lastChangeSeq(db); // taken first: anything committed after is re-read next time
      live = await LiveItems.load(db);
      liveVersion = version;
      return live;
    }
    const since = await repo.itemsChangedSince(db, seenSeq);
    seenSeq = since.lastSeq;
    if (since.ids.length > 5000) live = await LiveItems.load(db);
    else if (since.ids.length > 0) await live.refresh(db, since.ids);
    if (version !== liveVersion) {
      liveVersion = version;
      deps.externalChange();
    }
    return live;
  }

  return {
    deps,
    master,
    liveItems,
    async row(id: string): Promise<VaultItemRow> {
      const r = await repo.get(deps.db(), id);
      if (!r || r.purged_at) throw notFound('item', id);
      return r;
    },
    detail: (r: VaultItemRow): ItemDetail => toDetail(r, Object.keys(parseSealedMap(r.secrets))),
    /** Re-prompt: items so marked need the master password again; repeated failures lock the profile. */
    async checkReprompt(r: VaultItemRow, password: string | undefined): Promise<void> {
      if (r.reprompt !== 1) return;
      await master.check(password, 'This item asks for your master password first.');
    },
    /** Inserts one item inside the caller's write (create, import). */
    async insertItem(trx: Kysely<Database>, item: ItemData, dates?: { createdAt?: string; updatedAt?: string }): Promise<VaultItemRow> {
      if (item.login?.totp) parseOtpInput(item.login.totp); // reject an unusable TOTP key up front
      const id = newId();
      const now = nowIso(deps.now);
      const { publicData, secrets } = splitItem(item);
      const r: VaultItemRow = {
        id,
        ...itemColumns(item, publicData, sealFields(deps.itemsKey(), id, secrets)),
        password_changed_at: item.login?.password ? (dates?.updatedAt ?? now) : null,
        last_used_at: null,
        created_at: dates?.createdAt ?? now,
        updated_at: dates?.updatedAt ?? now,
        deleted_at: null,
        purged_at: null,
      };
      await repo.insert(trx, r);
      return r;
    },
    /** Drops cached state on lock. */
    reset() {
      live = null;
      master.reset();
    },
  };
}

export type VaultCore = ReturnType<typeof createVaultCore>;

/** The columns an item's content sets, on insert and on edit alike (secrets already sealed). */
export function itemColumns(item: ItemData, publicData: unknown, sealed: Record<string, string>) {
  return {
    type: item.type,
    title: item.title,
    subtitle: subtitleOf(item),
    folder: item.folder,
    tags: JSON.stringify(item.tags),
    favorite: item.favorite ? 1 : 0,
    reprompt: item.reprompt ? 1 : 0,
    notes: item.notes,
    public_data: JSON.stringify(publicData),
    secrets: JSON.stringify(sealed),
    has_totp: item.login?.totp ? 1 : 0,
  };
}
