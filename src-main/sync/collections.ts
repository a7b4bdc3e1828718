import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { sameFingerprint } from '../../src-shared/sync/fingerprint';
import type { CollectionInfo, Role } from '../../src-shared/sync/protocol';
import { wipe } from '../crypto/cipher';
import type { Database } from '../db/database';
import {
  confirmedFingerprint,
  forgetStoredCollection,
  readRoute,
  readStoredCollections,
  rememberFingerprint,
  writeRoute,
  writeStoredCollection,
  type StoredCollection,
} from './collection-store';
import { cursorKey } from './engine';
import type { SyncHttpClient } from './http-client';
import {
  collectionSpaceKeys,
  keyFingerprint,
  newCollectionKey,
  openName,
  publicKeyOf,
  sealName,
  unwrapCollectionKey,
  wipeSpaceKeys,
  wrapCollectionKey,
} from './keys';
import { requeueTables } from './outbox';
import { BATCHES_TABLES, type SyncedTable } from './tables';
import { SyncError, type SpaceKeys } from './types';

/**
 * Shared collections on the client (docs/sync.md#collections): a shop's batches register shared with its staff.
 *
 * - Keys. A collection has a random 32-byte key per key version, wrapped by the server-side list to each member's
 *   X25519 public key. A device unwraps it with the account's private key and derives the space's envelope and row
 *   keys from it (keys.ts `collectionSpaceKeys`). It seals with the newest version and opens with any version it
 *   has seen (newest first: `SpaceKeys.older`), remembered in `sync_state` because the server only keeps the
 *   current one. A rotation also re-queues the register's current state, sealed under the new key, so a member or
 *   device that only ever held the newest key still gets the whole register (older envelopes it cannot open are
 *   skipped and counted as rejected).
 * - Routing. While this account belongs to a collection of a kind, that kind's tables (batches: products, batches,
 *   stock_movements, label_prints) go to the collection's space instead of the personal one. Whenever the route of
 *   a kind changes (shared, joined, removed), every synced row of those tables is queued once into the new space.
 * - Roles. The server enforces them: an editor's pushes are stored, a viewer's are refused with FORBIDDEN, which the
 *   engine turns into conflicts (refused.ts) instead of retrying.
 * - Fingerprints. The owner gets an invitee's public key from the server, which could hand over its own. So an invite
 *   names the fingerprint the owner confirmed out of band (the invitee reads theirs from Settings → Sync), and
 *   `invite` refuses with {@link KeyChangedError} before wrapping anything when the server's key has another one.
 * - Removing a member rotates the key at once: a new version wrapped to every remaining member (the server refuses
 *   a rotation that misses one), so what is written afterwards is sealed under a key the removed member never had.
 */

/** The kinds of collection this client understands, and the tables each one carries. */
export const SHARED_KINDS: Readonly<Record<'batches', readonly SyncedTable[]>> = { batches: BATCHES_TABLES };
export type SharedKind = keyof typeof SHARED_KINDS;

/** What the collections part needs from the HTTP client (http-client.ts implements all of it). */
export type CollectionsClient = Pick<SyncHttpClient, 'collections' | 'createCollection' | 'publicKey' | 'addMember' | 'removeMember' | 'rotateKey'>;

export interface SharedCollectionsDeps {
  /** Reads. */
  db: () => Kysely<Database>;
  /** The 'sync' module's write (sync_state and the outbox are written through it, like the engine's writes). */
  write: <T>(fn: (trx: Kysely<Database>) => Promise<T>) => Promise<T>;
  client: CollectionsClient;
  /** This account's server id. */
  accountId: string;
  /** The personal space's keys: first in `spaces()`. */
  personal: SpaceKeys;
  /**
   * The account's X25519 private key (collection-store.ts `loadPrivateKey`), asked for once and wiped by `close`;
   * null when this device has none yet (signed in before it was remembered): collections stay off until a sign-in.
   */
  privateKey: () => Promise<Buffer | null>;
}

/**
 * The server gives a key for an invitee whose fingerprint is not the one the owner confirmed: either it changed
 * since (the account was re-created) or the server substitutes its own. Nothing was wrapped or sent.
 */
export class KeyChangedError extends SyncError {
  constructor(
    readonly email: string,
    what = 'before inviting',
  ) {
    super('CONFLICT', `The server now gives another key for ${email}: check the fingerprint again with them ${what}.`);
    this.name = 'KeyChangedError';
  }
}

/** One collection as the sync module and Settings show it. */
export interface SharedCollection {
  id: string;
  kind: string;
  /** Its name, opened with the collection key; null when this device cannot open it (a key version it never held). */
  name: string | null;
  /** This account's role in it. */
  role: Role;
  keyVersion: number;
  members: Array<{ accountId: string; email: string; role: Role }>;
  /** Whether this profile's tables of that kind sync into this collection now. */
  active: boolean;
}

