import { randomBytes, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { expectTampered } from './sync-error.test-kit';
import { PulledChange, PushChange } from '../../src-shared/sync/protocol';
import { ENVELOPE_PAD_BYTES, openChange, rowKeyOf, sealChange } from './envelope';
import { collectionSpaceKeys, newCollectionKey, personalSpaceKeys, sealBytes } from './keys';
import type { PlainChange, SpaceKeys } from './types';

const CANARY = 'CANARY-7f3a9c1e-envelope';

const keys = (): SpaceKeys => personalSpaceKeys(randomBytes(32), randomUUID());

const change = (over: Partial<PlainChange> = {}): PlainChange => ({
  table: 'vault_items',
  rowId: '01JD0000000000000000000000',
  hlc: '000001733000000000:0000:dev-a',
  deleted: false,
  fields: { title: `Bank ${CANARY}`, notes: null, count: 3, ratio: 0.5, data: { $b: Buffer.from(CANARY).toString('base64') } },
  ...over,
});

/** An envelope whose tag is valid for the given cleartext fields but whose body says something else. */
function forged(k: SpaceKeys, outer: { key: string; hlc: string; deleted: boolean }, body: unknown): PushChange {
  const aad = Buffer.from(JSON.stringify(['hearth/sync/v1', k.spaceId, outer.key, outer.hlc, outer.deleted]));
  const envelope = sealBytes(k.envelopeKey, Buffer.from(JSON.stringify(body)), aad).toString('base64url');
  return { id: randomUUID(), ...outer, envelope };
}

describe('sync envelopes', () => {
  it('round-trips a change, and the sealed form is a valid PushChange and PulledChange', () => {
    const k = keys();
    const c = change();
    const sealed = sealChange(k, c);
    expect(PushChange.safeParse(sealed).success).toBe(true);
    expect(sealed).toMatchObject({ key: rowKeyOf(k, c.table, c.rowId), hlc: c.hlc, deleted: false });
    expect(openChange(k, sealed)).toEqual(c);
    const pulled = PulledChange.parse({ ...sealed, seq: 7, deviceId: randomUUID() });
    expect(openChange(k, pulled)).toEqual(c);
    const tomb = change({ deleted: true, fields: {} });
    expect(openChange(k, sealChange(k, tomb))).toEqual(tomb);
  });

  it('keeps the caller’s id (a retried push reuses it) and otherwise makes a fresh UUID', () => {
    const k = keys();
    const id = randomUUID();
    expect(sealChange(k, change(), id).id).toBe(id);
    expect(sealChange(k, change()).id).not.toBe(sealChange(k, change()).id);
    // Fresh nonce each time: the same change never produces the same envelope.
    expect(sealChange(k, change(), id).envelope).not.toBe(sealChange(k, change(), id).envelope);
  });

  it('refuses a changed row key, hlc, deleted flag, space, key or any flipped byte', () => {
    const k = keys();
    const sealed = sealChange(k, change());
    const other = sealChange(k, change({ rowId: '01JD0000000000000000000001' }));
    expectTampered(() => openChange(k, { ...sealed, key: other.key }));
    expectTampered(() => openChange(k, { ...sealed, hlc: '000001733000000001:0000:dev-a' }));
    expectTampered(() => openChange(k, { ...sealed, deleted: true }));
    expectTampered(() => openChange({ ...k, spaceId: randomUUID() }, sealed));
    expectTampered(() => openChange(keys(), sealed));
    expectTampered(() => openChange(collectionSpaceKeys(newCollectionKey(), k.spaceId), sealed));
    const bytes = Buffer.from(sealed.envelope, 'base64url');
    for (const at of [0, 11, 12, bytes.length - 17, bytes.length - 16, bytes.length - 1]) {
      const b = Buffer.from(bytes);
      b[at] = b[at]! ^ 0x80;
      expectTampered(() => openChange(k, { ...sealed, envelope: b.toString('base64url') }));
    }
    expectTampered(() => openChange(k, { ...sealed, envelope: sealed.envelope.slice(0, 40) }));
    expectTampered(() => openChange(k, { ...sealed, envelope: `${sealed.envelope.slice(0, -2)}+/` }));
  });

  it('refuses a well-sealed body whose table/row, hlc or deleted flag disagree with the cleartext', () => {
    const k = keys();
    const c = change();
    const outer = { key: rowKeyOf(k, c.table, c.rowId), hlc: c.hlc, deleted: false };
    const body = { t: c.table, r: c.rowId, h: c.hlc, d: false, f: { a: 1 } };
    expect(openChange(k, forged(k, outer, body))).toMatchObject({ table: c.table, fields: { a: 1 } });
    expectTampered(() => openChange(k, forged(k, outer, { ...body, r: 'someone-else' })));
    expectTampered(() => openChange(k, forged(k, outer, { ...body, t: 'journal_entries' })));
    expectTampered(() => openChange(k, forged(k, outer, { ...body, h: '000001733000000009:0000:dev-a' })));
    expectTampered(() => openChange(k, forged(k, outer, { ...body, d: true })));
    expectTampered(() => openChange(k, forged(k, outer, { ...body, extra: 1 })));
    expectTampered(() => openChange(k, forged(k, outer, { ...body, f: [1, 2] })));
    expectTampered(() => openChange(k, forged(k, outer, 'not an object')));
  });

  it('leaves no canary in the envelope text, in any encoding', () => {
    const k = keys();
    const sealed = sealChange(k, change({ table: 'journal_entries', rowId: `row-${CANARY}` }));
    const text = JSON.stringify(sealed);
    const decoded = Buffer.from(sealed.envelope, 'base64url');
    for (const form of [
      CANARY,
      Buffer.from(CANARY).toString('base64'),
      Buffer.from(CANARY).toString('base64url'),
      Buffer.from(CANARY).toString('hex'),
      'journal_entries',
    ]) {
      expect(text).not.toContain(form);
    }
    expect(decoded.includes(Buffer.from(CANARY))).toBe(false);
    expect(openChange(k, sealed).rowId).toBe(`row-${CANARY}`);
  });

  it('row keys hide the table and id, separate them unambiguously, and differ per space', () => {
    const k = keys();
    const a = rowKeyOf(k, 'ab', 'c');
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(rowKeyOf(k, 'ab', 'c')).toBe(a);
    expect(rowKeyOf(k, 'a', 'bc')).not.toBe(a);
    expect(rowKeyOf(keys(), 'ab', 'c')).not.toBe(a);
    expect(() => rowKeyOf(k, 'a\0b', 'c')).toThrow(RangeError);
    expect(() => rowKeyOf(k, 'a', '')).toThrow(RangeError);
  });

  it('a hostile field name cannot reach the object prototype', () => {
    const k = keys();
    const fields = JSON.parse('{"__proto__": {"polluted": true}, "constructor": 1}') as Record<string, unknown>;
    const opened = openChange(k, sealChange(k, change({ fields })));
    expect(Object.getPrototypeOf(opened.fields)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((opened.fields as { polluted?: unknown }).polluted).toBeUndefined();
  });

  it('pads bodies so a short field’s exact length does not show in the envelope size', () => {
    const k = keys();
    const sizeOf = (password: string) => Buffer.from(sealChange(k, change({ fields: { password } })).envelope, 'base64url').length;
    // 64 password lengths land in at most two sizes, each a whole number of pad blocks (plus nonce and tag).
    const sizes = new Set(Array.from({ length: ENVELOPE_PAD_BYTES }, (_, i) => sizeOf('p'.repeat(i + 1))));
    expect(sizes.size).toBeLessThanOrEqual(2);
    for (const size of sizes) expect((size - 12 - 16) % ENVELOPE_PAD_BYTES).toBe(0);
    expect(openChange(k, sealChange(k, change({ fields: { password: 'hunter2' } }))).fields).toEqual({ password: 'hunter2' });
  });

  it('refuses to seal a change larger than the protocol allows', () => {
    const k = keys();
    expect(() => sealChange(k, change({ fields: { big: 'x'.repeat(1_100_000) } }))).toThrow(expect.objectContaining({ code: 'TOO_LARGE' }));
  });
});
