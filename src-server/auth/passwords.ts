import argon2 from 'argon2';
import type { Argon2Cost } from '../context';

/**
 * The server's hash of an account's auth secret. The secret is HKDF(Argon2id(master password)) made on the
 * device — 256 bits, never the master key — so this second Argon2id only has to make a stolen database
 * expensive to test guesses against; moderate parameters are enough (docs/sync.md#threat-model).
 */
export async function hashAuthSecret(secret: string, cost: Argon2Cost): Promise<string> {
  return argon2.hash(Buffer.from(secret, 'base64url'), {
    type: argon2.argon2id,
    memoryCost: cost.memoryKiB,
    timeCost: cost.iterations,
    parallelism: cost.parallelism,
  });
}

/** Checks a secret against a stored hash (its parameters come from the hash string). */
export async function verifyAuthSecret(hash: string, secret: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, Buffer.from(secret, 'base64url'));
  } catch {
    return false;
  }
}

const dummyHashes = new Map<string, Promise<string>>();

/**
 * Spends the same Argon2id time as a real check when the email is unknown, so the answer's timing does not
 * tell whether an account exists.
 */
export async function spendDummyVerify(secret: string, cost: Argon2Cost): Promise<void> {
  const key = `${cost.memoryKiB}/${cost.iterations}/${cost.parallelism}`;
  let hash = dummyHashes.get(key);
  if (!hash) {
    hash = hashAuthSecret('A'.repeat(43), cost);
    dummyHashes.set(key, hash);
  }
  await verifyAuthSecret(await hash, secret);
}
