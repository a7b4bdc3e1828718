/**
 * File import runs (issue 12): a run reads its source from the checkpoint on, parses batches in workers (two at
 * once, while the previous batch is stored) and stores each batch with the new checkpoint in one write, so
 * pause, cancel, a lock or a crash leave the archive and the checkpoint in step. A run still 'running' when a
 * profile opens was interrupted: it becomes 'paused', and resuming it (or importing the same file again)
 * continues where it stopped.
 */
import { AppError } from '../../../src-shared/ipc/result';
import type { ImportRun } from '../../../src-shared/domains/email/email.schemas';
import { newId } from '../../lib/ids';
import type { EmailCore } from './email-core';
import { batchesOf, isCancel } from './email-ingest';
import { pipeBatches } from './email-import-pipeline';
import { openSource, type OpenedSource, type Origin } from './email-import-source';
import type { IngestTarget } from './email-parts';
import type { EmailImportRunTable } from './email.table';

const PROGRESS_MS = 250;
/** The most of an mbox's preamble kept (latin1, one character per byte); a file of junk before its first From_ line is not kept whole. */
const PREAMBLE_BYTES = 1024 * 1024;

type RunRow = EmailImportRunTable & { source_name: string };

interface Active {
  stop: 'pause' | 'cancel' | 'lock' | null;
  controller: AbortController;
  done: Promise<void>;
}

