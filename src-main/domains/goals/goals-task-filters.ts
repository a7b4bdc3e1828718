import type { z } from 'zod';
import { TaskFilter, type SavedFilterInput } from '../../../src-shared/domains/goals/goals.schemas';
import { notFound } from '../../../src-shared/ipc/result';
import { newId } from '../../lib/ids';
import type { GoalsCore } from './goals-core';
import type { TaskFilterTable } from './goals.table';

type SavedFilter = { id: string; name: string; filter: z.output<typeof TaskFilter>; createdAt: string };

/**
 * Saved task filters. The stored JSON is checked with the TaskFilter schema on every read: a row written by an older
 * or newer version (or synced in) that no longer fits is shown as an empty filter rather than breaking the list.
 */
export function createTaskFilters(core: GoalsCore) {
  const { ctx } = core;

  function toSaved(r: TaskFilterTable): SavedFilter {
    let parsed: unknown;
    try {
      parsed = JSON.parse(r.filter);
    } catch {
      parsed = {};
    }
    const checked = TaskFilter.safeParse(parsed);
    return { id: r.id, name: r.name, filter: checked.success ? checked.data : {}, createdAt: r.created_at };
  }

  return {
    async listFilters(): Promise<SavedFilter[]> {
      const rows = await ctx.db().selectFrom('task_filters').selectAll().where('deleted_at', 'is', null).orderBy('name').execute();
      return rows.map(toSaved);
    },

    async saveFilter(input: z.output<typeof SavedFilterInput>): Promise<SavedFilter> {
      const now = core.iso();
      // Saving under an existing name replaces that filter: names are what the user picks them by.
      const same = await ctx.db().selectFrom('task_filters').selectAll().where('deleted_at', 'is', null).where('name', '=', input.name).executeTakeFirst();
      const row: TaskFilterTable = same
        ? { ...same, filter: JSON.stringify(input.filter), updated_at: now }
        : { id: newId(), name: input.name, filter: JSON.stringify(input.filter), created_at: now, updated_at: now, deleted_at: null };
      await ctx.write(async (trx) => {
        if (same) await trx.updateTable('task_filters').set({ filter: row.filter, updated_at: now }).where('id', '=', row.id).execute();
        else await trx.insertInto('task_filters').values(row).execute();
      });
      return toSaved(row);
    },

    async deleteFilter(input: { id: string }): Promise<SavedFilter> {
      const row = await ctx.db().selectFrom('task_filters').selectAll().where('id', '=', input.id).where('deleted_at', 'is', null).executeTakeFirst();
      if (!row) throw notFound('saved filter', input.id);
      const now = core.iso();
      await ctx.write((trx) => trx.updateTable('task_filters').set({ deleted_at: now, updated_at: now }).where('id', '=', input.id).execute());
      return toSaved(row);
    },
  };
}
