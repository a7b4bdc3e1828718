import type { AttachmentInfo } from '../../../../src-shared/domains/email/email.schemas';
import type { MimePart } from './mime-tree';

/**
 * A message's attachments as the archive lists them (AttachmentInfo), from the parts of the shared MIME walk
 * (mime-tree.ts): names decoded, a name made up for parts without one, calendar parts recognised.
 */

const EXTENSIONS: Record<string, string> = {
  'text/plain': 'txt',
  'text/html': 'html',
  'text/calendar': 'ics',
  'application/ics': 'ics',
  'text/csv': 'csv',
  'message/rfc822': 'eml',
  'message/delivery-status': 'txt',
  'text/rfc822-headers': 'txt',
  'application/pdf': 'pdf',
  'application/zip': 'zip',
  'application/gzip': 'gz',
  'application/x-gzip': 'gz',
  'application/json': 'json',
  'application/pgp-signature': 'asc',
  'application/pkcs7-signature': 'p7s',
  'application/x-pkcs7-signature': 'p7s',
  'application/msword': 'doc',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.ms-excel': 'xls',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'image/svg+xml': 'svg',
  'audio/mpeg': 'mp3',
  'video/mp4': 'mp4',
};

/** The name a part is listed and saved under: its own (control characters and path separators replaced), else `attachment-2-1.gz` from its number and type. */
export function partName(part: MimePart): string {
  const own = part.filename?.replace(/[\p{Cc}/\\]/gu, '_').trim();
  if (own) return own;
  const stem = part.mime === 'message/rfc822' ? 'message' : 'attachment';
  return `${stem}-${part.part.replace(/\./g, '-')}.${EXTENSIONS[part.mime] ?? 'bin'}`;
}

/** An iCalendar part: text/calendar (an invitation's alternative or attachment), application/ics, or a file named *.ics. */
export function isCalendar(part: MimePart): boolean {
  return part.mime === 'text/calendar' || part.mime === 'application/ics' || /\.ics$/i.test(part.filename ?? '');
}

/** The listed attachments: every part that is neither body text, a calendar alternative of the body, nor a forwarded message opened inline. */
export function attachmentParts(parts: MimePart[]): MimePart[] {
  return parts.filter((p) => p.role === 'attachment');
}

export function attachmentInfo(part: MimePart): AttachmentInfo {
  return {
    part: part.part,
    name: partName(part),
    mime: part.mime,
    size: part.bytes.byteLength,
    inline: part.disposition === 'inline' || (part.disposition === '' && part.related && part.cid !== null),
    cid: part.cid,
  };
}