type Info = z.infer<typeof CollectionInfo>;

interface Open {
  info: Info;
  name: string | null;
  /** Newest version's keys, with every older version this device holds in `older` (newest first). */
  keys: SpaceKeys;
}

export interface SharedCollections {
  /** Reads what this device remembers (no network): routing and keys work offline from the last refresh. */
  load(): Promise<void>;
  /** Asks the server which collections this account is in, remembers their keys, and moves routes (re-queueing rows once). */
  refresh(): Promise<SharedCollection[]>;
  /** The last known collections (after load/refresh). */
  list(): SharedCollection[];
  /** The engine's `spaces`: the personal space first, then every collection this device can open. */
  spaces(): SpaceKeys[];
  /** The engine's `spaceOf`: a collection's space for the tables of its kind, '' for "the default" (personal). */
  spaceOf(table: string, rowId: string): string;
  /** Creates the shop's shared batches register (this account the owner) and starts routing the batches tables to it. */
  shareBatches(name: string): Promise<SharedCollection>;
  /** This account's key fingerprint (from the local private key, not the server): what a member reads to the owner. */
  fingerprint(): Promise<string>;
  /** The fingerprint of the public key the server gives for an email: what the owner compares before inviting. */
  memberKey(email: string): Promise<string>;
  /**
   * Adds a member by email (or changes an existing member's role), wrapping the current key to their public key,
   * only when that key's fingerprint is `fingerprint` (the one the owner confirmed); else {@link KeyChangedError}.
   */
  invite(collectionId: string, email: string, role: Exclude<Role, 'owner'>, fingerprint: string): Promise<SharedCollection>;
  /** Removes a member and rotates the key to everyone who stays; the register is re-sealed under the new key. */
  removeMember(collectionId: string, accountId: string): Promise<SharedCollection>;
  /** Wipes every key held in memory. */
  close(): void;
}

