import type { Address, AttachmentInfo, MessageSummary } from '../../../src-shared/domains/email/email.schemas';
import { AppError } from '../../../src-shared/ipc/result';
import type { EmailCore } from './email-core';
import type { EmailMessageTable } from './email.table';

/**
 * `email_messages` rows as the contract shows them (MessageSummary), shared by reads, search, links and exports.
 * The JSON columns are written by the importer; a value that does not parse reads as empty, never as an error.
 */

const MAX_ISO_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/** UTC ms as the contract's ISO timestamp; null when missing or outside years 0000–9999 (the schema's format). */
export function isoOrNull(ms: number | null): string | null {
  if (ms === null || !Number.isFinite(ms) || ms < Date.UTC(0, 0, 1) || ms > MAX_ISO_MS) return null;
  return new Date(ms).toISOString();
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** A JSON `[{ name, address }]` column. */
export function addressesOf(json: string): Address[] {
  const v = parseJson(json);
  return Array.isArray(v) ? v.filter(isObject).map((a) => ({ name: str(a.name), address: str(a.address) })) : [];
}

/** A JSON `string[]` column (labels, references). */
export function stringsOf(json: string): string[] {
  const v = parseJson(json);
  return Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : [];
}

/** The `attachments_json` column. */
export function attachmentsOf(json: string): AttachmentInfo[] {
  const v = parseJson(json);
  if (!Array.isArray(v)) return [];
  return v.filter(isObject).map((a) => ({
    part: str(a.part),
    name: str(a.name),
    mime: str(a.mime),
    size: typeof a.size === 'number' && Number.isInteger(a.size) ? a.size : 0,
    inline: a.inline === true,
    cid: typeof a.cid === 'string' ? a.cid : null,
  }));
}

/** One row as a list, thread or search shows it. */
export function toSummary(r: EmailMessageTable): MessageSummary {
  return {
    id: r.id,
    messageId: r.message_id,
    threadId: r.thread_id,
    subject: r.subject,
    from: { name: r.from_name, address: r.from_addr },
    to: addressesOf(r.to_json),
    date: isoOrNull(r.date_ms),
    snippet: r.snippet,
    attachmentCount: r.attachment_count,
    hasCalendar: r.has_calendar === 1,
    labels: stringsOf(r.labels_json),
    size: r.size,
    parseStatus: r.parse_status,
    parseError: r.parse_error,
  };
}

/** "Name <address>", or whichever of the two there is. */
export function formatAddress(a: Address): string {
  if (a.name && a.address) return `${a.name} <${a.address}>`;
  return a.name || a.address;
}

/** A live message row, or NOT_FOUND. */
export async function liveMessage(core: EmailCore, id: string): Promise<EmailMessageTable> {
  const row = await core.ctx.db().selectFrom('email_messages').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'That message is not in the archive.');
  return row;
}

/** A message's original bytes, hash-checked (CORRUPT when they differ). */
export const messageBytes = (core: EmailCore, r: EmailMessageTable): Promise<Buffer> =>
  core.packs.raw({ packId: r.pack_id, offset: r.pack_offset, length: r.pack_length, compression: r.compression, sha256: r.sha256 });
