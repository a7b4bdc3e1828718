import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Settings } from '../../../src-shared/domains/settings/settings.schemas';
import { buildOtpauthUri, parseOtpInput } from '../../../src-shared/domains/vault/otpauth';
import {
  ItemInput, type CustomFieldView, type ImportedItem, type ItemData, type ListItemsInput as ListItemsInputSchema, type ItemDetail, type ItemSummary, type ListItemsResult, type RevealInput, type UpdateItemInput,
} from '../../../src-shared/domains/vault/vault.schemas';
import { AppError, notFound } from '../../../src-shared/ipc/result';
import { sortByName } from '../../../src-shared/lib/collate';
import type { Database } from '../../db/database';
import { newId, nowIso } from '../../lib/ids';
import { joinItem, splitItem, subtitleOf, toDetail, toSummary, parsePublic } from './vault-mapping';
import { commitImport } from './vault-import-commit';
import { LiveItems } from './vault-live';
import { createMasterCheck } from './vault-master-check';
import { VaultSearchIndex } from './vault-search';
import { openField, openFields, parseSealedMap, sealFields } from './vault-secrets';
import { vaultRepository as repo } from './vault.repository';
import type { VaultItemRow } from './vault.table';
import { totpCode } from './totp';

/** What the vault needs from the rest of the app, passed in from bootstrap.ts. */
export interface VaultDeps {
  db: () => Kysely<Database>;
  itemsKey: () => Buffer;
  verifyPassword: (password: string) => Promise<void>;
  lock: () => void;
  clipboard: { copySecret(text: string, clearAfterSeconds: number): Promise<void> };
  settings: () => Promise<Settings>;
  emitChanged: (ids: string[]) => void;
  now?: () => number;
}

export const TRASH_RETENTION_DAYS = 30;

/**
 * Vault items: create, edit, trash, reveal, copy, TOTP. Secrets are sealed per field on write and
 * opened one at a time; list/search/get return metadata only.
 */
