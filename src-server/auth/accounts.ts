import { createHash, createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { z } from 'zod';
import type { ChangeAuthRequest, SessionResponse, SignInRequest, SignUpRequest, SyncKdf } from '../../src-shared/sync/protocol';
import type { ServerContext } from '../context';
import type { AccountTable } from '../db/database';
import { conflict, forbidden, ServerError, unauthorized } from '../http/errors';
import { hashAuthSecret, spendDummyVerify, verifyAuthSecret } from './passwords';
import { revokeDevice, startDeviceSession, type Principal } from './tokens';

type Account = Selectable<AccountTable>;

const WRONG = 'Wrong email or password';

/** Creates an account and its first device session. An email already in use is a CONFLICT. */
export async function signUp(ctx: ServerContext, req: z.infer<typeof SignUpRequest>): Promise<SessionResponse> {
  const authHash = await hashAuthSecret(req.authSecret, ctx.limits.argon2);
  const accountId = randomUUID();
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('accounts')
        .values({
          id: accountId,
          email: req.email,
          auth_hash: authHash,
          kdf: JSON.stringify(req.kdf),
          keyring: req.keyring,
          public_key: req.publicKey,
          wrapped_private_key: req.wrappedPrivateKey,
          key_proof_hash: keyProofHash(req.keyProof),
          locked_until: null,
          created_at: ctx.now(),
        })
        .execute();
      const { deviceId, tokens } = await startDeviceSession(trx, ctx, accountId, req.deviceName);
      return { accountId, deviceId, spaceId: accountId, tokens, keyring: req.keyring, publicKey: req.publicKey, wrappedPrivateKey: req.wrappedPrivateKey };
    });
  } catch (err) {
    // Unique violation on accounts.email: sign-up cannot hide that an email is taken; sign-in and prelogin do.
    if ((err as { code?: unknown }).code === '23505') throw conflict('An account with this email already exists');
    throw err;
  }
}

/**
 * The KDF parameters a device needs to derive the auth secret. For an unknown email, stable made-up parameters
 * (salt = HMAC(server secret, email)) with the client defaults, so the answer does not reveal who has an account.
 */
export async function prelogin(ctx: ServerContext, email: string): Promise<SyncKdf> {
  const row = await ctx.db.selectFrom('accounts').select('kdf').where('email', '=', email).executeTakeFirst();
  if (row) return row.kdf;
  const salt = createHmac('sha256', ctx.secret).update(`hearth/sync/prelogin/v1\0${email}`).digest().subarray(0, 16).toString('base64');
  // The same defaults a new profile uses (src-main/crypto/kdf.ts KDF_DEFAULT), so fakes look like real accounts.
  return { name: 'argon2id', version: 19, memoryKiB: 128 * 1024, iterations: 3, parallelism: 4, salt };
}

/** Signs in with the auth secret: a new device session. Failures count toward the account's lockout. */
export async function signIn(ctx: ServerContext, req: z.infer<typeof SignInRequest>): Promise<SessionResponse> {
  const account = await ctx.db.selectFrom('accounts').selectAll().where('email', '=', req.email).executeTakeFirst();
  if (!account) {
    await spendDummyVerify(req.authSecret, ctx.limits.argon2);
    ctx.metrics.inc('hearth_logins_failed_total');
    throw unauthorized(WRONG);
  }
  await checkSecret(ctx, account, req.authSecret);
  const { deviceId, tokens } = await ctx.db.transaction().execute((trx) => startDeviceSession(trx, ctx, account.id, req.deviceName));
  return {
    accountId: account.id,
    deviceId,
    spaceId: account.id,
    tokens,
    keyring: account.keyring,
    publicKey: account.public_key,
    wrappedPrivateKey: account.wrapped_private_key,
  };
}

/** The key proof is an HKDF output of a 256-bit key: a plain SHA-256 is a sufficient verifier (nothing to guess). */
const keyProofHash = (proof: string): string => createHash('sha256').update(proof, 'utf8').digest('hex');

function keyProofMatches(account: Account, proof: string): boolean {
  if (!account.key_proof_hash) return false;
  const want = Buffer.from(account.key_proof_hash, 'hex');
  const got = Buffer.from(keyProofHash(proof), 'hex');
  return want.length === got.length && timingSafeEqual(want, got);
}

/**
 * A password change made on a device: the key proof shows the device holds the account's data key, then the new
 * hash, KDF and keyring replace the old, and every other device session of the account ends (whoever signed in
 * with the old password is out; the owner's other devices sign in again with the new one).
 */
export async function changeAuth(ctx: ServerContext, me: Principal, req: z.infer<typeof ChangeAuthRequest>): Promise<void> {
  const account = await ctx.db.selectFrom('accounts').selectAll().where('id', '=', me.accountId).executeTakeFirstOrThrow();
  if (!keyProofMatches(account, req.keyProof)) throw forbidden('This device cannot prove it holds the account’s data key');
  const authHash = await hashAuthSecret(req.newAuthSecret, ctx.limits.argon2);
  const now = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('accounts')
      .set({ auth_hash: authHash, kdf: JSON.stringify(req.kdf), keyring: req.keyring, failed_logins: 0, locked_until: null })
      .where('id', '=', me.accountId)
      .execute();
    const others = await trx
      .selectFrom('devices')
      .select('id')
      .where('account_id', '=', me.accountId)
      .where('id', '!=', me.deviceId)
      .where('revoked_at', 'is', null)
      .execute();
    for (const d of others) await revokeDevice(trx, now, d.id);
  });
}

/**
 * Verifies a secret under the lockout rule: a locked account is refused before any hashing (LOCKED_OUT); a wrong
 * secret counts, and the N-th failure locks the account for `lockoutSeconds`; a right one clears the count.
 */
async function checkSecret(ctx: ServerContext, account: Account, secret: string): Promise<void> {
  const now = ctx.now();
  if (account.locked_until && account.locked_until > now) {
    throw new ServerError('LOCKED_OUT', 'Too many failed sign-ins: this account is locked for a while');
  }
  if (await verifyAuthSecret(account.auth_hash, secret)) {
    if (account.failed_logins > 0 || account.locked_until) {
      await ctx.db.updateTable('accounts').set({ failed_logins: 0, locked_until: null }).where('id', '=', account.id).execute();
    }
    return;
  }
  ctx.metrics.inc('hearth_logins_failed_total');
  const row = await ctx.db
    .updateTable('accounts')
    .set((eb) => ({ failed_logins: eb('failed_logins', '+', 1) }))
    .where('id', '=', account.id)
    .returning('failed_logins')
    .executeTakeFirstOrThrow();
  if (row.failed_logins >= ctx.limits.failedLoginsBeforeLockout) {
    const until = new Date(now.getTime() + ctx.limits.lockoutSeconds * 1000);
    await ctx.db.updateTable('accounts').set({ failed_logins: 0, locked_until: until }).where('id', '=', account.id).execute();
    throw new ServerError('LOCKED_OUT', 'Too many failed sign-ins: this account is locked for a while');
  }
  throw unauthorized(WRONG);
}
