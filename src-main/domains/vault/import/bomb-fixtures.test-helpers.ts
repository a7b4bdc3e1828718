import * as kdbxweb from 'kdbxweb';
import { installKdbxArgon2 } from './kdbx-engine';

/**
 * Test support only: decompression bombs, built in milliseconds without ever holding the expanded bytes.
 */

/**
 * A gzip stream that expands to `size` zero bytes: one fixed-Huffman deflate block holding a literal 0
 * and then length-258, distance-1 matches (13 bits each, about 1:160). CRC is left 0: inflaters give up on
 * the size long before they could check it.
 */
export function gzipBomb(size: number): Uint8Array {
  const matches = Math.ceil((size - 1) / 258);
  const bits = 3 + 8 + matches * 13 + 7;
  const out = new Uint8Array(10 + Math.ceil(bits / 8) + 8);
  out.set([0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 0xff]);
  let pos = 80;
  /** Writes a Huffman code (most significant bit first) into the LSB-first bit stream. */
  const code = (value: number, n: number): void => {
    for (let i = n - 1; i >= 0; i--, pos++) if ((value >> i) & 1) out[pos >> 3]! |= 1 << (pos & 7);
  };
  code(0b110, 3); // BFINAL = 1, then BTYPE = 01 (fixed Huffman) written LSB first: bits 1, 1, 0
  code(0b00110000, 8); // literal 0
  for (let i = 0; i < matches; i++) code(0b11000101_00000, 13); // length 258 (code 285), distance 1 (code 0)
  code(0, 7); // end of block
  new DataView(out.buffer).setUint32(out.length - 4, (1 + matches * 258) >>> 0, true);
  return out;
}

/**
 * A valid, password-protected KDBX (4, or 3.1) whose encrypted payload is `gzip`. kdbxweb writes the file
 * and its hashes; only the compressed payload it encrypts is swapped, for one save.
 */
export async function kdbxWithPayload(gzip: Uint8Array, password: string, version: 3 | 4): Promise<Uint8Array> {
  installKdbxArgon2();
  const db = kdbxweb.Kdbx.create(new kdbxweb.Credentials(kdbxweb.ProtectedValue.fromString(password)), 'Bomb');
  db.setVersion(version);
  if (version === 4) {
    db.setKdf(kdbxweb.Consts.KdfId.Aes);
    db.header.kdfParameters?.set('R', kdbxweb.VarDictionary.ValueType.UInt64, kdbxweb.Int64.from(1000));
  } else {
    db.header.keyEncryptionRounds = 1000;
  }
  const payload = gzip.slice().buffer;
  if (version === 4) {
    const proto = kdbxweb.KdbxFormat.prototype as unknown as { encryptData(data: ArrayBuffer, key: ArrayBuffer): Promise<ArrayBuffer> };
    const original = proto.encryptData;
    proto.encryptData = function (this: unknown, _data, key) {
      proto.encryptData = original;
      return original.call(this, payload, key);
    };
  } else {
    const hbt = kdbxweb.HashedBlockTransform as { encrypt(data: ArrayBuffer): Promise<ArrayBuffer> };
    const original = hbt.encrypt;
    hbt.encrypt = () => {
      hbt.encrypt = original;
      return original(payload);
    };
  }
  return new Uint8Array(await db.save());
}