export function createVaultItems(deps: VaultDeps) {
  const clock = deps.now ?? Date.now;
  let live: LiveItems | null = null;
  let liveVersion = -1;
  let stale: string[] = [];
  const master = createMasterCheck({ verifyPassword: deps.verifyPassword, lock: deps.lock, clock });
  /** Marks items changed: the live cache re-reads them on next use, and the renderer is told. */
  const invalidate = (ids: string[]) => {
    if (ids.length > 5000) live = null;
    else stale.push(...ids);
    deps.emitChanged(ids.slice(0, 1000));
  };

  async function row(id: string): Promise<VaultItemRow> {
    const r = await repo.get(deps.db(), id);
    if (!r || r.purged_at) throw notFound('item', id);
    return r;
  }

  const detail = (r: VaultItemRow): ItemDetail => toDetail(r, Object.keys(parseSealedMap(r.secrets)));

  /**
   * The live cache, current with the database: our own writes patch it by id; a commit from another
   * connection (the CLI, a second app instance) bumps `PRAGMA data_version`, and the cache catches up
   * with the rows changed since (or reloads, if the count still disagrees). The renderer is told.
   */
  async function liveItems(): Promise<LiveItems> {
    const version = await repo.dataVersion(deps.db());
    if (live && version !== liveVersion) {
      liveVersion = version;
      if (!(await live.catchUp(deps.db()))) live = null;
      deps.emitChanged([]);
    }
    if (!live) {
      stale = [];
      live = await LiveItems.load(deps.db());
      liveVersion = version;
    } else if (stale.length > 0) {
      const ids = [...new Set(stale)];
      stale = [];
      await live.refresh(deps.db(), ids);
    }
    return live;
  }

  /** Inserts one item (also used by import, inside its transaction). */
  async function insertItem(db: Kysely<Database>, item: ItemData, dates?: { createdAt?: string; updatedAt?: string }): Promise<VaultItemRow> {
    const id = newId();
    const now = nowIso(clock);
    const { publicData, secrets } = splitItem(item);
    const r: VaultItemRow = {
      id,
      type: item.type,
      title: item.title,
      subtitle: subtitleOf(item),
      folder: item.folder,
      tags: JSON.stringify(item.tags),
      favorite: item.favorite ? 1 : 0,
      reprompt: item.reprompt ? 1 : 0,
      notes: item.notes,
      public_data: JSON.stringify(publicData),
      secrets: JSON.stringify(sealFields(deps.itemsKey(), id, secrets)),
      has_totp: item.login?.totp ? 1 : 0,
      password_changed_at: item.login?.password ? (dates?.updatedAt ?? now) : null,
      last_used_at: null,
      created_at: dates?.createdAt ?? now,
      updated_at: dates?.updatedAt ?? now,
      deleted_at: null,
      purged_at: null,
    };
    if (item.login?.totp) parseOtpInput(item.login.totp); // reject an unusable TOTP key up front
    await repo.insert(db, r);
    return r;
  }

  /** Re-prompt: items so marked need the master password again; repeated failures lock the profile. */
  async function checkReprompt(r: VaultItemRow, password: string | undefined): Promise<void> {
    if (r.reprompt !== 1) return;
    await master.check(password, 'This item asks for your master password first.');
  }

  /** One opened secret; the TOTP seed only when `forCode` (copy turns it into the current code). */
  async function secretOf(input: z.output<typeof RevealInput>, forCode = false): Promise<{ value: string; row: VaultItemRow }> {
    if (input.field === 'totpSecret' && !forCode) throw new AppError('FORBIDDEN', 'The TOTP key is shown only after your master password (revealTotpSeed).');
    const r = await row(input.id);
    await checkReprompt(r, input.password);
    if (input.field.startsWith('history:')) {
      const entry = (await repo.passwordHistory(deps.db(), r.id)).find((h) => `history:${h.id}` === input.field);
      if (!entry) throw notFound('password history entry', input.field);
      return { value: openField(deps.itemsKey(), r.id, input.field, entry.sealed), row: r };
    }
    const sealed = parseSealedMap(r.secrets)[input.field];
    if (sealed === undefined) throw new AppError('NOT_FOUND', 'This item has no such secret.');
    return { value: openField(deps.itemsKey(), r.id, input.field, sealed), row: r };
  }

  /** Writes imported items in one write transaction, re-checking duplicates inside it. */
  const importItems = (list: readonly ImportedItem[], skipDuplicates: boolean) =>
    commitImport({ db: deps.db, itemsKey: deps.itemsKey, clock, insertItem }, list, skipDuplicates);

  const touchUsed = (id: string) => repo.update(deps.db(), id, { last_used_at: nowIso(clock) });

  return {
    insertItem,
    importItems,
    invalidate,
    row,

    /** One page of the matching items, with the total, so a long list is never cut without saying so. */
    async list(input: z.output<typeof ListItemsInputSchema>): Promise<ListItemsResult> {
      let candidates: ItemSummary[];
      if (input.trash) {
        const rows = await repo.listAll(deps.db(), true);
        candidates = input.query.trim() === '' ? rows.map(toSummary) : new VaultSearchIndex(rows.map((r) => ({ ...toSummary(r), notes: r.notes }))).search(input.query, Infinity).map((id) => toSummary(rows.find((r) => r.id === id)!));
      } else {
        const cache = await liveItems();
        candidates = input.query.trim() === '' ? cache.all() : cache.search(input.query, Infinity);
      }
      const matched = candidates.filter(
        (s) =>
          (!input.type || s.type === input.type) &&
          (input.folder === undefined || s.folder === input.folder || s.folder.startsWith(`${input.folder}/`)) &&
          (!input.tag || s.tags.includes(input.tag)) &&
          (!input.favorites || s.favorite),
      );
      const items = matched.slice(input.offset, input.offset + input.limit);
      const end = input.offset + items.length;
      return { items, total: matched.length, nextOffset: end < matched.length ? end : null };
    },

    /** Every live item's summary (import duplicate preview); main-internal, never a page. */
    allLive: async (): Promise<ItemSummary[]> => (await liveItems()).all(),

    get: async ({ id }: { id: string }) => detail(await row(id)),

    async create({ item }: { item: ItemData }): Promise<ItemDetail> {
      const r = await insertItem(deps.db(), item);
      invalidate([r.id]);
      return detail(r);
    },

    async update(input: z.output<typeof UpdateItemInput>): Promise<ItemDetail> {
      const db = deps.db();
      const before = await row(input.id);
      if (before.deleted_at) throw new AppError('CONFLICT', 'Restore the item from the trash before editing it.');
      // SECURITY: an edit can clear re-prompt or expose a hidden field, so it needs the same password as a reveal.
      await checkReprompt(before, input.password);
      const key = deps.itemsKey();
      const oldSecrets = openFields(key, before.id, parseSealedMap(before.secrets));
      const oldPublic = parsePublic(before);
      const merged = mergeKeptSecrets(input.item, oldSecrets, oldPublic.fields);
      const item = ItemInput.parse(merged.item);
      if (item.login?.totp) parseOtpInput(item.login.totp); // reject an unusable TOTP key before writing anything
      const { publicData, secrets } = splitItem(item, merged.fieldIds);
      const now = nowIso(clock);
      const passwordChanged = (oldSecrets.password ?? '') !== (item.login?.password ?? '');
      await db.transaction().execute(async (trx) => {
        const versionId = newId();
        const snapshot = JSON.stringify(joinItem(before, oldSecrets));
        await repo.addVersion(trx, { id: versionId, item_id: before.id, title: before.title, sealed: sealFields(key, before.id, { [`version:${versionId}`]: snapshot })[`version:${versionId}`]!, now });
        if (passwordChanged && oldSecrets.password) {
          const hid = newId();
          await repo.addPasswordHistory(trx, { id: hid, item_id: before.id, sealed: sealFields(key, before.id, { [`history:${hid}`]: oldSecrets.password })[`history:${hid}`]!, changed_at: before.password_changed_at ?? before.updated_at, now });
        }
        await repo.update(trx, before.id, {
          type: item.type, title: item.title, subtitle: subtitleOf(item), folder: item.folder, tags: JSON.stringify(item.tags),
          favorite: item.favorite ? 1 : 0, reprompt: item.reprompt ? 1 : 0, notes: item.notes,
          public_data: JSON.stringify(publicData), secrets: JSON.stringify(sealFields(key, before.id, secrets)),
          has_totp: item.login?.totp ? 1 : 0, password_changed_at: passwordChanged ? (item.login?.password ? now : null) : before.password_changed_at,
          updated_at: now,
        });
      });
      invalidate([before.id]);
      return detail(await row(before.id));
    },

    /** Stores a TOTP key (otpauth URI or secret) on a login, sealed; the seed never goes back out. */
    async setTotp(id: string, key: string, password?: string): Promise<ItemDetail> {
      parseOtpInput(key);
      const r = await row(id);
      if (r.type !== 'login') throw new AppError('CONFLICT', 'TOTP can be added to logins only.');
      await checkReprompt(r, password);
      const sealed = { ...parseSealedMap(r.secrets), ...sealFields(deps.itemsKey(), id, { totpSecret: key }) };
      await repo.update(deps.db(), id, { secrets: JSON.stringify(sealed), has_totp: 1, updated_at: nowIso(clock) });
      invalidate([id]);
      return detail(await row(id));
    },

    async trash({ id }: { id: string }) {
      const r = await row(id);
      const now = nowIso(clock);
      if (!r.deleted_at) await repo.update(deps.db(), id, { deleted_at: now, updated_at: now });
      invalidate([id]);
      return toSummary(await row(id));
    },

    async restore({ id }: { id: string }) {
      await row(id);
      await repo.update(deps.db(), id, { deleted_at: null, updated_at: nowIso(clock) });
      invalidate([id]);
      return toSummary(await row(id));
    },

    async purge({ id }: { id: string }) {
      const r = await row(id);
      if (!r.deleted_at) throw new AppError('CONFLICT', 'Only items in the trash can be erased.');
      await deps.db().transaction().execute((trx) => repo.purge(trx, id, nowIso(clock)));
      invalidate([id]);
      return { purged: true as const };
    },

    /** Erases items that have been in the trash longer than the retention period. */
    async purgeExpired(): Promise<number> {
      const cutoff = new Date(clock() - TRASH_RETENTION_DAYS * 86_400_000).toISOString();
      const old = await repo.trashedBefore(deps.db(), cutoff);
      for (const { id } of old) await deps.db().transaction().execute((trx) => repo.purge(trx, id, nowIso(clock)));
      if (old.length) invalidate(old.map((o) => o.id));
      return old.length;
    },

    async reveal(input: z.output<typeof RevealInput>) {
      const { value, row: r } = await secretOf(input);
      await touchUsed(r.id);
      return { value };
    },

    async copy(input: z.output<typeof RevealInput>) {
      const { value, row: r } = await secretOf(input, true);
      const seconds = (await deps.settings()).clipboardClearSeconds;
      await deps.clipboard.copySecret(input.field === 'totpSecret' ? totpCode(parseOtpInput(value), clock()).code : value, seconds);
      await touchUsed(r.id);
      return { clearAfterSeconds: seconds };
    },

    async totp({ id }: { id: string }) {
      const r = await row(id);
      const sealed = parseSealedMap(r.secrets).totpSecret;
      if (!sealed) throw new AppError('NOT_FOUND', 'This item has no TOTP.');
      const config = parseOtpInput(openField(deps.itemsKey(), r.id, 'totpSecret', sealed));
      const code = totpCode(config, clock());
      return { code: code.code, secondsRemaining: code.secondsRemaining, period: code.period, digits: config.digits };
    },

    /** The TOTP seed for moving it to another device: the master password every time, re-prompt or not. */
    async revealTotpSeed({ id, password }: { id: string; password?: string }) {
      const r = await row(id);
      await master.check(password, 'Showing the TOTP key needs your master password.');
      const sealed = parseSealedMap(r.secrets).totpSecret;
      if (!sealed) throw new AppError('NOT_FOUND', 'This item has no TOTP.');
      const config = parseOtpInput(openField(deps.itemsKey(), r.id, 'totpSecret', sealed));
      await touchUsed(r.id);
      return { uri: buildOtpauthUri(config), secret: config.secret };
    },

    async passwordHistory({ id }: { id: string }) {
      await row(id);
      return (await repo.passwordHistory(deps.db(), id)).map((h) => ({ id: h.id, changedAt: h.changed_at }));
    },

    async versions({ id }: { id: string }) {
      await row(id);
      return (await repo.versions(deps.db(), id)).map((v) => ({ id: v.id, savedAt: v.created_at, title: v.title }));
    },

    async folders() {
      return countBy((await repo.listAll(deps.db(), false)).map((r) => r.folder).filter(Boolean));
    },

    async tags() {
      return countBy((await repo.listAll(deps.db(), false)).flatMap((r) => JSON.parse(r.tags) as string[]));
    },

    /** Every live item with its secrets, one at a time (export, health). Never crosses IPC. */
    async *allPlain(): AsyncGenerator<{ row: VaultItemRow; item: ItemData; passwordHistory: { password: string; changedAt: string }[] }> {
      const key = deps.itemsKey();
      for (const r of await repo.listAll(deps.db(), false)) {
        const history = (await repo.passwordHistory(deps.db(), r.id)).map((h) => ({ password: openField(key, r.id, `history:${h.id}`, h.sealed), changedAt: h.changed_at }));
        yield { row: r, item: joinItem(r, openFields(key, r.id, parseSealedMap(r.secrets))), passwordHistory: history };
      }
    },

    /** Drops cached state on lock. */
    reset() {
      live = null;
      stale = [];
      master.reset();
    },
  };
}

