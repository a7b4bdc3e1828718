import path from 'node:path';
import { PassThrough } from 'node:stream';
import type { z } from 'zod';
import type { ExportInput, ExportResult, VerifyResult } from '../../../src-shared/domains/email/email.schemas';
import type { CallContext } from '../../../src-shared/ipc/define';
import { AppError } from '../../../src-shared/ipc/result';
import { newId } from '../../lib/ids';
import type { EmailCore } from './email-core';
import { diskSink, ZIP_MAX_BYTES, ZIP_MAX_ENTRIES, zipSink } from './email-export-sinks';
import { exportFolders, exportTotals } from './email-export-source';
import { writeExport } from './email-export-write';
import { createPacks } from './email-packs';
import type { EmailHandlers } from './email-parts';
import { createPdf } from './email-pdf';

type ExportHandlers = Pick<EmailHandlers, 'export' | 'pdf' | 'verify'>;

const VERIFY_PAGE = 500;

/**
 * Lossless export (an .eml tree, or one mbox per folder: email-export-write.ts) into a folder on this computer (CLI and
 * tests only) or as one ZIP download through the encrypted file store; a PDF of a message or thread (email-pdf.ts);
 * and the integrity check of every stored message against its SHA-256.
 */
export function createExport(core: EmailCore): { handlers: ExportHandlers } {
  const { ctx } = core;

  async function toFolder(input: z.output<typeof ExportInput>, dest: string, call: CallContext): Promise<z.input<typeof ExportResult>> {
    if (call.transport !== 'cli' && call.transport !== 'test') {
      throw new AppError('FORBIDDEN', 'Only the command line can export into a folder; the app gets one ZIP download.');
    }
    const root = path.resolve(dest);
    const profiles = path.resolve(ctx.host.profiles.store.root);
    // SECURITY: the export is plaintext; it never goes inside the profile folder, which holds only encrypted data.
    if (root === profiles || root.startsWith(profiles + path.sep)) {
      throw new AppError('FORBIDDEN', 'Export into a folder outside the Hearth profile folder: the exported messages are not encrypted.');
    }
    const folders = await exportFolders(ctx.db(), input.folderIds);
    const counts = await writeExport(core, input.format, folders, diskSink(root, { sync: (rel) => rel.endsWith('.mbox') }));
    return { ...counts, dest: root, download: null };
  }

  async function toZip(input: z.output<typeof ExportInput>): Promise<z.input<typeof ExportResult>> {
    const folders = await exportFolders(ctx.db(), input.folderIds);
    const totals = await exportTotals(
      ctx.db(),
      folders.map((f) => f.id),
    );
    if (totals.bytes > ZIP_MAX_BYTES || (input.format === 'eml' && totals.items > ZIP_MAX_ENTRIES)) {
      throw new AppError(
        'TOO_LARGE',
        'The export is too large for one ZIP download (4 GiB, 65,535 files): export fewer folders, or use the CLI (hearth mail export DIR).',
      );
    }
    const out = new PassThrough({ highWaterMark: 1 << 20 });
    const sink = zipSink(out, new Date(ctx.now()));
    const name = `hearth-mail-${input.format}-${new Date(ctx.now()).toISOString().slice(0, 10)}.zip`;
    const owner = { ownerDomain: 'email', ownerTable: 'exports', ownerId: newId(), role: 'export' };
    const published = ctx.host.blobs().publish(out, { name, mime: 'application/zip', owner });
    // The store reads while the export writes; a failure on either side ends both.
    published.catch((err: unknown) => out.destroy(err instanceof Error ? err : new Error(String(err))));
    let counts;
    try {
      counts = await writeExport(core, input.format, folders, sink);
      await sink.end();
      out.end();
    } catch (err) {
      out.destroy(err instanceof Error ? err : new Error(String(err)));
      await published.catch(() => undefined);
      throw err;
    }
    const p = await published;
    return { ...counts, dest: null, download: { blobId: p.blobId, url: p.url, ticket: p.ticket, name, expiresAt: p.expiresAt } };
  }

  async function verify(): Promise<z.input<typeof VerifyResult>> {
    // Its own pack reader: what the module's cache holds was checked when it was read, not now.
    const packs = createPacks(() => ctx.host.blobs().store);
    const bad: { id: string; reason: string }[] = [];
    let checked = 0;
    let after = '';
    for (;;) {
      const rows = await ctx
        .db()
        .selectFrom('email_messages')
        .select(['id', 'sha256', 'pack_id', 'pack_offset', 'pack_length', 'compression'])
        .where('deleted_at', 'is', null)
        .where('id', '>', after)
        .orderBy('id')
        .limit(VERIFY_PAGE)
        .execute();
      for (const r of rows) {
        checked++;
        try {
          await packs.raw({ packId: r.pack_id, offset: r.pack_offset, length: r.pack_length, compression: r.compression, sha256: r.sha256 });
        } catch (err) {
          if (err instanceof AppError && err.code === 'LOCKED') throw err;
          bad.push({ id: r.id, reason: err instanceof AppError ? err.message : 'The stored bytes could not be read.' });
        }
      }
      if (rows.length < VERIFY_PAGE) break;
      after = rows[rows.length - 1]!.id;
    }
    return { checked, bad };
  }

  return {
    handlers: {
      export: (input, call) => (input.dest !== undefined ? toFolder(input, input.dest, call) : toZip(input)),
      pdf: createPdf(core),
      verify: () => verify(),
    },
  };
}
