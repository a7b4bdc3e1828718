import { Gzip } from 'fflate';
import * as kdbxweb from 'kdbxweb';
import { AppError } from '../../../../src-shared/ipc/result';

/**
 * Saves a KDBX 4 file whose entries are written as XML text, not as a kdbxweb DOM. kdbxweb still
 * writes everything else (outer header, KDF, keys, header HMAC, inner header, Meta and the groups),
 * by the same steps as its own `saveV4`; the entries are spliced into the serialised groups and the
 * payload is gzip-compressed as it is produced, so no full copy of the XML is ever held.
 */

/** kdbxweb's KdbxFormat internals used here (private in its typings, public at runtime). */
interface Format {
  ctx: kdbxweb.KdbxContext;
  getHeaderHash(stm: kdbxweb.BinaryStream): Promise<ArrayBuffer>;
  computeKeysV4(): Promise<{ cipherKey: ArrayBuffer; hmacKey: ArrayBuffer }>;
  getHeaderHmac(stm: kdbxweb.BinaryStream, key: ArrayBuffer): Promise<ArrayBuffer>;
  getProtectSaltGenerator(): Promise<kdbxweb.ProtectSaltGenerator>;
  encryptData(data: ArrayBuffer, key: ArrayBuffer): Promise<ArrayBuffer>;
  cleanXml(): void;
}

/** Writes the entries of one group: `salt` draws protected-value salt, `write` appends XML. */
export type GroupEntriesWriter = (group: kdbxweb.KdbxGroup, salt: (length: number) => ArrayBuffer, write: (xml: string) => void) => void;

/** The KDBX 4 bytes of `db` (groups only, no entries) with each group's entries written by `writeEntries`. */
export async function saveKdbx4WithEntries(db: kdbxweb.Kdbx, groups: readonly kdbxweb.KdbxGroup[], writeEntries: GroupEntriesWriter): Promise<Uint8Array> {
  if (db.versionMajor !== 4) throw new AppError('INTERNAL', 'Only KDBX 4 is written.');
  const format = new kdbxweb.KdbxFormat(db) as unknown as Format;
  await db.credentials.ready;
  const stm = new kdbxweb.BinaryStream();
  db.header.generateSalts();
  db.header.write(stm);
  db.buildXml(format.ctx);
  stm.writeBytes(await format.getHeaderHash(stm));
  const keys = await format.computeKeysV4();
  stm.writeBytes(await format.getHeaderHmac(stm, keys.hmacKey));
  const gen = await format.getProtectSaltGenerator();
  if (!db.xml) throw new AppError('INTERNAL', 'KDBX XML was not built.');
  kdbxweb.XmlUtils.updateProtectedValuesSalt(db.xml.documentElement, gen);
  const skeleton = kdbxweb.XmlUtils.serialize(db.xml);
  format.cleanXml();

  const chunks: Uint8Array[] = [];
  let size = 0;
  const gzip = new Gzip({ level: 6 }, (chunk) => {
    chunks.push(chunk);
    size += chunk.length;
  });
  const encoder = new TextEncoder();
  let pending: string[] = [];
  let pendingLength = 0;
  const flush = (final: boolean): void => {
    gzip.push(encoder.encode(pending.join('')), final);
    pending = [];
    pendingLength = 0;
  };
  const write = (xml: string): void => {
    pending.push(xml);
    pendingLength += xml.length;
    if (pendingLength > 1 << 20) flush(false);
  };
  const inner = new kdbxweb.BinaryStream();
  db.header.writeInnerHeader(inner, format.ctx);
  gzip.push(new Uint8Array(inner.getWrittenBytes()));
  // Each group's entries go right after its <UUID>; readers take a group's children in any order.
  const at = groups
    .map((group) => {
      const marker = `<Group><UUID>${group.uuid.toString()}</UUID>`;
      const index = skeleton.indexOf(marker);
      if (index < 0) throw new AppError('INTERNAL', 'KDBX group is missing from the XML.');
      return { group, end: index + marker.length };
    })
    .sort((a, b) => a.end - b.end);
  let from = 0;
  const salt = (length: number): ArrayBuffer => gen.getSalt(length);
  for (const { group, end } of at) {
    write(skeleton.slice(from, end));
    writeEntries(group, salt, write);
    from = end;
  }
  write(skeleton.slice(from));
  flush(true);

  const payload = new Uint8Array(size);
  let offset = 0;
  for (const c of chunks.splice(0)) {
    payload.set(c, offset);
    offset += c.length;
  }
  const encrypted = await format.encryptData(payload.buffer, keys.cipherKey);
  kdbxweb.ByteUtils.zeroBuffer(keys.cipherKey);
  stm.writeBytes(await kdbxweb.HmacBlockTransform.encrypt(encrypted, keys.hmacKey));
  kdbxweb.ByteUtils.zeroBuffer(keys.hmacKey);
  return new Uint8Array(stm.getWrittenBytes());
}
