import { hkdf, open, packSealed, seal, unpackSealed, wipe } from '../../crypto/cipher';
import { AppError } from '../../../src-shared/ipc/result';

/**
 * Field-level sealing for vault secrets (docs/security.md#field-sealing): AES-256-GCM under a per-item key derived
 * from the profile's items key, with the item id and the field name as associated data, so a sealed
 * value cannot be moved to another item or field. Values are decrypted only for reveal, copy, TOTP,
 * health and export, one item at a time.
 */
const itemKey = (itemsKey: Buffer, itemId: string): Buffer => hkdf(itemsKey, `hearth/vault/item/v1/${itemId}`);
const aadFor = (itemId: string, field: string): Buffer => Buffer.from(`hearth/vault/v1|${itemId}|${field}`, 'utf8');

export type SealedMap = Record<string, string>;

/** Seals each non-empty value of `plain` (field name → value) for one item. */
export function sealFields(itemsKey: Buffer, itemId: string, plain: Record<string, string>): SealedMap {
  const key = itemKey(itemsKey, itemId);
  try {
    const out: SealedMap = {};
    for (const [field, value] of Object.entries(plain)) {
      if (value === '') continue;
      out[field] = packSealed(seal(key, Buffer.from(value, 'utf8'), aadFor(itemId, field))).toString('base64');
    }
    return out;
  } finally {
    wipe(key);
  }
}

/** Opens one sealed field; CORRUPT if it fails to authenticate (moved, tampered or wrong key). */
export function openField(itemsKey: Buffer, itemId: string, field: string, sealed: string): string {
  const key = itemKey(itemsKey, itemId);
  try {
    const parts = unpackSealed(Buffer.from(sealed, 'base64'));
    const plain = parts ? open(key, parts, aadFor(itemId, field)) : null;
    if (!plain) throw new AppError('CORRUPT', 'A stored secret failed its integrity check.');
    const text = plain.toString('utf8');
    wipe(plain);
    return text;
  } finally {
    wipe(key);
  }
}

/** Opens every field of a sealed map (export, history snapshots). */
export function openFields(itemsKey: Buffer, itemId: string, sealed: SealedMap): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [field, value] of Object.entries(sealed)) out[field] = openField(itemsKey, itemId, field, value);
  return out;
}

export function parseSealedMap(json: string): SealedMap {
  const parsed: unknown = JSON.parse(json);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new AppError('CORRUPT', 'A vault item is damaged.');
  return parsed as SealedMap;
}

/** Seals one value for one field (history entries, versions, a new TOTP key). */
export function sealField(itemsKey: Buffer, itemId: string, field: string, value: string): string {
  const sealed = sealFields(itemsKey, itemId, { [field]: value })[field];
  if (sealed === undefined) throw new AppError('INVALID_INPUT', 'An empty secret is not stored.');
  return sealed;
}
