import { api } from '../../api/client';
import { onSessionReset } from '../../lib/session-reset';

/** Thumbnail tickets live a few minutes; one is reused for a minute so a list redraw does not mint a ticket per row. */
const REUSE_MS = 60_000;
const cache = new Map<string, { url: Promise<string>; at: number }>();

/** A short-lived inline URL for a thumbnail blob (a 256 px WebP main made from an uploaded picture). */
export function thumbnailUrl(blobId: string): Promise<string> {
  const hit = cache.get(blobId);
  if (hit && Date.now() - hit.at < REUSE_MS) return hit.url;
  const url = api.blobs.ticket({ blobId, disposition: 'inline' }).then((t) => t.url);
  cache.set(blobId, { url, at: Date.now() });
  url.catch(() => cache.delete(blobId));
  return url;
}

onSessionReset(() => cache.clear());