/** The collections part for one unlocked, signed-in profile. */
export function createSharedCollections(deps: SharedCollectionsDeps): SharedCollections {
  let privateKey: Buffer | null = null;
  let closed = false;
  async function identity(): Promise<Buffer | null> {
    if (closed) return null;
    privateKey ??= await deps.privateKey();
    return privateKey;
  }
  async function requireIdentity(): Promise<Buffer> {
    const pk = await identity();
    if (!pk) throw new SyncError('UNAUTHORIZED', 'Sign in to sync again on this device to use shared collections.');
    return pk;
  }
  let open = new Map<string, Open>();
  /** kind → collection id its tables route to now. */
  let routes = new Map<string, string>();

  const kindOf = (table: string): SharedKind | undefined =>
    (Object.keys(SHARED_KINDS) as SharedKind[]).find((k) => (SHARED_KINDS[k] as readonly string[]).includes(table));

  function summary(o: Open): SharedCollection {
    return {
      id: o.info.id,
      kind: o.info.kind,
      name: o.name,
      role: o.info.role,
      keyVersion: o.info.keyVersion,
      members: o.info.members,
      active: routes.get(o.info.kind) === o.info.id,
    };
  }

  /** Unwraps every remembered version (newest first); a version that does not open is left out. */
  function openKeys(
    pk: Buffer,
    id: string,
    stored: StoredCollection,
    sealedName: string | null,
  ): { keys: SpaceKeys | null; version: number; name: string | null } {
    const versions = Object.keys(stored.keys)
      .map(Number)
      .sort((a, b) => b - a);
    const all: SpaceKeys[] = [];
    let version = 0;
    let name: string | null = null;
    for (const v of versions) {
      let raw: Buffer;
      try {
        raw = unwrapCollectionKey(stored.keys[String(v)]!, pk);
      } catch {
        continue; // not for this identity, or damaged: the other versions may still open
      }
      try {
        all.push(collectionSpaceKeys(raw, id));
        version ||= v;
        if (name === null && sealedName !== null) {
          try {
            name = openName(raw, sealedName);
          } catch {
            // sealed under another version: try the next one
          }
        }
      } finally {
        wipe(raw);
      }
    }
    const [newest, ...older] = all;
    return { keys: newest ? { ...newest, older } : null, version, name };
  }

  /** Picks, per kind, the collection its tables go to: one this account owns first, else the earliest joined. */
  function chooseRoutes(collections: Iterable<Open>): Map<string, string> {
    const out = new Map<string, string>();
    const list = [...collections];
    for (const kind of Object.keys(SHARED_KINDS)) {
      const ofKind = list.filter((o) => o.info.kind === kind);
      const chosen = ofKind.find((o) => o.info.role === 'owner') ?? ofKind[0];
      if (chosen) out.set(kind, chosen.info.id);
    }
    return out;
  }

  /**
   * Replaces what is held. Replaced keys are not wiped here: a sync pass may be sealing with them right now (a
   * refresh from Settings runs beside background sync); `close` wipes whatever is held at lock.
   */
  function swap(next: Map<string, Open>, nextRoutes: Map<string, string>): void {
    open = next;
    routes = nextRoutes;
  }

  function wipeOpen(o: Open): void {
    for (const k of o.keys.older ?? []) wipeSpaceKeys(k);
    wipeSpaceKeys(o.keys);
  }

  /** Re-queues a kind's rows into its route (inside a write). */
  const requeue = (trx: Kysely<Database>, kind: SharedKind, spaceId: string | undefined): Promise<number> =>
    requeueTables(trx, SHARED_KINDS[kind], () => spaceId ?? deps.personal.spaceId);

  /** The collection if this account owns it; asks the server once when it is not known here yet (a fresh process). */
  async function requireOwned(collectionId: string): Promise<Open> {
    if (!open.has(collectionId)) await api.refresh();
    const o = open.get(collectionId);
    if (!o) throw new SyncError('NOT_FOUND', 'This profile is not a member of that shared collection (refresh the list).');
    if (o.info.role !== 'owner') throw new SyncError('FORBIDDEN', 'Only the owner of a shared collection manages its members.');
    return o;
  }

  /** The raw current collection key, unwrapped on demand (wipe after use). */
  async function currentKey(o: Open): Promise<Buffer> {
    const stored = (await readStoredCollections(deps.db())).get(o.info.id);
    const wrapped = stored?.keys[String(o.info.keyVersion)] ?? o.info.wrappedKey;
    return unwrapCollectionKey(wrapped, await requireIdentity());
  }

  const api: SharedCollections = {
    async load() {
      const pk = await identity();
      if (!pk) return;
      const stored = await readStoredCollections(deps.db());
      const next = new Map<string, Open>();
      for (const [id, s] of stored) {
        const { keys } = openKeys(pk, id, s, null);
        if (!keys) continue;
        // Offline we know the kind and keys, not the role or members: the server enforces roles anyway.
        next.set(id, { info: { id, kind: s.kind, sealedName: '', role: 'viewer', keyVersion: 1, wrappedKey: '', members: [] }, name: null, keys });
      }
      const nextRoutes = new Map<string, string>();
      for (const kind of Object.keys(SHARED_KINDS)) {
        const r = await readRoute(deps.db(), kind);
        if (r !== undefined && next.has(r)) nextRoutes.set(kind, r);
      }
      swap(next, nextRoutes);
    },

    async refresh() {
      const pk = await identity();
      if (!pk) return [];
      const { collections } = await deps.client.collections();
      const stored = await readStoredCollections(deps.db());
      const next = new Map<string, Open>();
      const save: Array<[string, StoredCollection]> = [];
      for (const info of collections) {
        const s: StoredCollection = stored.get(info.id) ?? { kind: info.kind, keys: {} };
        if (s.keys[String(info.keyVersion)] !== info.wrappedKey) {
          s.keys[String(info.keyVersion)] = info.wrappedKey;
          save.push([info.id, s]);
        }
        const { keys, version, name } = openKeys(pk, info.id, s, info.sealedName);
        // A collection whose current key does not open here (wrapped to another identity) cannot be used.
        if (!keys || version !== info.keyVersion) continue;
        next.set(info.id, { info, name, keys });
      }
      const lost = [...stored.keys()].filter((id) => !collections.some((c) => c.id === id));
      const nextRoutes = chooseRoutes(next.values());
      let moved = false;
      for (const kind of Object.keys(SHARED_KINDS)) moved ||= (await readRoute(deps.db(), kind)) !== nextRoutes.get(kind);
      // Most passes change nothing here: no write then (a write would take the lock and a clock tick for nothing).
      if (save.length > 0 || lost.length > 0 || moved) {
        await deps.write(async (trx) => {
          for (const [id, s] of save) await writeStoredCollection(trx, id, s);
          for (const id of lost) {
            // Removed (or the collection is gone): its keys go, and changes still waiting for it would never be
            // accepted; the re-queue below puts the same rows' state into the new route instead.
            await forgetStoredCollection(trx, id);
            await trx.deleteFrom('sync_outbox').where('space_id', '=', id).execute();
            await trx.deleteFrom('sync_state').where('key', '=', cursorKey(id)).execute();
          }
          for (const kind of Object.keys(SHARED_KINDS) as SharedKind[]) {
            const want = nextRoutes.get(kind);
            if ((await readRoute(trx, kind)) === want) continue;
            await requeue(trx, kind, want);
            await writeRoute(trx, kind, want);
          }
        });
      }
      swap(next, nextRoutes);
      return api.list();
    },

    list: () => [...open.values()].map(summary),

    spaces: () => [deps.personal, ...[...open.values()].map((o) => o.keys)],

    spaceOf(table) {
      const kind = kindOf(table);
      return (kind && routes.get(kind)) || '';
    },

    async shareBatches(name) {
      await api.refresh();
      const mine = [...open.values()].find((o) => o.info.kind === 'batches' && o.info.role === 'owner');
      if (mine) return summary(mine);
      const key = newCollectionKey();
      let id: string;
      try {
        id = (
          await deps.client.createCollection({
            kind: 'batches',
            sealedName: sealName(key, name),
            wrappedKey: wrapCollectionKey(key, publicKeyOf(await requireIdentity())),
          })
        ).id;
      } finally {
        wipe(key);
      }
      return found(await api.refresh(), id);
    },

    async fingerprint() {
      return keyFingerprint(publicKeyOf(await requireIdentity()));
    },

    async memberKey(email) {
      return keyFingerprint((await deps.client.publicKey(email)).publicKey);
    },

    async invite(collectionId, email, role, fingerprint) {
      if ((role as Role) === 'owner') throw new SyncError('BAD_REQUEST', 'A shared collection has one owner.');
      const o = await requireOwned(collectionId);
      // SECURITY: the key comes from the server; wrap to it only if it is the one the owner confirmed out of band.
      const { publicKey } = await deps.client.publicKey(email);
      if (!sameFingerprint(keyFingerprint(publicKey), fingerprint)) throw new KeyChangedError(email);
      const key = await currentKey(o);
      try {
        await deps.client.addMember(collectionId, { email, role, wrappedKey: wrapCollectionKey(key, publicKey), keyVersion: o.info.keyVersion });
      } finally {
        wipe(key);
      }
      const c = found(await api.refresh(), collectionId);
      // Checked again at every rotation this device makes (removeMember).
      const member = c.members.find((m) => m.email.toLowerCase() === email.toLowerCase());
      if (member) await deps.write((trx) => rememberFingerprint(trx, member.accountId, keyFingerprint(publicKey)));
      return c;
    },

    async removeMember(collectionId, accountId) {
      await requireOwned(collectionId);
      const pk = await requireIdentity();
      if (accountId === deps.accountId) throw new SyncError('BAD_REQUEST', 'The owner cannot leave their own shared collection.');
      try {
        await deps.client.removeMember(collectionId, accountId);
      } catch (err) {
        // Already removed by an earlier attempt whose rotation failed: rotate now.
        if (!(err instanceof SyncError && err.code === 'NOT_FOUND')) throw err;
      }
      const info = (await deps.client.collections()).collections.find((c) => c.id === collectionId);
      if (!info) throw new SyncError('NOT_FOUND', 'The shared collection is gone.');
      const key = newCollectionKey();
      try {
        const wrappedKeys: Array<{ accountId: string; wrappedKey: string }> = [];
        for (const m of info.members) {
          const publicKey = m.accountId === deps.accountId ? publicKeyOf(pk) : (await deps.client.publicKey(m.email)).publicKey;
          // SECURITY: a member this device invited must still have the key the owner confirmed then.
          const confirmed = m.accountId === deps.accountId ? undefined : await confirmedFingerprint(deps.db(), m.accountId);
          if (confirmed && !sameFingerprint(keyFingerprint(publicKey), confirmed))
            throw new KeyChangedError(m.email, '(they are removed, but the key was not rotated)');
          wrappedKeys.push({ accountId: m.accountId, wrappedKey: wrapCollectionKey(key, publicKey) });
        }
        await deps.client.rotateKey(collectionId, { keyVersion: info.keyVersion + 1, wrappedKeys });
      } finally {
        wipe(key);
      }
      const list = await api.refresh();
      // Re-seal the register's current state under the new key: whoever holds only the newest key reads all of it.
      const kind = (Object.keys(SHARED_KINDS) as SharedKind[]).find((k) => routes.get(k) === collectionId);
      if (kind) await deps.write((trx) => requeue(trx, kind, collectionId));
      return found(list, collectionId);
    },

    close() {
      for (const o of open.values()) wipeOpen(o);
      swap(new Map(), new Map());
      closed = true;
      if (privateKey) wipe(privateKey);
      privateKey = null;
    },
  };
  return api;
}

function found(list: SharedCollection[], id: string): SharedCollection {
  const c = list.find((x) => x.id === id);
  if (!c) throw new SyncError('NOT_FOUND', 'The shared collection is not in the server’s list.');
  return c;
}
