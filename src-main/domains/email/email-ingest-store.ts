/**
 * The importer's one write per batch (issue 12): new messages with their index rows, a provenance row for
 * every message of the batch (a duplicate gets only that), and the run's checkpoint or the IMAP mailbox
 * state, all in one transaction, so a crash leaves either the whole batch and its checkpoint or neither.
 * Multi-row inserts: the import path must keep up with ≥ 2,000 messages a second.
 */
import path from 'node:path/posix';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database';
import { newId } from '../../lib/ids';
import type { EmailCore } from './email-core';
import type { PackLocation } from './email-packs';
import type { IngestResult, IngestTarget } from './email-parts';
import type { EmailMessageTable, EmailProvenanceTable } from './email.table';
import type { ParsedRecord, SourceMessage } from './email-types';

/** Rows per multi-row INSERT (SQLite allows 32,766 bound values; a message row has 30). */
const ROWS_PER_INSERT = 500;

/** A message's identity for dedupe: Message-ID and SHA-256 of its bytes. */
export const identity = (r: Pick<ParsedRecord, 'sha256'> & { parsed: { messageId: string } }): string => `${r.parsed.messageId}\n${r.sha256}`;

/** The stored messages among `records`, by identity → row id (reads through `db`, which may be a write's connection). */
export async function existingIds(db: Kysely<Database>, records: readonly ParsedRecord[]): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  if (records.length === 0) return found;
  const wanted = new Set(records.map(identity));
  const mids = [...new Set(records.map((r) => r.parsed.messageId))];
  const shas = [...new Set(records.map((r) => r.sha256))];
  // Both IN lists use the (message_id, sha256) index; the pairs are then matched exactly here.
  for (const part of chunk(mids, 1000)) {
    const rows = await db
      .selectFrom('email_messages')
      .select(['id', 'message_id', 'sha256'])
      .where('message_id', 'in', part)
      .where('sha256', 'in', shas)
      .execute();
    for (const row of rows) {
      const key = `${row.message_id}\n${row.sha256}`;
      if (wanted.has(key)) found.set(key, row.id);
    }
  }
  return found;
}

export interface StoreBatch {
  batch: readonly SourceMessage[];
  records: readonly ParsedRecord[];
  /** Where each record's bytes went in the packs (undefined: it was a duplicate before the packs were written). */
  locations: readonly (PackLocation | undefined)[];
  /** Where each message's mbox segment went, when it has one. */
  segments: readonly (PackLocation | undefined)[];
  target: IngestTarget;
}

/** Stores one parsed batch in one write; see the file comment. */
export async function storeBatch(core: EmailCore, b: StoreBatch): Promise<IngestResult> {
  const { batch, records, locations, segments, target } = b;
  return core.ctx.write(async (trx) => {
    const now = core.iso();
    const known = await existingIds(trx, records);
    const packIds = new Set<string>();
    for (const l of [...locations, ...segments]) if (l) packIds.add(l.packId);
    for (const id of packIds) await core.packs.claim(trx, id);

    // Which record of the batch becomes a new message: the first of its identity not stored yet, whose bytes are in a pack.
    const ids: string[] = [];
    const fresh: number[] = [];
    for (let i = 0; i < records.length; i++) {
      const key = identity(records[i]!);
      let id = known.get(key);
      if (!id && locations[i]) {
        id = newId();
        known.set(key, id);
        fresh.push(i);
      }
      // A record without a pack location was a duplicate when the packs were written; it is stored by then.
      ids.push(id ?? '');
    }
    const threads = await threadIds(
      trx,
      fresh.map((i) => ({ id: ids[i]!, parsed: records[i]!.parsed })),
    );
    let doc = await core.nextDoc(trx);
    const messages: EmailMessageTable[] = [];
    const fts: { rowid: number; subject: string; participants: string; body: string; attachments: string }[] = [];
    for (const i of fresh) {
      const r = records[i]!;
      const p = r.parsed;
      const loc = locations[i]!;
      messages.push({
        id: ids[i]!,
        doc,
        message_id: p.messageId,
        sha256: r.sha256,
        size: r.size,
        pack_id: loc.packId,
        pack_offset: loc.offset,
        pack_length: loc.length,
        compression: r.compression,
        subject: p.subject,
        from_name: p.from.name,
        from_addr: p.from.address,
        to_json: JSON.stringify(p.to),
        cc_json: JSON.stringify(p.cc),
        date_ms: p.dateMs,
        date_header: p.dateHeader,
        in_reply_to: p.inReplyTo,
        references_json: JSON.stringify(p.references),
        thread_id: threads.get(ids[i]!)!,
        snippet: p.snippet,
        attachments_json: JSON.stringify(p.attachments),
        attachment_count: p.attachments.length,
        has_html: p.hasHtml ? 1 : 0,
        has_calendar: p.hasCalendar ? 1 : 0,
        labels_json: JSON.stringify(p.labels),
        parse_status: p.status,
        parse_error: p.error,
        created_at: now,
        updated_at: now,
        deleted_at: null,
      });
      const people = [p.from, ...p.to, ...p.cc].map((a) => `${a.name} ${a.address}`.trim()).filter((s) => s !== '');
      fts.push({ rowid: doc, subject: p.subject, participants: people.join(' '), body: p.text, attachments: p.attachmentText });
      doc += 1;
    }
    for (const part of chunk(messages, ROWS_PER_INSERT)) await trx.insertInto('email_messages').values(part).execute();
    for (const part of chunk(fts, ROWS_PER_INSERT)) await trx.insertInto('email_fts').values(part).execute();

    const provenance = await provenanceRows(core, trx, b, ids, now);
    for (const part of chunk(provenance, ROWS_PER_INSERT)) await trx.insertInto('email_provenance').values(part).execute();

    const imported = fresh.length;
    const unparsed = fresh.filter((i) => records[i]!.parsed.status === 'unparsed').length;
    const duplicates = batch.length - imported;
    const last = batch[batch.length - 1];
    if (target.runId && last) {
      await trx
        .updateTable('email_import_runs')
        .set((eb) => ({
          checkpoint: last.end,
          imported: eb('imported', '+', imported),
          duplicates: eb('duplicates', '+', duplicates),
          unparsed: eb('unparsed', '+', unparsed),
          updated_at: now,
        }))
        .where('id', '=', target.runId)
        .execute();
    }
    if (target.imap) await saveImapState(trx, target.imap, now);
    return { imported, duplicates, unparsed, ids };
  });
}

