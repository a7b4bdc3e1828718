import { createHash } from 'node:crypto';
import type { EmailCore } from './email-core';
import { emlName, folderPaths } from './email-export-names';
import type { ExportFile, ExportSink } from './email-export-sinks';
import { folderItems, type ExportFolder, type ExportItem } from './email-export-source';
import { mboxFromLine, writeMboxMessage } from './ingest/mbox-quote';

/**
 * Writes the chosen folders into a sink (email-export-sinks.ts), one message at a time:
 * - eml: `<folder path>/<NNNNNN> <subject>.eml` per message of the folder (a message in two folders is in both),
 *   the file's bytes = the stored original bytes exactly;
 * - mbox: `<folder path>.mbox` per folder, its messages in provenance order. A message that came from an mbox gets
 *   its From_ line, its segment (as stored, or the bytes quoted again) and the bytes that followed it, and the
 *   source's preamble goes before its first message, so a folder imported from one mbox file is written back as
 *   that file, byte for byte. Messages from .eml files or IMAP get a made-up From_ line and a "\n" after them.
 * Every message's bytes are hashed here again and compared with the stored SHA-256 before they count as verified.
 */
export interface ExportCounts {
  messages: number;
  files: number;
  bytes: number;
  verified: number;
}

export async function writeExport(core: EmailCore, format: 'eml' | 'mbox', folders: readonly ExportFolder[], sink: ExportSink): Promise<ExportCounts> {
  const counts: ExportCounts = { messages: 0, files: 0, bytes: 0, verified: 0 };
  const db = core.ctx.db();
  const rels = folderPaths(folders.map((f) => f.path));

  const original = async (item: ExportItem): Promise<Buffer> => {
    const raw = await core.packs.raw({
      packId: item.packId,
      offset: item.packOffset,
      length: item.packLength,
      compression: item.compression,
      sha256: item.sha256,
    });
    if (createHash('sha256').update(raw).digest('hex') === item.sha256) counts.verified++;
    return raw;
  };
  const put = async (file: ExportFile, chunk: Uint8Array) => {
    if (chunk.byteLength === 0) return;
    await file.write(chunk);
    counts.bytes += chunk.byteLength;
  };
  /** Writes into a file, dropping it when anything fails. */
  const withFile = async (rel: string, fill: (file: ExportFile) => Promise<void>) => {
    const file = await sink.open(rel);
    try {
      await fill(file);
      await file.close();
    } catch (err) {
      await file.abort();
      throw err;
    }
    counts.files++;
  };

  for (const [i, folder] of folders.entries()) {
    const rel = rels[i]!;
    if (format === 'eml') {
      const seen = new Set<string>();
      for await (const item of folderItems(db, folder.id)) {
        if (seen.has(item.messageId)) continue;
        seen.add(item.messageId);
        const raw = await original(item);
        await withFile(`${rel}/${emlName(seen.size, item.subject)}`, (file) => put(file, raw));
        counts.messages++;
      }
      continue;
    }
    const items = folderItems(db, folder.id);
    const first = await items.next();
    if (first.done) continue;
    await withFile(`${rel}.mbox`, async (file) => {
      let next: IteratorResult<ExportItem> = first;
      for (; !next.done; next = await items.next()) {
        const item = next.value;
        const raw = await original(item);
        // mbox bytes kept in text columns are latin1, one character per byte (ingest/mbox-quote.ts).
        if (item.preamble !== '') await put(file, Buffer.from(item.preamble, 'latin1'));
        for (const chunk of await mboxChunks(core, item, raw)) await put(file, chunk);
        counts.messages++;
      }
    });
  }
  return counts;
}

/** The bytes of one message in an mbox file: From_ line, the (quoted or stored) segment, and what followed it. */
async function mboxChunks(core: EmailCore, item: ExportItem, raw: Buffer): Promise<Buffer[]> {
  if (item.fromLine === '') {
    return writeMboxMessage({ raw, ...mboxFromLine(item.fromAddr, item.dateMs) });
  }
  const segment = item.segment ? await core.packs.record(item.segment) : undefined;
  return writeMboxMessage({ raw, fromLine: item.fromLine, separator: item.separator, segment });
}
