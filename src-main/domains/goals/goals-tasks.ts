import { sql } from 'kysely';
import type { z } from 'zod';
import type { goalsContract } from '../../../src-shared/domains/goals/goals.contract';
import type { Task, TaskDetail, TaskInput, UpdateTaskInput } from '../../../src-shared/domains/goals/goals.schemas';
import type { ServiceOf } from '../../../src-shared/ipc/define';
import { newId } from '../../lib/ids';
import type { GoalsCore } from './goals-core';
import { recordGoalProgress } from './goals-plan-progress';
import { createTaskCompletion, toHistory } from './goals-task-complete';
import { createTaskFilters } from './goals-task-filters';
import { createTaskLists } from './goals-task-lists';
import { createTaskProjects } from './goals-task-projects';
import { cleanTags, liveTask, toTasks } from './goals-task-rows';
import { createTaskViews } from './goals-task-views';
import { createTaskChecks, type TaskFields } from './goals-task-write';
import type { TaskTable } from './goals.table';

type Service = ServiceOf<typeof goalsContract>;
export type TaskHandlers = Pick<
  Service,
  | 'listProjects'
  | 'createProject'
  | 'updateProject'
  | 'deleteProject'
  | 'upcoming'
  | 'listTasks'
  | 'logbook'
  | 'getTask'
  | 'createTask'
  | 'updateTask'
  | 'completeTask'
  | 'uncompleteTask'
  | 'deleteTask'
  | 'listFilters'
  | 'saveFilter'
  | 'deleteFilter'
>;

