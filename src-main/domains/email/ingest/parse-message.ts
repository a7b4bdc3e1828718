import type { ParsedMessage } from '../email-types';
import { attachmentInfo, attachmentParts, isCalendar, partName } from './mime-attachments';
import { headerFields } from './mime-fields';
import { MIME_LIMITS } from './mime-limits';
import { htmlToText, capUtf8, snippetOf } from './mime-text';
import { readMime, type MimePart } from './mime-tree';

/**
 * What the archive keeps of one message for listing and search (ParsedMessage), read with postal-mime through the
 * shared MIME walk (mime-tree.ts, which says why postal-mime). Runs in the parse worker (parse-job.ts).
 *
 * Never throws: a message over a limit (mime-limits.ts) or that postal-mime cannot read comes back `unparsed`
 * with a human reason and whatever its header block alone gave.
 *
 * Attachment text for search: names, plus the text of text/* attachments (HTML as text, calendars as ICS).
 * PDF attachments are NOT read here: pdf.js costs ~50–500 ms and much memory per file, against a budget of
 * ~0.5 ms per message; a PDF saved to Files gets its text indexed there (files-text.job.ts).
 */
export async function parseMessage(raw: Uint8Array): Promise<ParsedMessage> {
  try {
    const read = await readMime(raw);
    if (!read.ok) return unparsed(read.reason, headerFields(read.email));
    const { email, text, parts } = read.message;
    const fields = headerFields(email);
    const body = capUtf8(text, MIME_LIMITS.textBytes);
    const attachments = attachmentParts(parts);
    return {
      messageId: fields.messageId,
      subject: fields.subject,
      from: fields.from,
      to: fields.to,
      cc: fields.cc,
      dateMs: fields.dateMs,
      dateHeader: fields.dateHeader,
      inReplyTo: fields.inReplyTo,
      references: fields.references,
      gmailThreadId: fields.gmailThreadId,
      labels: fields.labels,
      text: body,
      snippet: snippetOf(body, MIME_LIMITS.snippet),
      attachments: attachments.map(attachmentInfo),
      attachmentText: attachmentText(attachments),
      hasHtml: parts.some((p) => p.role === 'body' && p.mime === 'text/html'),
      hasCalendar: parts.some(isCalendar),
      status: 'ok',
      error: '',
    };
  } catch (err) {
    // Not reached by any known input (readMime catches the parser's errors); a bug must still not stop an import.
    return unparsed(`Could not be read: ${err instanceof Error ? err.message.slice(0, 200) : 'unknown error'}`, headerFields(null));
  }
}

function unparsed(reason: string, fields: ReturnType<typeof headerFields>): ParsedMessage {
  const { replyTo: _replyTo, ...kept } = fields;
  return { ...kept, text: '', snippet: '', attachments: [], attachmentText: '', hasHtml: false, hasCalendar: false, status: 'unparsed', error: reason };
}

/** Text attachments larger than this give their name only: decoding them costs more than the cap keeps. */
const TEXT_ATTACHMENT_BYTES = 4 * MIME_LIMITS.attachmentTextBytes;

/** Names, then the text of text/* and calendar attachments, capped (MIME_LIMITS.attachmentTextBytes). */
function attachmentText(parts: MimePart[]): string {
  const pieces = parts.map(partName);
  let budget = MIME_LIMITS.attachmentTextBytes;
  for (const part of parts) {
    if (budget <= 0) break;
    if (!(part.mime.startsWith('text/') || isCalendar(part)) || part.bytes.byteLength > TEXT_ATTACHMENT_BYTES) continue;
    const text = part.mime === 'text/html' ? htmlToText(part.text()) : part.text();
    pieces.push(capUtf8(text, budget));
    budget -= Buffer.byteLength(pieces[pieces.length - 1] ?? '');
  }
  return capUtf8(pieces.join('\n'), MIME_LIMITS.attachmentTextBytes);
}