export type VaultItems = ReturnType<typeof createVaultItems>;

function countBy(values: string[]): { name: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return sortByName([...counts].map(([name, count]) => ({ name, count })), (c) => c.name);
}

/**
 * Fills secrets the edit left out (meaning "keep") from what is stored. A hidden field turned into a
 * text or boolean one must come with its value: keeping the sealed value would publish it (INVALID_INPUT).
 */
function mergeKeptSecrets(edit: z.output<typeof UpdateItemInput>['item'], old: Record<string, string>, oldFields: readonly CustomFieldView[]) {
  const keep = (value: string | undefined, field: string) => value ?? old[field] ?? '';
  const fieldIds: string[] = [];
  const fields = edit.fields.map((f) => {
    const prev = f.id ? oldFields.find((o) => o.id === f.id) : undefined;
    fieldIds.push(prev?.id ?? newId());
    if (f.value !== undefined || !prev) return { name: f.name, type: f.type, value: f.value ?? '' };
    if (prev.type === 'hidden' && f.type !== 'hidden') {
      throw new AppError('INVALID_INPUT', `Enter the value of "${f.name}" again to make it visible.`, { issues: [{ path: 'item.fields', message: 'A hidden field needs its value re-entered to become visible.' }] });
    }
    return { name: f.name, type: f.type, value: prev.type === 'hidden' ? (old[`field:${prev.id}`] ?? '') : (prev.value ?? '') };
  });
  const item = {
    ...edit,
    secureNote: keep(edit.secureNote, 'secureNote'),
    login: edit.login ? { ...edit.login, password: keep(edit.login.password, 'password'), totp: keep(edit.login.totp, 'totpSecret') } : undefined,
    card: edit.card ? { ...edit.card, number: keep(edit.card.number, 'cardNumber'), code: keep(edit.card.code, 'cardCode') } : undefined,
    identity: edit.identity
      ? { ...edit.identity, ssn: keep(edit.identity.ssn, 'ssn'), passportNumber: keep(edit.identity.passportNumber, 'passportNumber'), licenseNumber: keep(edit.identity.licenseNumber, 'licenseNumber') }
      : undefined,
    fields,
  };
  return { item, fieldIds };
}
