import { createHash, randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../src-shared/ipc/result';
import type { ChangeRow } from '../../platform/context';
import type { CalendarCore } from './calendar-core';

/** A burst of edits (an import, a drag) rewrites the file once, this long after the last one. */
const PUBLISH_DEBOUNCE_MS = 1000;
const WATCHED = new Set(['calendars', 'calendar_events', 'calendar_timezones']);

/**
 * Where a calendar may be published: an absolute path to a file (existing or new) in an existing folder. SECURITY: a
 * relative path would land wherever the process happens to run; a folder is never replaced.
 */
export async function checkPublishPath(target: string): Promise<string> {
  if (!path.isAbsolute(target)) throw new AppError('INVALID_INPUT', 'The publish path must be absolute (a full path to an .ics file).');
  const file = path.normalize(target);
  const st = await fs.stat(file).catch(() => null);
  if (st?.isDirectory()) throw new AppError('INVALID_INPUT', 'The publish path is a folder; give a file name inside it.');
  if (st && !st.isFile()) throw new AppError('INVALID_INPUT', 'The publish path is not a regular file.');
  const dir = await fs.stat(path.dirname(file)).catch(() => null);
  if (!dir?.isDirectory()) throw new AppError('INVALID_INPUT', 'The folder of the publish path does not exist.');
  return file;
}

/** Writes through a temporary file in the same folder and a rename: a reader sees the old file or the new one, never half. */
export async function writeAtomic(file: string, text: string): Promise<void> {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await fs.writeFile(tmp, text, { encoding: 'utf8', flag: 'wx' });
    await fs.rename(tmp, file);
  } catch (err) {
    await fs.rm(tmp, { force: true });
    throw err;
  }
}

/**
 * Publishing: a calendar with `publish_path` is rewritten as .ics after each committed change (debounced). SECURITY:
 * this deliberately writes the calendar in clear outside the encrypted profile; the user chose the path to share it.
 * A file is rewritten only when its text changed (its SHA-256 is remembered until lock; on unlock every file is written
 * once, catching up on a change that was still waiting when the profile locked).
 */
export function createPublisher(core: CalendarCore, icsOf: (calendarIds: readonly string[]) => Promise<{ text: string }>) {
  const { ctx } = core;
  let timer: NodeJS.Timeout | null = null;
  let written = new Map<string, string>();
  let running: Promise<void> = Promise.resolve();

  async function publishAll(): Promise<void> {
    try {
      await publishEach();
    } catch (err) {
      // Locked mid-way (the database closed): the next unlock publishes again.
      ctx.log.warn(`publishing stopped: ${err instanceof AppError ? err.code : 'error'}`);
    }
  }

  async function publishEach(): Promise<void> {
    const rows = await ctx
      .db()
      .selectFrom('calendars')
      .select(['id', 'name', 'publish_path'])
      .where('publish_path', 'is not', null)
      .where('deleted_at', 'is', null)
      .execute();
    for (const row of rows) {
      try {
        const file = await checkPublishPath(row.publish_path!);
        const { text } = await icsOf([row.id]);
        const digest = createHash('sha256').update(text).digest('hex');
        if (written.get(file) === digest) continue;
        await writeAtomic(file, text);
        written.set(file, digest);
      } catch (err) {
        ctx.log.warn(`publishing calendar ${row.id} failed: ${err instanceof AppError ? err.message : ((err as NodeJS.ErrnoException).code ?? 'error')}`);
      }
    }
  }

  /** Publishes now (after any publish already running); the debounced path and tests both end here. */
  function flush(): Promise<void> {
    if (timer) clearTimeout(timer);
    timer = null;
    running = running.then(publishAll, publishAll);
    return running;
  }

  return {
    flush,
    onCommitted(changes: readonly ChangeRow[]): void {
      if (!changes.some((c) => WATCHED.has(c.table))) return;
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => void flush(), PUBLISH_DEBOUNCE_MS);
      timer.unref();
    },
    onUnlock(): Promise<void> {
      return flush();
    },
    onLock(): void {
      if (timer) clearTimeout(timer);
      timer = null;
      written = new Map();
    },
  };
}
export type Publisher = ReturnType<typeof createPublisher>;
