import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Tokens } from '../../src-shared/sync/protocol';
import type { ServerContext } from '../context';
import type { ServerDatabase } from '../db/database';
import { unauthorized } from '../http/errors';

/**
 * Access and refresh tokens are opaque random 256-bit strings; the database keeps only their SHA-256. Opaque
 * tokens in a table rather than signed ones: every request already needs a database round trip to check that the
 * device is not revoked, and a revoked device (or a detected token theft) must stop working at once — a signed
 * token would stay valid until it expires.
 */
export const newToken = (): string => randomBytes(32).toString('base64url');
export const hashToken = (token: string): Buffer => createHash('sha256').update(token, 'utf8').digest();

type Db = Kysely<ServerDatabase> | Transaction<ServerDatabase>;

/** Who a valid access token belongs to. */
export interface Principal {
  accountId: string;
  deviceId: string;
}

/** Issues a fresh access token and a refresh token of the device session's family. */
export async function issueTokens(db: Db, ctx: ServerContext, deviceId: string, familyId: string): Promise<Tokens> {
  const now = ctx.now();
  const accessToken = newToken();
  const refreshToken = newToken();
  const accessExpiresAt = now.getTime() + ctx.limits.accessTokenSeconds * 1000;
  await db
    .insertInto('access_tokens')
    .values({ token_hash: hashToken(accessToken), device_id: deviceId, expires_at: new Date(accessExpiresAt) })
    .execute();
  await db
    .insertInto('refresh_tokens')
    .values({
      token_hash: hashToken(refreshToken),
      family_id: familyId,
      device_id: deviceId,
      created_at: now,
      expires_at: new Date(now.getTime() + ctx.limits.refreshTokenSeconds * 1000),
      rotated_at: null,
      revoked_at: null,
    })
    .execute();
  return { accessToken, refreshToken, accessExpiresAt };
}

/** Starts a device session: a new device row, its token family and its first tokens. */
export async function startDeviceSession(db: Db, ctx: ServerContext, accountId: string, deviceName: string): Promise<{ deviceId: string; tokens: Tokens }> {
  const deviceId = randomUUID();
  await db
    .insertInto('devices')
    .values({ id: deviceId, account_id: accountId, name: deviceName, created_at: ctx.now(), last_seen_at: ctx.now(), revoked_at: null })
    .execute();
  const tokens = await issueTokens(db, ctx, deviceId, randomUUID());
  return { deviceId, tokens };
}

/** The principal of a bearer access token, or null when it is unknown, expired or its device is revoked. */
export async function authenticate(ctx: ServerContext, accessToken: string): Promise<Principal | null> {
  const row = await ctx.db
    .selectFrom('access_tokens as t')
    .innerJoin('devices as d', 'd.id', 't.device_id')
    .select(['d.id as deviceId', 'd.account_id as accountId'])
    .where('t.token_hash', '=', hashToken(accessToken))
    .where('t.expires_at', '>', ctx.now())
    .where('d.revoked_at', 'is', null)
    .executeTakeFirst();
  return row ?? null;
}

/** Ends a device session at once: the device is marked revoked, its access tokens deleted, its refresh tokens revoked. */
export async function revokeDevice(db: Db, now: Date, deviceId: string): Promise<void> {
  await db.updateTable('devices').set({ revoked_at: now }).where('id', '=', deviceId).where('revoked_at', 'is', null).execute();
  await db.deleteFrom('access_tokens').where('device_id', '=', deviceId).execute();
  await db.updateTable('refresh_tokens').set({ revoked_at: now }).where('device_id', '=', deviceId).where('revoked_at', 'is', null).execute();
}

/**
 * Rotates a refresh token: the presented one is spent and a new pair is issued. Presenting an already spent token
 * means it was copied (the thief or the owner is replaying it): the whole family — the device session — is
 * revoked, so both must sign in again (OAuth 2.0 Security BCP, refresh token rotation with reuse detection).
 */
export async function rotateRefreshToken(ctx: ServerContext, refreshToken: string): Promise<Tokens> {
  const now = ctx.now();
  const outcome = await ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('refresh_tokens as r')
      .innerJoin('devices as d', 'd.id', 'r.device_id')
      .select(['r.token_hash', 'r.family_id', 'r.device_id', 'r.expires_at', 'r.rotated_at', 'r.revoked_at', 'd.revoked_at as device_revoked_at'])
      .where('r.token_hash', '=', hashToken(refreshToken))
      .forUpdate()
      .executeTakeFirst();
    if (!row || row.revoked_at || row.device_revoked_at || row.expires_at <= now) return null;
    if (row.rotated_at) {
      // SECURITY: reuse of a rotated refresh token = theft detection: revoke the device session.
      await revokeDevice(trx, now, row.device_id);
      return 'reused' as const;
    }
    await trx.updateTable('refresh_tokens').set({ rotated_at: now }).where('token_hash', '=', row.token_hash).execute();
    // The tombstone purge treats a device unseen for refreshTokenSeconds as gone: a refresh is a sign of life.
    await trx.updateTable('devices').set({ last_seen_at: now }).where('id', '=', row.device_id).execute();
    await trx.deleteFrom('access_tokens').where('device_id', '=', row.device_id).where('expires_at', '<=', now).execute();
    return issueTokens(trx, ctx, row.device_id, row.family_id);
  });
  if (outcome === null) throw unauthorized('This session has ended; sign in again');
  if (outcome === 'reused') throw unauthorized('This refresh token was already used; the session was ended for safety');
  return outcome;
}
