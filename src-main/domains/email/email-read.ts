import { sql } from 'kysely';
import type { MessageDetail, Provenance } from '../../../src-shared/domains/email/email.schemas';
import { AppError } from '../../../src-shared/ipc/result';
import { newId } from '../../lib/ids';
import type { EmailCore } from './email-core';
import type { EmailHandlers } from './email-parts';
import { liveMessage, messageBytes, stringsOf, toSummary } from './email-rows';
import { createSearch } from './email-search';
import { createSignups } from './email-signups';
import type { EmailMessageTable } from './email.table';
import { extractAttachment, readMessage } from './ingest/read-message';

type ReadHandlers = Pick<EmailHandlers, 'folders' | 'labels' | 'list' | 'get' | 'thread' | 'search' | 'attachment' | 'signups'>;

const PAGE = 50;
const THREAD_MAX = 500;

const encodeCursor = (r: EmailMessageTable): string => Buffer.from(JSON.stringify([r.date_ms, r.id])).toString('base64url');
function decodeCursor(cursor: string): { date: number | null; id: string } {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(v) && (v[0] === null || typeof v[0] === 'number') && typeof v[1] === 'string') return { date: v[0] as number | null, id: v[1] };
  } catch {
    // falls through to the error below
  }
  throw new AppError('INVALID_INPUT', 'That page cursor is not one this app gave out.');
}

/** Folders, labels, lists, threads, one message, search, attachments, sign-up mails. */
export function createRead(core: EmailCore): { handlers: ReadHandlers } {
  const { ctx } = core;
  const { search } = createSearch(core);
  const { signups } = createSignups(core);

  const message = (id: string) => liveMessage(core, id);
  const rawOf = (r: EmailMessageTable) => messageBytes(core, r);

  async function provenance(id: string): Promise<Provenance[]> {
    const rows = await ctx
      .db()
      .selectFrom('email_provenance as p')
      .innerJoin('email_sources as s', 's.id', 'p.source_id')
      .innerJoin('email_folders as f', 'f.id', 'p.folder_id')
      .select(['s.kind', 's.name', 'f.path', 'p.source_path', 'p.imap_uid', 'p.imported_at'])
      .where('p.message_id', '=', id)
      .where('p.deleted_at', 'is', null)
      .orderBy('p.imported_at')
      .orderBy('p.id')
      .execute();
    return rows.map((r) => ({ sourceKind: r.kind, source: r.name, folder: r.path, path: r.source_path, imapUid: r.imap_uid, importedAt: r.imported_at }));
  }

  const handlers: ReadHandlers = {
    async folders() {
      const { rows } = await sql<{ id: string; path: string; n: number }>`
        SELECT f.id, f.path, (SELECT count(DISTINCT p.message_id) FROM email_provenance p JOIN email_messages m ON m.id = p.message_id
          WHERE p.folder_id = f.id AND p.deleted_at IS NULL AND m.deleted_at IS NULL) AS n
        FROM email_folders f WHERE f.deleted_at IS NULL ORDER BY f.path`.execute(ctx.db());
      return rows.map((r) => ({ id: r.id, path: r.path, messages: Number(r.n) }));
    },

    async labels() {
      const { rows } = await sql<{ label: string; n: number }>`
        SELECT j.value AS label, count(*) AS n FROM email_messages m, json_each(m.labels_json) j
        WHERE m.deleted_at IS NULL AND j.type = 'text' GROUP BY j.value ORDER BY lower(j.value)`.execute(ctx.db());
      return rows.map((r) => ({ label: r.label, messages: Number(r.n) }));
    },

    async list(input) {
      const limit = input.limit ?? PAGE;
      let q = ctx.db().selectFrom('email_messages as m').where('m.deleted_at', 'is', null);
      if (input.folderId) {
        const folderId = input.folderId;
        q = q.where(({ exists, selectFrom }) =>
          exists(
            selectFrom('email_provenance as p')
              .select('p.id')
              .whereRef('p.message_id', '=', 'm.id')
              .where('p.folder_id', '=', folderId)
              .where('p.deleted_at', 'is', null),
          ),
        );
      }
      if (input.label) q = q.where(sql<boolean>`EXISTS (SELECT 1 FROM json_each(m.labels_json) j WHERE j.value = ${input.label})`);
      const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
      let page = q.selectAll('m');
      if (input.cursor) {
        const c = decodeCursor(input.cursor);
        // Newest first, undated messages last: (date_ms DESC NULLS LAST, id DESC).
        page =
          c.date === null
            ? page.where('m.date_ms', 'is', null).where('m.id', '<', c.id)
            : page.where((eb) =>
                eb.or([eb('m.date_ms', '<', c.date), eb.and([eb('m.date_ms', '=', c.date), eb('m.id', '<', c.id)]), eb('m.date_ms', 'is', null)]),
              );
      }
      const rows = await page
        .orderBy('m.date_ms', 'desc')
        .orderBy('m.id', 'desc')
        .limit(limit + 1)
        .execute();
      const shown = rows.slice(0, limit);
      const last = shown[shown.length - 1];
      return { messages: shown.map(toSummary), nextCursor: rows.length > limit && last ? encodeCursor(last) : null, total: Number(total?.n ?? 0) };
    },

    async get({ id }): Promise<MessageDetail> {
      const r = await message(id);
      // An unparsed message reads as the headers that could be read and its raw text (read-message.ts).
      const m = await readMessage(await rawOf(r));
      return {
        ...toSummary(r),
        cc: m.cc,
        replyTo: m.replyTo,
        inReplyTo: r.in_reply_to,
        references: stringsOf(r.references_json),
        headers: m.headers,
        text: m.text,
        html: m.html,
        attachments: m.attachments,
        sha256: r.sha256,
        provenance: await provenance(r.id),
      };
    },

    async thread({ id }) {
      const r = await message(id);
      const rows = await ctx
        .db()
        .selectFrom('email_messages')
        .selectAll()
        .where('thread_id', '=', r.thread_id)
        .where('deleted_at', 'is', null)
        .orderBy(sql`date_ms IS NULL`)
        .orderBy('date_ms')
        .orderBy('id')
        .limit(THREAD_MAX)
        .execute();
      return rows.map(toSummary);
    },

    search: (input) => search(input),

    async attachment({ id, part }) {
      const r = await message(id);
      const found = await extractAttachment(await rawOf(r), part);
      const name = found.name || `attachment-${part}`;
      const owner = { ownerDomain: 'email', ownerTable: 'exports', ownerId: newId(), role: 'export' };
      const published = await ctx.host.blobs().publish([Buffer.from(found.bytes)], { name, mime: found.mime || 'application/octet-stream', owner });
      return { blobId: published.blobId, url: published.url, ticket: published.ticket, name, expiresAt: published.expiresAt };
    },

    signups: (input) => signups(input),
  };
  return { handlers };
}
