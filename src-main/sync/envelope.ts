import { createHmac, randomUUID } from 'node:crypto';
import { z } from 'zod';
import { SYNC_LIMITS, type PulledChange, type PushChange } from '../../src-shared/sync/protocol';
import { openBytes, sealBytes } from './keys';
import { SyncError, type PlainChange, type SpaceKeys } from './types';

/**
 * One change ⇄ one AES-256-GCM envelope (docs/sync.md#envelopes). The server sees only the row key (an HMAC it
 * cannot invert), the HLC, the deleted flag and ciphertext; the AAD binds all of them plus the space, so the
 * server cannot move an envelope to another row, space or version, or flip a tombstone, without the open failing.
 */

const AAD_LABEL = 'hearth/sync/v1';
/**
 * Envelope bodies are padded with trailing spaces (JSON ignores them) to a multiple of this many bytes, so the
 * ciphertext length does not give away the exact length of a short field (a password, a PIN, a name).
 */
export const ENVELOPE_PAD_BYTES = 64;

/** The decrypted envelope body, checked field by field: a valid tag under our key still gets no trust in shape. */
const EnvelopeBody = z.strictObject({
  t: z.string().min(1).max(200),
  r: z.string().min(1).max(200),
  h: z.string().max(100),
  d: z.boolean(),
  f: z.record(z.string(), z.unknown()),
});

/**
 * The server's grouping key for a row: base64url(HMAC-SHA256(rowKey, table ‖ 0x00 ‖ rowId)). Stable per row
 * and space, so the server can order and purge a row's changes without learning its table or id.
 */
export function rowKeyOf(keys: SpaceKeys, table: string, rowId: string): string {
  if (table.length === 0 || table.includes('\0')) throw new RangeError('bad table name');
  if (rowId.length === 0) throw new RangeError('empty row id');
  return createHmac('sha256', keys.rowKey)
    .update(Buffer.from(table, 'utf8'))
    .update(Buffer.from([0]))
    .update(Buffer.from(rowId, 'utf8'))
    .digest('base64url');
}

/** The AAD: a JSON array, so no choice of field values can make two different tuples encode alike. */
const aadOf = (spaceId: string, key: string, hlc: string, deleted: boolean): Buffer =>
  Buffer.from(JSON.stringify([AAD_LABEL, spaceId, key, hlc, deleted]), 'utf8');

/**
 * Encrypts one change for `keys.spaceId`. `id` is the idempotency id the server dedupes on: a retried push must
 * reuse the id of the first attempt (the outbox stores it), otherwise it defaults to a fresh UUID.
 * Throws `TOO_LARGE` when the envelope would exceed the protocol's limit (the caller reports the row, never its content).
 */
export function sealChange(keys: SpaceKeys, change: PlainChange, id: string = randomUUID()): PushChange {
  if (change.hlc.length > 100) throw new RangeError('hlc too long');
  const key = rowKeyOf(keys, change.table, change.rowId);
  const json = Buffer.from(JSON.stringify({ t: change.table, r: change.rowId, h: change.hlc, d: change.deleted, f: change.fields }), 'utf8');
  const body = Buffer.alloc(Math.ceil(json.length / ENVELOPE_PAD_BYTES) * ENVELOPE_PAD_BYTES, 0x20);
  json.copy(body);
  json.fill(0);
  const envelope = sealBytes(keys.envelopeKey, body, aadOf(keys.spaceId, key, change.hlc, change.deleted)).toString('base64url');
  body.fill(0);
  if (envelope.length > SYNC_LIMITS.envelopeChars) {
    throw new SyncError('TOO_LARGE', `A change to ${change.table} is larger than the server accepts (${SYNC_LIMITS.envelopeChars} characters).`);
  }
  return { id, key, hlc: change.hlc, deleted: change.deleted, envelope };
}

const tampered = (): SyncError => new SyncError('TAMPERED', 'A synced change could not be authenticated: it was altered, moved, or sealed under another key.');

/**
 * Decrypts and checks one change: the tag must verify (so space, row key, hlc and deleted are as sealed), and the
 * decrypted table/row id must hash to `c.key` and the decrypted hlc/deleted equal the cleartext ones. Anything
 * else throws `SyncError('TAMPERED')` — never a partial or unchecked change.
 */
export function openChange(keys: SpaceKeys, c: PushChange | PulledChange): PlainChange {
  if (!/^[A-Za-z0-9_-]+$/.test(c.envelope)) throw tampered();
  const plain = openBytes(keys.envelopeKey, Buffer.from(c.envelope, 'base64url'), aadOf(keys.spaceId, c.key, c.hlc, c.deleted));
  if (!plain) throw tampered();
  let parsed: z.infer<typeof EnvelopeBody>;
  try {
    const result = EnvelopeBody.safeParse(JSON.parse(plain.toString('utf8')));
    if (!result.success) throw tampered();
    parsed = result.data;
  } catch {
    throw tampered();
  } finally {
    plain.fill(0);
  }
  if (parsed.h !== c.hlc || parsed.d !== c.deleted) throw tampered();
  let key: string;
  try {
    key = rowKeyOf(keys, parsed.t, parsed.r);
  } catch {
    throw tampered();
  }
  if (key !== c.key) throw tampered();
  return { table: parsed.t, rowId: parsed.r, hlc: parsed.h, deleted: parsed.d, fields: parsed.f };
}
