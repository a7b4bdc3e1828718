/** What gets a thumbnail, and how big; no sharp here, so the store can decide without loading libvips. */
export const THUMBNAIL_ROLE = 'thumbnail';
export const THUMBNAIL_PX = 256;
/**
 * SECURITY: decompression bombs. The pixel count comes from the header and is refused before any decoding:
 * 120 MP allows every camera photo (a 100 MP medium format is 11,648 × 8,736) and caps decoded memory near 500 MiB.
 */
export const MAX_INPUT_PIXELS = 120_000_000;
/** A larger source is not an ordinary picture: no preview (sharp reads a stream into memory before decoding). */
export const MAX_THUMBNAIL_SOURCE_BYTES = 128 * 1024 * 1024;

const RASTER = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/avif', 'image/tiff']);

export const isThumbnailable = (mime: string, size: number): boolean => RASTER.has(mime) && size <= MAX_THUMBNAIL_SOURCE_BYTES;
