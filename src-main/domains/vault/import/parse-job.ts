import type { JobFn } from '../../../workers/job';
import { parseImport } from './index';
import type { ImportParseResult, ParseImportOptions } from './types';

/**
 * The `vault.import.parse` worker job: every importer's parse step runs in a worker thread, so a
 * decompression bomb, a huge file or a parser bug can cost that thread's heap and time limits but
 * never main's. Input and result are plain data (bytes in, items out); writing stays in main.
 */
export interface ParseImportJobInput {
  bytes: Uint8Array;
  options: ParseImportOptions;
}

export const parseImportJob: JobFn<ParseImportJobInput, ImportParseResult> = (input) => parseImport(input.bytes, input.options);

/**
 * Heap and time for one import parse: room for a 50 MiB, 100,000-item file; a bomb hits the inflate budget
 * first. A 16 MiB young generation, as the journal's parse job: the pool's 64 MiB default only adds to the
 * import's peak RSS (issue 13: 100k items under 500 MB).
 */
export const IMPORT_JOB_LIMITS = { maxOldGenerationSizeMb: 3072, maxYoungGenerationSizeMb: 16, timeoutMs: 180_000 } as const;
