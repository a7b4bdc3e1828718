import { useEffect, useMemo, useState } from 'react';
import type { MessageDetail } from '../../../src-shared/domains/email/email.schemas';
import { bytesToBase64 } from '../../lib/files';
import { emailApi } from './email-api';
import { cidsIn, normalizeCid } from './email-html';

/** Pictures a sandboxed frame may show as data: URLs (email-html.ts admits exactly these). */
const IMAGE = /^image\/(?:png|gif|jpeg|webp|bmp)$/;
/** Larger inline pictures are not read into the page (the attachment list still offers them). */
const MAX_INLINE_BYTES = 5_000_000;
const MAX_INLINE = 40;
const NONE: ReadonlyMap<string, string> = new Map();

/**
 * The message's own `cid:` pictures as data: URLs, read by ticket from its attachments (never from the network):
 * null while they load, then a map from normalised cid to URL (empty when the body uses none).
 */
export function useInlineImages(message: MessageDetail): ReadonlyMap<string, string> | null {
  const [loaded, setLoaded] = useState<{ message: MessageDetail; map: ReadonlyMap<string, string> } | null>(null);
  const parts = useMemo(() => {
    const cids = new Set(message.html ? cidsIn(message.html) : []);
    return message.attachments
      .filter((a) => a.cid && cids.has(normalizeCid(a.cid)) && IMAGE.test(a.mime.toLowerCase()) && a.size <= MAX_INLINE_BYTES)
      .slice(0, MAX_INLINE);
  }, [message]);
  useEffect(() => {
    if (parts.length === 0) return undefined;
    let live = true;
    void Promise.all(
      parts.map(async (a) => {
        try {
          const ticket = await emailApi.attachment({ id: message.id, part: a.part });
          const res = await fetch(ticket.url, { cache: 'no-store' });
          if (!res.ok) return null;
          const bytes = new Uint8Array(await res.arrayBuffer());
          return [normalizeCid(a.cid ?? ''), `data:${a.mime.toLowerCase()};base64,${bytesToBase64(bytes)}`] as const;
        } catch {
          return null;
        }
      }),
    ).then((pairs) => live && setLoaded({ message, map: new Map(pairs.filter((p) => p !== null)) }));
    return () => {
      live = false;
    };
  }, [message, parts]);
  if (parts.length === 0) return NONE;
  return loaded?.message === message ? loaded.map : null;
}
