import type { Kysely } from 'kysely';
import type { journalContract } from '../../../src-shared/domains/journal/journal.contract';
import type { EntrySummary } from '../../../src-shared/domains/journal/journal.schemas';
import { AppError, notFound } from '../../../src-shared/ipc/result';
import type { Database } from '../../db/database';
import { nowIso } from '../../lib/ids';
import type { DomainContext } from '../../platform/context';
import { createMasterCheck } from '../../platform/master-check';
import { toSummary } from './journal-mapping';
import type { JournalEntryTable, JournalTable } from './journal.table';

export type JournalCtx = DomainContext<typeof journalContract>;

/**
 * What every part of the journal module shares: the context, the clock, the master-password check and
 * which locked journals are open in this session. SECURITY: the open set lives in main's memory only and
 * is cleared on lock, so a locked journal needs the master password again after every unlock.
 */
export function createJournalCore(ctx: JournalCtx) {
  const opened = new Set<string>();
  const master = createMasterCheck({
    verifyPassword: (p) => ctx.host.profiles.verifyPassword(p),
    lock: () => ctx.host.profiles.lock('user'),
    clock: () => ctx.now(),
  });

  async function journalRow(id: string, db: Kysely<Database> = ctx.db()): Promise<JournalTable> {
    const row = await db.selectFrom('journals').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
    if (!row) throw notFound('journal', id);
    return row;
  }

  const isReadable = (j: Pick<JournalTable, 'id' | 'privacy'>): boolean => j.privacy === 'normal' || opened.has(j.id);

  /** Journal ids whose entries may be read now; `includeLocked` adds the locked ones that are open. */
  async function readableJournalIds(includeLocked = true): Promise<string[]> {
    const rows = await ctx.db().selectFrom('journals').select(['id', 'privacy']).where('deleted_at', 'is', null).execute();
    return rows.filter((j) => j.privacy === 'normal' || (includeLocked && opened.has(j.id))).map((j) => j.id);
  }

  async function assertReadable(journalId: string): Promise<JournalTable> {
    const j = await journalRow(journalId);
    if (!isReadable(j)) throw new AppError('FORBIDDEN', `"${j.name}" is locked. Open it with your master password first.`);
    return j;
  }

  /** An entry (trashed ones too) whose journal may be read now. */
  async function entryRow(id: string, db: Kysely<Database> = ctx.db()): Promise<JournalEntryTable> {
    const row = await db.selectFrom('journal_entries').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound('entry', id);
    const j = await db.selectFrom('journals').select(['id', 'privacy', 'name']).where('id', '=', row.journal_id).executeTakeFirstOrThrow();
    if (!isReadable(j)) throw new AppError('FORBIDDEN', `"${j.name}" is locked. Open it with your master password first.`);
    return row;
  }

  /** Timeline rows with their attachment count and cover thumbnail, in two queries for the whole page. */
  async function summaries(rows: JournalEntryTable[]): Promise<EntrySummary[]> {
    if (rows.length === 0) return [];
    const atts = await ctx
      .db()
      .selectFrom('journal_attachments')
      .select(['entry_id', 'thumbnail_blob_id', 'position'])
      .where(
        'entry_id',
        'in',
        rows.map((r) => r.id),
      )
      .where('deleted_at', 'is', null)
      .orderBy('position')
      .execute();
    return rows.map((r) => {
      const mine = atts.filter((a) => a.entry_id === r.id);
      return toSummary(r, { attachmentCount: mine.length, coverThumbnailBlobId: mine.find((a) => a.thumbnail_blob_id)?.thumbnail_blob_id ?? null });
    });
  }

  return {
    ctx,
    master,
    opened,
    iso: () => nowIso(() => ctx.now()),
    journalRow,
    isReadable,
    readableJournalIds,
    assertReadable,
    entryRow,
    summaries,
  };
}

export type JournalCore = ReturnType<typeof createJournalCore>;
