/**
 * File imports (issue 12): mbox files and .eml/.emlx trees, from a path (CLI, tests) or uploaded blobs. Runs with
 * checkpoints, pause, cancel and resume (email-import-run.ts); the parse-and-store path shared with IMAP
 * (email-ingest.ts); and a preview that reads and parses the source like an import but stores nothing.
 */
import path from 'node:path/posix';
import type { ImportPreview } from '../../../src-shared/domains/email/email.schemas';
import { normaliseFolder, type EmailCore } from './email-core';
import { existingIds, identity } from './email-ingest-store';
import { batchesOf, createIngest, parseBatch, parserOf } from './email-ingest';
import { createRuns } from './email-import-run';
import { openSource, originOf } from './email-import-source';
import type { EmailHandlers, Ingest } from './email-parts';
import type { SourceMessage } from './email-types';

type ImportHandlers = Pick<EmailHandlers, 'importPreview' | 'importStart' | 'importRuns' | 'importPause' | 'importResume' | 'importCancel'>;

const SAMPLE = 5;

/** A Date header's instant as ISO, null when missing or out of range. */
const isoOf = (ms: number | null): string | null => (ms !== null && Math.abs(ms) <= 8.64e15 ? new Date(ms).toISOString() : null);

export function createImport(core: EmailCore): Ingest & { handlers: ImportHandlers; onUnlock(): Promise<void>; clear(): void } {
  const runs = createRuns(core);

  const handlers: ImportHandlers = {
    async importPreview(input, call) {
      const src = await openSource(core, originOf(input.source, call), input.format);
      const out: ImportPreview = { format: src.kind, messages: 0, duplicates: 0, unparsed: [], folders: [], bytes: 0, sample: [] };
      const seen = new Set<string>();
      const reasons = new Map<string, number>();
      const folders = new Map<string, number>();
      const base = input.folder ?? src.defaultFolder;
      await core.ctx.host.jobs.track(`Reading ${src.name}`, 0, async (job) => {
        const parse = parserOf(job);
        const count = async (batch: SourceMessage[]): Promise<void> => {
          const records = await parseBatch(parse, batch);
          const known = await existingIds(core.ctx.db(), records);
          records.forEach((r, i) => {
            const key = identity(r);
            out.messages += 1;
            out.bytes += r.size;
            if (known.has(key) || seen.has(key)) out.duplicates += 1;
            seen.add(key);
            if (r.parsed.status === 'unparsed') reasons.set(r.parsed.error, (reasons.get(r.parsed.error) ?? 0) + 1);
            const folder = normaliseFolder(path.join(base, batch[i]!.folder));
            folders.set(folder, (folders.get(folder) ?? 0) + 1);
            if (out.sample.length < SAMPLE) {
              const p = r.parsed;
              out.sample.push({ subject: p.subject, from: p.from.name || p.from.address, date: isoOf(p.dateMs) });
            }
          });
        };
        for await (const batch of batchesOf(src.messages(0, job.signal))) await count(batch);
      });
      if (src.kind === 'mbox') out.bytes = src.total;
      out.unparsed = [...reasons].map(([reason, n]) => ({ reason, count: n }));
      out.folders = [...folders].map(([p, n]) => ({ path: p, messages: n }));
      return out;
    },

    importStart: (input, call) => runs.start(originOf(input.source, call), { format: input.format, folder: input.folder, wait: input.wait }),
    importRuns: () => runs.list(),
    importPause: (input) => runs.pause(input.id),
    importResume: (input) => runs.resume(input.id),
    importCancel: (input) => runs.cancel(input.id),
  };

  return { ...createIngest(core), handlers, onUnlock: () => runs.onUnlock(), clear: () => runs.clear() };
}
