/**
 * Where a file import's messages come from (issue 12): a path on this computer (CLI and tests only) or uploaded
 * blobs, opened as an mbox stream from a byte offset or as a tree of .eml/.emlx files from a file index, so
 * that a run resumes at its checkpoint. Never reads a mail format itself: the readers in ingest/ do.
 */
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import type { ImportFormat, ImportSource } from '../../../src-shared/domains/email/email.schemas';
import { AppError } from '../../../src-shared/ipc/result';
import type { CallContext } from '../../../src-shared/ipc/define';
import { readBlobBytes } from '../../blobs/read-blob';
import type { EmailCore } from './email-core';
import type { SourceMessage } from './email-types';
import { detectFormat } from './ingest/detect-format';
import { readMbox } from './ingest/mbox-reader';
import { readTree, treeFromDisk, type TreeFile } from './ingest/tree-reader';

/** What a run stores in `origin_json`: enough to open the source again after a restart. */
export type Origin = { path: string } | { blobIds: string[]; paths: string[] };

export interface OpenedSource {
  kind: ImportFormat;
  /** The file or folder name (the `email_sources` name). */
  name: string;
  /** The archive folder when the user names none: an mbox's file name without its extension, '' for a tree. */
  defaultFolder: string;
  /** Bytes of an mbox, files of a tree: the unit of checkpoints. */
  total: number;
  /** The messages from `start` (a byte offset at a From_ line, or a file index) on. */
  messages(start: number, signal: AbortSignal, onPreamble?: (bytes: Buffer) => void): AsyncIterable<SourceMessage>;
}

/** The origin of an import's source; a path only from the CLI and tests (FORBIDDEN otherwise). */
export function originOf(source: z.output<typeof ImportSource>, call: CallContext): Origin {
  if (source.kind === 'upload') return { blobIds: source.files.map((f) => f.blobId), paths: source.files.map((f) => f.path) };
  if (call.transport !== 'cli' && call.transport !== 'test') {
    throw new AppError('FORBIDDEN', 'The app imports files by uploading them; paths on this computer are accepted from the command line only.');
  }
  return { path: path.resolve(source.path) };
}

/** Opens a source; `format` forces the reader, otherwise it is told by the name and first bytes. */
export async function openSource(core: EmailCore, origin: Origin, format?: ImportFormat): Promise<OpenedSource> {
  return 'path' in origin ? openPath(origin.path, format) : openUpload(core, origin, format);
}

async function openPath(file: string, format?: ImportFormat): Promise<OpenedSource> {
  const stat = await fs.stat(file).catch(() => {
    throw new AppError('NOT_FOUND', `There is no file or folder at ${file}.`);
  });
  const name = path.basename(file);
  if (stat.isDirectory()) return tree(name, await treeFromDisk(file));
  const kind = format ?? detectFormat(name, await head(createReadStream(file, { end: 4095 })));
  if (kind !== 'mbox') return tree(name, [{ path: name, read: () => fs.readFile(file) }], kind);
  return mbox(name, stat.size, (start) => createReadStream(file, { start, highWaterMark: 1 << 20 }));
}

async function openUpload(core: EmailCore, origin: { blobIds: string[]; paths: string[] }, format?: ImportFormat): Promise<OpenedSource> {
  const store = core.ctx.host.blobs().store;
  const files: TreeFile[] = origin.blobIds.map((blobId, i) => ({
    path: origin.paths[i] ?? blobId,
    read: async () => {
      const bytes = await readBlobBytes(store, blobId);
      return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    },
    // An mbox inside an uploaded folder (Thunderbird) is streamed, never read whole.
    async *stream() {
      yield* await store.open(blobId);
    },
  }));
  const first = origin.blobIds[0]!;
  const name = path.basename(files[0]!.path);
  const kind = format ?? (files.length === 1 ? detectFormat(name, await head(await store.open(first))) : undefined);
  if (files.length > 1 || kind !== 'mbox') return tree(files.length === 1 ? name : commonRoot(files.map((f) => f.path)), files, kind);
  const size = (await store.get(first)).size;
  return mbox(name, size, async (start) => skipBytes(await store.open(first), start));
}

function mbox(name: string, total: number, open: (start: number) => AsyncIterable<Buffer> | Promise<AsyncIterable<Buffer>>): OpenedSource {
  return {
    kind: 'mbox',
    name,
    defaultFolder: path.parse(name).name || name,
    total,
    async *messages(start, signal, onPreamble) {
      yield* readMbox(await open(start), { start, signal, onPreamble });
    },
  };
}

function tree(name: string, files: TreeFile[], kind?: ImportFormat): OpenedSource {
  const emlx = files.some((f) => /\.emlx$/i.test(f.path));
  return {
    kind: kind === 'emlx' || emlx ? 'emlx' : 'eml',
    name,
    defaultFolder: '',
    total: files.length,
    messages: (start, signal) => readTree(files, { start, signal }),
  };
}

/** The first bytes of a stream (for format detection); the stream is closed after. */
async function head(stream: AsyncIterable<Buffer> & { destroy?: () => void }): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of stream) {
    chunks.push(c);
    size += c.length;
    if (size >= 4096) break;
  }
  stream.destroy?.();
  return Buffer.concat(chunks).subarray(0, 4096);
}

/** The stream without its first `n` bytes (a blob cannot be opened at an offset). */
async function* skipBytes(stream: AsyncIterable<Buffer>, n: number): AsyncGenerator<Buffer> {
  let left = n;
  for await (const c of stream) {
    if (left >= c.length) {
      left -= c.length;
      continue;
    }
    yield left > 0 ? c.subarray(left) : c;
    left = 0;
  }
}

/** The uploaded folder's own name when every path starts with it ('Mail/a.eml', 'Mail/b/c.eml' → 'Mail'). */
function commonRoot(paths: string[]): string {
  const first = paths[0]?.split('/')[0] ?? '';
  return paths.every((p) => p.split('/').length > 1 && p.split('/')[0] === first) ? first : 'Upload';
}
