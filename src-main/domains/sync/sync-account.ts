import { timingSafeEqual } from 'node:crypto';
import type { SessionResponse, SyncKdf } from '../../../src-shared/sync/protocol';
import { AppError } from '../../../src-shared/ipc/result';
import { wipe } from '../../crypto/cipher';
import { parseKeyring, serializeKeyring, unwrapWithPassword, type Keyring } from '../../profile/keyring';
import type { SyncHttpClient } from '../../sync/http-client';
import { authSecretFromPassword, keyProofFromDek, newIdentity, sealPrivateKey, toAuthSecretText } from '../../sync/keys';
import { toAppError } from './sync-errors';

/**
 * The account flows against a sync server (docs/sync.md#accounts): what is derived from the master password and
 * what is sent. The password itself never leaves this process: the server gets HKDF(Argon2id(password)) (keys.ts),
 * the keyring (the data key wrapped under the password, exactly as keyring.json holds it) and a sealed private key.
 */

/** The auth secret text for `password` under the KDF parameters `kdf` (the Argon2id output is wiped inside). */
async function authSecret(password: string, kdf: SyncKdf): Promise<string> {
  const secret = await authSecretFromPassword(password, kdf);
  try {
    return toAuthSecretText(secret);
  } finally {
    wipe(secret);
  }
}

/** The keyring's KDF parameters as the protocol's SyncKdf (same fields). */
const kdfOf = (k: Keyring): SyncKdf => ({ ...k.kdf });

/** Creates the account: the profile's own keyring and KDF parameters, a new X25519 identity sealed under the data key. */
export async function signUpAccount(
  client: SyncHttpClient,
  req: { email: string; password: string; deviceName: string; keyring: Keyring; dek: Buffer },
): Promise<SessionResponse> {
  const kdf = kdfOf(req.keyring);
  const identity = newIdentity();
  try {
    return await client.signUp({
      email: req.email,
      authSecret: await authSecret(req.password, kdf),
      kdf,
      keyring: serializeKeyring(req.keyring),
      publicKey: identity.publicKey,
      wrappedPrivateKey: sealPrivateKey(req.dek, identity.privateKey),
      keyProof: keyProofFromDek(req.dek),
      deviceName: req.deviceName,
    });
  } catch (err) {
    throw toAppError(err, 'sign-up');
  } finally {
    wipe(identity.privateKey);
  }
}

/**
 * Signs in: the server's KDF parameters (prelogin), the auth secret, the session. Then the account's data key is
 * unwrapped from the returned keyring with the same password and handed to `use` (wiped after): a join builds a
 * profile with it, a sign-in checks it is this profile's key.
 */
export async function signInAccount<T>(
  client: SyncHttpClient,
  req: { email: string; password: string; deviceName: string },
  use: (session: SessionResponse, dek: Buffer) => Promise<T>,
): Promise<T> {
  let session: SessionResponse;
  try {
    const { kdf } = await client.prelogin(req.email);
    session = await client.signIn({ email: req.email, authSecret: await authSecret(req.password, kdf), deviceName: req.deviceName });
  } catch (err) {
    throw toAppError(err, 'sign-in');
  }
  let dek: Buffer | null = null;
  try {
    dek = await unwrapWithPassword(parseKeyring(session.keyring), req.password);
    return await use(session, dek);
  } catch (err) {
    // A session this device will not use is ended at once rather than left to expire.
    await client.signOut().catch(() => undefined);
    throw err;
  } finally {
    if (dek) wipe(dek);
  }
}

/** Refuses to sync this profile with an account whose data key is another profile's (its envelopes would not open). */
export function assertSameDataKey(accountDek: Buffer, profileDek: Buffer): void {
  if (accountDek.length !== profileDek.length || !timingSafeEqual(accountDek, profileDek)) {
    throw new AppError(
      'CONFLICT',
      'That sync account holds another profile’s data. To get its data on this device, use “Join a synced account…” on the profile screen.',
    );
  }
}

/** A password change waiting to reach the server: computed when the password was changed here (the only time it is known). */
export interface PendingAuth {
  newAuthSecret: string;
  kdf: SyncKdf;
  keyring: string;
}

/** The server's copy of a new password: its auth secret under the new keyring's KDF parameters, and the keyring itself. */
export async function pendingAuthFor(newPassword: string, keyring: Keyring): Promise<PendingAuth> {
  const kdf = kdfOf(keyring);
  return { newAuthSecret: await authSecret(newPassword, kdf), kdf, keyring: serializeKeyring(keyring) };
}

/** Sends a pending password change, proved by the data key (keyProofFromDek): the server ends the account's other sessions. */
export async function sendPendingAuth(client: SyncHttpClient, pending: PendingAuth, dek: Buffer): Promise<void> {
  await client.changeAuth({ keyProof: keyProofFromDek(dek), ...pending });
}
