import { AppError } from '../../../../src-shared/ipc/result';
import { expandInput } from './archive';
import { isRecord } from './entry';
import { isHearthJson, isHearthMarkdown, parseHearthJson, parseHearthMarkdown } from './import-hearth';
import { looksLikeDayOne, parseDayOne } from './import-dayone';
import { looksLikeJoplin, parseJoplin } from './import-joplin';
import { parseMarkdownFolder } from './import-markdown';
import { findStandardNotesFile, parseStandardNotes } from './import-standard-notes';
import { invalid, parseJson } from './limits';
import type { ImportFormat, ParsedImport, SourceFile } from './model';

/**
 * Journal import entry point: one file (a JSON, a ZIP, a JEX tar) or a folder's files in, the normalized
 * model out. Pure: no database, no clock (the caller passes `now`), safe to run in a worker (parse-job.ts).
 */
export interface ParseJournalOptions {
  /** ISO instant used as the date of notes that carry none (a plain Markdown file). */
  now: string;
  /** Skip detection (the user picked the format); a mismatch still fails with INVALID_INPUT. */
  format?: ImportFormat;
}

/** Which format the input is, or null when it is none Hearth reads. Archives are opened first. */
export function sniffFormat(files: readonly SourceFile[]): ImportFormat | null {
  const { files: inner, archive } = expandInput(files);
  return sniffExpanded(inner, archive);
}

function sniffExpanded(files: readonly SourceFile[], archive: 'zip' | 'tar' | null): ImportFormat | null {
  if (files.length === 0) return null;
  if (isHearthMarkdown(files)) return 'hearth-markdown';
  if (isHearthJson(files)) return 'hearth-json';
  if (findStandardNotesFile(files)) return 'standard-notes';
  if (looksLikeJoplin(files)) return archive === 'tar' ? 'joplin-jex' : 'joplin-raw';
  const topJson = files.filter((f) => /^[^/]+\.json$/i.test(f.path));
  if (topJson.length > 0 && topJson.length <= 20 && topJson.every((f) => isDayOneFile(f))) return archive ? 'dayone-zip' : 'dayone-json';
  if (files.some((f) => /\.(md|markdown)$/i.test(f.path))) return 'markdown';
  return null;
}

function isDayOneFile(file: SourceFile): boolean {
  // Cheap look at the start first, so a large unrelated JSON is not parsed just to be turned down.
  const head = new TextDecoder().decode(file.bytes.subarray(0, 4096));
  if (!/"(metadata|entries)"\s*:/.test(head)) return false;
  try {
    const json = parseJson(file.bytes, file.path);
    return isRecord(json) && looksLikeDayOne(json);
  } catch {
    return false;
  }
}

export function parseJournalImport(files: readonly SourceFile[], options: ParseJournalOptions): ParsedImport {
  if (files.length === 0) throw invalid('Nothing to import: no files were given.');
  const { files: inner, archive } = expandInput(files);
  const format = options.format ?? sniffExpanded(inner, archive);
  if (!format) {
    throw new AppError('UNSUPPORTED', 'Hearth does not recognise this file. It reads Day One, Joplin, Standard Notes, Markdown folders and its own exports.');
  }
  switch (format) {
    case 'dayone-json':
    case 'dayone-zip':
      return parseDayOne(inner, archive !== null);
    case 'joplin-jex':
    case 'joplin-raw':
      if (!looksLikeJoplin(inner)) throw invalid('This is not a Joplin export (no Joplin items found).');
      return parseJoplin(inner, archive === 'tar');
    case 'standard-notes': {
      const file = findStandardNotesFile(inner);
      if (!file) throw invalid('This is not a Standard Notes backup (no "Standard Notes Backup and Import File.txt").');
      return parseStandardNotes(file);
    }
    case 'hearth-markdown':
      return parseHearthMarkdown(inner);
    case 'hearth-json':
      return parseHearthJson(inner);
    case 'markdown':
      return parseMarkdownFolder(inner, { now: options.now });
  }
}
