import type * as Argon2 from 'argon2';
import { z } from 'zod';
import { AppError } from '../../src-shared/ipc/result';

/**
 * Argon2id parameters live here and nowhere else (docs/security.md#kdf).
 * The default follows RFC 9106's second recommendation with double the memory; the floor is what we
 * refuse to go below when unlocking, so a swapped keyring cannot downgrade the work factor.
 */
export interface KdfParams {
  name: 'argon2id';
  /** Argon2 version 0x13 (1.3). */
  version: 19;
  memoryKiB: number;
  iterations: number;
  parallelism: number;
  /** Base64, 16 bytes. */
  salt: string;
}

/** Base64 text of a bounded length, as stored in keyring and export headers. */
export const Base64Text = z
  .string()
  .max(200)
  .regex(/^[A-Za-z0-9+/]*={0,2}$/);

/** {@link KdfParams} as read from an untrusted file (keyring.json, an export header): every field typed. */
export const KdfParamsSchema = z.strictObject({
  name: z.literal('argon2id'),
  version: z.literal(19),
  memoryKiB: z.number().int().positive(),
  iterations: z.number().int().positive(),
  parallelism: z.number().int().positive(),
  salt: Base64Text,
});

export const KDF_DEFAULT = { memoryKiB: 128 * 1024, iterations: 3, parallelism: 4 } as const;
export const KDF_FLOOR = { memoryKiB: 64 * 1024, iterations: 3, parallelism: 4 } as const;
/** Above these a keyring is treated as hostile (a memory or CPU bomb), not as strong. */
export const KDF_CEILING = { memoryKiB: 4 * 1024 * 1024, iterations: 64, parallelism: 64 } as const;

export const SALT_BYTES = 16;
export const KEY_BYTES = 32;

export type KdfCost = Pick<KdfParams, 'memoryKiB' | 'iterations' | 'parallelism'>;

export function assertKdfWithinBounds(params: KdfCost, file: string): void {
  if (params.memoryKiB < KDF_FLOOR.memoryKiB || params.iterations < KDF_FLOOR.iterations || params.parallelism < KDF_FLOOR.parallelism) {
    // SECURITY: refusing weak parameters blocks a downgrade through a swapped keyring.
    throw new AppError('CORRUPT', `The key file asks for weaker key derivation than Hearth allows; it may have been tampered with.`, { file });
  }
  if (params.memoryKiB > KDF_CEILING.memoryKiB || params.iterations > KDF_CEILING.iterations || params.parallelism > KDF_CEILING.parallelism) {
    throw new AppError('CORRUPT', `The key file asks for implausibly expensive key derivation.`, { file });
  }
}

/** The master password as bytes: NFKC-normalised UTF-8 (frozen in keyring format 1). */
export function passwordBytes(password: string): Buffer {
  return Buffer.from(password.normalize('NFKC'), 'utf8');
}

/** The native addon, loaded on first use: CLI commands that derive no key (`profile list`, `ops`) start without it. */
let argon2: Promise<typeof Argon2> | undefined;
const loadArgon2 = (): Promise<typeof Argon2> => (argon2 ??= import('argon2').then((m) => (m as unknown as { default: typeof Argon2 }).default));

/** Argon2id → 32 raw bytes (the master key). Runs on the libuv pool, not the event loop. */
export async function deriveMasterKey(password: string, params: KdfParams): Promise<Buffer> {
  const pw = passwordBytes(password);
  try {
    const argon2 = await loadArgon2();
    const out = await argon2.hash(pw, {
      type: argon2.argon2id,
      version: params.version,
      raw: true,
      salt: Buffer.from(params.salt, 'base64'),
      memoryCost: params.memoryKiB,
      timeCost: params.iterations,
      parallelism: params.parallelism,
      hashLength: KEY_BYTES,
    });
    const key = Buffer.alloc(KEY_BYTES);
    out.copy(key);
    out.fill(0);
    return key;
  } finally {
    pw.fill(0);
  }
}
