import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { PassThrough } from 'node:stream';
import { Zip, ZipDeflate } from 'fflate';
import { AppError } from '../../../src-shared/ipc/result';
import { isSafeEntryName } from '../../lib/zip';

/**
 * Where an export's files go, one file at a time and chunk by chunk (constant memory): a folder on this computer
 * (each file written under a temporary name, then renamed into place, so a file is whole or absent), or a
 * streamed ZIP whose bytes go on into the encrypted file store as they are made.
 */
export interface ExportFile {
  write(chunk: Uint8Array): Promise<void>;
  /** Finishes the file (renamed into place / its ZIP entry closed). */
  close(): Promise<void>;
  /** Drops a file that could not be finished. */
  abort(): Promise<void>;
}

export interface ExportSink {
  /** `rel` uses '/' and is already made of safe segments (email-export-names.ts). */
  open(rel: string): Promise<ExportFile>;
}

const WRITE_BYTES = 1 << 20;

/** A folder on this computer; `sync` forces each file to disk before it is renamed into place. */
export function diskSink(dest: string, opts: { sync: (rel: string) => boolean }): ExportSink {
  const root = path.resolve(dest);
  return {
    async open(rel) {
      const target = path.resolve(root, ...rel.split('/'));
      // SECURITY: names are made safe before; this is the last guard against leaving the export folder.
      if (!target.startsWith(root + path.sep)) throw new AppError('INVALID_INPUT', 'An export file name would leave the export folder.');
      await fs.mkdir(path.dirname(target), { recursive: true });
      const temp = `${target}.${randomBytes(6).toString('hex')}.part`;
      const fh = await fs.open(temp, 'wx', 0o600);
      let open = true;
      const shut = async () => {
        if (open) {
          open = false;
          await fh.close();
        }
      };
      // Small messages are gathered into writes of about a megabyte: one system call per message is slow.
      let held: Uint8Array[] = [];
      let heldBytes = 0;
      const flush = async () => {
        const data = held.length === 1 ? held[0]! : Buffer.concat(held);
        held = [];
        heldBytes = 0;
        let done = 0;
        while (done < data.byteLength) done += (await fh.write(data, done, data.byteLength - done)).bytesWritten;
      };
      return {
        async write(chunk) {
          held.push(chunk);
          heldBytes += chunk.byteLength;
          if (heldBytes >= WRITE_BYTES) await flush();
        },
        async close() {
          if (heldBytes > 0) await flush();
          if (opts.sync(rel)) await fh.sync();
          await shut();
          await fs.rename(temp, target);
        },
        async abort() {
          await shut().catch(() => undefined);
          await fs.rm(temp, { force: true });
        },
      };
    },
  };
}

/** ZIP (without ZIP64) holds at most 65,535 entries and 4 GiB; a little margin for the headers. */
export const ZIP_MAX_ENTRIES = 65_535;
export const ZIP_MAX_BYTES = 4 * 1024 ** 3 - 64 * 1024 ** 2;

/**
 * A ZIP written into `out` as it is made (deflate level 1: mail is text, speed matters more than the last percent),
 * waiting whenever `out` is full. Call `end()` after the last file.
 */
export function zipSink(out: PassThrough, mtime: Date): ExportSink & { end(): Promise<void> } {
  let pending: Uint8Array[] = [];
  let failed: Error | null = null;
  let written = 0;
  const zip = new Zip((err, data) => {
    if (err) failed = err;
    else pending.push(data);
  });
  const flush = async () => {
    if (failed) throw failed;
    const chunks = pending;
    pending = [];
    for (const c of chunks) {
      written += c.byteLength;
      if (written > ZIP_MAX_BYTES)
        throw new AppError(
          'TOO_LARGE',
          'The export is larger than a ZIP download can hold (4 GiB): export fewer folders, or use the CLI (hearth mail export DIR).',
        );
      if (!out.write(c)) await once(out, 'drain');
    }
  };
  return {
    async open(rel) {
      if (!isSafeEntryName(rel)) throw new AppError('INVALID_INPUT', 'An export file name is not safe inside a ZIP.');
      const entry = new ZipDeflate(rel, { level: 1 });
      entry.mtime = mtime;
      zip.add(entry);
      return {
        async write(chunk) {
          entry.push(chunk);
          await flush();
        },
        async close() {
          entry.push(new Uint8Array(0), true);
          await flush();
        },
        async abort() {
          // A ZIP entry cannot be taken back: the whole export fails and its blob is never published.
        },
      };
    },
    async end() {
      zip.end();
      await flush();
    },
  };
}
