import { encode as encodeJpeg } from 'jpeg-js';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { parseOtpImport } from '../../src-shared/domains/vault/otpauth';
import { AppError, type AppErrorCode } from '../../src-shared/ipc/result';
import { itWithFixtures, readFixture } from '../test/fixtures';
import { MAX_IMAGE_BYTES } from '../../src-shared/lib/limits';
import { decodeQrImage, qrMatrix } from './qr';

/** One sample image from the fixtures' `otp/` folder (its README.md says what each one holds). */
const fixture = (name: string) => readFixture('otp', name);

const ACME_URI = 'otpauth://totp/ACME%20Co:john@example.com?secret=HXDMVJECJJWSRB3HWIZR4IFUGFTMXBOZ&issuer=ACME%20Co&algorithm=SHA1&digits=6&period=30';

/**
 * Renders `text` as a QR code (4-module quiet zone) in the middle of a white canvas. `halftone` draws
 * each module as a 2×2 dither (3 of 4 pixels black for dark modules, 1 of 4 for light ones), like a
 * photographed print: jsQR cannot read it at full size, only after averaging.
 */
function renderQr(text: string, options: { canvas?: number; invert?: boolean; halftone?: boolean; modulePx?: number } = {}) {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const modulePx = options.modulePx ?? 4;
  const side = (qr.modules.size + 8) * modulePx;
  const canvas = Math.max(options.canvas ?? side, side);
  const offset = Math.floor((canvas - side) / 2) + 4 * modulePx;
  const data = Buffer.alloc(canvas * canvas * 4, 0xff);
  for (let y = 0; y < canvas; y++) {
    for (let x = 0; x < canvas; x++) {
      const mx = Math.floor((x - offset) / modulePx);
      const my = Math.floor((y - offset) / modulePx);
      const inside = x >= offset && y >= offset && mx < qr.modules.size && my < qr.modules.size;
      const dark = inside && qr.modules.get(my, mx) === 1;
      const tile = (x % 2) + 2 * (y % 2);
      const black = options.halftone ? (dark ? tile !== 3 : tile === 0) : dark;
      const value = black !== (options.invert ?? false) ? 0 : 255;
      data.fill(value, (y * canvas + x) * 4, (y * canvas + x) * 4 + 3);
    }
  }
  return { width: canvas, height: canvas, data };
}

const toPng = (image: ReturnType<typeof renderQr>) => {
  const png = new PNG({ width: image.width, height: image.height });
  image.data.copy(png.data);
  return PNG.sync.write(png);
};

/** A PNG whose IHDR claims the given size; the pixel data is never reached. */
function pngHeader(width: number, height: number): Buffer {
  const header = Buffer.alloc(33);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(header);
  header.writeUInt32BE(13, 8);
  header.write('IHDR', 12, 'latin1');
  header.writeUInt32BE(width, 16);
  header.writeUInt32BE(height, 20);
  return header;
}

function expectAppError(fn: () => unknown, code: AppErrorCode, message?: RegExp): void {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe(code);
    if (message) expect((error as AppError).message).toMatch(message);
    return;
  }
  throw new Error('expected an AppError');
}

