import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { ImportPreview } from '../../../../src-shared/domains/goals/goals.schemas';
import type { Database } from '../../../db/database';
import { HEARTH_TABLES, type HearthGoalsFile } from './hearth-json';
import { planHearthImport } from './hearth-plan';

const SAMPLE = 10;

/**
 * The dry run of a Hearth goals JSON import: the same fields as a task import (tasks, sub-tasks, completed, repeating,
 * projects, tags, sample) plus a count per kind of record. `duplicates` counts records of any kind whose id is
 * already in the profile; `skipped` lists records that cannot be kept (their goal, habit or task is missing).
 */
export async function previewHearth(
  db: Kysely<Database>,
  file: HearthGoalsFile,
  previewId: string,
  zone: string,
  today: string,
): Promise<z.input<typeof ImportPreview>> {
  const plan = await planHearthImport(db, file, zone, today);
  const byId = new Map(file.tasks.map((t) => [t.id, t]));
  const depth = (id: string | null): number => {
    let d = 0;
    for (let at = id ? byId.get(id) : undefined; at && d < 10; at = at.parentId ? byId.get(at.parentId) : undefined) d++;
    return d;
  };
  const project = new Map(file.projects.map((p) => [p.id, p.name]));
  const tags = new Map<string, string>();
  for (const t of file.tasks) for (const tag of t.tags) if (!tags.has(tag.toLowerCase())) tags.set(tag.toLowerCase(), tag);
  return {
    previewId,
    format: 'hearth',
    tasks: file.tasks.length,
    subtasks: file.tasks.filter((t) => t.parentId).length,
    completed: file.tasks.filter((t) => t.completedAt).length,
    recurring: file.tasks.filter((t) => t.rrule).length,
    projects: file.projects.map((p) => p.name),
    tags: [...tags.values()].sort((a, b) => a.localeCompare(b)),
    duplicates: plan.duplicates,
    skipped: [...plan.report.skipped].map(([reason, count]) => ({ reason, count })),
    warnings: plan.report.warnings,
    records: HEARTH_TABLES.map(({ key, kind }) => ({ kind, count: file[key].length })).filter((r) => r.count > 0),
    sample: file.tasks.slice(0, SAMPLE).map((t) => ({
      title: t.title,
      dueDate: t.dueDate,
      priority: t.priority,
      tags: t.tags,
      project: t.projectId ? (project.get(t.projectId) ?? null) : null,
      depth: depth(t.parentId),
    })),
  };
}