/** Tasks: projects, the task rows with their sub-tasks and repeats, completion, the day and list views, saved filters. */
export function createTasks(core: GoalsCore) {
  const { ctx } = core;
  const projects = createTaskProjects(core);
  const filters = createTaskFilters(core);
  const lists = createTaskLists(core);
  const views = createTaskViews(core, lists);
  const completion = createTaskCompletion(core);
  const checks = createTaskChecks(core);
  const one = async (id: string): Promise<Task> => (await toTasks(ctx.db(), [await liveTask(ctx.db(), id)]))[0] as Task;

  async function createTask(input: z.output<typeof TaskInput>): Promise<Task> {
    const fields: TaskFields = {
      goal_id: input.goalId,
      project_id: input.projectId,
      parent_id: input.parentId,
      due_date: input.dueDate,
      due_time: input.dueTime,
      zone: input.zone ?? core.zone(),
      rrule: input.rrule,
      repeat_from: input.repeatFrom,
      scheduled_date: input.scheduledDate,
    };
    const settled = await checks.settle(fields, null, { goal_id: true, project_id: true, parent_id: true });
    const now = core.iso();
    const id = newId();
    await ctx.write(async (trx) => {
      const row: TaskTable = {
        id,
        doc: await core.nextDoc(trx),
        title: input.title,
        notes: input.notes,
        priority: input.priority,
        status: input.status === 'done' ? 'todo' : input.status,
        ...settled,
        estimate_minutes: input.estimateMinutes,
        tags: JSON.stringify(cleanTags(input.tags)),
        completed_at: null,
        sort_order: ctx.now(),
        source: null,
        source_id: null,
        created_at: now,
        updated_at: now,
        deleted_at: null,
      };
      await trx.insertInto('tasks').values(row).execute();
      // Made already done: completed the ordinary way, so it is in the logbook like any other completion.
      if (input.status === 'done') await completion.complete(id);
      else await recordGoalProgress(core, [row.goal_id], trx);
    });
    return one(id);
  }

  async function updateTask(input: z.output<typeof UpdateTaskInput>): Promise<Task> {
    const row = await liveTask(ctx.db(), input.id);
    const pick = <K extends keyof TaskFields>(key: K, value: TaskFields[K] | undefined): TaskFields[K] => (value === undefined ? row[key] : value);
    const fields: TaskFields = {
      goal_id: pick('goal_id', input.goalId),
      project_id: pick('project_id', input.projectId),
      parent_id: pick('parent_id', input.parentId),
      due_date: pick('due_date', input.dueDate),
      // Clearing the due date clears its time too, unless a time is given (which is then refused without a date).
      due_time: input.dueDate === null && input.dueTime === undefined ? null : pick('due_time', input.dueTime),
      zone: pick('zone', input.zone),
      rrule: pick('rrule', input.rrule),
      repeat_from: pick('repeat_from', input.repeatFrom),
      scheduled_date: pick('scheduled_date', input.scheduledDate),
    };
    const changed = { goal_id: input.goalId !== undefined, project_id: input.projectId !== undefined, parent_id: input.parentId !== undefined };
    const settled = await checks.settle(fields, row.id, changed);
    const patch: Partial<TaskTable> = { ...settled, updated_at: core.iso() };
    if (input.title !== undefined) patch.title = input.title;
    if (input.notes !== undefined) patch.notes = input.notes;
    if (input.priority !== undefined) patch.priority = input.priority;
    if (input.estimateMinutes !== undefined) patch.estimate_minutes = input.estimateMinutes;
    if (input.tags !== undefined) patch.tags = JSON.stringify(cleanTags(input.tags));
    if (input.sortOrder !== undefined) patch.sort_order = input.sortOrder;
    // 'done' is reached (and left) only by completing (and uncompleting), so history and repeats stay right.
    if (input.status !== undefined && input.status !== 'done') patch.status = input.status;
    await ctx.write(async (trx) => {
      const done = row.completed_at !== null;
      // Reopened first, so the status asked for ('doing') is the one that stays.
      if (input.status !== undefined && input.status !== 'done' && done) await completion.uncomplete(row.id);
      await trx.updateTable('tasks').set(patch).where('id', '=', row.id).execute();
      if (input.status === 'done' && !done) await completion.complete(row.id);
      // A task moved between goals changes both goals' task share.
      await recordGoalProgress(core, [row.goal_id, fields.goal_id], trx);
    });
    return one(row.id);
  }

  async function getTask(input: { id: string }): Promise<z.input<typeof TaskDetail>> {
    const row = await liveTask(ctx.db(), input.id);
    const [children, history] = await Promise.all([
      ctx.db().selectFrom('tasks').selectAll().where('parent_id', '=', row.id).where('deleted_at', 'is', null).orderBy('sort_order').orderBy('id').execute(),
      ctx.db().selectFrom('task_history').selectAll().where('task_id', '=', row.id).orderBy('at').orderBy('id').execute(),
    ]);
    const [task, ...kids] = await toTasks(ctx.db(), [row, ...children]);
    return { ...(task as Task), children: kids, history: history.map(toHistory) };
  }

  /** Soft-deletes the task and every sub-task below it. */
  async function deleteTask(input: { id: string }): Promise<Task> {
    const before = await one(input.id);
    const now = core.iso();
    await ctx.write(async (trx) => {
      await sql`WITH RECURSIVE below(id) AS (
          SELECT ${input.id}
          UNION SELECT t.id FROM tasks t JOIN below b ON t.parent_id = b.id WHERE t.deleted_at IS NULL
        )
        UPDATE tasks SET deleted_at = ${now}, updated_at = ${now} WHERE id IN (SELECT id FROM below)`.execute(trx);
      await recordGoalProgress(core, [before.goalId], trx);
    });
    return before;
  }

  const handlers: TaskHandlers = {
    ...projects,
    ...filters,
    upcoming: (input) => views.upcoming(input),
    listTasks: (input) => lists.listTasks(input),
    logbook: (input) => views.logbook(input),
    getTask,
    createTask,
    updateTask,
    completeTask: (input) => completion.complete(input.id),
    uncompleteTask: (input) => completion.uncomplete(input.id),
    deleteTask,
  };
  return { handlers, today: lists.today };
}
