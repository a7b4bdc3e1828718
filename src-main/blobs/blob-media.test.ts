import { promises as fs } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { crc32, deflateSync } from 'node:zlib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { errorOf } from '../test/helpers';
import { blobKit } from './blob-test-kit';
import { sniffMime } from './mime-sniff';
import { MAX_INPUT_PIXELS, THUMBNAIL_PX } from './thumbnail-rules';

const readAll = async (r: Readable): Promise<Buffer> => {
  const parts: Buffer[] = [];
  for await (const c of r) parts.push(c as Buffer);
  return Buffer.concat(parts);
};

/** A valid PNG whose header claims `width` × `height` pixels, with only one tiny row of data: a decompression bomb's header. */
function bombPng(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer): Buffer => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale
  const signature = Buffer.from('\x89PNG\r\n\x1a\n', 'latin1');
  return Buffer.concat([signature, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(Buffer.alloc(width + 1))), chunk('IEND', Buffer.alloc(0))]);
}

describe('MIME sniffing', () => {
  it('goes by content, not the name: a PNG named .txt is image/png', async () => {
    const k = await blobKit();
    const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#c00' } })
      .png()
      .toBuffer();
    const file = path.join(k.dir, 'notes.txt');
    await fs.writeFile(file, png);
    expect((await k.store.put(file, { mime: 'text/plain' })).mime).toBe('image/png');
  });

  it.each([
    ['%PDF-1.7\n1 0 obj', undefined, 'application/pdf'],
    ['plain words, ünïcödé', undefined, 'text/plain'],
    ['a,b\n1,2\n', 'text/csv', 'text/csv'],
    // SECURITY: a claimed active type never sticks to text.
    ['<html><script>alert(1)</script></html>', 'text/html', 'text/plain'],
    ['\u0000\u0001\u0002binary', 'image/png', 'application/octet-stream'],
  ])('%j (claimed %s) is %s', async (content, claimed, expected) => {
    expect(await sniffMime(Buffer.from(content, 'utf8'), claimed)).toBe(expected);
  });
});

describe('thumbnails', () => {
  it('makes a ≤ 256 px WebP of a 40 MP photo without blocking the event loop, once', async () => {
    const k = await blobKit();
    // PNG: fully decoded (a JPEG would be shrunk while loading, hiding the cost being measured).
    const photo = await sharp({ create: { width: 8000, height: 5000, channels: 3, background: '#3a6' } })
      .png({ compressionLevel: 1 })
      .toBuffer();
    const put = await k.store.put(Readable.from([photo]));
    expect(put.mime).toBe('image/png');

    let worst = 0;
    let last = performance.now();
    const tick = setInterval(() => {
      const t = performance.now();
      worst = Math.max(worst, t - last);
      last = t;
    }, 5);
    const started = performance.now();
    const thumbId = await k.store.thumbnail(put.id);
    const took = performance.now() - started;
    clearInterval(tick);
    console.log(`[thumbnail] 40 MP PNG (${(photo.length / 2 ** 20).toFixed(1)} MiB) → ${took.toFixed(0)} ms, worst event-loop gap ${worst.toFixed(0)} ms`);
    // Decoding 40 MP on the JavaScript thread would stall it for (nearly) the whole job.
    expect(worst).toBeLessThan(Math.max(100, took / 2));

    const thumb = await readAll(await k.store.open(thumbId));
    const meta = await sharp(thumb).metadata();
    expect(meta.format).toBe('webp');
    expect(Math.max(meta.width, meta.height)).toBeLessThanOrEqual(THUMBNAIL_PX);
    expect(meta.width).toBe(256);
    expect(meta.height).toBe(160);
    expect((await k.store.get(thumbId)).mime).toBe('image/webp');
    expect(await k.store.thumbnail(put.id)).toBe(thumbId); // made once
    expect(await k.store.refCount(thumbId)).toBe(1);
  }, 60_000);

  it('refuses a decompression bomb (header over the pixel limit) with TOO_LARGE before decoding', async () => {
    const k = await blobKit();
    const bomb = bombPng(30_000, 30_000);
    expect(30_000 * 30_000).toBeGreaterThan(MAX_INPUT_PIXELS);
    const put = await k.store.put(Readable.from([bomb]));
    expect(put.mime).toBe('image/png');
    const err = await errorOf(k.store.thumbnail(put.id));
    expect(err.code).toBe('TOO_LARGE');
  });

  it('says UNSUPPORTED for content that is not a picture, and for a broken picture', async () => {
    const k = await blobKit();
    const pdf = await k.store.put(Readable.from([Buffer.from('%PDF-1.7\n')]));
    expect((await errorOf(k.store.thumbnail(pdf.id))).code).toBe('UNSUPPORTED');
    const png = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#00f' } })
      .png()
      .toBuffer();
    const broken = await k.store.put(Readable.from([png.subarray(0, 60)]));
    expect((await errorOf(k.store.thumbnail(broken.id))).code).toBe('UNSUPPORTED');
  });

  it('collects a thumbnail together with its source', async () => {
    const k = await blobKit();
    const png = await sharp({ create: { width: 600, height: 300, channels: 3, background: '#0a0' } })
      .png()
      .toBuffer();
    const put = await k.store.put(Readable.from([png]));
    const thumbId = await k.store.thumbnail(put.id);
    k.clock.ms += 31 * 24 * 60 * 60 * 1000;
    expect((await k.store.gc()).blobs).toBe(2);
    expect(await k.files.has(thumbId)).toBe(false);
  });
});
