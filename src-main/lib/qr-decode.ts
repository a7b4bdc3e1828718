import { decode as decodeJpeg } from 'jpeg-js';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { AppError } from '../../src-shared/ipc/result';
import { formatMiB, MAX_IMAGE_BYTES, MAX_IMAGE_PIXELS } from '../../src-shared/lib/limits';

/**
 * Reads the text of a QR code in a PNG or JPEG image (an exported authenticator QR, a screenshot, a
 * photo of a label). The caller decides what the text means; this module only finds it. Import it via `lib/qr`.
 * SECURITY: the file comes from the user's disk or clipboard and may be hostile, so its size and its
 * declared dimensions are checked before anything is decompressed.
 */

/** Smallest side a downscaled copy may have: a version-1 QR with its quiet zone is 29 modules. */
const MIN_SCALED_SIDE = 100;

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

interface Rgba {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}

type ImageKind = 'png' | 'jpeg';

function sniff(bytes: Buffer): ImageKind | null {
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return 'png';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  return null;
}

/** Width and height from the PNG IHDR chunk, which must come first (PNG spec §5.6). */
function pngSize(bytes: Buffer): { width: number; height: number } | null {
  if (bytes.length < 24 || bytes.toString('latin1', 12, 16) !== 'IHDR') return null;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Width and height from the first JPEG start-of-frame marker (SOF0–SOF15 except DHT/JPG/DAC). */
function jpegSize(bytes: Buffer): { width: number; height: number } | null {
  let pos = 2;
  while (pos + 4 <= bytes.length) {
    if (bytes[pos] !== 0xff) return null;
    const marker = bytes[pos + 1] ?? 0;
    if (marker === 0xff) {
      pos += 1; // fill byte
      continue;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd9)) {
      pos += 2; // standalone marker, no length
      continue;
    }
    const length = bytes.readUInt16BE(pos + 2);
    const isSof = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isSof) return pos + 9 <= bytes.length ? { height: bytes.readUInt16BE(pos + 5), width: bytes.readUInt16BE(pos + 7) } : null;
    pos += 2 + length;
  }
  return null;
}

function decodePixels(bytes: Buffer, kind: ImageKind): Rgba {
  const size = kind === 'png' ? pngSize(bytes) : jpegSize(bytes);
  if (!size || size.width === 0 || size.height === 0) throw new AppError('INVALID_INPUT', `The ${kind.toUpperCase()} image is corrupt.`);
  if (size.width * size.height > MAX_IMAGE_PIXELS) {
    throw new AppError('TOO_LARGE', `The image is too large (${size.width}×${size.height}); the limit is ${MAX_IMAGE_PIXELS / 1e6} megapixels.`);
  }
  try {
    if (kind === 'png') {
      const png = PNG.sync.read(bytes); // always RGBA, 8 bits per channel
      return { width: png.width, height: png.height, data: new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length) };
    }
    const image = decodeJpeg(bytes, { useTArray: true, formatAsRGBA: true, maxResolutionInMP: MAX_IMAGE_PIXELS / 1e6, maxMemoryUsageInMB: 512 });
    return { width: image.width, height: image.height, data: new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.length) };
  } catch {
    throw new AppError('INVALID_INPUT', `The ${kind.toUpperCase()} image is corrupt or uses an unsupported variant.`);
  }
}

/** Box-filter downscale by an integer factor: averages away halftone, JPEG noise and moiré that defeat jsQR's binariser. */
function downscale(image: Rgba, factor: number): Rgba {
  const width = Math.floor(image.width / factor);
  const height = Math.floor(image.height / factor);
  const data = new Uint8ClampedArray(width * height * 4);
  const area = factor * factor;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      for (let c = 0; c < 4; c++) {
        let sum = 0;
        for (let dy = 0; dy < factor; dy++) {
          const row = ((y * factor + dy) * image.width + x * factor) * 4 + c;
          for (let dx = 0; dx < factor; dx++) sum += image.data[row + dx * 4] ?? 0;
        }
        data[(y * width + x) * 4 + c] = sum / area;
      }
    }
  }
  return { width, height, data };
}

/**
 * The text of the first QR code found in a PNG or JPEG file. Tries the image at full size, then
 * downscaled by 2 and 4, each time also inverted (dark-mode screenshots).
 * Throws `AppError`: `TOO_LARGE` (over {@link MAX_IMAGE_BYTES} or {@link MAX_IMAGE_PIXELS}), `UNSUPPORTED` (not PNG/JPEG),
 * `INVALID_INPUT` (corrupt image) or `NOT_FOUND` (no readable QR code).
 */
export function decodeQrImage(bytes: Buffer): string {
  if (bytes.length > MAX_IMAGE_BYTES) throw new AppError('TOO_LARGE', `The image file is larger than ${formatMiB(MAX_IMAGE_BYTES)}.`);
  const kind = sniff(bytes);
  if (!kind) throw new AppError('UNSUPPORTED', 'Only PNG and JPEG images can be scanned for a QR code.');
  const image = decodePixels(bytes, kind);
  for (const factor of [1, 2, 4]) {
    if (factor > 1 && Math.min(image.width, image.height) / factor < MIN_SCALED_SIDE) break;
    const candidate = factor === 1 ? image : downscale(image, factor);
    const found = jsQR(candidate.data, candidate.width, candidate.height, { inversionAttempts: 'attemptBoth' });
    if (found) return found.data;
  }
  throw new AppError('NOT_FOUND', 'No QR code was found in the image. Try a sharper or larger picture of the code.');
}
