import { timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { ExportInput, ImportCommitInput, ImportPreview, ImportPreviewInput } from '../../../src-shared/domains/vault/vault.schemas';
import { ItemInput, type ImportedItem, type ItemType } from '../../../src-shared/domains/vault/vault.schemas';
import { AppError } from '../../../src-shared/ipc/result';
import { formatMiB, MAX_IMPORT_BYTES } from '../../../src-shared/lib/limits';
import type { BlobHub } from '../../blobs/blob-hub';
import { decryptFile, encryptFile, isEncryptedFile } from '../../crypto/encrypted-file';
import type { KdfCost } from '../../crypto/kdf';
import type { FilePort } from '../../lib/file-port';
import { newId } from '../../lib/ids';
import { exportBitwardenJson } from './export/bitwarden-json';
import { exportCsv } from './export/csv';
import { EXPORT_JOB_LIMITS } from './export/export-job';
import { findDuplicates, type ImportParseResult } from './import';
import { IMPORT_JOB_LIMITS } from './import/parse-job';
import type { JobTracker } from '../../platform/jobs/job-tracker';
import type { VaultItems } from './vault-items';

const PENDING_TTL_MS = 30 * 60_000;
const HEARTH_KIND = 'hearth-vault';

interface Pending {
  fileName: string;
  items: ImportedItem[];
  duplicates: Set<number>;
  skipped: number;
  expiresAt: number;
}

export interface VaultIoDeps {
  items: VaultItems;
  verifyPassword: (password: string) => Promise<void>;
  files?: FilePort;
  /** Argon2id cost for encrypted exports (the profile's cost). */
  exportKdfCost: KdfCost;
  /** The profile's file store (host.blobs()): exports without a save dialog are handed over as a blob. */
  blobs: () => Pick<BlobHub, 'publish'>;
  /** Parsing and KDBX building run as cancellable jobs that the jobs tray shows (host.jobs). */
  jobs: JobTracker;
  now?: () => number;
}

/** The file password of an encrypted export: required, and not the master password. */
function checkedExportPassword(input: z.output<typeof ExportInput>): string {
  const pw = input.exportPassword ?? '';
  const issue = (message: string) => new AppError('INVALID_INPUT', message, { issues: [{ path: 'exportPassword', message }] });
  if (pw === '') throw issue('Choose a password for the export file (not your master password).');
  const a = Buffer.from(pw, 'utf8');
  const b = Buffer.from(input.password, 'utf8');
  if (a.length === b.length && timingSafeEqual(a, b)) throw issue('Use a different password for the export file than your master password.');
  return pw;
}

const HearthExport = z.strictObject({
  format: z.literal(HEARTH_KIND),
  version: z.literal(1),
  items: z
    .array(
      z.strictObject({
        item: ItemInput,
        passwordHistory: z.array(z.strictObject({ password: z.string().max(1024), changedAt: z.string().max(40) })).max(1000),
        createdAt: z.string().max(40).optional(),
        updatedAt: z.string().max(40).optional(),
      }),
    )
    .max(100_000),
});

/**
 * Import (dry-run preview, then one-transaction commit) and export. Parsed imports are held in main
 * memory only, keyed by a random id, and dropped on lock; no plaintext temporary file is ever written.
 */
export function createVaultIo(deps: VaultIoDeps) {
  const clock = deps.now ?? Date.now;
  const pending = new Map<string, Pending>();

  async function readSource(input: z.output<typeof ImportPreviewInput>): Promise<{ fileName: string; bytes: Buffer }> {
    if (input.file) {
      const bytes = Buffer.from(input.file.contentBase64, 'base64');
      if (bytes.length > MAX_IMPORT_BYTES) throw new AppError('TOO_LARGE', `Import files are limited to ${formatMiB(MAX_IMPORT_BYTES)}.`);
      return { fileName: input.file.fileName, bytes };
    }
    if (!deps.files) throw new AppError('INVALID_INPUT', 'Choose a file to import.');
    const picked = await deps.files.pickOpen({
      title: 'Import into the vault',
      extensions: ['json', 'csv', 'kdbx', 'xml', '1pux', 'hearth'],
      maxBytes: MAX_IMPORT_BYTES,
    });
    if (!picked) throw new AppError('NOT_FOUND', 'No file was chosen.');
    return picked;
  }

  async function parse(
    bytes: Buffer,
    input: z.output<typeof ImportPreviewInput>,
    fileName: string,
  ): Promise<ImportParseResult | { format: 'hearth'; items: ImportedItem[]; skipped: []; folders: string[]; warnings: []; attachments: [] }> {
    if (input.format === 'hearth' || (input.format === 'auto' && isEncryptedFile(bytes))) {
      if (!input.sourcePassword) throw new AppError('WRONG_PASSWORD', 'This Hearth export is encrypted: enter its password.');
      const { kind, plaintext } = await decryptFile(bytes, input.sourcePassword);
      if (kind !== HEARTH_KIND) throw new AppError('INVALID_INPUT', 'This Hearth file is not a vault export.');
      let json: unknown;
      try {
        json = JSON.parse(plaintext.toString('utf8'));
      } finally {
        plaintext.fill(0);
      }
      const parsed = HearthExport.safeParse(json);
      if (!parsed.success) throw new AppError('INVALID_INPUT', 'This Hearth export has items Hearth cannot read.');
      const items = parsed.data.items as ImportedItem[];
      return {
        format: 'hearth',
        items,
        skipped: [],
        folders: [...new Set(items.map((i) => i.item.folder).filter(Boolean))].sort(),
        warnings: [],
        attachments: [],
      };
    }
    // SECURITY: untrusted files are parsed in a worker thread with heap, time and inflate limits (bombs).
    const keyFile = input.keyFile ? Buffer.from(input.keyFile.contentBase64, 'base64') : undefined;
    try {
      const options = { format: input.format === 'auto' ? 'auto' : input.format, password: input.sourcePassword, fileName, keyFile } as const;
      return await deps.jobs.run('Reading the import file', 'vault.import.parse', { bytes, options }, { limits: IMPORT_JOB_LIMITS });
    } finally {
      keyFile?.fill(0);
    }
  }

  async function existingKeys() {
    const keys = [];
    for (const s of await deps.items.allLive()) {
      keys.push({ title: s.title, username: s.subtitle, url: s.urls[0] ?? '' });
    }
    return keys;
  }

  return {
    async importPreview(input: z.output<typeof ImportPreviewInput>): Promise<ImportPreview> {
      const { fileName, bytes } = await readSource(input);
      const result = await parse(bytes, input, fileName);
      bytes.fill(0);
      const duplicates = new Set(findDuplicates(result.items, await existingKeys()));
      const importId = newId();
      for (const [id, p] of pending) if (p.expiresAt < clock()) pending.delete(id);
      pending.set(importId, { fileName, items: result.items, duplicates, skipped: result.skipped.length, expiresAt: clock() + PENDING_TTL_MS });
      const byType: Partial<Record<ItemType, number>> = {};
      for (const i of result.items) byType[i.item.type] = (byType[i.item.type] ?? 0) + 1;
      return {
        importId,
        fileName,
        format: result.format,
        total: result.items.length,
        byType,
        duplicates: duplicates.size,
        folders: result.folders,
        skipped: result.skipped.slice(0, 500).map((s) => ({ row: String(s.row), reason: s.reason })),
        warnings: result.warnings,
        attachments: result.attachments.slice(0, 500),
        sample: result.items.slice(0, 50).map((i, n) => ({
          title: i.item.title,
          type: i.item.type,
          subtitle: i.item.login?.username ?? i.item.card?.brand ?? '',
          duplicate: duplicates.has(n),
        })),
      };
    },

    async importCommit(input: z.output<typeof ImportCommitInput>) {
      const p = pending.get(input.importId);
      if (!p || p.expiresAt < clock()) throw new AppError('NOT_FOUND', 'This import preview has expired; choose the file again.');
      pending.delete(input.importId);
      // The preview's duplicate count is advice; the commit checks again inside its write transaction.
      const { ids } = await deps.items.importItems(p.items, input.skipDuplicates);
      return { imported: ids.length, skipped: p.items.length - ids.length + p.skipped };
    },

    async export(input: z.output<typeof ExportInput>) {
      // SECURITY: exporting is a sensitive action: a fresh master-password re-prompt, checked in main.
      await deps.verifyPassword(input.password);
      const plaintextFormat = input.format === 'bitwarden-json' || input.format === 'csv';
      if (plaintextFormat && !input.acknowledgePlaintext) {
        throw new AppError('INVALID_INPUT', 'This format is not encrypted: anyone who gets the file can read every password. Confirm to continue.');
      }
      // SECURITY: an export file is attacked offline, at its own (KDBX: weaker) KDF settings, so it must not
      // be a second, cheaper copy of the master password: encrypted exports need a different file password.
      const filePassword = plaintextFormat ? '' : checkedExportPassword(input);
      const all: ImportedItem[] = [];
      for await (const { row, item, passwordHistory } of deps.items.allPlain()) {
        all.push({ item, passwordHistory, createdAt: row.created_at, updatedAt: row.updated_at });
      }
      const stamp = new Date(clock()).toISOString().slice(0, 10);
      let bytes: Buffer;
      let fileName: string;
      switch (input.format) {
        case 'hearth':
          bytes = await encryptFile(
            Buffer.from(JSON.stringify({ format: HEARTH_KIND, version: 1, items: all })),
            filePassword,
            HEARTH_KIND,
            deps.exportKdfCost,
          );
          fileName = `hearth-vault-${stamp}.hearth`;
          break;
        case 'kdbx':
          // Built in a worker thread: 100,000 items take seconds of CPU that main must not spend.
          bytes = Buffer.from(
            await deps.jobs.run(
              `Exporting ${all.length.toLocaleString('en-US')} ${all.length === 1 ? 'item' : 'items'} to KDBX`,
              'vault.export.kdbx',
              {
                items: all,
                password: filePassword,
                name: 'Hearth',
              },
              { limits: EXPORT_JOB_LIMITS },
            ),
          );
          fileName = `hearth-vault-${stamp}.kdbx`;
          break;
        case 'bitwarden-json':
          bytes = Buffer.from(exportBitwardenJson(all), 'utf8');
          fileName = `hearth-vault-${stamp}-bitwarden.json`;
          break;
        case 'csv':
          bytes = Buffer.from(exportCsv(all, { mode: 'spreadsheet-safe' }), 'utf8');
          fileName = `hearth-vault-${stamp}.csv`;
          break;
      }
      if (deps.files) {
        const savedTo = await deps.files.save({ title: 'Export the vault', defaultName: fileName, bytes });
        bytes.fill(0);
        if (!savedTo) throw new AppError('NOT_FOUND', 'The export was cancelled.');
        return { fileName: savedTo, items: all.length, blobId: null, url: null, expiresAt: null, savedTo };
      }
      // No dialog (browser mode, CLI, tests): the file becomes a temporary stored blob, downloaded by ticket.
      // SECURITY: encrypted at rest like every blob; its 'export' ref lapses after an hour and collection then
      // deletes it; the ticket dies on lock. The bytes are wiped here once stored (docs/security.md#export-files).
      try {
        const mime = input.format === 'csv' ? 'text/csv' : input.format === 'bitwarden-json' ? 'application/json' : 'application/octet-stream';
        const owner = { ownerDomain: 'vault', ownerTable: 'exports', ownerId: newId(), role: 'export' };
        const published = await deps.blobs().publish([bytes], { name: fileName, mime, owner });
        return { fileName, items: all.length, blobId: published.blobId, url: published.url, expiresAt: published.expiresAt, savedTo: null };
      } finally {
        bytes.fill(0);
      }
    },

    reset() {
      pending.clear();
    },
  };
}

export type VaultIo = ReturnType<typeof createVaultIo>;
