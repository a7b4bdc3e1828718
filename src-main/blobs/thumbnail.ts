import type { Readable } from 'node:stream';
import sharp from 'sharp';
import { AppError } from '../../src-shared/ipc/result';
import { MAX_INPUT_PIXELS, THUMBNAIL_PX } from './thumbnail-rules';

/**
 * Thumbnails: at most 256 px on the long side, WebP, metadata stripped (no EXIF GPS in a preview).
 * sharp decodes on libuv's thread pool, never on the JavaScript thread, so a 40 MP photo does not block
 * main (measured in blob-media.test.ts); a worker thread would only add a copy of the bytes. This module
 * (and libvips with it) loads on the first thumbnail, not when the app starts.
 */
// Decoded images are not kept in libvips' cache after the job (they are the user's pictures).
sharp.cache(false);

/** The thumbnail of an image stream. TOO_LARGE for a bomb, UNSUPPORTED when it does not decode. */
export async function makeThumbnail(image: Readable): Promise<Buffer> {
  const transformer = sharp({ limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error', sequentialRead: true })
    .rotate() // honour the EXIF orientation before the metadata is dropped
    .resize(THUMBNAIL_PX, THUMBNAIL_PX, { fit: 'inside', withoutEnlargement: true })
    .webp({ quality: 80 });
  image.on('error', (err) => transformer.destroy(err));
  image.pipe(transformer);
  try {
    return await transformer.toBuffer();
  } catch (err) {
    if (err instanceof AppError) throw err;
    const message = err instanceof Error ? err.message : String(err);
    if (/pixel limit/i.test(message)) {
      throw new AppError('TOO_LARGE', `The picture has more than ${MAX_INPUT_PIXELS / 1e6} million pixels; no preview was made.`);
    }
    throw new AppError('UNSUPPORTED', 'The picture could not be decoded; no preview was made.');
  } finally {
    image.destroy();
  }
}
