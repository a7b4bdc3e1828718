import type { Kysely } from 'kysely';
import { AppError } from '../../../src-shared/ipc/result';
import type { Database } from '../../db/database';

/**
 * What an export reads from the archive, a page at a time so memory stays flat whatever the size: the chosen
 * folders, and for each folder its messages in provenance order (source by source, in the order the sources
 * were made, then by position in the source), with what an mbox needs to rebuild the original file.
 */

const PAGE = 500;

export interface ExportFolder {
  id: string;
  path: string;
}

/** One place of a message in a folder: the message's stored bytes and how it sat in its source. */
export interface ExportItem {
  messageId: string;
  sha256: string;
  size: number;
  packId: string;
  packOffset: number;
  packLength: number;
  compression: 'deflate-raw' | 'none';
  fromAddr: string;
  dateMs: number | null;
  subject: string;
  sourceKind: 'mbox' | 'eml' | 'emlx' | 'imap';
  /** The source's bytes before its first From_ line; set on the source's first item in this folder only. */
  preamble: string;
  fromLine: string;
  separator: string;
  segment: { packId: string; offset: number; length: number } | null;
}

/** The live folders to export, by path; NOT_FOUND when one of `ids` is not a live folder. */
export async function exportFolders(db: Kysely<Database>, ids?: readonly string[]): Promise<ExportFolder[]> {
  let q = db.selectFrom('email_folders').select(['id', 'path']).where('deleted_at', 'is', null);
  if (ids) {
    if (ids.length === 0) return [];
    q = q.where('id', 'in', [...ids]);
  }
  const rows = await q.orderBy('path').execute();
  if (ids && rows.length !== new Set(ids).size) throw new AppError('NOT_FOUND', 'Some of those archive folders do not exist.');
  return rows;
}

/** How many message places and raw bytes the folders hold (for the download's size check). */
export async function exportTotals(db: Kysely<Database>, folderIds: readonly string[]): Promise<{ items: number; bytes: number }> {
  if (folderIds.length === 0) return { items: 0, bytes: 0 };
  const row = await db
    .selectFrom('email_provenance as p')
    .innerJoin('email_messages as m', 'm.id', 'p.message_id')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('m.size').as('bytes')])
    .where('p.folder_id', 'in', [...folderIds])
    .where('p.deleted_at', 'is', null)
    .where('m.deleted_at', 'is', null)
    .executeTakeFirst();
  return { items: Number(row?.n ?? 0), bytes: Number(row?.bytes ?? 0) };
}

/** The folder's messages in provenance order, one place at a time. */
export async function* folderItems(db: Kysely<Database>, folderId: string): AsyncGenerator<ExportItem> {
  const sources = await db
    .selectFrom('email_provenance as p')
    .innerJoin('email_sources as s', 's.id', 'p.source_id')
    .select(['s.id', 's.kind', 's.preamble', 's.created_at'])
    .distinct()
    .where('p.folder_id', '=', folderId)
    .where('p.deleted_at', 'is', null)
    .orderBy('s.created_at')
    .orderBy('s.id')
    .execute();
  for (const source of sources) {
    let after: { position: number; id: string } | null = null;
    let first = true;
    for (;;) {
      let q = db
        .selectFrom('email_provenance as p')
        .innerJoin('email_messages as m', 'm.id', 'p.message_id')
        .select([
          'p.id as provId',
          'p.position',
          'p.from_line',
          'p.separator',
          'p.segment_pack_id',
          'p.segment_pack_offset',
          'p.segment_pack_length',
          'm.id',
          'm.sha256',
          'm.size',
          'm.pack_id',
          'm.pack_offset',
          'm.pack_length',
          'm.compression',
          'm.from_addr',
          'm.date_ms',
          'm.subject',
        ])
        .where('p.folder_id', '=', folderId)
        .where('p.source_id', '=', source.id)
        .where('p.deleted_at', 'is', null)
        .where('m.deleted_at', 'is', null);
      if (after) {
        const { position, id } = after;
        q = q.where((eb) => eb.or([eb('p.position', '>', position), eb.and([eb('p.position', '=', position), eb('p.id', '>', id)])]));
      }
      const rows = await q.orderBy('p.position').orderBy('p.id').limit(PAGE).execute();
      for (const r of rows) {
        yield {
          messageId: r.id,
          sha256: r.sha256,
          size: r.size,
          packId: r.pack_id,
          packOffset: r.pack_offset,
          packLength: r.pack_length,
          compression: r.compression,
          fromAddr: r.from_addr,
          dateMs: r.date_ms,
          subject: r.subject,
          sourceKind: source.kind,
          preamble: first ? source.preamble : '',
          fromLine: r.from_line,
          separator: r.separator,
          segment:
            r.segment_pack_id !== null && r.segment_pack_offset !== null && r.segment_pack_length !== null
              ? { packId: r.segment_pack_id, offset: r.segment_pack_offset, length: r.segment_pack_length }
              : null,
        };
        first = false;
      }
      if (rows.length < PAGE) break;
      const last = rows[rows.length - 1]!;
      after = { position: last.position, id: last.provId };
    }
  }
}
