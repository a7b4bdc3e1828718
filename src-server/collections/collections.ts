import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { z } from 'zod';
import type { AddMemberRequest, CollectionInfo, CreateCollectionRequest, RotateKeyRequest } from '../../src-shared/sync/protocol';
import type { Principal } from '../auth/tokens';
import type { ServerContext } from '../context';
import type { ServerDatabase } from '../db/database';
import { badRequest, conflict, forbidden, notFound } from '../http/errors';

type Info = z.infer<typeof CollectionInfo>;
type Db = ServerContext['db'] | Transaction<ServerDatabase>;

/** A collection as one member sees it: its role, its own wrapped key and the member list (ids, emails, roles). */
async function infoFor(db: Db, collectionId: string, accountId: string): Promise<Info | null> {
  const own = await db
    .selectFrom('collections as c')
    .innerJoin('members as m', 'm.collection_id', 'c.id')
    .select(['c.id', 'c.kind', 'c.sealed_name', 'c.key_version', 'm.role', 'm.wrapped_key'])
    .where('c.id', '=', collectionId)
    .where('m.account_id', '=', accountId)
    .executeTakeFirst();
  if (!own) return null;
  const members = await db
    .selectFrom('members as m')
    .innerJoin('accounts as a', 'a.id', 'm.account_id')
    .select(['m.account_id', 'a.email', 'm.role'])
    .where('m.collection_id', '=', collectionId)
    .orderBy('m.added_at')
    .orderBy('m.account_id')
    .execute();
  return {
    id: own.id,
    kind: own.kind,
    sealedName: own.sealed_name,
    role: own.role,
    keyVersion: own.key_version,
    wrappedKey: own.wrapped_key,
    members: members.map((m) => ({ accountId: m.account_id, email: m.email, role: m.role })),
  };
}

/** The collections this account is a member of. */
export async function listCollections(ctx: ServerContext, me: Principal): Promise<Info[]> {
  const ids = await ctx.db.selectFrom('members').select('collection_id').where('account_id', '=', me.accountId).orderBy('added_at').execute();
  const out: Info[] = [];
  for (const { collection_id } of ids) {
    const info = await infoFor(ctx.db, collection_id, me.accountId);
    if (info) out.push(info);
  }
  return out;
}

/** Creates a collection owned by the caller, with the collection key (version 1) wrapped to the owner. */
export async function createCollection(ctx: ServerContext, me: Principal, req: z.infer<typeof CreateCollectionRequest>): Promise<Info> {
  const id = randomUUID();
  const now = ctx.now();
  return ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('collections')
      .values({ id, kind: req.kind, sealed_name: req.sealedName, key_version: 1, created_by: me.accountId, created_at: now })
      .execute();
    await trx
      .insertInto('members')
      .values({ collection_id: id, account_id: me.accountId, role: 'owner', wrapped_key: req.wrappedKey, key_version: 1, added_at: now })
      .execute();
    return (await infoFor(trx, id, me.accountId))!;
  });
}

/** Locks the collection row and checks the caller owns it (NOT_FOUND for non-members, FORBIDDEN for non-owners). */
async function lockAsOwner(trx: Transaction<ServerDatabase>, me: Principal, collectionId: string): Promise<{ key_version: number }> {
  const row = await trx.selectFrom('collections').select('key_version').where('id', '=', collectionId).forUpdate().executeTakeFirst();
  const member = row
    ? await trx.selectFrom('members').select('role').where('collection_id', '=', collectionId).where('account_id', '=', me.accountId).executeTakeFirst()
    : undefined;
  if (!row || !member) throw notFound('No such collection');
  if (member.role !== 'owner') throw forbidden('Only the owner manages members');
  return row;
}

/**
 * Adds a member (or changes an existing member's role and wrapped key) by email. The wrapped key must be for the
 * collection's current key version, else CONFLICT (the owner's device is behind a rotation).
 */
