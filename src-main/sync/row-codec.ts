/**
 * SQLite values ⇄ JSON for sync (docs/sync.md#envelopes). A change carries each column as JSON: text, numbers and
 * null as themselves, bytes as `{"$b": base64}`. The encoded text is also what `sync_fields.value` stores and what the
 * outbox compares, so one value always encodes to the same text.
 */
export type SqliteValue = string | number | bigint | null | Uint8Array;

/** A column's value as JSON-safe data. */
export function encodeValue(v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v instanceof Uint8Array) return { $b: Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('base64') };
  throw new TypeError(`Cannot sync a value of type ${typeof v}`);
}

/** A JSON value back to what SQLite stores; anything else is refused (a change is data from outside). */
export function decodeValue(v: unknown): SqliteValue {
  if (v === null || typeof v === 'string') return v;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new TypeError('Not a finite number');
    return v;
  }
  if (typeof v === 'object' && v !== null && Object.keys(v).length === 1 && typeof (v as { $b?: unknown }).$b === 'string') {
    return Buffer.from((v as { $b: string }).$b, 'base64');
  }
  throw new TypeError('Not a SQLite value');
}

/** The canonical text of an encoded value (for `sync_fields.value` and comparisons). */
export function valueText(encoded: unknown): string {
  return JSON.stringify(encoded ?? null);
}

/** A column value straight to its canonical text. */
export function columnText(v: unknown): string {
  return valueText(encodeValue(v));
}
