import * as kdbxweb from 'kdbxweb';
import { exactArrayBuffer } from './array-buffer';
import { inflateWithinBudget, type InflateBudget } from '../../../lib/inflate-budget';
import { IMPORT_LIMITS } from './limits';

/**
 * Puts a byte budget on every gzip inflate kdbxweb does while reading (decompression bombs): the KDBX 4
 * payload, the KDBX 3 payload, and gzip-compressed `<Binary>` attachments in the XML. kdbxweb inflates
 * with fflate's one-shot `gunzipSync`, which trusts the stream and allocates whatever it expands to,
 * so these three read steps are replaced by the same steps with {@link inflateWithinBudget}. The
 * replacements follow kdbxweb 2.1 line for line; {@link installKdbxInflateBudget} refuses to start
 * (and so import fails closed) if those internals are not there.
 *
 * The budget is per process and reset by {@link resetKdbxInflateBudget} before each parse: imports run
 * one per worker thread, so one parse's inflates share one budget.
 */

const { GZip, None } = kdbxweb.Consts.CompressionAlgorithm;

let budget: InflateBudget = { left: IMPORT_LIMITS.maxInflatedBytes, what: 'The KeePass file' };

/**
 * Starts a fresh budget for the next parse of a `fileBytes`-byte file: {@link IMPORT_LIMITS.maxInflateRatio}
 * times its size, at least `minInflateBudgetBytes` and at most `maxInflatedBytes`.
 */
export function resetKdbxInflateBudget(what: string, fileBytes: number): void {
  const { maxInflatedBytes, maxInflateRatio, minInflateBudgetBytes } = IMPORT_LIMITS;
  budget = { left: Math.min(maxInflatedBytes, Math.max(minInflateBudgetBytes, fileBytes * maxInflateRatio)), what };
}

/** The parts of kdbxweb's reader (private in its types) that are replaced. */
interface FormatInternals {
  kdbx: kdbxweb.Kdbx;
  decryptData(data: ArrayBuffer, key: ArrayBuffer): Promise<ArrayBuffer>;
  decryptXmlV3(stm: kdbxweb.BinaryStream): Promise<string>;
  getMasterKeyV3(): Promise<ArrayBuffer>;
  trimStartBytesV3(data: ArrayBuffer): ArrayBuffer;
}

let installed = false;

/** Installs the budgeted inflates into kdbxweb once per process. */
export function installKdbxInflateBudget(): void {
  if (installed) return;
  const proto = kdbxweb.KdbxFormat.prototype as unknown as FormatInternals;
  const xml = kdbxweb.XmlUtils as unknown as { getProtectedBinary: (node: Element) => unknown };
  for (const f of [
    proto.decryptData,
    proto.decryptXmlV3,
    proto.getMasterKeyV3,
    proto.trimStartBytesV3,
    xml.getProtectedBinary,
    kdbxweb.HashedBlockTransform.decrypt,
  ]) {
    if (typeof f !== 'function') throw new Error('kdbxweb internals changed: the KDBX inflate budget cannot be installed');
  }
  installed = true;
  const inflate = (data: ArrayBuffer | Uint8Array): ArrayBuffer => {
    const out = inflateWithinBudget(data instanceof Uint8Array ? data : new Uint8Array(data), budget);
    return out.byteOffset === 0 && out.byteLength === out.buffer.byteLength ? (out.buffer as ArrayBuffer) : exactArrayBuffer(out);
  };

  // KDBX 4: the decrypted payload is the gzip stream. Inflate it here and tell kdbxweb it is plain.
  const decryptData = proto.decryptData;
  proto.decryptData = async function (this: FormatInternals, data, key) {
    const plain = await decryptData.call(this, data, key);
    const header = this.kdbx.header;
    if ((header.versionMajor ?? 0) < 4 || header.compression !== GZip) return plain;
    const inflated = inflate(plain);
    kdbxweb.ByteUtils.zeroBuffer(plain);
    header.compression = None;
    return inflated;
  };

  // KDBX 3: decrypt, drop the stream start bytes, verify the hashed blocks, then inflate.
  proto.decryptXmlV3 = async function (this: FormatInternals, stm) {
    const data = stm.readBytesToEnd();
    const masterKey = await this.getMasterKeyV3();
    let plain = await this.decryptData(data, masterKey);
    kdbxweb.ByteUtils.zeroBuffer(masterKey);
    plain = await kdbxweb.HashedBlockTransform.decrypt(this.trimStartBytesV3(plain));
    if (this.kdbx.header.compression === GZip) plain = inflate(plain);
    return kdbxweb.ByteUtils.bytesToString(plain);
  };

  // `<Binary Compressed="True">` in KDBX 3 payloads and KeePass 2 XML exports.
  const getProtectedBinary = xml.getProtectedBinary;
  xml.getProtectedBinary = (node: Element) => {
    const compressed = /^true$/i.test(node.getAttribute?.(kdbxweb.XmlNames.Attr.Compressed) ?? '');
    if (!compressed || (node as { protectedValue?: unknown }).protectedValue || node.getAttribute(kdbxweb.XmlNames.Attr.Ref) || !node.textContent) {
      return getProtectedBinary(node);
    }
    return inflate(kdbxweb.ByteUtils.base64ToBytes(node.textContent));
  };
}
