import argon2 from 'argon2';
import * as kdbxweb from 'kdbxweb';
import { AppError } from '../../../../src-shared/ipc/result';
import { exactArrayBuffer } from './array-buffer';
import { installKdbxInflateBudget } from './kdbx-inflate';

/**
 * kdbxweb set-up shared by the KDBX importer and exporter: Argon2 through the native `argon2`
 * package (kdbxweb ships none), and work-factor caps read from the KDBX header before any key
 * derivation runs, because a hostile file could otherwise ask for terabytes or centuries of work.
 */

/** Most work a KDBX file may ask for. Generous: KeePassXC's defaults are 64 MiB/10 rounds or ~10⁶–10⁸ AES rounds. */
export const KDBX_LIMITS = {
  argon2MaxMemoryBytes: 2 * 1024 * 1024 * 1024,
  argon2MaxIterations: 1000,
  argon2MaxParallelism: 64,
  /**
   * Memory × passes: each pass fills the memory once, about 1 GiB/s here, so 32 GiB·passes stays well inside the
   * import job's time limit. A job that hits its limit inside the native Argon2 call cannot be stopped safely
   * (ending a worker there aborts the process), so the work is refused before it starts instead.
   */
  argon2MaxWorkBytes: 32 * 1024 * 1024 * 1024,
  aesMaxRounds: 500_000_000,
} as const;

const AES_KDF_UUID = kdbxweb.Consts.KdfId.Aes;
let installed = false;

const tooMuchWork = (): AppError =>
  new AppError(
    'TOO_LARGE',
    'This KeePass database asks for more key-derivation work than Hearth allows. Lower its encryption settings in KeePassXC and try again.',
  );

const argon2TooMuch = (memoryBytes: number, iterations: number, parallelism: number): boolean =>
  memoryBytes > KDBX_LIMITS.argon2MaxMemoryBytes ||
  iterations > KDBX_LIMITS.argon2MaxIterations ||
  parallelism > KDBX_LIMITS.argon2MaxParallelism ||
  memoryBytes * iterations > KDBX_LIMITS.argon2MaxWorkBytes;

/** Plugs Argon2 (d and id) and the inflate byte budget into kdbxweb once per process. */
export function installKdbxArgon2(): void {
  installKdbxInflateBudget();
  if (installed) return;
  installed = true;
  kdbxweb.CryptoEngine.setArgon2Impl(async (password, salt, memoryKiB, iterations, length, parallelism, type, version) => {
    if (argon2TooMuch(memoryKiB * 1024, iterations, parallelism)) {
      throw tooMuchWork();
    }
    const out = await argon2.hash(Buffer.from(password), {
      raw: true,
      type: type === kdbxweb.CryptoEngine.Argon2TypeArgon2id ? argon2.argon2id : argon2.argon2d,
      version,
      salt: Buffer.from(salt),
      memoryCost: memoryKiB,
      timeCost: iterations,
      parallelism,
      hashLength: length,
    });
    const result = new Uint8Array(out);
    out.fill(0);
    return result.buffer;
  });
}

/** True when the bytes start with the KDBX signature (0x9AA2D903 0xB54BFB67, little-endian). */
export function isKdbx(bytes: Uint8Array): boolean {
  if (bytes.length < 8) return false;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return view.getUint32(0, true) === 0x9aa2d903 && view.getUint32(4, true) === 0xb54bfb67;
}

/** True for a KeePass 1.x `.kdb` file (second signature 0xB54BFB65), which Hearth does not read. */
export function isKeePass1(bytes: Uint8Array): boolean {
  if (bytes.length < 8) return false;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return view.getUint32(0, true) === 0x9aa2d903 && view.getUint32(4, true) === 0xb54bfb65;
}

/** Outer cipher UUID of AES-256-CBC. */
const AES_CIPHER_UUID = kdbxweb.Consts.CipherId.Aes;

/**
 * Walks the outer KDBX header (3.x: 2-byte field sizes, 4.x: 4-byte) and rejects AES-KDF rounds or
 * Argon2 parameters above {@link KDBX_LIMITS}. INVALID_INPUT when the header itself is malformed, or
 * when a KDBX 3 AES payload is not whole blocks (truncated): kdbxweb would report that as a wrong key.
 */
export function assertKdbxHeaderSane(bytes: Uint8Array): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const corrupt = (): AppError => new AppError('INVALID_INPUT', 'This KeePass database is damaged or truncated.');
  if (bytes.length < 12) throw corrupt();
  const major = view.getUint16(10, true);
  let p = 12;
  let aes = false;
  for (;;) {
    const sizeBytes = major >= 4 ? 4 : 2;
    if (p + 1 + sizeBytes > bytes.length) throw corrupt();
    const id = view.getUint8(p);
    const size = sizeBytes === 4 ? view.getUint32(p + 1, true) : view.getUint16(p + 1, true);
    const start = p + 1 + sizeBytes;
    if (start + size > bytes.length) throw corrupt();
    if (id === 0) {
      if (major < 4 && aes && (bytes.length - start - size) % 16 !== 0) throw corrupt();
      return;
    }
    if (id === 2) aes = Buffer.from(bytes.subarray(start, start + size)).toString('base64') === AES_CIPHER_UUID;
    if (id === 6 && size === 8) checkAesRounds(view.getBigUint64(start, true));
    if (id === 11) checkKdfParameters(exactArrayBuffer(bytes.subarray(start, start + size)));
    p = start + size;
  }
}

function checkAesRounds(rounds: bigint): void {
  if (rounds > BigInt(KDBX_LIMITS.aesMaxRounds)) throw tooMuchWork();
}

function checkKdfParameters(buffer: ArrayBuffer): void {
  let dict: kdbxweb.VarDictionary;
  try {
    dict = kdbxweb.VarDictionary.read(new kdbxweb.BinaryStream(buffer));
  } catch {
    throw new AppError('INVALID_INPUT', 'This KeePass database is damaged: its key-derivation settings cannot be read.');
  }
  const uuid = dict.get('$UUID');
  const num = (key: string): number => {
    const v = dict.get(key);
    // Int64.value throws a plain Error above 2^53; the float from hi/lo is exact enough to compare with the limits.
    return v instanceof kdbxweb.Int64 ? v.hi * 2 ** 32 + v.lo : typeof v === 'number' ? v : 0;
  };
  if (uuid instanceof ArrayBuffer && Buffer.from(uuid).toString('base64') === AES_KDF_UUID) {
    checkAesRounds(BigInt(num('R')));
    return;
  }
  if (argon2TooMuch(num('M'), num('I'), num('P'))) throw tooMuchWork();
}
