import type { JobFn } from '../../../workers/job';
import { parseJournalImport, type ParseJournalOptions } from './import';
import type { ParsedImport, SourceFile } from './model';

/**
 * The `journal.import.parse` worker job: every journal importer runs in a worker thread, so a decompression
 * bomb, a huge export or a parser bug costs that thread's heap and time limits, never main's. Input and
 * result are plain data (files in, the normalized model out); writing to the database stays in main.
 */
export interface ParseJournalJobInput {
  files: SourceFile[];
  options: ParseJournalOptions;
}

export const parseJournalImportJob: JobFn<ParseJournalJobInput, ParsedImport> = (input) => parseJournalImport(input.files, input.options);

/**
 * Heap and time for one journal parse: room for a 512 MiB export with photos; a bomb hits the inflate budget first.
 * A small young generation: parsing makes many short-lived strings, and a 64 MiB one added ~50 MiB to the peak RSS
 * of a 10,000-note import for no speed gain (npm run bench).
 */
export const JOURNAL_IMPORT_JOB_LIMITS = { maxOldGenerationSizeMb: 3072, timeoutMs: 300_000, maxYoungGenerationSizeMb: 16 } as const;
