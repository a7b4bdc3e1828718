import QRCode from 'qrcode';
import { AppError } from '../../src-shared/ipc/result';

/**
 * QR codes in one place: encoding text to a module matrix (labels, PDFs) here, and decoding the QR in
 * an image ({@link decodeQrImage}, qr-decode.ts). Domains import both from this file.
 */
export { decodeQrImage } from './qr-decode';

/**
 * Longest QR payload we put on a label, in UTF-8 bytes. At error correction M this is a version 13
 * symbol (69 modules): about 20 mm wide at 0.25 mm per module, the smallest module a 203 dpi thermal
 * head prints reliably. GS1 §8.4 asks for much shorter URIs (version 4–5) anyway.
 */
export const QR_MAX_PAYLOAD_BYTES = 300;

/** Modules around the symbol that must stay blank (ISO/IEC 18004). */
export const QR_QUIET_ZONE_MODULES = 4;

/** A QR symbol's module grid, without the quiet zone. */
export interface QrMatrix {
  /** Modules per side (21 for version 1, +4 per version). */
  readonly size: number;
  readonly version: number;
  /** True for a dark module; false outside the symbol, so callers can walk the quiet zone safely. */
  isDark(x: number, y: number): boolean;
}

/** Error correction: M (15 %) by default; L (7 %) only where it buys a readable module size on a small label. */
export type QrErrorLevel = 'M' | 'L';

/**
 * The module matrix for `text` at error correction level `level` (default M; byte mode, UTF-8).
 * Throws AppError('INVALID_INPUT') for an empty payload and AppError('TOO_LARGE') above
 * {@link QR_MAX_PAYLOAD_BYTES}.
 */
export function qrMatrix(text: string, level: QrErrorLevel = 'M'): QrMatrix {
  if (text.length === 0) throw new AppError('INVALID_INPUT', 'The QR payload is empty.');
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > QR_MAX_PAYLOAD_BYTES) {
    throw new AppError('TOO_LARGE', `The QR payload is ${bytes} bytes; a QR code here takes at most ${QR_MAX_PAYLOAD_BYTES}.`);
  }
  const { modules, version } = QRCode.create(text, { errorCorrectionLevel: level });
  const size = modules.size;
  return {
    size,
    version,
    // qrcode's BitMatrix is indexed (row, col).
    isDark: (x, y) => x >= 0 && y >= 0 && x < size && y < size && modules.get(y, x) === 1,
  };
}
