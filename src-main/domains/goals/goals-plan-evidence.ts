import type { z } from 'zod';
import type { Evidence, EvidenceInput } from '../../../src-shared/domains/goals/goals.schemas';
import { AppError, notFound } from '../../../src-shared/ipc/result';
import { newId } from '../../lib/ids';
import type { GoalsCore } from './goals-core';
import type { GoalsPart } from './goals-plan-goals';
import { toEvidence } from './goals-plan-map';
import type { GoalEvidenceTable } from './goals.table';

const invalid = (message: string) => new AppError('INVALID_INPUT', message, { issues: [{ path: 'refId', message }] });

/**
 * Evidence on a goal: a journal entry, a file, or a plain note. A reference is checked with the journal and files
 * modules when it is added.
 */
export function createEvidence(core: GoalsCore, goals: GoalsPart) {
  const { ctx } = core;

  /** Asked of the journal and files modules through their own ops (their privacy rules apply; goals never reads their tables). */
  async function assertRef(kind: 'journal' | 'file', refId: string): Promise<void> {
    const app = ctx.host.app();
    const what = kind === 'journal' ? 'journal entry' : 'file';
    const found = await (kind === 'journal' ? app.journal.get({ id: refId }) : app.files.get({ id: refId })).catch((err: unknown) => {
      if (err instanceof AppError && err.code === 'NOT_FOUND') return null;
      throw err;
    });
    if (!found || found.deletedAt !== null) throw notFound(what, refId);
  }

  async function add(input: z.output<typeof EvidenceInput>): Promise<z.input<typeof Evidence>> {
    const goal = await goals.goalRow(input.goalId);
    if (input.kind === 'note') {
      if (input.refId) throw invalid('A note is evidence by itself: it takes no reference.');
    } else {
      if (!input.refId) throw invalid(`Choose the ${input.kind === 'journal' ? 'journal entry' : 'file'} to link.`);
      await assertRef(input.kind, input.refId);
    }
    const at = core.iso();
    const row: GoalEvidenceTable = {
      id: newId(),
      goal_id: goal.id,
      kind: input.kind,
      ref_id: input.kind === 'note' ? null : input.refId,
      title: input.title,
      created_at: at,
      updated_at: at,
      deleted_at: null,
    };
    await ctx.write((trx) => trx.insertInto('goal_evidence').values(row).execute());
    return toEvidence(row);
  }

  /** Unlinks evidence (the journal entry or file itself stays). */
  async function remove(id: string): Promise<z.input<typeof Evidence>> {
    const row = await ctx.db().selectFrom('goal_evidence').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
    if (!row) throw notFound('evidence', id);
    const at = core.iso();
    await ctx.write((trx) => trx.updateTable('goal_evidence').set({ deleted_at: at, updated_at: at }).where('id', '=', id).execute());
    return toEvidence(row);
  }

  return { add, remove };
}
