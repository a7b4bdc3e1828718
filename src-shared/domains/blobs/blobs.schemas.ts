import { z } from 'zod';
import { IsoTimestamp } from '../../lib/schema';

/** A stored file's id: the keyed content id, 64 lowercase hex (docs/formats.md#blobs). */
export const BlobId = z.string().regex(/^[0-9a-f]{64}$/, 'Expected a stored file id');
export type BlobId = z.infer<typeof BlobId>;

/** The largest upload one ticket accepts (the file store streams, so this bounds disk use, not memory). */
export const MAX_UPLOAD_BYTES = 2 * 1024 * 1024 * 1024;
/** The default upload cap when the caller names none. */
export const DEFAULT_UPLOAD_BYTES = 256 * 1024 * 1024;

/** A file name offered to the browser's download (no path, no control characters). */
export const DownloadName = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .refine((name) => ![...name].some((c) => c === '/' || c === '\\' || c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f), 'Not a file name');

/** Tickets are 32 random bytes, base64url. */
export const BlobTicketString = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'Not a ticket');

/** Where the renderer fetches a ticket: the same relative path on app://bundle and in browser mode. */
export const blobUrl = (ticket: string): string => `/api/blob/${ticket}`;

export const TicketInput = z.strictObject({
  blobId: BlobId,
  name: DownloadName.optional(),
  /** `inline` for images shown in the page (thumbnails); everything else downloads. */
  disposition: z.enum(['attachment', 'inline']).default('attachment'),
});
export type TicketInput = z.input<typeof TicketInput>;

export const BlobTicket = z.strictObject({
  ticket: BlobTicketString,
  /** Relative URL: `GET` it (browser mode also sends the token header, or fetches from the page itself). */
  url: z.string().max(100),
  expiresAt: IsoTimestamp,
});
export type BlobTicket = z.infer<typeof BlobTicket>;

export const UploadTicketInput = z.strictObject({
  maxBytes: z.int().min(1).max(MAX_UPLOAD_BYTES).default(DEFAULT_UPLOAD_BYTES),
});
export type UploadTicketInput = z.input<typeof UploadTicketInput>;

export const UploadTicket = z.strictObject({
  ticket: BlobTicketString,
  /** Relative URL: `POST` the raw file bytes to it once (browser mode also sends the token header). */
  url: z.string().max(100),
  maxBytes: z.int(),
  expiresAt: IsoTimestamp,
});
export type UploadTicket = z.infer<typeof UploadTicket>;

/** What `POST /api/blob/<ticket>` answers: the stored file, unclaimed until an owner adds a ref. */
export const UploadedBlob = z.strictObject({
  id: BlobId,
  size: z.int().nonnegative(),
  mime: z.string().max(200),
  thumbnailId: BlobId.nullable(),
});
export type UploadedBlob = z.infer<typeof UploadedBlob>;
