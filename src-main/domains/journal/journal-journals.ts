import type { z } from 'zod';
import type { Journal, JournalInput, OpenJournalInput, UpdateJournalInput } from '../../../src-shared/domains/journal/journal.schemas';
import { AppError } from '../../../src-shared/ipc/result';
import { newId } from '../../lib/ids';
import type { JournalCore } from './journal-core';
import { toJournal } from './journal-mapping';
import type { JournalTable } from './journal.table';

/** Journals: create, edit (privacy changes re-ask the master password), trash, open and close locked ones. */
export function createJournals(core: JournalCore) {
  const { ctx, opened, master } = core;

  async function counts(): Promise<Map<string, number>> {
    const rows = await ctx
      .db()
      .selectFrom('journal_entries')
      .select(['journal_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('deleted_at', 'is', null)
      .groupBy('journal_id')
      .execute();
    return new Map(rows.map((r) => [r.journal_id, Number(r.n)]));
  }

  async function view(row: JournalTable): Promise<Journal> {
    return toJournal(row, (await counts()).get(row.id) ?? 0, opened.has(row.id));
  }

  function assertUniqueName(rows: JournalTable[], name: string, selfId: string | null): void {
    const clash = rows.find((r) => r.id !== selfId && r.name.toLocaleLowerCase() === name.toLocaleLowerCase());
    if (clash) throw new AppError('CONFLICT', `There is already a journal called "${clash.name}".`, { issues: [{ path: 'name', message: 'Name in use' }] });
  }

  const live = () => ctx.db().selectFrom('journals').selectAll().where('deleted_at', 'is', null).orderBy('created_at').execute();

  return {
    async list(): Promise<Journal[]> {
      const [rows, n] = await Promise.all([live(), counts()]);
      return rows.map((r) => toJournal(r, n.get(r.id) ?? 0, opened.has(r.id)));
    },

    async create(input: z.output<typeof JournalInput>): Promise<Journal> {
      assertUniqueName(await live(), input.name, null);
      const now = core.iso();
      const row: JournalTable = {
        id: newId(),
        name: input.name,
        color: input.color,
        icon: input.icon,
        privacy: input.privacy,
        metrics: JSON.stringify(input.metrics),
        created_at: now,
        updated_at: now,
        deleted_at: null,
      };
      await ctx.write((trx) => trx.insertInto('journals').values(row).execute());
      // The person who just made a locked journal is the one who will write in it now.
      if (row.privacy === 'locked') opened.add(row.id);
      return view(row);
    },

    async update(input: z.output<typeof UpdateJournalInput>): Promise<Journal> {
      const row = await core.journalRow(input.id);
      if (input.privacy !== undefined && input.privacy !== row.privacy) {
        // SECURITY: unlocking a journal for good, or locking one, is a decision about private text: re-ask.
        await master.check(input.password, `Enter your master password to make "${row.name}" ${input.privacy}.`);
      } else if (!core.isReadable(row)) {
        throw new AppError('FORBIDDEN', `"${row.name}" is locked. Open it with your master password first.`);
      }
      if (input.name !== undefined) assertUniqueName(await live(), input.name, row.id);
      const patch = {
        ...(input.name !== undefined && { name: input.name }),
        ...(input.color !== undefined && { color: input.color }),
        ...(input.icon !== undefined && { icon: input.icon }),
        ...(input.privacy !== undefined && { privacy: input.privacy }),
        ...(input.metrics !== undefined && { metrics: JSON.stringify(input.metrics) }),
        updated_at: core.iso(),
      };
      await ctx.write((trx) => trx.updateTable('journals').set(patch).where('id', '=', row.id).execute());
      if (input.privacy === 'locked') opened.delete(row.id);
      return view(await core.journalRow(row.id));
    },

    async trash(id: string): Promise<Journal> {
      const row = await core.assertReadable(id);
      const now = core.iso();
      await ctx.write(async (trx) => {
        await trx
          .updateTable('journal_entries')
          .set({ deleted_at: now, updated_at: now })
          .where('journal_id', '=', id)
          .where('deleted_at', 'is', null)
          .execute();
        await trx.updateTable('journals').set({ deleted_at: now, updated_at: now }).where('id', '=', id).execute();
      });
      return toJournal({ ...row, deleted_at: now, updated_at: now }, 0, false);
    },

    async open(input: z.output<typeof OpenJournalInput>): Promise<Journal> {
      const row = await core.journalRow(input.id);
      if (row.privacy === 'locked' && !opened.has(row.id)) {
        await master.check(input.password, `Enter your master password to open "${row.name}".`);
        opened.add(row.id);
      }
      return view(row);
    },

    async close(id: string): Promise<Journal> {
      opened.delete(id);
      return view(await core.journalRow(id));
    },
  };
}