describe('qr decode', () => {
  itWithFixtures('reads the otpauth URI that qrencode wrote', () => {
    expect(decodeQrImage(fixture('otpauth-totp-acme-qrencode.png'))).toBe(ACME_URI);
  });

  itWithFixtures('reads the Google Authenticator export from a 668 KB phone screenshot', () => {
    const text = decodeQrImage(fixture('extract_otp_secrets-googleauth_export.png'));
    expect(text).toMatch(/^otpauth-migration:\/\/offline\?data=CjMKCkhlbGxvId6tvu8S/);
    const accounts = parseOtpImport(text);
    expect(accounts.map((a) => [a.issuer, a.account, a.secret])).toEqual([
      ['Test1', 'test1@example1.com', 'JBSWY3DPEHPK3PXP'],
      ['Test2', 'test2@example2.com', 'JBSWY3DPEHPK3PXQ'],
      ['Test3', 'test3@example3.com', 'JBSWY3DPEHPK3PXR'],
    ]);
  });

  itWithFixtures('reads a QR that is not an OTP, which the otpauth parser then rejects clearly', () => {
    const text = decodeQrImage(fixture('extract_otp_secrets-qr_but_without_otp.png'));
    expect(text).toBe('NOT A otpauth-migration:// URL');
    expectAppError(() => parseOtpImport(text), 'INVALID_INPUT', /No OTP account found/);
  });

  it('reads a QR from a JPEG', () => {
    const image = renderQr(ACME_URI, { canvas: 400 });
    const jpegBytes = encodeJpeg(image, 90).data;
    expect(jpegBytes.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    expect(decodeQrImage(jpegBytes)).toBe(ACME_URI);
  });

  it('reads a light-on-dark (dark mode) QR', () => {
    expect(decodeQrImage(toPng(renderQr(ACME_URI, { canvas: 300, invert: true })))).toBe(ACME_URI);
  });

  it('finds a small QR in a large screenshot', () => {
    expect(decodeQrImage(toPng(renderQr(ACME_URI, { canvas: 2400 })))).toBe(ACME_URI);
  });

  it('falls back to a downscaled copy when the full-size image defeats jsQR', () => {
    const halftone = renderQr(ACME_URI, { halftone: true, modulePx: 8 });
    expect(jsQR(new Uint8ClampedArray(halftone.data), halftone.width, halftone.height, { inversionAttempts: 'attemptBoth' })).toBeNull();
    expect(decodeQrImage(toPng(halftone))).toBe(ACME_URI);
  });

  it('reports NOT_FOUND for an image without a QR code', () => {
    const blank = new PNG({ width: 300, height: 300 });
    blank.data.fill(0xff);
    expectAppError(() => decodeQrImage(PNG.sync.write(blank)), 'NOT_FOUND', /No QR code was found/);
  });

  itWithFixtures('refuses files over 20 MiB before decoding them', () => {
    const big = Buffer.alloc(MAX_IMAGE_BYTES + 1);
    fixture('otpauth-totp-acme-qrencode.png').copy(big);
    expectAppError(() => decodeQrImage(big), 'TOO_LARGE', /20 MiB/);
  });

  it('refuses a PNG that declares more than 40 megapixels, before decompressing it', () => {
    expectAppError(() => decodeQrImage(pngHeader(8000, 5001)), 'TOO_LARGE', /40 megapixels/);
  });

  it('refuses a JPEG that declares more than 40 megapixels, before decompressing it', () => {
    const header = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x04, 0x00, 0x00, 0xff, 0xc0, 0x00, 0x11, 0x08, 0x1f, 0x40, 0x1f, 0x40, 0x03]);
    expectAppError(() => decodeQrImage(header), 'TOO_LARGE', /8000×8000/);
  });

  it('refuses formats other than PNG and JPEG', () => {
    expectAppError(() => decodeQrImage(Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1')), 'UNSUPPORTED', /PNG and JPEG/);
    expectAppError(() => decodeQrImage(Buffer.alloc(0)), 'UNSUPPORTED');
  });

  itWithFixtures('reports a corrupt image as INVALID_INPUT', () => {
    const png = fixture('otpauth-totp-acme-qrencode.png');
    const truncated = png.subarray(0, 60);
    expectAppError(() => decodeQrImage(truncated), 'INVALID_INPUT', /corrupt/);
    expectAppError(() => decodeQrImage(Buffer.from([0xff, 0xd8, 0xff, 0xd9])), 'INVALID_INPUT', /corrupt/);
    expectAppError(() => decodeQrImage(pngHeader(100, 100)), 'INVALID_INPUT', /corrupt/);
  });
});

describe('qr encode and decode together', () => {
  it('decodes what qrMatrix encodes, at both error-correction levels', () => {
    const text = 'https://shop.example/01/09521234543213/10/AB%2F12?17=261127 · żółć';
    for (const level of ['M', 'L'] as const) {
      const m = qrMatrix(text, level);
      const px = 4;
      const side = (m.size + 8) * px;
      const png = new PNG({ width: side, height: side });
      png.data.fill(0xff);
      for (let y = 0; y < side; y++) {
        for (let x = 0; x < side; x++) {
          if (m.isDark(Math.floor(x / px) - 4, Math.floor(y / px) - 4)) png.data.fill(0, (y * side + x) * 4, (y * side + x) * 4 + 3);
        }
      }
      expect(decodeQrImage(PNG.sync.write(png)), level).toBe(text);
    }
  });
});
