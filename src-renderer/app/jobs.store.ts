import { create } from 'zustand';
import type { JobProgress } from '../../src-shared/domains/jobs/jobs.contract';
import { api } from '../api/client';
import { describeError } from '../lib/errors';
import { onSessionReset } from '../lib/session-reset';

/** Jobs shorter than this never show: a flash of a bar is noise, not information. */
export const SHOW_AFTER_MS = 1000;

export interface TrayJob extends JobProgress {
  /** When the job started, on this page's clock (the event's receipt time less main's elapsed time). */
  startedAt: number;
  /** The user asked to cancel; the button waits for main's final event. */
  cancelling: boolean;
}

interface JobsState {
  jobs: TrayJob[];
  error: string | null;
  /** Follows `jobs:progress` and catches up with the jobs already running; returns the unsubscribe. */
  start(): () => void;
  apply(p: JobProgress, receivedAt?: number): void;
  cancel(jobId: string): Promise<void>;
  reset(): void;
}

/** The running jobs that have taken long enough to show, oldest first. */
export const visibleJobs = (jobs: readonly TrayJob[], now: number): TrayJob[] => jobs.filter((j) => now - j.startedAt >= SHOW_AFTER_MS);

/** Progress as a whole percentage, or null while the job's size is unknown (an indeterminate bar). */
export const percentOf = (j: Pick<JobProgress, 'done' | 'total'>): number | null => (j.total > 0 ? Math.min(100, Math.floor((j.done / j.total) * 100)) : null);

/** Background jobs (label printing, exports, imports, health checks) as the tray shows them. */
export const useJobsStore = create<JobsState>()((set, get) => ({
  jobs: [],
  error: null,

  start() {
    const off = api.jobs.onProgress((p) => get().apply(p));
    void api.jobs.list().then(
      (running) => running.forEach((p) => get().apply(p)),
      () => undefined, // The tray is an aid: events still arrive when the catch-up fails.
    );
    return off;
  },

  apply(p, receivedAt = Date.now()) {
    set((s) => {
      const rest = s.jobs.filter((j) => j.jobId !== p.jobId);
      if (p.state !== 'running') return { jobs: rest };
      const known = s.jobs.find((j) => j.jobId === p.jobId);
      const job: TrayJob = { ...p, startedAt: known?.startedAt ?? receivedAt - p.elapsedMs, cancelling: known?.cancelling ?? false };
      return { jobs: known ? s.jobs.map((j) => (j.jobId === p.jobId ? job : j)) : [...rest, job] };
    });
  },

  async cancel(jobId) {
    set((s) => ({ jobs: s.jobs.map((j) => (j.jobId === jobId ? { ...j, cancelling: true } : j)), error: null }));
    try {
      const { cancelled } = await api.jobs.cancel({ jobId });
      // Already over: main's final event may have been missed, so drop it here.
      if (!cancelled) set((s) => ({ jobs: s.jobs.filter((j) => j.jobId !== jobId) }));
    } catch (err) {
      set((s) => ({ jobs: s.jobs.map((j) => (j.jobId === jobId ? { ...j, cancelling: false } : j)), error: describeError(err) }));
    }
  },

  reset() {
    set({ jobs: [], error: null });
  },
}));

onSessionReset(() => useJobsStore.getState().reset());
