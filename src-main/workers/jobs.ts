import type { parseBatchJob } from '../domains/email/ingest/parse-job';
import type { extractPdfTextJob } from '../domains/files/files-text.job';
import type { renderLabelsJob } from '../domains/batches/labels/labels-render.job';
import type { parseJournalImportJob } from '../domains/journal/io/parse-job';
import type { exportKdbxJob } from '../domains/vault/export/export-job';
import type { healthStrengthJob } from '../domains/vault/health.job';
import type { parseImportJob } from '../domains/vault/import/parse-job';
import type { JobContext, JobFn } from './job';

/** A job whose code loads when the job first runs: a worker runs one job, so it loads that job's code only. */
const lazy = <F extends JobFn<never, unknown>>(load: () => Promise<F>): F =>
  (async (input: Parameters<F>[0], ctx: JobContext) => (await load())(input as never, ctx)) as F;

/**
 * Every job a worker thread can run, by name. The worker entry imports this table; main imports it for
 * types only, so a job's code (parsers, PDF writers) never loads into main for nothing. Each job's code is
 * a chunk of its own loaded on first use (a worker started ~0.5 s sooner once it stopped loading pdf.js,
 * argon2, libvips and every parser for every job).
 * Adding a job: one line here, with a module that exports a {@link JobFn}.
 */
export const jobs = {
  'vault.import.parse': lazy<typeof parseImportJob>(async () => (await import('../domains/vault/import/parse-job')).parseImportJob),
  'vault.export.kdbx': lazy<typeof exportKdbxJob>(async () => (await import('../domains/vault/export/export-job')).exportKdbxJob),
  'vault.health.strength': lazy<typeof healthStrengthJob>(async () => (await import('../domains/vault/health.job')).healthStrengthJob),
  'batches.labels.render': lazy<typeof renderLabelsJob>(async () => (await import('../domains/batches/labels/labels-render.job')).renderLabelsJob),
  'journal.import.parse': lazy<typeof parseJournalImportJob>(async () => (await import('../domains/journal/io/parse-job')).parseJournalImportJob),
  'files.extract.text': lazy<typeof extractPdfTextJob>(async () => (await import('../domains/files/files-text.job')).extractPdfTextJob),
  'email.parse.batch': lazy<typeof parseBatchJob>(async () => (await import('../domains/email/ingest/parse-job')).parseBatchJob),
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
