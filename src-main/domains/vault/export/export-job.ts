import type { ImportedItem } from '../../../../src-shared/domains/vault/vault.schemas';
import type { JobFn } from '../../../workers/job';
import { exportKdbx } from './kdbx';

/**
 * The `vault.export.kdbx` worker job: the KDBX file is built (Argon2id, XML, gzip, AES) in a worker
 * thread, so a 100,000-item export never stalls main. Main reads the items and writes the file.
 */
export interface ExportKdbxJobInput {
  items: ImportedItem[];
  password: string;
  name?: string;
}

export const exportKdbxJob: JobFn<ExportKdbxJobInput, Uint8Array> = (input, ctx) => {
  // One coarse report (the Argon2id step dominates and cannot report): the tray knows the worker has started.
  ctx.progress(0, input.items.length);
  return exportKdbx(input.items, { password: input.password, name: input.name });
};

/** 100,000 items take about 10 s of CPU and 450 MB; leave room on a slow, busy machine. */
export const EXPORT_JOB_LIMITS = { maxOldGenerationSizeMb: 1536, timeoutMs: 300_000 } as const;
