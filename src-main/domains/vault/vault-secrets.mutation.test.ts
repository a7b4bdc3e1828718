import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hkdf, open, unpackSealed } from '../../crypto/cipher';
import { openField, openFields, parseSealedMap, sealField, sealFields } from './vault-secrets';

/**
 * Survivors of `npm run mutate` on vault-secrets.ts (docs/architecture.md#mutation-testing). The sealing format is
 * documented (docs/security.md#field-sealing) and stored on disk, so it is pinned here from the primitives: a
 * changed key label or associated data would make every existing vault unreadable, and the AAD alone would hide
 * a lost per-item key from the round-trip tests.
 */
const ITEM = '01JZ0000000000000000000000';

describe('vault field sealing format (mutation tests)', () => {
  it('seals under HKDF(items key, "hearth/vault/item/v1/<id>") with "hearth/vault/v1|<id>|<field>" as associated data', () => {
    const itemsKey = randomBytes(32);
    const sealed = sealFields(itemsKey, ITEM, { password: 'pässword' });
    const parts = unpackSealed(Buffer.from(sealed.password!, 'base64'))!;
    const itemKey = hkdf(itemsKey, `hearth/vault/item/v1/${ITEM}`);
    expect(open(itemKey, parts, Buffer.from(`hearth/vault/v1|${ITEM}|password`, 'utf8'))?.toString('utf8')).toBe('pässword');
    // Not under the items key itself, nor under another item's key.
    expect(open(itemsKey, parts, Buffer.from(`hearth/vault/v1|${ITEM}|password`, 'utf8'))).toBeNull();
    expect(open(hkdf(itemsKey, 'hearth/vault/item/v1/01JZ0000000000000000000001'), parts, Buffer.from(`hearth/vault/v1|${ITEM}|password`))).toBeNull();
  });

  it('stores no entry for an empty value, and sealField refuses one', () => {
    const itemsKey = randomBytes(32);
    expect(Object.keys(sealFields(itemsKey, ITEM, { password: '', notes: 'n' }))).toEqual(['notes']);
    expect(() => sealField(itemsKey, ITEM, 'password', '')).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    expect(openField(itemsKey, ITEM, 'password', sealField(itemsKey, ITEM, 'password', 'x'))).toBe('x');
  });

  it('opens every field of a map, and a garbled value is CORRUPT', () => {
    const itemsKey = randomBytes(32);
    const map = sealFields(itemsKey, ITEM, { a: '1', b: '2' });
    expect(openFields(itemsKey, ITEM, map)).toEqual({ a: '1', b: '2' });
    for (const garbled of ['', 'AAAA', Buffer.alloc(40).toString('base64')]) {
      expect(() => openField(itemsKey, ITEM, 'a', garbled)).toThrow(expect.objectContaining({ code: 'CORRUPT', message: expect.stringMatching(/integrity/) }));
    }
  });

  it('parses a sealed map only from a JSON object; anything else is CORRUPT', () => {
    expect(parseSealedMap('{"a":"x"}')).toEqual({ a: 'x' });
    for (const json of ['null', '[]', '"text"', '3', 'true']) {
      expect(() => parseSealedMap(json), json).toThrow(expect.objectContaining({ code: 'CORRUPT', message: expect.stringMatching(/damaged/) }));
    }
  });
});
