import type { Kysely } from 'kysely';
import { z } from 'zod';
import { WrappedCollectionKey, WrappedPrivateKey } from '../../src-shared/sync/protocol';
import type { Database } from '../db/database';
import { openPrivateKey } from './keys';
import { getState, setState } from './sync-store';

/**
 * What a device remembers about shared collections (docs/sync.md#collections), in `sync_state` (the encrypted profile
 * database; not change-logged, so never synced):
 * - `collection:<id>`: the collection's kind and its key for EVERY version this device has seen, each still wrapped to
 *   the account's X25519 public key. The server keeps only the current version's wrapped key, so the older ones live
 *   here: envelopes sealed before a rotation keep opening for members who stay.
 * - `route:<kind>`: the space a kind's tables were last routed to (absent: the personal space), so a change of route
 *   (sharing, joining, being removed) re-queues those tables into the new space exactly once.
 * - `identity:sealed`: the account's X25519 private key sealed under the data key, as sign-in returned it.
 * - `fingerprint:<account id>`: the key fingerprint the owner confirmed when inviting that account, checked again
 *   whenever this device wraps a rotated key to it.
 */

const COLLECTION_PREFIX = 'collection:';

const StoredCollection = z.strictObject({
  kind: z.string().regex(/^[a-z]{1,32}$/),
  /** Key version (decimal text) → the collection key of that version wrapped to this account. */
  keys: z.record(z.string().regex(/^[1-9][0-9]{0,8}$/), WrappedCollectionKey),
});
export type StoredCollection = z.infer<typeof StoredCollection>;

/** Every collection this device remembers, by id; an unreadable entry is skipped (the next refresh rewrites it). */
export async function readStoredCollections(db: Kysely<Database>): Promise<Map<string, StoredCollection>> {
  const rows = await db.selectFrom('sync_state').select(['key', 'value']).where('key', 'like', `${COLLECTION_PREFIX}%`).execute();
  const out = new Map<string, StoredCollection>();
  for (const r of rows) {
    try {
      const parsed = StoredCollection.safeParse(JSON.parse(r.value));
      if (parsed.success) out.set(r.key.slice(COLLECTION_PREFIX.length), parsed.data);
    } catch {
      // Not JSON: ignored, rewritten from the server's answer.
    }
  }
  return out;
}

/** Saves one collection's remembered keys (inside the caller's write). */
export async function writeStoredCollection(trx: Kysely<Database>, id: string, c: StoredCollection): Promise<void> {
  await setState(trx, `${COLLECTION_PREFIX}${id}`, JSON.stringify(StoredCollection.parse(c)));
}

/** Forgets a collection this account no longer belongs to (its keys included). */
export async function forgetStoredCollection(trx: Kysely<Database>, id: string): Promise<void> {
  await trx.deleteFrom('sync_state').where('key', '=', `${COLLECTION_PREFIX}${id}`).execute();
}

const routeKey = (kind: string): string => `route:${kind}`;

/** The space a kind's tables were last routed to, or undefined for the personal space. */
export async function readRoute(db: Kysely<Database>, kind: string): Promise<string | undefined> {
  return getState(db, routeKey(kind));
}

/** Records where a kind's tables go now (undefined: back to the personal space). */
export async function writeRoute(trx: Kysely<Database>, kind: string, spaceId: string | undefined): Promise<void> {
  if (spaceId === undefined) await trx.deleteFrom('sync_state').where('key', '=', routeKey(kind)).execute();
  else await setState(trx, routeKey(kind), spaceId);
}

const IDENTITY_KEY = 'identity:sealed';

/**
 * Keeps the sealed private key a sign-in returned (`SessionResponse.wrappedPrivateKey`), so later unlocks can open
 * collection keys without asking the server. Call it wherever a session is adopted (sign up, sign in, join).
 */
export async function rememberIdentity(trx: Kysely<Database>, wrappedPrivateKey: string): Promise<void> {
  await setState(trx, IDENTITY_KEY, WrappedPrivateKey.parse(wrappedPrivateKey));
}

/** The account's X25519 private key, opened with the data key; null before any sign-in remembered it. Wipe it after use. */
export async function loadPrivateKey(db: Kysely<Database>, dek: Buffer): Promise<Buffer | null> {
  const sealed = await getState(db, IDENTITY_KEY);
  return sealed === undefined ? null : openPrivateKey(dek, sealed);
}

const fingerprintKey = (accountId: string): string => `fingerprint:${accountId}`;

/** Remembers the key fingerprint the owner confirmed for a member (an invite made on this device). */
export async function rememberFingerprint(trx: Kysely<Database>, accountId: string, fingerprint: string): Promise<void> {
  await setState(trx, fingerprintKey(accountId), fingerprint);
}

/** The fingerprint confirmed for a member on this device, if it invited them. */
export async function confirmedFingerprint(db: Kysely<Database>, accountId: string): Promise<string | undefined> {
  return getState(db, fingerprintKey(accountId));
}
