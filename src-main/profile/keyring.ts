import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../../src-shared/ipc/result';
import { hkdf, open, seal, wipe, type Sealed } from '../crypto/cipher';
import { assertKdfWithinBounds, Base64Text, deriveMasterKey, KdfParamsSchema, KEY_BYTES, SALT_BYTES, type KdfCost, type KdfParams } from '../crypto/kdf';
import { KEY_INFO } from '../crypto/keys';
import { generateRecoveryKey, parseRecoveryKey } from '../crypto/recovery-key';

/**
 * The keyring file: a small plaintext JSON beside the database holding the KDF parameters and the
 * data key (DEK) wrapped twice, under the password and under the recovery key (docs/security.md#key-hierarchy, docs/formats.md#keyring).
 * Each wrap authenticates the header fields it depends on as AES-GCM associated data, so changing a
 * KDF parameter, the profile id or a date makes the unwrap fail.
 */
export const KEYRING_FILE = 'keyring.json';
export const KEYRING_FORMAT = 'hearth-keyring';
export const KEYRING_VERSION = 1;

const B64 = Base64Text;
const Wrap = z.strictObject({ iv: B64, tag: B64, ciphertext: B64 });

const KeyringSchema = z.strictObject({
  format: z.literal(KEYRING_FORMAT),
  version: z.number().int(),
  profileId: z.string().max(64),
  createdAt: z.string().max(40),
  changedAt: z.string().max(40),
  kdf: KdfParamsSchema,
  password: Wrap,
  recovery: Wrap.extend({ createdAt: z.string().max(40) }),
});

export type Keyring = z.infer<typeof KeyringSchema>;
type WrapJson = z.infer<typeof Wrap>;

/** Parses keyring text; anything malformed is CORRUPT, naming the file. */
export function parseKeyring(text: string): Keyring {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new AppError('CORRUPT', `${KEYRING_FILE} is damaged: it is not valid JSON.`, { file: KEYRING_FILE });
  }
  const parsed = KeyringSchema.safeParse(json);
  if (!parsed.success) {
    throw new AppError('CORRUPT', `${KEYRING_FILE} is damaged or not a Hearth key file.`, { file: KEYRING_FILE });
  }
  if (parsed.data.version > KEYRING_VERSION) {
    throw new AppError('SCHEMA_TOO_NEW', `${KEYRING_FILE} was written by a newer Hearth (format ${parsed.data.version}). Update Hearth to open it.`, {
      file: KEYRING_FILE,
    });
  }
  assertKdfWithinBounds(parsed.data.kdf, KEYRING_FILE);
  return parsed.data;
}

export const serializeKeyring = (k: Keyring): string => `${JSON.stringify(k, null, 2)}\n`;

/** Canonical associated data: fixed key order, so the same header always gives the same bytes. */
function passwordAad(k: Pick<Keyring, 'format' | 'version' | 'profileId' | 'createdAt' | 'kdf'>): Buffer {
  const { name, version, memoryKiB, iterations, parallelism, salt } = k.kdf;
  return Buffer.from(JSON.stringify(['password', k.format, k.version, k.profileId, k.createdAt, name, version, memoryKiB, iterations, parallelism, salt]));
}

function recoveryAad(k: Pick<Keyring, 'format' | 'version' | 'profileId' | 'createdAt'>, recoveryCreatedAt: string): Buffer {
  return Buffer.from(JSON.stringify(['recovery', k.format, k.version, k.profileId, k.createdAt, recoveryCreatedAt]));
}

const toJson = (s: Sealed): WrapJson => ({ iv: s.iv.toString('base64'), tag: s.tag.toString('base64'), ciphertext: s.ciphertext.toString('base64') });
const fromJson = (w: WrapJson): Sealed => ({
  iv: Buffer.from(w.iv, 'base64'),
  tag: Buffer.from(w.tag, 'base64'),
  ciphertext: Buffer.from(w.ciphertext, 'base64'),
});

function newKdfParams(cost: KdfCost): KdfParams {
  return { name: 'argon2id', version: 19, ...cost, salt: randomBytes(SALT_BYTES).toString('base64') };
}

