import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Entry, EntryInput, MetricDef, UpdateEntryInput } from '../../../src-shared/domains/journal/journal.schemas';
import { metricValuesError, normalizeTags } from '../../../src-shared/domains/journal/journal-text';
import { isValidTimeZone, todayIn } from '../../../src-shared/lib/local-date';
import { AppError } from '../../../src-shared/ipc/result';
import type { Database } from '../../db/database';
import { newId } from '../../lib/ids';
import type { JournalCore } from './journal-core';
import { toEntry } from './journal-mapping';
import type { JournalEntryTable, JournalTable } from './journal.table';

/** Edits closer together than this fold into one version (autosave writes every second while typing). */
export const VERSION_FOLD_MS = 5 * 60_000;

export type NewEntry = Omit<JournalEntryTable, 'id' | 'doc' | 'entry_date' | 'created_at' | 'updated_at' | 'deleted_at'> &
  Partial<Pick<JournalEntryTable, 'created_at' | 'updated_at'>>;

export function checkZone(timeZone: string): string {
  if (!isValidTimeZone(timeZone))
    throw new AppError('INVALID_INPUT', `Unknown time zone "${timeZone.slice(0, 64)}".`, { issues: [{ path: 'timeZone', message: 'Unknown time zone' }] });
  return timeZone;
}

/** Check-in values must fit the journal's metric definitions (imports keep what their source had). */
function checkMetrics(journal: JournalTable, values: Record<string, number | boolean> | undefined): void {
  if (!values || Object.keys(values).length === 0) return;
  const error = metricValuesError(JSON.parse(journal.metrics) as MetricDef[], values);
  if (error) throw new AppError('INVALID_INPUT', error, { issues: [{ path: 'metrics', message: error }] });
}

/** Inserts entries in one write (create, today, import); each gets the next FTS doc number. */
export async function insertEntries(trx: Kysely<Database>, rows: NewEntry[], now: string): Promise<JournalEntryTable[]> {
  const top = await trx
    .selectFrom('journal_entries')
    .select((eb) => eb.fn.max('doc').as('m'))
    .executeTakeFirst();
  let doc = Number(top?.m ?? 0);
  const out: JournalEntryTable[] = [];
  for (const r of rows) {
    const row: JournalEntryTable = {
      ...r,
      id: newId(),
      doc: ++doc,
      entry_date: todayIn(r.time_zone, Date.parse(r.entry_at)),
      created_at: r.created_at ?? now,
      updated_at: r.updated_at ?? now,
      deleted_at: null,
    };
    out.push(row);
  }
  for (let i = 0; i < out.length; i += 200)
    await trx
      .insertInto('journal_entries')
      .values(out.slice(i, i + 200))
      .execute();
  return out;
}

/** Entries: write, edit (keeping versions), trash and restore, today's entry, history. */
export function createEntries(core: JournalCore) {
  const { ctx } = core;

  async function full(id: string): Promise<Entry> {
    const row = await core.entryRow(id);
    const atts = await ctx
      .db()
      .selectFrom('journal_attachments')
      .selectAll()
      .where('entry_id', '=', id)
      .where('deleted_at', 'is', null)
      .orderBy('position')
      .execute();
    const v = await ctx
      .db()
      .selectFrom('journal_entry_versions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('entry_id', '=', id)
      .executeTakeFirst();
    return toEntry(row, atts, Number(v?.n ?? 0));
  }

  async function create(input: z.output<typeof EntryInput>, body = input.body): Promise<Entry> {
    checkMetrics(await core.assertReadable(input.journalId), input.metrics);
    const now = core.iso();
    const [row] = await ctx.write((trx) =>
      insertEntries(
        trx,
        [
          {
            journal_id: input.journalId,
            title: input.title?.trim() || null,
            body,
            entry_at: input.entryAt ?? now,
            time_zone: checkZone(input.timeZone ?? ctx.host.systemTimeZone()),
            tags: JSON.stringify(normalizeTags(input.tags)),
            starred: input.starred ? 1 : 0,
            mood: input.mood,
            metrics: JSON.stringify(input.metrics),
            location: input.location,
            extra: '{}',
            source: null,
          },
        ],
        now,
      ),
    );
    return full(row!.id);
  }

  async function update(input: z.output<typeof UpdateEntryInput>): Promise<Entry> {
    const row = await core.entryRow(input.id);
    if (row.deleted_at) throw new AppError('CONFLICT', 'This entry is in the trash. Restore it before editing.');
    const journal = await core.assertReadable(input.journalId ?? row.journal_id);
    checkMetrics(journal, input.metrics);
    const now = core.iso();
    const tags = input.tags === undefined ? row.tags : JSON.stringify(normalizeTags(input.tags));
    const title = input.title === undefined ? row.title : input.title?.trim() || null;
    const body = input.body ?? row.body;
    const entryAt = input.entryAt ?? row.entry_at;
    const timeZone = input.timeZone === undefined ? row.time_zone : checkZone(input.timeZone);
    const textChanged = title !== row.title || body !== row.body || tags !== row.tags;
    await ctx.write(async (trx) => {
      if (textChanged) await keepVersion(trx, row, now);
      await trx
        .updateTable('journal_entries')
        .set({
          journal_id: input.journalId ?? row.journal_id,
          title,
          body,
          tags,
          entry_at: entryAt,
          time_zone: timeZone,
          entry_date: todayIn(timeZone, Date.parse(entryAt)),
          ...(input.starred !== undefined && { starred: input.starred ? 1 : 0 }),
          ...(input.mood !== undefined && { mood: input.mood }),
          ...(input.metrics !== undefined && { metrics: JSON.stringify(input.metrics) }),
          ...(input.location !== undefined && { location: input.location }),
          updated_at: now,
        })
        .where('id', '=', row.id)
        .execute();
    });
    return full(row.id);
  }

  /**
   * The text before this save becomes a version, unless the last version is only minutes old (one typing
   * session) or there was nothing to keep (a new blank entry's first words); `always` keeps it regardless (a restore).
   */
  async function keepVersion(trx: Kysely<Database>, row: JournalEntryTable, now: string, always = false): Promise<void> {
    if (!always) {
      if (row.body.trim() === '' && !row.title && row.tags === '[]') return;
      const last = await trx
        .selectFrom('journal_entry_versions')
        .select('saved_at')
        .where('entry_id', '=', row.id)
        .orderBy('saved_at', 'desc')
        .executeTakeFirst();
      if (last && Date.parse(now) - Date.parse(last.saved_at) < VERSION_FOLD_MS) return;
    }
    await trx
      .insertInto('journal_entry_versions')
      .values({
        id: newId(),
        entry_id: row.id,
        title: row.title,
        body: row.body,
        tags: row.tags,
        saved_at: now,
        created_at: now,
        updated_at: now,
        deleted_at: null,
      })
      .execute();
  }

  async function setDeleted(id: string, deleted: boolean): Promise<Entry> {
    const row = await core.entryRow(id);
    if (!deleted) await core.assertReadable(row.journal_id); // its journal must still exist
    const now = core.iso();
    await ctx.write((trx) =>
      trx
        .updateTable('journal_entries')
        .set({ deleted_at: deleted ? now : null, updated_at: now })
        .where('id', '=', id)
        .execute(),
    );
    return full(id);
  }

  return { full, create, update, setDeleted, keepVersion };
}

export type Entries = ReturnType<typeof createEntries>;
