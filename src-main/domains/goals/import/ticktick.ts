import { createHash } from 'node:crypto';
import { parseCsv, type CsvRecord } from '../../../../src-shared/lib/csv';
import { CsvTable } from '../../../../src-shared/lib/csv-table';
import { ianaZones } from '../../../../src-shared/lib/recurrence';
import { localOf, zoneOr } from './dates';
import { linkDepths, newParsed, oneLine, skip, uniqueTags, warn, type ImportContext, type ImportedTask, type ParsedImport } from './types';

/**
 * TickTick's CSV backup: a preamble ("Date: …", "Version: …", a multi-line "Status: …" cell) before the real header,
 * one row per task. Folders become areas and lists projects in them; `parentId` makes sub-tasks; Status 1 (completed)
 * and 2 (archived) are done. Dates are ISO with `+0000`, or 'YYYY-MM-DD HH:MM:SS' in the row's Timezone.
 */

export const isTickTickHeader = (fields: readonly string[]): boolean => {
  const names = new Set(
    fields.map((f) =>
      f
        .replace(/^\ufeff/, '')
        .trim()
        .toLowerCase(),
    ),
  );
  return names.has('title') && names.has('list name') && (names.has('taskid') || names.has('kind'));
};

/** TickTick's priorities (0 none, 1 low, 3 medium, 5 high) on Hearth's scale (1 most urgent … 5 least). */
const PRIORITY: Record<string, number> = { '0': 4, '1': 3, '3': 2, '5': 1 };

/** '2018-12-11T23:00:00+0000' (an instant) or '2026-02-15 09:30:00' (a wall time in `zone`) → UTC ms, or null. */
export function tickTickInstant(value: string, zone: string): number | null {
  const v = value.trim();
  if (!v) return null;
  const zoned = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}(?::\d{2})?)(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})$/.exec(v);
  if (zoned) {
    const off = zoned[3] === 'Z' ? 'Z' : `${zoned[3]!.slice(0, 3)}:${zoned[3]!.slice(-2)}`;
    const ms = Date.parse(`${zoned[1]}T${zoned[2]}${off}`);
    return Number.isFinite(ms) ? ms : null;
  }
  const wall = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2})(?::(\d{2}))?$/.exec(v);
  if (wall) return ianaZones.toUtc(`${wall[1]}T${wall[2]}:${wall[3] ?? '00'}`, zone);
  return null;
}

/** TickTick's checklist items in Content ("▫item", "▪done") as a Markdown task list. */
const checklistMarkdown = (content: string): string =>
  content
    .split('\n')
    .map((l) => l.replace(/^\s*▫\s*/, '- [ ] ').replace(/^\s*▪\s*/, '- [x] '))
    .join('\n');

export function parseTickTick(text: string, ictx: ImportContext): ParsedImport {
  const p = newParsed('ticktick');
  const records = parseCsv(text);
  const at = records.findIndex((r) => isTickTickHeader(r.fields));
  if (at < 0) return p;
  if (at > 0) skip(p, 'lines of the backup’s preamble (date, version, status legend)', at);
  const table = new CsvTable(records.slice(at));
  const keys = new Set<string>();
  const addProject = (key: string, name: string, kind: 'area' | 'project', parentKey: string | null): string => {
    if (!keys.has(key)) p.projects.push({ key, name, kind, parentKey });
    keys.add(key);
    return key;
  };
  // A folder is an area, a list a project in it.
  const projectOf = (folder: string, list: string): string | null => {
    const f = oneLine(folder).slice(0, 200);
    const l = oneLine(list).slice(0, 200);
    const area = f ? addProject(`area:${f}`, f, 'area', null) : null;
    return l ? addProject(`list:${f}\u0000${l}`, l, 'project', area) : area;
  };

  const byId = new Map<string, ImportedTask>();
  const parents = new Map<ImportedTask, string>();
  for (const r of table.rows) {
    const get = (...names: string[]): string => table.get(r, ...names);
    const title = oneLine(get('Title'));
    if (!title) {
      skip(p, 'rows without a title');
      continue;
    }
    const zone = zoneOr(get('Timezone'), ictx.zone);
    const prio = get('Priority').trim();
    const priority = PRIORITY[prio || '0'];
    if (priority === undefined) warn(p, `Row ${r.row}: priority "${prio.slice(0, 20)}" is not a TickTick priority (0, 1, 3, 5); the task got priority 4.`);
    const status = get('Status').trim();
    if (status && !['0', '1', '2'].includes(status)) warn(p, `Row ${r.row}: status "${status.slice(0, 20)}" is unknown; the task is open.`);
    const done = status === '1' || status === '2';
    const completedMs = tickTickInstant(get('Completed Time'), zone) ?? tickTickInstant(get('Created Time'), zone) ?? ictx.nowMs;
    const due = dueOf(get('Due Date') || get('Start Date'), get('Is All Day'), zone, r, (m) => warn(p, m));
    const rrule =
      get('Repeat')
        .trim()
        .replace(/^RRULE:/i, '') || null;
    const kind = get('Kind').trim().toUpperCase();
    const content = get('Content').replace(/\r\n?/g, '\n').trim();
    const rawId = get('taskId').trim();
    const sourceId =
      rawId ||
      createHash('sha256')
        .update(`${get('List Name')}\u0000${title}\u0000${r.row}`)
        .digest('hex')
        .slice(0, 32);
    if (byId.has(sourceId)) warn(p, `Row ${r.row}: the task id "${sourceId.slice(0, 40)}" appears twice; both rows were kept.`);
    const task: ImportedTask = {
      sourceId: byId.has(sourceId) ? `${sourceId}#${r.row}` : sourceId,
      parentSourceId: null,
      title: title.slice(0, 500),
      notes: kind === 'CHECKLIST' ? checklistMarkdown(content) : content,
      priority: priority ?? 4,
      ...due,
      zone,
      rrule,
      tags: uniqueTags(get('Tags').split(',')),
      projectKey: projectOf(get('Folder Name'), get('List Name')),
      completedAt: done ? new Date(completedMs).toISOString() : null,
      depth: 0,
    };
    byId.set(task.sourceId, task);
    p.tasks.push(task);
    const parentId = get('parentId').trim();
    if (parentId) parents.set(task, parentId);
  }
  // Parents may come after their sub-tasks in the file: linked once every row is read.
  for (const [task, parentId] of parents) task.parentSourceId = parentId;
  linkDepths(p);
  return p;
}

function dueOf(value: string, allDay: string, zone: string, r: CsvRecord, warnFn: (m: string) => void) {
  if (!value.trim()) return { dueDate: null, dueTime: null };
  const ms = tickTickInstant(value, zone);
  const local = ms === null ? null : localOf(ms, zone);
  if (local === null) {
    warnFn(`Row ${r.row}: the date "${value.slice(0, 40)}" was not understood; the task has no due date.`);
    return { dueDate: null, dueTime: null };
  }
  return { dueDate: local.date, dueTime: allDay.trim().toLowerCase() === 'true' ? null : local.time };
}
