import { exportKdbxJob } from '../domains/vault/export/export-job';
import { parseImportJob } from '../domains/vault/import/parse-job';
import { healthStrengthJob } from '../domains/vault/health.job';
import { renderLabelsJob } from '../domains/batches/labels/labels-render.job';
import { parseJournalImportJob } from '../domains/journal/io/parse-job';
import { extractPdfTextJob } from '../domains/files/files-text.job';
import type { JobFn } from './job';

/**
 * Every job a worker thread can run, by name. The worker entry imports this table; main imports it for
 * types only, so a job's code (parsers, PDF writers) never loads into main for nothing.
 * Adding a job: one line here, with a module that exports a {@link JobFn}.
 */
export const jobs = {
  'vault.import.parse': parseImportJob,
  'vault.export.kdbx': exportKdbxJob,
  'vault.health.strength': healthStrengthJob,
  'batches.labels.render': renderLabelsJob,
  'journal.import.parse': parseJournalImportJob,
  'files.extract.text': extractPdfTextJob,
  /** Echoes its input after `delayMs` of busy work; `fail` throws; used by the pool's own tests. */
  'test.echo': (async (input, ctx) => {
    const started = Date.now();
    const until = started + (input.delayMs ?? 0);
    let step = 0;
    while (Date.now() < until) {
      if (ctx.cancelled()) return { echoed: null, cancelled: true };
      // `steps` progress reports spread over the delay, as a long job sends them.
      const now = Math.floor(((Date.now() - started) / (input.delayMs ?? 1)) * (input.steps ?? 0));
      if (now > step) ctx.progress((step = now), input.steps ?? 0);
    }
    if (input.allocateMiB) {
      const hold: number[][] = [];
      for (let i = 0; i < input.allocateMiB; i++) hold.push(new Array(128 * 1024).fill(i));
    }
    if (input.fail) throw new Error(input.fail);
    ctx.progress(input.steps ?? 1, input.steps ?? 1);
    return { echoed: input.value, cancelled: false };
  }) as JobFn<{ value: unknown; delayMs?: number; steps?: number; fail?: string; allocateMiB?: number }, { echoed: unknown; cancelled: boolean }>,
} satisfies Record<string, JobFn<never, unknown>>;

export type JobName = keyof typeof jobs;
export type JobInput<N extends JobName> = Parameters<(typeof jobs)[N]>[0];
export type JobOutput<N extends JobName> = Awaited<ReturnType<(typeof jobs)[N]>>;
