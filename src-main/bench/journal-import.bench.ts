import path from 'node:path';
import { Readable } from 'node:stream';
import { packFolder } from '../../src-shared/lib/pack-folder';
import { routerClient } from '../app/router-client';
import { openSqlite } from '../db/connection';
import { workerEntry } from '../lib/worker-pool';
import { benchCore, JOURNAL_GROUP, JOURNAL_PASSWORD } from './journal-bench-core';
import { journalRows, VOCABULARY, type JournalRow } from './journal-data';
import { msSince, timeAsync, timeSync, type Measurement } from './measure';

/**
 * Journal import (issue 9): a Markdown folder of `notes` notes (~1 KiB each, front matter title/created/tags)
 * packed as one uncompressed ZIP and uploaded through one upload ticket (as the dialog and the CLI do), then preview (parse in the worker job,
 * duplicate check) + commit (one write) through the router, as the import dialog does. Peak RSS growth is
 * sampled while preview and commit run; the worker thread's heap is inside this process's RSS.
 * Baseline: the same rows with one prepared INSERT in one transaction into a plain FTS5 table.
 */
export const IMPORT_TARGET_MS = 3000;
export const IMPORT_RSS_TARGET_MIB = 200;
const PLAIN_SCHEMA = `CREATE VIRTUAL TABLE notes USING fts5(title, body, tags, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')`;

const tagsOf = (i: number): string[] => [VOCABULARY[i % 40]!, VOCABULARY[100 + (i % 300)]!];

/** The folder as a picker hands it over: `notes/00042.md`, YAML front matter, then the body. */
export function markdownNotes(rows: JournalRow[]): { path: string; bytes: Buffer }[] {
  return rows.map((r, i) => ({
    path: `notes/${String(i).padStart(5, '0')}.md`,
    bytes: Buffer.from(`---\ntitle: ${r.title.trim()}\ncreated: ${r.created_at}\ntags: [${tagsOf(i).join(', ')}]\n---\n\n${r.body}\n`),
  }));
}

/** Peak RSS while running; sampled every 10 ms (a synchronous stretch longer than that can hide a short peak). */
function rssSampler(): { stop: () => { startMiB: number; peakMiB: number } } {
  const start = process.memoryUsage().rss;
  let peak = start;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
  return {
    stop: () => {
      clearInterval(timer);
      peak = Math.max(peak, process.memoryUsage().rss);
      return { startMiB: start / 2 ** 20, peakMiB: peak / 2 ** 20 };
    },
  };
}

function plainBaseline(file: string, rows: JournalRow[]): number {
  const db = openSqlite(file, { keyPragma: null, label: 'journal-import-plain.db', create: true });
  try {
    db.exec(PLAIN_SCHEMA);
    const insert = db.prepare('INSERT INTO notes (title, body, tags) VALUES (?, ?, ?)');
    const all = db.transaction(() => rows.forEach((r, i) => insert.run(r.title, r.body, JSON.stringify(tagsOf(i)))));
    return timeSync(all);
  } finally {
    db.close();
  }
}

export async function benchJournalImport(root: string, notes: number): Promise<{ measurements: Measurement[]; notes: string[] }> {
  workerEntry(); // the parse runs in the worker job: fails here, clearly, when dist/main/worker.cjs was not built
  const rows = journalRows(0, notes, 5);
  const files = markdownNotes(rows);
  const core = benchCore(root);
  const client = routerClient(core, 'cli');
  try {
    await client.profile.create({ name: 'Journal import bench', password: JOURNAL_PASSWORD });
    const hub = core.blobs();
    const uploaded: { path: string; blobId: string }[] = [];
    // The folder as the import dialog and the CLI send it: one uncompressed ZIP, one upload ticket.
    const uploadMs = await timeAsync(async () => {
      const zip = Buffer.from(packFolder(files));
      const t = await client.blobs.uploadTicket({ maxBytes: zip.length });
      uploaded.push({ path: 'notes.zip', blobId: (await hub.upload(t.ticket, Readable.from([zip]))).id });
    });
    const rss = rssSampler();
    const started = process.hrtime.bigint();
    const preview = await client.journal.importPreview({ files: uploaded });
    const previewMs = msSince(started);
    const result = await client.journal.importCommit({ previewId: preview.previewId, skipDuplicates: true });
    const importMs = msSince(started);
    const mem = rss.stop();
    if (result.entries !== notes) throw new Error(`journal import bench: ${result.entries} of ${notes} notes were imported`);
    const baselineMs = plainBaseline(path.join(root, 'plain.db'), rows);
    const growth = mem.peakMiB - mem.startMiB;
    const n = notes.toLocaleString('en-US');
    return {
      measurements: [
        { group: JOURNAL_GROUP, name: `upload ${n} notes as one folder ZIP (not in the import time)`, value: uploadMs, unit: 'ms' },
        { group: JOURNAL_GROUP, name: `import ${n} Markdown notes: preview (worker parse, duplicate check)`, value: previewMs, unit: 'ms' },
        {
          group: JOURNAL_GROUP,
          name: `import ${n} Markdown notes: preview + commit (baseline: plain FTS5 INSERTs, one txn)`,
          value: importMs,
          unit: 'ms',
          baseline: baselineMs,
          ratio: baselineMs / importMs,
          target: `< ${IMPORT_TARGET_MS} ms`,
          pass: importMs < IMPORT_TARGET_MS,
        },
        {
          group: JOURNAL_GROUP,
          name: `import ${n} notes: peak RSS growth (process + worker; ${mem.peakMiB.toFixed(0)} MiB peak)`,
          value: growth,
          unit: 'MiB',
          target: `< ${IMPORT_RSS_TARGET_MIB} MiB`,
          pass: growth < IMPORT_RSS_TARGET_MIB,
        },
      ],
      notes: [
        `journal import: ${(files.reduce((s, f) => s + f.bytes.length, 0) / 2 ** 20).toFixed(1)} MiB of Markdown; RSS ${mem.startMiB.toFixed(0)} MiB before the preview.`,
      ],
    };
  } finally {
    core.shutdown();
  }
}
