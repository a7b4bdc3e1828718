import { renderToStaticMarkup } from 'react-dom/server';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { JobProgress } from '../../src-shared/domains/jobs/jobs.contract';
import { AppError } from '../../src-shared/ipc/result';
import { fake } from '../api/fake-client';
import { resetSessionState } from '../lib/session-reset';
import { JobsTrayView } from './JobsTray';
import { useJobsStore, visibleJobs, type TrayJob } from './jobs.store';

vi.mock('../api/client', async () => (await import('../api/fake-client')).fakeClientModule);

const A = '01JD0000000000000000000001';
const B = '01JD0000000000000000000002';
const progress = (over: Partial<JobProgress>): JobProgress => ({
  jobId: A,
  label: 'Printing 5,000 labels',
  done: 0,
  total: 5000,
  state: 'running',
  elapsedMs: 0,
  ...over,
});

beforeEach(() => {
  fake.reset();
  useJobsStore.getState().reset();
  fake.handle('jobs', 'list', () => []);
});

describe('jobs store', () => {
  it('follows progress events, shows a job only after it has run a second, and drops it on its final state', async () => {
    const stop = useJobsStore.getState().start();
    fake.emit('jobs', 'progress', progress({ done: 0 }));
    const t0 = useJobsStore.getState().jobs[0]?.startedAt ?? 0;
    expect(visibleJobs(useJobsStore.getState().jobs, t0 + 999)).toEqual([]);
    fake.emit('jobs', 'progress', progress({ done: 2100, elapsedMs: 1200 }));
    expect(visibleJobs(useJobsStore.getState().jobs, t0 + 1000)).toEqual([expect.objectContaining({ jobId: A, done: 2100 })]);
    fake.emit('jobs', 'progress', progress({ done: 5000, state: 'done' }));
    expect(useJobsStore.getState().jobs).toEqual([]);
    stop();
    expect(fake.listenerCount('jobs', 'progress')).toBe(0);
  });

  it("catches up with jobs already running, dated by main's elapsed time", async () => {
    fake.handle('jobs', 'list', () => [progress({ jobId: B, label: 'Exporting 10 items to KDBX', total: 0, elapsedMs: 5000 })]);
    const before = Date.now();
    const stop = useJobsStore.getState().start();
    await vi.waitFor(() => expect(useJobsStore.getState().jobs).toHaveLength(1));
    expect(visibleJobs(useJobsStore.getState().jobs, before)).toHaveLength(1);
    stop();
  });

  it('cancel asks main, and a failed cancel says why and re-enables the button', async () => {
    useJobsStore.getState().apply(progress({}));
    fake.handle('jobs', 'cancel', ({ jobId }) => ({ cancelled: jobId === A }));
    await useJobsStore.getState().cancel(A);
    expect(fake.calls.at(-1)).toEqual({ channel: 'jobs:cancel', input: { jobId: A } });
    expect(useJobsStore.getState().jobs[0]?.cancelling).toBe(true); // until main's final event arrives
    fake.handle('jobs', 'cancel', () => {
      throw new AppError('LOCKED', 'Hearth is locked.');
    });
    await useJobsStore.getState().cancel(A);
    expect(useJobsStore.getState()).toMatchObject({ jobs: [expect.objectContaining({ cancelling: false })], error: expect.any(String) as unknown });
    resetSessionState();
    expect(useJobsStore.getState()).toMatchObject({ jobs: [], error: null });
  });
});

describe('JobsTrayView', () => {
  const job = (over: Partial<TrayJob>): TrayJob => ({ ...progress({}), startedAt: 0, cancelling: false, ...over });

  it('shows each job with a labelled progress bar and its own Cancel button; nothing when no job shows', () => {
    const html = renderToStaticMarkup(
      <JobsTrayView error={null} onCancel={() => undefined} jobs={[job({ done: 2100 }), job({ jobId: B, label: 'Reading the import file', total: 0 })]} />,
    );
    expect(html).toContain('aria-label="Background jobs"');
    expect(html).toMatch(/role="progressbar" aria-label="Printing 5,000 labels" aria-valuemin="0" aria-valuemax="100" aria-valuenow="42"/);
    // Size unknown: an indeterminate bar, without a value.
    expect(html).toMatch(/role="progressbar" aria-label="Reading the import file" aria-valuemin="0" aria-valuemax="100" aria-valuetext="Working…"/);
    expect(html).toContain('aria-label="Cancel Printing 5,000 labels"');
    expect(html).toContain('aria-label="Cancel Reading the import file"');
    expect(renderToStaticMarkup(<JobsTrayView error={null} onCancel={() => undefined} jobs={[]} />)).toBe('');
  });

  it('marks a job being cancelled as busy', () => {
    const html = renderToStaticMarkup(<JobsTrayView error={null} onCancel={() => undefined} jobs={[job({ cancelling: true })]} />);
    expect(html).toContain('aria-busy="true"');
    expect(html).toContain('Cancelling…');
  });
});
