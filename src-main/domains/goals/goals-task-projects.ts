import type { z } from 'zod';
import type { Project, ProjectInput, UpdateProjectInput } from '../../../src-shared/domains/goals/goals.schemas';
import { AppError, notFound } from '../../../src-shared/ipc/result';
import { newId } from '../../lib/ids';
import type { GoalsCore } from './goals-core';
import type { TaskProjectTable } from './goals.table';

/** Projects and areas: a soft delete keeps their tasks (they lose the project, nothing else). */
export function createTaskProjects(core: GoalsCore) {
  const { ctx } = core;

  async function openCounts(): Promise<Map<string, number>> {
    const rows = await ctx
      .db()
      .selectFrom('tasks')
      .select(['project_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('project_id', 'is not', null)
      .where('completed_at', 'is', null)
      .where('deleted_at', 'is', null)
      .groupBy('project_id')
      .execute();
    return new Map(rows.map((r) => [r.project_id ?? '', Number(r.n)]));
  }

  const toProject = (r: TaskProjectTable, n: Map<string, number>): Project => ({
    id: r.id,
    name: r.name,
    kind: r.kind,
    parentId: r.parent_id,
    color: r.color,
    openTasks: n.get(r.id) ?? 0,
  });

  async function live(id: string): Promise<TaskProjectTable> {
    const row = await ctx.db().selectFrom('task_projects').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
    if (!row) throw notFound('project', id);
    return row;
  }

  /** A parent must exist and must not be the project itself or one of its descendants. */
  async function checkParent(id: string | null, parentId: string | null): Promise<void> {
    for (let at = parentId, depth = 0; at !== null; depth++) {
      if (at === id || depth > 50)
        throw new AppError('INVALID_INPUT', 'A project cannot be inside itself.', { issues: [{ path: 'parentId', message: 'Cycle' }] });
      at = (await live(at)).parent_id;
    }
  }

  const view = async (id: string): Promise<Project> => toProject(await live(id), await openCounts());

  return {
    async listProjects(): Promise<Project[]> {
      const [rows, n] = await Promise.all([
        ctx.db().selectFrom('task_projects').selectAll().where('deleted_at', 'is', null).orderBy('sort_order').orderBy('name').execute(),
        openCounts(),
      ]);
      return rows.map((r) => toProject(r, n));
    },

    async createProject(input: z.output<typeof ProjectInput>): Promise<Project> {
      await checkParent(null, input.parentId);
      const now = core.iso();
      const row: TaskProjectTable = { id: newId(), ...pick(input), sort_order: Date.parse(now), created_at: now, updated_at: now, deleted_at: null };
      await ctx.write((trx) => trx.insertInto('task_projects').values(row).execute());
      return view(row.id);
    },

    async updateProject(input: z.output<typeof UpdateProjectInput>): Promise<Project> {
      await live(input.id);
      if (input.parentId !== undefined) await checkParent(input.id, input.parentId);
      const patch: Partial<TaskProjectTable> = { updated_at: core.iso() };
      if (input.name !== undefined) patch.name = input.name;
      if (input.color !== undefined) patch.color = input.color;
      if (input.parentId !== undefined) patch.parent_id = input.parentId;
      await ctx.write((trx) => trx.updateTable('task_projects').set(patch).where('id', '=', input.id).execute());
      return view(input.id);
    },

    async deleteProject(input: { id: string }): Promise<Project> {
      const before = await view(input.id);
      const now = core.iso();
      await ctx.write(async (trx) => {
        await trx.updateTable('tasks').set({ project_id: null, updated_at: now }).where('project_id', '=', input.id).execute();
        // Sub-projects move up to the deleted project's parent rather than pointing at a deleted row.
        const parent = (await trx.selectFrom('task_projects').select('parent_id').where('id', '=', input.id).executeTakeFirst())?.parent_id ?? null;
        await trx.updateTable('task_projects').set({ parent_id: parent, updated_at: now }).where('parent_id', '=', input.id).execute();
        await trx.updateTable('task_projects').set({ deleted_at: now, updated_at: now }).where('id', '=', input.id).execute();
      });
      return before;
    },
  };
}

const pick = (input: z.output<typeof ProjectInput>) => ({ name: input.name, kind: input.kind, parent_id: input.parentId, color: input.color });