async function wrapUnderPassword(dek: Buffer, password: string, header: Omit<Keyring, 'password' | 'recovery'>): Promise<WrapJson> {
  const mk = await deriveMasterKey(password, header.kdf);
  const kek = hkdf(mk, KEY_INFO.kek);
  try {
    return toJson(seal(kek, dek, passwordAad(header)));
  } finally {
    wipe(mk, kek);
  }
}

function wrapUnderRecovery(dek: Buffer, recovery: Buffer, header: Omit<Keyring, 'password' | 'recovery'>, createdAt: string) {
  const rkek = hkdf(recovery, KEY_INFO.recovery);
  try {
    return { ...toJson(seal(rkek, dek, recoveryAad(header, createdAt))), createdAt };
  } finally {
    wipe(rkek);
  }
}

const headerOf = (k: Keyring): Omit<Keyring, 'password' | 'recovery'> => ({
  format: k.format,
  version: k.version,
  profileId: k.profileId,
  createdAt: k.createdAt,
  changedAt: k.changedAt,
  kdf: k.kdf,
});

/** A new random DEK, wrapped under the password and a fresh recovery key. */
export async function createKeyring(profileId: string, password: string, cost: KdfCost, now: string) {
  const dek = Buffer.alloc(KEY_BYTES);
  randomBytes(KEY_BYTES).copy(dek);
  return { ...(await keyringForDek(profileId, dek, password, cost, now)), dek };
}

/** A keyring for `profileId` wrapping an existing DEK under the password and a fresh recovery key (a restored backup). */
export async function keyringForDek(profileId: string, dek: Buffer, password: string, cost: KdfCost, now: string) {
  const header = { format: KEYRING_FORMAT, version: KEYRING_VERSION, profileId, createdAt: now, changedAt: now, kdf: newKdfParams(cost) } as const;
  const recovery = generateRecoveryKey();
  try {
    const keyring: Keyring = {
      ...header,
      password: await wrapUnderPassword(dek, password, header),
      recovery: wrapUnderRecovery(dek, recovery.bytes, header, now),
    };
    return { keyring, recoveryKey: recovery.text };
  } finally {
    wipe(recovery.bytes);
  }
}

const wrongPassword = () => new AppError('WRONG_PASSWORD', 'Wrong password.');

/** Unwraps the DEK with the master password; WRONG_PASSWORD when the GCM tag does not verify. */
export async function unwrapWithPassword(k: Keyring, password: string): Promise<Buffer> {
  const mk = await deriveMasterKey(password, k.kdf);
  const kek = hkdf(mk, KEY_INFO.kek);
  try {
    const dek = open(kek, fromJson(k.password), passwordAad(k));
    if (!dek || dek.length !== KEY_BYTES) throw wrongPassword();
    return dek;
  } finally {
    wipe(mk, kek);
  }
}

export function unwrapWithRecoveryKey(k: Keyring, recoveryKeyText: string): Buffer {
  const recovery = parseRecoveryKey(recoveryKeyText);
  if (!recovery) throw new AppError('WRONG_PASSWORD', 'That is not a recovery key: expect 32 letters and digits in groups of four.');
  const rkek = hkdf(recovery, KEY_INFO.recovery);
  try {
    const dek = open(rkek, fromJson(k.recovery), recoveryAad(k, k.recovery.createdAt));
    if (!dek || dek.length !== KEY_BYTES) throw new AppError('WRONG_PASSWORD', 'Wrong recovery key.');
    return dek;
  } finally {
    wipe(recovery, rkek);
  }
}

/** Re-wraps the same DEK under a new password with a new salt; the recovery wrap is untouched. */
export async function rewrapPassword(k: Keyring, dek: Buffer, newPassword: string, cost: KdfCost, now: string): Promise<Keyring> {
  const header = { ...headerOf(k), changedAt: now, kdf: newKdfParams(cost) };
  return { ...header, password: await wrapUnderPassword(dek, newPassword, header), recovery: k.recovery };
}

/** Replaces the recovery wrap; the previous recovery key stops working. */
export function replaceRecoveryKey(k: Keyring, dek: Buffer, now: string): { keyring: Keyring; recoveryKey: string } {
  const recovery = generateRecoveryKey();
  try {
    const header = { ...headerOf(k), changedAt: now };
    return { keyring: { ...header, password: k.password, recovery: wrapUnderRecovery(dek, recovery.bytes, header, now) }, recoveryKey: recovery.text };
  } finally {
    wipe(recovery.bytes);
  }
}
