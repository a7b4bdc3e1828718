import type { z } from 'zod';
import type { Pdp, PdpInput, UpdatePdpInput } from '../../../src-shared/domains/goals/goals.schemas';
import { AppError, notFound } from '../../../src-shared/ipc/result';
import { assertIsoDate } from '../../../src-shared/lib/local-date';
import { newId } from '../../lib/ids';
import type { GoalsCore } from './goals-core';
import { toPdp } from './goals-plan-map';
import type { ProgressPart } from './goals-plan-progress';
import type { PdpTable } from './goals.table';

function checkPeriod(start: string | null, end: string | null): void {
  if (start) assertIsoDate(start, 'The period start');
  if (end) assertIsoDate(end, 'The period end');
  if (start && end && end < start) {
    throw new AppError('INVALID_INPUT', 'The plan’s period ends before it starts.', { issues: [{ path: 'periodEnd', message: 'Before the start' }] });
  }
}

/** Personal development plans: each shows how many goals it holds and the mean progress of its active and completed ones. */
export function createPdps(core: GoalsCore, progress: ProgressPart) {
  const { ctx } = core;

  async function pdpRow(id: string): Promise<PdpTable> {
    const row = await ctx.db().selectFrom('pdps').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
    if (!row) throw notFound('development plan', id);
    return row;
  }

  async function views(rows: PdpTable[]): Promise<Pdp[]> {
    if (rows.length === 0) return [];
    const db = ctx.db();
    const ids = rows.map((r) => r.id);
    const goals = await db.selectFrom('goals').selectAll().where('pdp_id', 'in', ids).where('deleted_at', 'is', null).execute();
    const e = await progress.evaluate(db, goals);
    return rows.map((r) => {
      const mine = goals.filter((g) => g.pdp_id === r.id);
      // On hold and dropped goals do not pull the plan's number down.
      const counted = mine.filter((g) => g.status === 'active' || g.status === 'completed').map((g) => e.get(g.id)!.breakdown.progress);
      const mean = counted.length ? counted.reduce((a, b) => a + b, 0) / counted.length : 0;
      return toPdp(r, mine.length, mean);
    });
  }
  const view = async (row: PdpTable): Promise<Pdp> => (await views([row]))[0]!;

  async function list(): Promise<Pdp[]> {
    return views(await ctx.db().selectFrom('pdps').selectAll().where('deleted_at', 'is', null).orderBy('created_at').orderBy('id').execute());
  }

  async function create(input: z.output<typeof PdpInput>): Promise<Pdp> {
    checkPeriod(input.periodStart, input.periodEnd);
    const at = core.iso();
    const row: PdpTable = {
      id: newId(),
      title: input.title,
      vision: input.vision,
      period_start: input.periodStart,
      period_end: input.periodEnd,
      domains: JSON.stringify(input.domains),
      reflection: input.reflection,
      created_at: at,
      updated_at: at,
      deleted_at: null,
    };
    await ctx.write((trx) => trx.insertInto('pdps').values(row).execute());
    return view(row);
  }

  async function update(input: z.output<typeof UpdatePdpInput>): Promise<Pdp> {
    const row = await pdpRow(input.id);
    const patch: Partial<PdpTable> = { updated_at: core.iso() };
    if (input.title !== undefined) patch.title = input.title;
    if (input.vision !== undefined) patch.vision = input.vision;
    if (input.periodStart !== undefined) patch.period_start = input.periodStart;
    if (input.periodEnd !== undefined) patch.period_end = input.periodEnd;
    if (input.domains !== undefined) patch.domains = JSON.stringify(input.domains);
    if (input.reflection !== undefined) patch.reflection = input.reflection;
    checkPeriod(input.periodStart !== undefined ? input.periodStart : row.period_start, input.periodEnd !== undefined ? input.periodEnd : row.period_end);
    await ctx.write((trx) => trx.updateTable('pdps').set(patch).where('id', '=', row.id).execute());
    return view(await pdpRow(row.id));
  }

  /** Soft-deletes the plan; its goals stay, without a plan. */
  async function remove(id: string): Promise<Pdp> {
    const row = await pdpRow(id);
    const before = await view(row);
    const at = core.iso();
    await ctx.write(async (trx) => {
      await trx.updateTable('goals').set({ pdp_id: null, updated_at: at }).where('pdp_id', '=', id).execute();
      await trx.updateTable('pdps').set({ deleted_at: at, updated_at: at }).where('id', '=', id).execute();
    });
    return before;
  }

  return { pdpRow, list, create, update, remove };
}
