import type { z } from 'zod';
import { readBlobBytes } from '../../blobs/read-blob';
import type { ExportInput, ImportCommitInput, ImportPreview, ImportPreviewInput } from '../../../src-shared/domains/journal/journal.schemas';
import { longDate } from '../../../src-shared/domains/journal/journal-text';
import { AppError } from '../../../src-shared/ipc/result';
import { newId } from '../../lib/ids';
import type { JournalCore } from './journal-core';
import { commitImport, duplicatesOf, fallbackJournalName, notebookNames } from './journal-import-commit';
import { buildBundle } from './journal-export-bundle';
import type { ImportFormat, ParsedImport, SourceFile } from './io/model';

/** A preview waits this long for its commit; only the latest one is kept (its bytes are in memory). */
const PREVIEW_TTL_MS = 30 * 60_000;
const EXPORT_MIME = { markdown: 'application/zip', json: 'application/zip', pdf: 'application/pdf' } as const;

interface Pending {
  id: string;
  parsed: ParsedImport;
  journalId: string | undefined;
  duplicates: Set<string>;
  expiresAt: number;
}

/** Imports (parse in a worker, preview, one-transaction commit) and exports (Markdown zip, JSON zip, PDF). */
export function createJournalIo(core: JournalCore) {
  const { ctx } = core;
  let pending: Pending | null = null;

  const readBlob = (blobId: string): Promise<Uint8Array> => readBlobBytes(ctx.host.blobs().store, blobId);

  async function parse(files: SourceFile[], format: ImportFormat | undefined): Promise<ParsedImport> {
    const { JOURNAL_IMPORT_JOB_LIMITS } = await import('./io/parse-job');
    return ctx.host.jobs.run(
      'Reading the journal import',
      'journal.import.parse',
      { files, options: { format, now: core.iso() } },
      { limits: JOURNAL_IMPORT_JOB_LIMITS },
    );
  }

  return {
    async preview(input: z.output<typeof ImportPreviewInput>): Promise<z.input<typeof ImportPreview>> {
      const target = input.journalId ? await core.assertReadable(input.journalId) : undefined;
      const files: SourceFile[] = [];
      for (const f of input.files) files.push({ path: f.path, bytes: await readBlob(f.blobId) });
      const parsed = await parse(files, input.format);
      files.length = 0; // the input's bytes are no longer needed while the preview waits (only the parse result is)
      const duplicates = await duplicatesOf(ctx, parsed);
      pending = { id: newId(), parsed, journalId: input.journalId, duplicates, expiresAt: ctx.now() + PREVIEW_TTL_MS };
      const perNotebook = new Map<string | null, number>();
      // Into one chosen journal, or one journal per source notebook.
      for (const e of parsed.entries) {
        const key = target ? null : e.notebookSourceId;
        perNotebook.set(key, (perNotebook.get(key) ?? 0) + 1);
      }
      const existing = new Set(
        (await ctx.db().selectFrom('journals').select('name').where('deleted_at', 'is', null).execute()).map((j) => j.name.toLocaleLowerCase()),
      );
      const names = notebookNames(parsed);
      const tags = new Set(parsed.entries.flatMap((e) => e.tags.map((t) => t.toLocaleLowerCase())));
      return {
        previewId: pending.id,
        format: parsed.format,
        journals: [...perNotebook].map(([nb, count]) => {
          const name = target?.name ?? (nb && names.get(nb)) ?? fallbackJournalName(parsed.format);
          return { name, entries: count, existing: existing.has(name.toLocaleLowerCase()) };
        }),
        entries: parsed.entries.length,
        attachments: parsed.attachments.filter((a) => a.bytes !== null).length,
        missingAttachments: parsed.attachments.filter((a) => a.bytes === null).length,
        duplicates: duplicates.size,
        tags: tags.size,
        sample: parsed.entries
          .slice(0, 5)
          .map((e) => ({ title: e.title ?? longDate(e.entryAt.slice(0, 10)), entryDate: e.entryAt.slice(0, 10), tags: e.tags })),
        skipped: parsed.skipped.slice(0, 200),
        warnings: parsed.warnings.slice(0, 50),
      };
    },

    async commit(input: z.output<typeof ImportCommitInput>) {
      const p = pending;
      if (!p || p.id !== input.previewId || p.expiresAt < ctx.now()) {
        throw new AppError('NOT_FOUND', 'That import preview has expired. Choose the file again to preview it.');
      }
      pending = null;
      return commitImport(core, p.parsed, { journalId: p.journalId, skip: input.skipDuplicates ? p.duplicates : new Set() });
    },

    async export(input: z.output<typeof ExportInput>) {
      const bundle = await buildBundle(core, input);
      if (bundle.entries.length === 0) throw new AppError('NOT_FOUND', 'No entries match: nothing to export.');
      const now = new Date(ctx.now());
      const stamp = now.toISOString().slice(0, 10);
      let bytes: Uint8Array;
      let name: string;
      if (input.format === 'markdown') {
        const { exportMarkdownZip } = await import('./io/export-markdown');
        bytes = await exportMarkdownZip(bundle, readBlob, { now });
        name = `hearth-journal-${stamp}.zip`;
      } else if (input.format === 'json') {
        const { exportJsonZip } = await import('./io/export-json');
        bytes = await exportJsonZip(bundle, readBlob, { now });
        name = `hearth-journal-${stamp}-json.zip`;
      } else {
        const { exportPdf } = await import('./io/export-pdf');
        bytes = await exportPdf(bundle, readBlob, { now, from: input.from, to: input.to });
        name = `hearth-journal-${stamp}.pdf`;
      }
      const owner = { ownerDomain: 'journal', ownerTable: 'exports', ownerId: newId(), role: 'export' };
      const published = await ctx.host.blobs().publish([bytes], { name, mime: EXPORT_MIME[input.format], owner });
      return { blobId: published.blobId, url: published.url, ticket: published.ticket, name, entries: bundle.entries.length, expiresAt: published.expiresAt };
    },

    clear(): void {
      pending = null;
    },
  };
}

export type JournalIo = ReturnType<typeof createJournalIo>;
