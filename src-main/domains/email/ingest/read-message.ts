import type { Address, AttachmentInfo } from '../../../../src-shared/domains/email/email.schemas';
import { AppError } from '../../../../src-shared/ipc/result';
import { attachmentInfo, attachmentParts, isCalendar, partName } from './mime-attachments';
import { decodeWordsSafe, headerFields } from './mime-fields';
import { MIME_LIMITS } from './mime-limits';
import { capUtf8 } from './mime-text';
import { readMime, type MimePart } from './mime-tree';

/**
 * One message the user opens, read in main from its original bytes (the pack store gives them back): every header,
 * the text and HTML bodies, attachments (by part number, as parse-message.ts listed them), an attachment's bytes and
 * the invitations in it. The same MIME walk and limits as the parser (mime-tree.ts).
 */
export interface MessageView {
  /** Every header in order, RFC 2047 words decoded. */
  headers: Array<{ name: string; value: string }>;
  text: string;
  /** As it came ('' when none): the renderer sanitises it and shows it in a sandboxed frame. */
  html: string;
  attachments: AttachmentInfo[];
  replyTo: Address[];
  cc: Address[];
}

/** Reads a message for display. An unparsed one gives the headers that could be read and its raw text (capped at 1 MiB) as `text`. */
export async function readMessage(raw: Uint8Array): Promise<MessageView> {
  const read = await readMime(raw);
  const email = read.ok ? read.message.email : read.email;
  const fields = headerFields(email);
  const headers = (email?.headers ?? []).map((h) => ({ name: h.originalKey, value: decodeWordsSafe(h.value) }));
  if (!read.ok) {
    const text = capUtf8(new TextDecoder().decode(raw.subarray(0, MIME_LIMITS.textBytes)), MIME_LIMITS.textBytes);
    return { headers, text, html: '', attachments: [], replyTo: fields.replyTo, cc: fields.cc };
  }
  const { text, html, parts } = read.message;
  return { headers, text, html, attachments: attachmentParts(parts).map(attachmentInfo), replyTo: fields.replyTo, cc: fields.cc };
}

/** The decoded bytes of part `part` ('2', '3.2.2': AttachmentInfo.part) and the name and type it is saved under. NOT_FOUND when there is no such part. */
export async function extractAttachment(raw: Uint8Array, part: string): Promise<{ name: string; mime: string; bytes: Uint8Array }> {
  const found = (await partsOf(raw)).find((p) => p.part === part);
  if (!found) throw new AppError('NOT_FOUND', `This message has no part ${part.slice(0, 40)}.`);
  return { name: partName(found), mime: found.mime, bytes: found.bytes };
}

/** The iCalendar text of every text/calendar part and .ics attachment (an invitation usually carries the same one twice: given once). */
export async function calendarParts(raw: Uint8Array): Promise<string[]> {
  const byContent = new Map<string, string>();
  for (const part of (await partsOf(raw)).filter(isCalendar)) {
    const text = part.text();
    const key = text.replace(/\r\n/g, '\n').trim();
    if (!byContent.has(key)) byContent.set(key, text);
  }
  return [...byContent.values()];
}

async function partsOf(raw: Uint8Array): Promise<MimePart[]> {
  const read = await readMime(raw);
  return read.ok ? read.message.parts : [];
}
