import type { Address } from '../../../src-shared/domains/email/email.schemas';
import { AppError, notFound } from '../../../src-shared/ipc/result';
import { newId } from '../../lib/ids';
import type { EmailCore } from './email-core';
import type { EmailHandlers } from './email-parts';
import { renderMailPdf, type PdfMessage } from './email-pdf-render';
import { addressesOf, attachmentsOf } from './email-rows';
import { htmlToText } from './ingest/mime-text';
import { readMessage } from './ingest/read-message';

/** Most messages of a thread printed in one PDF. */
export const PDF_THREAD_MAX = 200;

const person = (a: Address): string => (a.name && a.address ? `${a.name} <${a.address}>` : a.name || a.address);

/** A safe download name from the subject: "Lunch on Friday.pdf". */
const fileName = (subject: string): string =>
  `${
    subject
      .replace(/[^\p{L}\p{N} _.,()-]+/gu, '')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 80) || 'message'
  }.pdf`;

/**
 * `pdf`: a message, or its whole thread oldest first, as an A4 PDF (email-pdf-render.ts) published as a short-lived
 * download like every export. The header block comes from the stored row (decoded at import); the body text is read
 * again from the original bytes (the text part, else the HTML's text).
 */
export function createPdf(core: EmailCore): EmailHandlers['pdf'] {
  const { ctx } = core;
  return async (input) => {
    const db = ctx.db();
    const one = await db.selectFrom('email_messages').selectAll().where('id', '=', input.id).where('deleted_at', 'is', null).executeTakeFirst();
    if (!one) throw notFound('message', input.id);
    const rows = input.thread
      ? await db
          .selectFrom('email_messages')
          .selectAll()
          .where('thread_id', '=', one.thread_id)
          .where('deleted_at', 'is', null)
          .orderBy((eb) => eb.fn.coalesce('date_ms', eb.val(Number.MAX_SAFE_INTEGER)))
          .orderBy('created_at')
          .orderBy('id')
          .limit(PDF_THREAD_MAX + 1)
          .execute()
      : [one];
    if (rows.length > PDF_THREAD_MAX) throw new AppError('TOO_LARGE', `A thread PDF holds at most ${PDF_THREAD_MAX} messages; print single messages instead.`);
    const messages: PdfMessage[] = [];
    for (const r of rows) {
      const raw = await core.packs.raw({ packId: r.pack_id, offset: r.pack_offset, length: r.pack_length, compression: r.compression, sha256: r.sha256 });
      const read = await readMessage(raw);
      messages.push({
        subject: r.subject,
        from: person({ name: r.from_name, address: r.from_addr }),
        to: addressesOf(r.to_json).map(person).join(', '),
        cc: addressesOf(r.cc_json).map(person).join(', '),
        date: r.date_header,
        text: read.text.trim() !== '' ? read.text : htmlToText(read.html),
        attachments: attachmentsOf(r.attachments_json).map((a) => ({ name: a.name, mime: a.mime, size: a.size })),
      });
    }
    const { bytes, pages } = await renderMailPdf(messages, new Date(ctx.now()));
    const name = fileName(one.subject);
    const owner = { ownerDomain: 'email', ownerTable: 'exports', ownerId: newId(), role: 'export' };
    const p = await ctx.host.blobs().publish([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)], { name, mime: 'application/pdf', owner });
    return { blobId: p.blobId, url: p.url, ticket: p.ticket, name, expiresAt: p.expiresAt, pages };
  };
}