/** One provenance row per message, except one that is already recorded (same message, source, folder, position and path). */
async function provenanceRows(core: EmailCore, trx: Kysely<Database>, b: StoreBatch, ids: readonly string[], now: string): Promise<EmailProvenanceTable[]> {
  const folders = new Map<string, string>();
  const seen = new Set<string>();
  const stored = [...new Set(ids)];
  for (const part of chunk(stored, 1000)) {
    const rows = await trx
      .selectFrom('email_provenance')
      .select(['message_id', 'folder_id', 'position', 'source_path'])
      .where('source_id', '=', b.target.sourceId)
      .where('message_id', 'in', part)
      .where('deleted_at', 'is', null)
      .execute();
    for (const r of rows) seen.add(`${r.message_id}\n${r.folder_id}\n${r.position}\n${r.source_path}`);
  }
  const out: EmailProvenanceTable[] = [];
  for (let i = 0; i < b.batch.length; i++) {
    const m = b.batch[i]!;
    // No row: stored as a duplicate when the packs were written, and gone since (another process): nothing to point at.
    if (!ids[i]) continue;
    const folderPath = path.join(b.target.folder, m.folder);
    let folderId = folders.get(folderPath);
    if (!folderId) folders.set(folderPath, (folderId = await core.folderId(trx, folderPath)));
    const key = `${ids[i]}\n${folderId}\n${m.position}\n${m.path ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const seg = b.segments[i];
    out.push({
      id: newId(),
      message_id: ids[i]!,
      source_id: b.target.sourceId,
      folder_id: folderId,
      position: m.position,
      source_path: m.path ?? '',
      from_line: m.fromLine ?? '',
      separator: m.separator ?? '',
      segment_pack_id: seg?.packId ?? null,
      segment_pack_offset: seg?.offset ?? null,
      segment_pack_length: seg?.length ?? null,
      imap_uid: m.imapUid ?? null,
      imported_at: now,
      created_at: now,
      updated_at: now,
      deleted_at: null,
    });
  }
  return out;
}

/**
 * Thread ids of new messages: the thread of a stored (or earlier in this batch) message named in References or
 * In-Reply-To; else the thread of a stored reply to it (it adopts its children's thread); else Gmail's thread id;
 * else its own Message-ID, or its row id. A parent stored after its children does not re-thread children that
 * already started threads of their own under other ids (good enough: mbox files are mostly in date order).
 */
async function threadIds(trx: Kysely<Database>, fresh: readonly { id: string; parsed: ParsedRecord['parsed'] }[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (fresh.length === 0) return out;
  const byMessageId = new Map<string, string>();
  const refs = [...new Set(fresh.flatMap((m) => [...m.parsed.references, m.parsed.inReplyTo]).filter((r) => r !== ''))];
  for (const part of chunk(refs, 1000)) {
    const rows = await trx.selectFrom('email_messages').select(['message_id', 'thread_id']).where('message_id', 'in', part).execute();
    for (const r of rows) byMessageId.set(r.message_id, r.thread_id);
  }
  const adopt = new Map<string, string>();
  const own = [...new Set(fresh.map((m) => m.parsed.messageId).filter((m) => m !== ''))];
  for (const part of chunk(own, 1000)) {
    const rows = await trx.selectFrom('email_messages').select(['in_reply_to', 'thread_id']).where('in_reply_to', 'in', part).execute();
    for (const r of rows) if (!adopt.has(r.in_reply_to)) adopt.set(r.in_reply_to, r.thread_id);
  }
  for (const m of fresh) {
    const p = m.parsed;
    const parent = [...p.references, p.inReplyTo].find((r) => r !== '' && byMessageId.has(r));
    const thread = (parent ? byMessageId.get(parent) : undefined) ?? adopt.get(p.messageId) ?? (p.gmailThreadId || p.messageId || m.id);
    out.set(m.id, thread);
    if (p.messageId !== '' && !byMessageId.has(p.messageId)) byMessageId.set(p.messageId, thread);
  }
  return out;
}

async function saveImapState(trx: Kysely<Database>, s: NonNullable<IngestTarget['imap']>, now: string): Promise<void> {
  const row = await trx.selectFrom('email_imap_state').select('id').where('account_id', '=', s.accountId).where('mailbox', '=', s.mailbox).executeTakeFirst();
  if (row) {
    await trx
      .updateTable('email_imap_state')
      .set({ uid_validity: s.uidValidity, last_uid: s.lastUid, updated_at: now, deleted_at: null })
      .where('id', '=', row.id)
      .execute();
  } else {
    await trx
      .insertInto('email_imap_state')
      .values({
        id: newId(),
        account_id: s.accountId,
        mailbox: s.mailbox,
        uid_validity: s.uidValidity,
        last_uid: s.lastUid,
        created_at: now,
        updated_at: now,
        deleted_at: null,
      })
      .execute();
  }
}

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
