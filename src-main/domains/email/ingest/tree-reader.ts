import { createReadStream } from 'node:fs';
import { open, opendir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../../../src-shared/ipc/result';
import type { SourceMessage } from '../email-types';
import { detectFormat, type MailFileFormat } from './detect-format';
import { readEmlx, reassemblePartial } from './emlx';
import { readMbox } from './mbox-reader';
import { attachmentKey, attachmentsPrefix, classify, folderOf, isMboxHead, type TreeFileKind } from './tree-folders';

/**
 * The folder-tree reader: `.eml` and `.emlx` files (Apple Mail, `.partial.emlx` reassembled from `Attachments/`)
 * and mbox files inside the tree (Thunderbird's folders). A message's `position` is its file's index in the list
 * sorted by path (`end` = index + 1); all messages of an mbox file share its index, and only the last one has
 * `end` = index + 1, so a resume restarts that file (the importer drops the duplicates). An mbox file's preamble
 * is dropped. `treeFromDisk` gives a folder on this computer the shape uploaded files have.
 */

export interface TreeFile {
  /** Relative to the tree's root, '/'-separated. */
  path: string;
  read(): Promise<Buffer>;
  /** Streams the file (for big mbox files); without it `read()` is used. */
  stream?(): AsyncIterable<Buffer>;
}

export interface ReadTreeOptions {
  /** The file index to start at (a checkpoint). */
  start?: number;
  signal?: AbortSignal;
  /**
   * How to read files whose name says nothing (no known extension, not an mbox): e.g. the format the user chose.
   * Without it such files are skipped, except a tree of one file, which is read as its content says.
   */
  format?: MailFileFormat;
}

/** A file's kind; a file whose name says nothing gets `format`, or what its content says when it is the only one. */
async function kindOf(f: TreeFile, only: boolean, format?: MailFileFormat): Promise<TreeFileKind> {
  const kind = classify(f.path);
  if (kind !== 'other' && kind !== 'maybe-mbox') return kind;
  const chosen = format ?? (only ? detectFormat('', (await f.read()).subarray(0, 4096)) : undefined);
  if (!chosen) return kind;
  return chosen === 'mbox' ? 'maybe-mbox' : chosen;
}

const byPath = (a: TreeFile, b: TreeFile): number => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

/** The tree's files in the order positions refer to (by path, code unit order). */
export function sortTree(files: readonly TreeFile[]): TreeFile[] {
  return [...files].sort(byPath);
}

async function* once(read: () => Promise<Buffer>): AsyncGenerator<Buffer> {
  yield await read();
}

/** The first bytes of a stream (at least 64 unless it is shorter) and the whole stream again. */
async function peek(input: AsyncIterable<Buffer>): Promise<{ head: Buffer; all: AsyncIterable<Buffer> }> {
  const it = input[Symbol.asyncIterator]();
  const first: Buffer[] = [];
  let size = 0;
  let done = false;
  while (size < 64) {
    const r = await it.next();
    if (r.done) {
      done = true;
      break;
    }
    first.push(r.value);
    size += r.value.length;
  }
  async function* all(): AsyncGenerator<Buffer> {
    yield* first;
    if (done) return;
    for (let r = await it.next(); !r.done; r = await it.next()) yield r.value;
  }
  return { head: Buffer.concat(first), all: all() };
}

/** The messages of an mbox file in the tree, all at position `index`; the last one ends the file. */
async function* mboxFile(f: TreeFile, index: number, kind: TreeFileKind, signal?: AbortSignal): AsyncGenerator<SourceMessage> {
  const { head, all } = await peek(f.stream ? f.stream() : once(() => f.read()));
  if (kind === 'maybe-mbox' && !isMboxHead(head)) return;
  const folder = folderOf(f.path, 'mbox');
  let held: SourceMessage | null = null;
  for await (const m of readMbox(all, { signal })) {
    if (held) yield held;
    held = { ...m, position: index, end: index, folder, path: f.path };
  }
  if (held) yield { ...held, end: index + 1 };
}

export async function* readTree(files: readonly TreeFile[], opts: ReadTreeOptions = {}): AsyncGenerator<SourceMessage> {
  const sorted = sortTree(files);
  const attachments = new Map<string, TreeFile>();
  for (const f of sorted) {
    const key = attachmentKey(f.path);
    if (key && !attachments.has(key.prefix + key.part)) attachments.set(key.prefix + key.part, f);
  }
  for (let i = opts.start ?? 0; i < sorted.length; i++) {
    if (opts.signal?.aborted) throw new AppError('CANCELLED', 'The import was cancelled.');
    const f = sorted[i]!;
    const kind = await kindOf(f, sorted.length === 1, opts.format);
    const at = { position: i, end: i + 1, folder: folderOf(f.path, kind), path: f.path };
    if (kind === 'eml') yield { raw: await f.read(), ...at };
    else if (kind === 'emlx') yield { raw: readEmlx(await f.read()).message, ...at };
    else if (kind === 'partial-emlx') {
      const prefix = attachmentsPrefix(f.path);
      const attachment = async (part: string): Promise<Buffer | null> => (await attachments.get(prefix + part)?.read()) ?? null;
      yield { raw: await reassemblePartial(readEmlx(await f.read()).message, attachment), ...at };
    } else if (kind === 'mbox' || kind === 'maybe-mbox') yield* mboxFile(f, i, kind, opts.signal);
  }
}

/** Whether an extension-less file on disk starts like an mbox. */
async function startsLikeMbox(file: string): Promise<boolean> {
  const handle = await open(file, 'r');
  try {
    const head = Buffer.alloc(32);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    return isMboxHead(head.subarray(0, bytesRead));
  } finally {
    await handle.close();
  }
}

/**
 * The mail files under `root` (messages, mbox files and Apple's attachment files), sorted by path; hidden files,
 * symlinks and other files are left out.
 */
export async function treeFromDisk(root: string): Promise<TreeFile[]> {
  const out: TreeFile[] = [];
  const walk = async (dir: string, rel: string): Promise<void> => {
    for await (const entry of await opendir(dir)) {
      if (entry.name.startsWith('.') || entry.isSymbolicLink()) continue;
      const abs = path.join(dir, entry.name);
      const relPath = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) await walk(abs, relPath);
      if (!entry.isFile()) continue;
      const kind = classify(relPath);
      if (kind === 'other' || (kind === 'maybe-mbox' && !(await startsLikeMbox(abs)))) continue;
      out.push({ path: relPath, read: () => readFile(abs), stream: () => createReadStream(abs) });
    }
  };
  await walk(root, '');
  return sortTree(out);
}