export async function addMember(ctx: ServerContext, me: Principal, collectionId: string, req: z.infer<typeof AddMemberRequest>): Promise<Info> {
  return ctx.db.transaction().execute(async (trx) => {
    const coll = await lockAsOwner(trx, me, collectionId);
    if (req.keyVersion !== coll.key_version) throw conflict(`The collection key is at version ${coll.key_version}`);
    const account = await trx.selectFrom('accounts').select('id').where('email', '=', req.email).executeTakeFirst();
    if (!account) throw notFound('No account with this email');
    if (account.id === me.accountId) throw badRequest('The owner is already a member');
    await trx
      .insertInto('members')
      .values({
        collection_id: collectionId,
        account_id: account.id,
        role: req.role,
        wrapped_key: req.wrappedKey,
        key_version: req.keyVersion,
        added_at: ctx.now(),
      })
      .onConflict((oc) => oc.columns(['collection_id', 'account_id']).doUpdateSet({ role: req.role, wrapped_key: req.wrappedKey, key_version: req.keyVersion }))
      .execute();
    return (await infoFor(trx, collectionId, me.accountId))!;
  });
}

/** Removes a member: from now on the server refuses their reads and writes; the owner rotates the key next. */
export async function removeMember(ctx: ServerContext, me: Principal, collectionId: string, accountId: string): Promise<Info> {
  return ctx.db.transaction().execute(async (trx) => {
    await lockAsOwner(trx, me, collectionId);
    if (accountId === me.accountId) throw badRequest('The owner cannot remove themselves');
    const gone = await trx.deleteFrom('members').where('collection_id', '=', collectionId).where('account_id', '=', accountId).executeTakeFirst();
    if (Number(gone.numDeletedRows) === 0) throw notFound('No such member');
    return (await infoFor(trx, collectionId, me.accountId))!;
  });
}

/**
 * Rotates the collection key: the next version, wrapped to exactly the current members (the owner included). A
 * rotation that misses a member, names a non-member or skips a version is refused, so nobody is silently cut off.
 */
export async function rotateKey(ctx: ServerContext, me: Principal, collectionId: string, req: z.infer<typeof RotateKeyRequest>): Promise<Info> {
  return ctx.db.transaction().execute(async (trx) => {
    const coll = await lockAsOwner(trx, me, collectionId);
    if (req.keyVersion !== coll.key_version + 1) throw conflict(`The next key version is ${coll.key_version + 1}`);
    const members = (await trx.selectFrom('members').select('account_id').where('collection_id', '=', collectionId).execute()).map((m) => m.account_id);
    const given = new Map(req.wrappedKeys.map((w) => [w.accountId.toLowerCase(), w.wrappedKey]));
    if (given.size !== req.wrappedKeys.length) throw badRequest('A member is listed twice');
    const missing = members.filter((id) => !given.has(id));
    if (missing.length > 0) throw badRequest(`The rotation misses ${missing.length} member(s): every member needs the new key`);
    if (given.size !== members.length) throw badRequest('The rotation names accounts that are not members');
    await trx.updateTable('collections').set({ key_version: req.keyVersion }).where('id', '=', collectionId).execute();
    for (const [accountId, wrappedKey] of given) {
      await trx
        .updateTable('members')
        .set({ wrapped_key: wrappedKey, key_version: req.keyVersion })
        .where('collection_id', '=', collectionId)
        .where('account_id', '=', accountId)
        .execute();
    }
    return (await infoFor(trx, collectionId, me.accountId))!;
  });
}

/** The X25519 public key of the account with this email (to wrap a collection key to it), or NOT_FOUND. */
export async function publicKeyOf(ctx: ServerContext, email: string): Promise<{ accountId: string; publicKey: string }> {
  const row = await ctx.db.selectFrom('accounts').select(['id', 'public_key']).where('email', '=', email).executeTakeFirst();
  if (!row) throw notFound('No account with this email');
  return { accountId: row.id, publicKey: row.public_key };
}
