import { jobsContract, type JobProgress, type JobState } from '../../../src-shared/domains/jobs/jobs.contract';
import { AppError } from '../../../src-shared/ipc/result';
import type { EventHub } from '../../ipc/events';
import { newId } from '../../lib/ids';
import { runJob, type JobLimits } from '../../lib/worker-pool';
import type { JobInput, JobName, JobOutput } from '../../workers/jobs';

/** Progress events per job are at most this far apart (≤ 4 a second); start and end are always sent at once. */
export const PROGRESS_INTERVAL_MS = 250;
const MAX_LABEL = 200;

export interface TrackedRunOptions {
  limits?: JobLimits;
  /** The caller's own view of the worker's progress (unthrottled), e.g. for a domain event of its own. */
  onProgress?: (p: { done: number; total: number }) => void;
}

/** A job in progress, as the code doing it sees it. */
export interface TrackedJob {
  readonly jobId: string;
  /** Aborted when the user cancels the job or the profile locks. */
  readonly signal: AbortSignal;
  /** Runs one worker job as a part of this job, under its signal; the parts' progress adds up. */
  run<N extends JobName>(name: N, input: JobInput<N>, opts?: TrackedRunOptions): Promise<JobOutput<N>>;
}

/** `host.jobs`: heavy work that the user can watch and cancel (docs/architecture.md#jobs). */
export interface JobTracker {
  /** Runs one worker job as a tracked, cancellable job; rejects with CANCELLED when it is cancelled. */
  run<N extends JobName>(label: string, name: N, input: JobInput<N>, opts?: TrackedRunOptions): Promise<JobOutput<N>>;
  /** A job of several worker jobs (`total` items in all, or 0 to add up the parts' own totals). */
  track<T>(label: string, total: number, fn: (job: TrackedJob) => Promise<T>): Promise<T>;
  list(): JobProgress[];
  /** Aborts a running job; false when no such job is running (it ended, or never was). */
  cancel(jobId: string): boolean;
  /** Aborts every job: the profile locked, nothing may go on working on its data. */
  cancelAll(): void;
}

interface Entry {
  id: string;
  label: string;
  startedAt: number;
  total: number;
  parts: { done: number; total: number }[];
  controller: AbortController;
  lastEmit: number;
  timer: NodeJS.Timeout | null;
}

export function createJobTracker(events: Pick<EventHub, 'emit'>): JobTracker {
  const running = new Map<string, Entry>();
  const clock = () => performance.now();

  function snapshot(e: Entry, state: JobState): JobProgress {
    let done = e.parts.reduce((sum, p) => sum + p.done, 0);
    let total = e.total || e.parts.reduce((sum, p) => sum + p.total, 0);
    if (state === 'done') done = total = Math.max(total, 1);
    return { jobId: e.id, label: e.label, done: Math.min(done, total), total, state, elapsedMs: Math.round(clock() - e.startedAt) };
  }

  function emit(e: Entry, state: JobState): void {
    if (e.timer) clearTimeout(e.timer);
    e.timer = null;
    e.lastEmit = clock();
    events.emit(jobsContract, 'progress', snapshot(e, state));
  }

  /** Sends now, or once the interval since the last event has passed (the trailing event shows the latest numbers). */
  function moved(e: Entry): void {
    if (e.timer || !running.has(e.id)) return;
    const wait = e.lastEmit + PROGRESS_INTERVAL_MS - clock();
    if (wait <= 0) return emit(e, 'running');
    e.timer = setTimeout(() => emit(e, 'running'), wait);
    e.timer.unref();
  }

  function partRunner(e: Entry): TrackedJob['run'] {
    return async <N extends JobName>(name: N, input: JobInput<N>, opts: TrackedRunOptions = {}): Promise<JobOutput<N>> => {
      const part = { done: 0, total: 0 };
      e.parts.push(part);
      const out = await runJob(name, input, {
        limits: opts.limits,
        signal: e.controller.signal,
        onProgress: (p) => {
          part.done = Math.max(0, Math.floor(p.done));
          part.total = Math.max(0, Math.floor(p.total));
          opts.onProgress?.(p);
          moved(e);
        },
      });
      // A part that finished in the same turn as a cancel is still cancelled: the caller must not write its result.
      if (e.controller.signal.aborted) throw cancelledError();
      return out;
    };
  }

  async function track<T>(label: string, total: number, fn: (job: TrackedJob) => Promise<T>): Promise<T> {
    const e: Entry = {
      id: newId(),
      label: label.slice(0, MAX_LABEL),
      startedAt: clock(),
      total: Math.max(0, Math.floor(total)),
      parts: [],
      controller: new AbortController(),
      lastEmit: 0,
      timer: null,
    };
    running.set(e.id, e);
    emit(e, 'running');
    // The start event does not hold back the worker's first report: the tray learns at once that work began.
    e.lastEmit = -Infinity;
    let state: JobState = 'failed';
    try {
      const out = await fn({ jobId: e.id, signal: e.controller.signal, run: partRunner(e) });
      state = 'done';
      return out;
    } catch (err) {
      if (e.controller.signal.aborted || (err instanceof AppError && err.code === 'CANCELLED')) state = 'cancelled';
      throw err;
    } finally {
      running.delete(e.id);
      emit(e, state);
    }
  }

  return {
    track,
    run: (label, name, input, opts) => track(label, 0, (job) => job.run(name, input, opts)),
    list: () => [...running.values()].map((e) => snapshot(e, 'running')),
    cancel(jobId) {
      const e = running.get(jobId);
      if (!e || e.controller.signal.aborted) return false;
      e.controller.abort();
      return true;
    },
    cancelAll() {
      for (const e of running.values()) e.controller.abort();
    },
  };
}

const cancelledError = (): AppError => new AppError('CANCELLED', 'Cancelled; nothing was changed.');
