import { createDecipheriv, createHash, createHmac, pbkdf2, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import argon2 from 'argon2';
import { z } from 'zod';
import { AppError } from '../../../../src-shared/ipc/result';

/**
 * Bitwarden password-protected exports (bitwarden.com/help/encrypted-export; checked against
 * KeePassXC's two fixtures):
 *   key    = PBKDF2-SHA256(password, UTF-8(salt string), iterations, 32)
 *          | Argon2id(password, SHA-256(UTF-8(salt string)), t, m MiB, p, 32)
 *   encKey = HKDF-Expand-SHA256(key, "enc", 32); macKey = HKDF-Expand-SHA256(key, "mac", 32)
 *   value  = "2.<iv b64>|<ct b64>|<mac b64>", AES-256-CBC, HMAC-SHA256(macKey, iv ‖ ct)
 */

const pbkdf2Async = promisify(pbkdf2);

/** Parameter bounds, as Bitwarden's own importer enforces (password-protected-kdf-config.ts). */
export const BITWARDEN_KDF_BOUNDS = {
  pbkdf2Iterations: { min: 5_000, max: 2_000_000 },
  argon2Iterations: { min: 2, max: 10 },
  argon2MemoryMiB: { min: 16, max: 1024 },
  argon2Parallelism: { min: 1, max: 16 },
} as const;

/** The envelope of a password-protected Bitwarden export. */
export const BitwardenProtectedEnvelope = z.looseObject({
  encrypted: z.literal(true),
  passwordProtected: z.literal(true),
  salt: z.string().min(1).max(1024),
  kdfType: z.union([z.literal(0), z.literal(1)]),
  kdfIterations: z.number().int(),
  kdfMemory: z.number().int().nullish(),
  kdfParallelism: z.number().int().nullish(),
  encKeyValidation_DO_NOT_EDIT: z.string().max(4096),
  data: z.string(),
});
/** A validated password-protected envelope. */
export type BitwardenProtectedEnvelope = z.infer<typeof BitwardenProtectedEnvelope>;

interface ExportKeys {
  encKey: Buffer;
  macKey: Buffer;
}

const inRange = (v: number | null | undefined, r: { min: number; max: number }): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= r.min && v <= r.max;

/** Password + envelope KDF settings → 32-byte key. Bounds are checked first: the file is attacker-controlled. */
async function deriveKey(env: BitwardenProtectedEnvelope, password: Buffer): Promise<Buffer> {
  // SECURITY: bounds before derivation, or a hostile file could demand gigabytes of Argon2 memory.
  const b = BITWARDEN_KDF_BOUNDS;
  if (env.kdfType === 0) {
    if (!inRange(env.kdfIterations, b.pbkdf2Iterations)) throw badKdf();
    return pbkdf2Async(password, Buffer.from(env.salt, 'utf8'), env.kdfIterations, 32, 'sha256');
  }
  if (!inRange(env.kdfIterations, b.argon2Iterations) || !inRange(env.kdfMemory, b.argon2MemoryMiB) || !inRange(env.kdfParallelism, b.argon2Parallelism)) {
    throw badKdf();
  }
  return argon2.hash(password, {
    raw: true,
    type: argon2.argon2id,
    version: 0x13,
    salt: createHash('sha256').update(env.salt, 'utf8').digest(),
    timeCost: env.kdfIterations,
    memoryCost: env.kdfMemory * 1024,
    parallelism: env.kdfParallelism,
    hashLength: 32,
  });
}

const badKdf = (): AppError =>
  new AppError(
    'INVALID_INPUT',
    'This Bitwarden export asks for key-derivation settings outside the range Bitwarden itself produces; it may have been tampered with.',
  );

/** HKDF-Expand only (RFC 5869 §2.3), SHA-256: Bitwarden stretches the KDF output without an extract step. */
export function hkdfExpandSha256(prk: Buffer, info: string | Uint8Array, length: number): Buffer {
  const infoBytes = typeof info === 'string' ? Buffer.from(info, 'utf8') : info;
  const blocks: Buffer[] = [];
  let previous = Buffer.alloc(0);
  for (let i = 1; blocks.length * 32 < length; i++) {
    previous = createHmac('sha256', prk)
      .update(previous)
      .update(infoBytes)
      .update(Buffer.from([i]))
      .digest();
    blocks.push(previous);
  }
  return Buffer.concat(blocks).subarray(0, length);
}

/**
 * Decrypts one EncString of type 2. Returns null when the MAC does not verify (wrong key or tampering);
 * throws INVALID_INPUT when the string is not an EncString at all.
 */
export function decryptEncString(value: string, keys: ExportKeys): Buffer | null {
  const match = /^2\.([A-Za-z0-9+/=]+)\|([A-Za-z0-9+/=]+)\|([A-Za-z0-9+/=]+)$/.exec(value);
  const iv = match?.[1] ? Buffer.from(match[1], 'base64') : undefined;
  const ct = match?.[2] ? Buffer.from(match[2], 'base64') : undefined;
  const mac = match?.[3] ? Buffer.from(match[3], 'base64') : undefined;
  if (!iv || !ct || !mac || iv.length !== 16 || mac.length !== 32 || ct.length === 0 || ct.length % 16 !== 0) {
    throw new AppError('INVALID_INPUT', 'This Bitwarden export is damaged: an encrypted value is malformed.');
  }
  const expected = createHmac('sha256', keys.macKey).update(iv).update(ct).digest();
  // SECURITY: verify the MAC in constant time before touching the ciphertext (encrypt-then-MAC).
  if (!timingSafeEqual(expected, mac)) return null;
  try {
    const decipher = createDecipheriv('aes-256-cbc', keys.encKey, iv);
    return Buffer.concat([decipher.update(ct), decipher.final()]);
  } catch {
    throw new AppError('INVALID_INPUT', 'This Bitwarden export is damaged: an encrypted value has invalid padding.');
  }
}

/**
 * Decrypts a password-protected Bitwarden export to the JSON text of an ordinary unencrypted export.
 * WRONG_PASSWORD when no password is given or `encKeyValidation_DO_NOT_EDIT` does not verify.
 */
export async function decryptBitwardenExport(envelope: unknown, password: string | undefined): Promise<string> {
  const parsed = BitwardenProtectedEnvelope.safeParse(envelope);
  if (!parsed.success) {
    throw new AppError('INVALID_INPUT', 'This Bitwarden export is password protected but its envelope is incomplete or damaged.');
  }
  if (!password) {
    throw new AppError('WRONG_PASSWORD', 'This Bitwarden export is password protected. Enter the password chosen when it was exported.');
  }
  const pw = Buffer.from(password, 'utf8');
  const key = await deriveKey(parsed.data, pw).finally(() => pw.fill(0));
  const keys = { encKey: hkdfExpandSha256(key, 'enc', 32), macKey: hkdfExpandSha256(key, 'mac', 32) };
  key.fill(0);
  try {
    if (decryptEncString(parsed.data.encKeyValidation_DO_NOT_EDIT, keys) === null) {
      throw new AppError('WRONG_PASSWORD', 'That password does not open this Bitwarden export.');
    }
    const data = decryptEncString(parsed.data.data, keys);
    if (data === null) {
      throw new AppError('INVALID_INPUT', 'This Bitwarden export is damaged: its contents fail the integrity check.');
    }
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(data);
    } finally {
      data.fill(0);
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('INVALID_INPUT', 'This Bitwarden export could not be decrypted: its contents are not valid text.');
  } finally {
    keys.encKey.fill(0);
    keys.macKey.fill(0);
  }
}
