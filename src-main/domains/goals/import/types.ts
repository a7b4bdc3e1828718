/** What every task importer produces: plain rows, no database, no ids yet (import/commit.ts writes them). */

export type ImportFormat = 'todoist' | 'ticktick' | 'ics';

export interface ImportedProject {
  /** Unique within the file; tasks point to it. */
  key: string;
  name: string;
  kind: 'area' | 'project';
  parentKey: string | null;
}

export interface ImportedTask {
  /** The id in the source app (kept as `source_id`; re-importing the same id is a duplicate). */
  sourceId: string;
  /** The parent's `sourceId` (a sub-task), or null. */
  parentSourceId: string | null;
  title: string;
  notes: string;
  /** Hearth's scale: 1 most urgent … 5 least. */
  priority: number;
  dueDate: string | null;
  dueTime: string | null;
  /** The zone the date and time are in; null: the system zone. */
  zone: string | null;
  rrule: string | null;
  /** Repeats from the due date (default) or from the day it is completed. */
  repeatFrom?: 'due' | 'completion';
  tags: string[];
  projectKey: string | null;
  /** ISO UTC, or null for an open task. */
  completedAt: string | null;
  /** 0 for a top-level task. */
  depth: number;
}

export interface ParsedImport {
  format: ImportFormat;
  tasks: ImportedTask[];
  projects: ImportedProject[];
  /** reason → rows not imported as tasks. */
  skipped: Map<string, number>;
  warnings: string[];
}

/** What a parser needs besides the text: the clock (relative dates), the system zone and the file's name. */
export interface ImportContext {
  nowMs: number;
  zone: string;
  fileName?: string;
}

export const MAX_WARNINGS = 100;

export function newParsed(format: ImportFormat): ParsedImport {
  return { format, tasks: [], projects: [], skipped: new Map(), warnings: [] };
}

export const skip = (p: ParsedImport, reason: string, n = 1): void => void p.skipped.set(reason, (p.skipped.get(reason) ?? 0) + n);

export function warn(p: Pick<ParsedImport, 'warnings'>, message: string): void {
  if (p.warnings.length < MAX_WARNINGS) p.warnings.push(message);
  else if (p.warnings.length === MAX_WARNINGS) p.warnings.push('More warnings were left out.');
}

/** Titles are one line in Hearth: a title with line breaks (TickTick allows them) is joined with spaces. */
export const oneLine = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** Tags without duplicates (case-insensitive, first spelling kept), each at most 60 characters, at most 30. */
export function uniqueTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of tags) {
    const t = raw.trim().slice(0, 60);
    if (!t || seen.has(t.toLowerCase())) continue;
    seen.add(t.toLowerCase());
    out.push(t);
  }
  return out.slice(0, 30);
}

/**
 * Sets each task's depth from its parent chain. A parent that is missing, or a chain that loops back (a → b → a), is
 * cut: that task becomes top-level, with a warning.
 */
export function linkDepths(p: ParsedImport): void {
  const bySource = new Map(p.tasks.map((t) => [t.sourceId, t]));
  for (const t of p.tasks) {
    if (t.parentSourceId && (!bySource.has(t.parentSourceId) || t.parentSourceId === t.sourceId)) {
      warn(p, `"${t.title.slice(0, 60)}": its parent task "${t.parentSourceId.slice(0, 40)}" is not in the file; it was imported as a task of its own.`);
      t.parentSourceId = null;
    }
  }
  for (const t of p.tasks) {
    const seen = new Set([t]);
    let depth = 0;
    let at = t.parentSourceId ? bySource.get(t.parentSourceId) : undefined;
    while (at && !seen.has(at)) {
      seen.add(at);
      depth++;
      at = at.parentSourceId ? bySource.get(at.parentSourceId) : undefined;
    }
    if (at) {
      warn(p, `"${t.title.slice(0, 60)}": its parent tasks form a loop; it was imported as a task of its own.`);
      t.parentSourceId = null;
      depth = 0;
    }
    t.depth = depth;
  }
}
