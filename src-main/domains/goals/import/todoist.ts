import { createHash } from 'node:crypto';
import { CsvTable } from '../../../../src-shared/lib/csv-table';
import { parseTodoistDate, zoneOr, type DueParts } from './dates';
import { newParsed, oneLine, skip, uniqueTags, warn, type ImportContext, type ImportedTask, type ParsedImport } from './types';

/**
 * Todoist's "Export as template" CSV, both layouts (with DESCRIPTION/DURATION, and the older 9-column one). One row
 * per item: `task`, `note` (a comment on the task above, appended to its notes), `section` (a project under the file's
 * project) or an empty spacer row. INDENT makes sub-tasks; PRIORITY 1 is Todoist's highest, as in Hearth. Labels
 * live in CONTENT as `@label`. Todoist has no ids in this file, so a task's source id is a hash of its path.
 */

/** Todoist's "not completable" marker: such a task stays a task, tagged so it can be found. */
const NOT_COMPLETABLE = /^\*\s+/;
export const NOT_COMPLETABLE_TAG = 'not-completable';
const LABEL = /(^|\s)@(\S+)/gu;
/** Attachments in comments: ` [[file {"file_name":…,"file_url":…}]]`, kept as a readable line. */
const ATTACHMENT = /\[\[file (\{.*?\})\]\]/g;

export const isTodoistHeader = (fields: readonly string[]): boolean =>
  fields[0]
    ?.replace(/^\ufeff/, '')
    .trim()
    .toUpperCase() === 'TYPE' && fields.some((f) => f.trim().toUpperCase() === 'CONTENT');

function attachmentText(json: string): string {
  try {
    const f = JSON.parse(json) as { file_name?: unknown; file_url?: unknown };
    const name = typeof f.file_name === 'string' ? f.file_name : 'file';
    return typeof f.file_url === 'string' ? `[${name}](${f.file_url})` : name;
  } catch {
    return '[attachment]';
  }
}

const projectName = (fileName: string | undefined): string | null => {
  const base = fileName?.replace(/\.csv$/i, '').trim();
  return base ? base.slice(0, 200) : null;
};

export function parseTodoist(text: string, ictx: ImportContext): ParsedImport {
  const p = newParsed('todoist');
  const table = CsvTable.fromText(text);
  const fileProject = projectName(ictx.fileName);
  if (fileProject) p.projects.push({ key: 'file', name: fileProject, kind: 'project', parentKey: null });
  let section: string | null = null;
  let sectionKey: string | null = fileProject ? 'file' : null;
  /** Open ancestors by indent: the parent of a row is the nearest preceding task with a smaller indent. */
  const stack: Array<{ indent: number; task: ImportedTask; path: string }> = [];
  const seenPaths = new Map<string, number>();
  const dates = new Map<string, DueParts & { warning?: string }>();
  let last: ImportedTask | null = null;

  for (const record of table.rows) {
    const type = table.get(record, 'TYPE').trim().toLowerCase();
    const content = table.get(record, 'CONTENT');
    if (!type && record.fields.every((f) => f.trim() === '')) {
      skip(p, 'empty spacer rows');
      continue;
    }
    if (type === 'section') {
      section = oneLine(content) || 'Section';
      sectionKey = `section:${p.projects.length}`;
      p.projects.push({ key: sectionKey, name: section.slice(0, 200), kind: 'project', parentKey: fileProject ? 'file' : null });
      stack.length = 0;
      last = null;
      continue;
    }
    if (type === 'note') {
      if (!last) {
        skip(p, 'comments without a task above them');
        continue;
      }
      const note = content
        .replace(/\r\n?/g, '\n')
        .replace(ATTACHMENT, (_m, json: string) => attachmentText(json))
        .trim();
      if (note) last.notes = last.notes ? `${last.notes}\n\n---\n\n${note}` : note;
      skip(p, 'comments, kept in their task’s notes');
      continue;
    }
    if (type !== 'task') {
      skip(p, `rows of an unknown type (${type.slice(0, 20) || 'empty'})`);
      continue;
    }

    const tags: string[] = [];
    let title = oneLine(content.replace(LABEL, (_m, lead: string, label: string) => (tags.push(label), lead)));
    if (NOT_COMPLETABLE.test(title)) {
      title = title.replace(NOT_COMPLETABLE, '');
      tags.push(NOT_COMPLETABLE_TAG);
    }
    if (!title) {
      skip(p, 'tasks without a title');
      continue;
    }
    const indentText = table.get(record, 'INDENT').trim();
    const indent = /^\d+$/.test(indentText) ? Math.max(1, Number(indentText)) : 1;
    while (stack.length > 0 && stack[stack.length - 1]!.indent >= indent) stack.pop();
    const parent = stack[stack.length - 1] ?? null;

    const prioText = table.get(record, 'PRIORITY').trim();
    let priority = Number(prioText);
    if (!(Number.isInteger(priority) && priority >= 1 && priority <= 4)) {
      if (prioText) warn(p, `Row ${record.row}: priority "${prioText.slice(0, 20)}" is not 1–4; the task got priority 4.`);
      priority = 4;
    }
    const zone = zoneOr(table.get(record, 'TIMEZONE'), ictx.zone);
    const dateText = table.get(record, 'DATE');
    const dateKey = `${dateText}\u0000${table.get(record, 'DATE_LANG')}\u0000${zone}`;
    // The same DATE text in the same zone reads the same (chrono is the slow part of a big file): read it once.
    let due = dates.get(dateKey);
    if (!due) {
      const notes: string[] = [];
      due = parseTodoistDate(dateText, table.get(record, 'DATE_LANG'), ictx.nowMs, zone, (m) => notes.push(m));
      if (notes.length) due = { ...due, warning: notes[0] };
      dates.set(dateKey, due);
    }
    if (due.warning) warn(p, `Row ${record.row}: ${due.warning}`);

    // Source id: the row's path (section, ancestors, title), numbered when the same path repeats.
    const path = `${section ?? ''}\u0000${parent?.path ?? ''}\u0000${title}`;
    const n = (seenPaths.get(path) ?? 0) + 1;
    seenPaths.set(path, n);
    const sourceId = createHash('sha256').update(`${path}\u0000${n}`).digest('hex').slice(0, 32);

    const task: ImportedTask = {
      sourceId,
      parentSourceId: parent?.task.sourceId ?? null,
      title: title.slice(0, 500),
      notes: table.get(record, 'DESCRIPTION').replace(/\r\n?/g, '\n').trim(),
      priority,
      dueDate: due.dueDate,
      dueTime: due.dueTime,
      rrule: due.rrule,
      repeatFrom: due.repeatFrom,
      zone,
      tags: uniqueTags(tags),
      projectKey: sectionKey,
      completedAt: null,
      depth: parent ? parent.task.depth + 1 : 0,
    };
    p.tasks.push(task);
    stack.push({ indent, task, path });
    last = task;
  }
  return p;
}
