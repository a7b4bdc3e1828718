import { AppError } from '../../../../src-shared/ipc/result';
import { parseCsv } from '../../../../src-shared/lib/csv';
import { formatMiB, MiB } from '../../../../src-shared/lib/limits';
import { isHearthJson, parseHearthJson, type HearthGoalsFile } from './hearth-json';
import { parseIcsTodos } from './ics-todos';
import { isTickTickHeader, parseTickTick } from './ticktick';
import { isTodoistHeader, parseTodoist } from './todoist';
import type { ImportContext, ImportFormat, ParsedImport } from './types';

export type { ImportedProject, ImportedTask, ImportFormat, ParsedImport } from './types';

/**
 * SECURITY: the largest task file read. A real Todoist or TickTick export of years of tasks is a few MiB; the cap
 * bounds memory and parse time (checked on the stored size, before a byte is read).
 */
export const MAX_TASK_IMPORT_BYTES = 16 * MiB;

export function checkImportSize(size: number): void {
  if (size > MAX_TASK_IMPORT_BYTES)
    throw new AppError('TOO_LARGE', `The file is larger than ${formatMiB(MAX_TASK_IMPORT_BYTES)}, the most a task import reads.`);
}

/** UTF-8 text without binary data (a BOM is kept for the CSV reader, which skips it). */
function decodeText(bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new AppError('INVALID_INPUT', 'The file is not UTF-8 text: export it again from Todoist, TickTick or a calendar app.');
  }
  // SECURITY: NULs and other control bytes mean binary data (or UTF-16); stop before parsing anything.
  // eslint-disable-next-line no-control-regex -- matching control characters is the point of this check.
  if (/[\u0000-\u0008\u000e-\u001f]/.test(text.slice(0, 1_000_000)))
    throw new AppError('INVALID_INPUT', 'The file contains binary data: it is not a task export.');
  return text;
}

/** Tells the format apart by the file's first lines: BEGIN:VCALENDAR, Todoist's TYPE,CONTENT header or TickTick's. */
export function sniffFormat(text: string): ImportFormat | null {
  const body = text.replace(/^\ufeff/, '');
  if (/^\s*BEGIN:VCALENDAR/i.test(body.slice(0, 1024))) return 'ics';
  let head: ReturnType<typeof parseCsv>;
  try {
    head = parseCsv(body.slice(0, 64 * 1024).replace(/[^\n]*$/, ''), undefined, 20);
  } catch {
    return null;
  }
  if (head[0] && isTodoistHeader(head[0].fields)) return 'todoist';
  if (head.some((r) => isTickTickHeader(r.fields))) return 'ticktick';
  return null;
}

/** Reads a task export into plain rows. Throws INVALID_INPUT for a file that is not one, or that holds no tasks. */
export function parseTaskImport(bytes: Uint8Array, ictx: ImportContext, format?: ImportFormat): ParsedImport {
  checkImportSize(bytes.byteLength);
  const text = decodeText(bytes);
  if (!text.replace(/^\ufeff/, '').trim()) throw new AppError('INVALID_INPUT', 'The file is empty: no tasks to import.');
  const kind = format ?? sniffFormat(text);
  if (!kind) throw new AppError('INVALID_INPUT', 'Not a Todoist CSV, TickTick CSV or iCalendar (.ics) file, nor a Hearth goals JSON export.');
  const parsed = kind === 'ics' ? parseIcsTodos(bytes, ictx) : kind === 'todoist' ? parseTodoist(text, ictx) : parseTickTick(text, ictx);
  if (parsed.tasks.length === 0) throw new AppError('INVALID_INPUT', `The file has no tasks to import (read as ${kind}).`);
  return parsed;
}

/** A task file read: another app's tasks, or Hearth's own goals JSON export (every goals table, ids kept). */
export type TaskFile = { kind: 'tasks'; parsed: ParsedImport } | { kind: 'hearth'; file: HearthGoalsFile };

/** Reads any importable file: a Hearth goals JSON export (asked for, or a JSON object naming that format) or a task export. */
export function readTaskFile(bytes: Uint8Array, ictx: ImportContext, format?: ImportFormat | 'hearth'): TaskFile {
  checkImportSize(bytes.byteLength);
  if (format === 'hearth' || (format === undefined && isHearthJson(new TextDecoder().decode(bytes.subarray(0, 4096))))) {
    const text = decodeText(bytes);
    return { kind: 'hearth', file: parseHearthJson(text) };
  }
  return { kind: 'tasks', parsed: parseTaskImport(bytes, ictx, format) };
}