export function createRuns(core: EmailCore) {
  const { ctx } = core;
  const active = new Map<string, Active>();

  async function runRow(id: string): Promise<RunRow> {
    const row = await ctx
      .db()
      .selectFrom('email_import_runs as r')
      .innerJoin('email_sources as s', 's.id', 'r.source_id')
      .selectAll('r')
      .select('s.name as source_name')
      .where('r.id', '=', id)
      .executeTakeFirst();
    if (!row) throw new AppError('NOT_FOUND', 'That import does not exist.');
    return row;
  }

  const toRun = (r: RunRow): ImportRun => ({
    id: r.id,
    kind: r.kind,
    source: r.source_name,
    state: r.state,
    totalBytes: r.total_bytes,
    checkpoint: r.checkpoint,
    imported: r.imported,
    duplicates: r.duplicates,
    unparsed: r.unparsed,
    error: r.error,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
  });

  async function setState(id: string, state: EmailImportRunTable['state'], error = ''): Promise<void> {
    const now = core.iso();
    const finished = state === 'done' || state === 'cancelled' || state === 'failed' ? now : null;
    await ctx.write((trx) => trx.updateTable('email_import_runs').set({ state, error, finished_at: finished, updated_at: now }).where('id', '=', id).execute());
  }

  async function get(id: string): Promise<ImportRun> {
    return toRun(await runRow(id));
  }

  /** Starts (or restarts) the run's loop in the background; returns at once. */
  function launch(id: string, opened?: OpenedSource): Active {
    const a: Active = { stop: null, controller: new AbortController(), done: Promise.resolve() };
    a.done = loop(id, a, opened);
    active.set(id, a);
    return a;
  }

  /** Resumes a paused (or interrupted) run: 'running' at once, its loop in the background. */
  async function relaunch(id: string): Promise<Active> {
    await setState(id, 'running');
    return active.get(id) ?? launch(id);
  }

  async function loop(id: string, a: Active, opened?: OpenedSource): Promise<void> {
    let state: EmailImportRunTable['state'] = 'failed';
    let error = '';
    try {
      const row = await runRow(id);
      const src = opened ?? (await openSource(core, JSON.parse(row.origin_json) as Origin, row.kind === 'mbox' ? 'mbox' : undefined));
      const folder = row.folder_id
        ? ((await ctx.db().selectFrom('email_folders').select('path').where('id', '=', row.folder_id).executeTakeFirst())?.path ?? '')
        : '';
      const finished = await read(row, src, { sourceId: row.source_id, folder, runId: id }, a);
      state = finished ? 'done' : a.stop === 'cancel' ? 'cancelled' : 'paused';
    } catch (err) {
      if (isCancel(err) || a.stop) state = a.stop === 'cancel' ? 'cancelled' : 'paused';
      else error = err instanceof Error ? err.message : String(err);
    }
    // After a lock the database is closed: the run stays 'running' and is paused when the profile opens again.
    if (a.stop !== 'lock') {
      await setState(id, state, error.slice(0, 1000)).catch(() => undefined);
      await get(id).then(
        (r) => ctx.emit('progress', r),
        () => undefined,
      );
    }
    // Only now: a start of the same file in between must find the run active, not 'running' with no loop.
    active.delete(id);
  }

  /** Reads, parses and stores from the checkpoint on; true when the source was read to its end. */
  async function read(row: RunRow, src: OpenedSource, target: IngestTarget, a: Active): Promise<boolean> {
    const jobs = ctx.host.jobs;
    /** Bytes before the first From_ line (kept for the byte-identical export), up to {@link PREAMBLE_BYTES}. */
    let preamble: Buffer[] | null = null;
    let preambleBytes = 0;
    const onPreamble = (p: Buffer): void => {
      if (preambleBytes < PREAMBLE_BYTES) (preamble ??= []).push(Buffer.from(p.subarray(0, PREAMBLE_BYTES - preambleBytes)));
      preambleBytes += p.length;
    };
    const savePreamble = async (): Promise<void> => {
      if (preamble === null) return;
      const text = Buffer.concat(preamble).toString('latin1');
      preamble = null;
      await ctx.write((trx) => trx.updateTable('email_sources').set({ preamble: text, updated_at: core.iso() }).where('id', '=', target.sourceId).execute());
    };
    const progress = { ...toRun(row), state: 'running' as const };
    let lastEmit = 0;
    return jobs.track(`Importing ${src.name}`, 0, async (job) => {
      a.controller.signal.addEventListener('abort', () => void jobs.cancel(job.jobId), { once: true });
      const messages = src.messages(row.checkpoint, job.signal, row.checkpoint === 0 ? onPreamble : undefined);
      const finished = await pipeBatches(core, job, batchesOf(messages), target, {
        beforeStore: savePreamble,
        stored(batch, r) {
          progress.checkpoint = batch[batch.length - 1]!.end;
          progress.imported += r.imported;
          progress.duplicates += r.duplicates;
          progress.unparsed += r.unparsed;
          if (Date.now() - lastEmit < PROGRESS_MS) return;
          lastEmit = Date.now();
          ctx.emit('progress', progress);
        },
        stop: () => a.stop !== null,
      });
      // Stopped: the batch being parsed is dropped (the checkpoint is before it), its worker ended.
      if (!finished) jobs.cancel(job.jobId);
      else await savePreamble();
      return finished;
    });
  }

  /** Creates a run (and its source row, or the one an earlier import of the same origin made). */
  async function create(origin: Origin, src: OpenedSource, folder: string | undefined): Promise<string> {
    const originJson = JSON.stringify(origin);
    const id = newId();
    const now = core.iso();
    const earlier = await ctx
      .db()
      .selectFrom('email_import_runs')
      .select('source_id')
      .where('origin_json', '=', originJson)
      .orderBy('started_at', 'desc')
      .executeTakeFirst();
    const folderPath = folder ?? src.defaultFolder;
    await ctx.write(async (trx) => {
      let sourceId = earlier?.source_id;
      if (!sourceId) {
        sourceId = newId();
        await trx
          .insertInto('email_sources')
          .values({ id: sourceId, kind: src.kind, name: src.name, preamble: '', created_at: now, updated_at: now, deleted_at: null })
          .execute();
      }
      const folderId = folderPath ? await core.folderId(trx, folderPath) : null;
      await trx
        .insertInto('email_import_runs')
        .values({
          id,
          source_id: sourceId,
          kind: src.kind,
          origin_json: originJson,
          folder_id: folderId,
          total_bytes: src.total,
          checkpoint: 0,
          imported: 0,
          duplicates: 0,
          unparsed: 0,
          state: 'running',
          error: '',
          started_at: now,
          finished_at: null,
          created_at: now,
          updated_at: now,
          deleted_at: null,
        })
        .execute();
    });
    return id;
  }

  return {
    get,

    /** Starts an import, or resumes the unfinished run of the same origin; `wait` returns when it ends. */
    async start(origin: Origin, opts: { format?: OpenedSource['kind']; folder?: string; wait?: boolean }): Promise<ImportRun> {
      const open = await ctx
        .db()
        .selectFrom('email_import_runs')
        .select('id')
        .where('origin_json', '=', JSON.stringify(origin))
        .where('state', 'in', ['running', 'paused'])
        .orderBy('started_at', 'desc')
        .executeTakeFirst();
      let a: Active | undefined;
      let id: string;
      if (open) {
        id = open.id;
        a = active.get(id) ?? (await relaunch(id));
      } else {
        const src = await openSource(core, origin, opts.format);
        id = await create(origin, src, opts.folder);
        a = launch(id, src);
      }
      if (opts.wait) await a.done;
      return get(id);
    },

    async pause(id: string): Promise<ImportRun> {
      const a = active.get(id);
      if (a) {
        a.stop ??= 'pause';
        await a.done;
      } else if ((await runRow(id)).state === 'running') await setState(id, 'paused');
      return get(id);
    },

    async resume(id: string, wait = false): Promise<ImportRun> {
      const row = await runRow(id);
      if (row.state !== 'paused' && !(row.state === 'running' && !active.has(id))) {
        if (active.has(id)) return toRun(row);
        throw new AppError('CONFLICT', `That import is ${row.state}: only a paused import can be resumed.`);
      }
      const a = active.get(id) ?? (await relaunch(id));
      if (wait) await a.done;
      return get(id);
    },

    async cancel(id: string): Promise<ImportRun> {
      const a = active.get(id);
      if (a) {
        a.stop = 'cancel';
        a.controller.abort();
        await a.done;
      } else {
        const row = await runRow(id);
        if (row.state === 'running' || row.state === 'paused') await setState(id, 'cancelled');
      }
      return get(id);
    },

    async list(): Promise<ImportRun[]> {
      const rows = await ctx
        .db()
        .selectFrom('email_import_runs as r')
        .innerJoin('email_sources as s', 's.id', 'r.source_id')
        .selectAll('r')
        .select('s.name as source_name')
        .where('r.deleted_at', 'is', null)
        .orderBy('r.started_at', 'desc')
        .orderBy('r.id', 'desc')
        .execute();
      return rows.map(toRun);
    },

    /** A run left 'running' by a process that ended (crash, kill, power cut) was interrupted: it can be resumed. */
    async onUnlock(): Promise<void> {
      const stale = (await ctx.db().selectFrom('email_import_runs').select('id').where('state', '=', 'running').execute()).filter((r) => !active.has(r.id));
      for (const r of stale) await setState(r.id, 'paused');
    },

    /** On lock: every run stops (its job is cancelled by the lock too); nothing is written after. */
    clear(): void {
      for (const a of active.values()) {
        a.stop = 'lock';
        a.controller.abort();
      }
    },
  };
}
export type Runs = ReturnType<typeof createRuns>;
