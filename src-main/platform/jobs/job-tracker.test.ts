import { describe, expect, it } from 'vitest';
import type { JobProgress } from '../../../src-shared/domains/jobs/jobs.contract';
import { createEventHub } from '../../ipc/events';
import { errorOf } from '../../test/helpers';
import { createJobTracker } from './job-tracker';

/** The tracker over real worker threads (the pool's `test.echo` job) and the real event hub. */
function setup() {
  const events = createEventHub();
  const seen: JobProgress[] = [];
  events.subscribe((channel, payload) => {
    if (channel === 'jobs:progress') seen.push(payload as JobProgress);
  });
  const jobs = createJobTracker(events);
  /** Resolves with the first event of a job that says it has moved. */
  const firstMove = () =>
    new Promise<JobProgress>((resolve) => {
      const stop = events.subscribe((channel, payload) => {
        const p = payload as JobProgress;
        if (channel === 'jobs:progress' && p.state === 'running' && p.done > 0) {
          stop();
          resolve(p);
        }
      });
    });
  return { jobs, seen, firstMove };
}

describe('job tracker (host.jobs)', () => {
  it('reports a start, throttled progress with done ≤ total, and one final done event', async () => {
    const { jobs, seen } = setup();
    const out = await jobs.run('Echoing', 'test.echo', { value: 'x', delayMs: 1200, steps: 400 });
    expect(out).toEqual({ echoed: 'x', cancelled: false });
    const ids = new Set(seen.map((p) => p.jobId));
    expect(ids.size).toBe(1);
    expect(seen[0]).toMatchObject({ label: 'Echoing', state: 'running', done: 0 });
    expect(seen.at(-1)).toMatchObject({ state: 'done', done: 400, total: 400 });
    expect(seen.filter((p) => p.state !== 'running')).toHaveLength(1);
    for (const p of seen) expect(p.done).toBeLessThanOrEqual(p.total || p.done);
    // 400 worker reports became a handful of events: the throttle holds them to about four a second.
    expect(seen.length).toBeLessThan(400 / 10);
    expect(seen.some((p) => p.state === 'running' && p.done > 0 && p.total === 400)).toBe(true);
    expect(jobs.list()).toEqual([]);
  });

  it('cancels a running job: the caller gets CANCELLED, the last event says cancelled, a second cancel is false', async () => {
    const { jobs, seen, firstMove } = setup();
    const run = jobs.run('Long', 'test.echo', { value: 1, delayMs: 30_000, steps: 3000 });
    const moved = await firstMove();
    expect(jobs.list()).toEqual([expect.objectContaining({ jobId: moved.jobId, label: 'Long', state: 'running' })]);
    expect(jobs.cancel(moved.jobId)).toBe(true);
    expect((await errorOf(run)).code).toBe('CANCELLED');
    expect(seen.at(-1)).toMatchObject({ jobId: moved.jobId, state: 'cancelled' });
    expect(jobs.cancel(moved.jobId)).toBe(false);
    expect(jobs.cancel('01JD0000000000000000000001')).toBe(false);
    expect(jobs.list()).toEqual([]);
  });

  it('cancelAll (the profile locked) stops running and queued jobs alike, and a failure ends as failed', async () => {
    const { jobs, seen } = setup();
    // The pool runs two at once: the third waits for a slot and must not start after the cancel.
    const runs = [1, 2, 3].map((n) => jobs.run(`Job ${n}`, 'test.echo', { value: n, delayMs: 30_000 }));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(jobs.list()).toHaveLength(3);
    jobs.cancelAll();
    for (const r of runs) expect((await errorOf(r)).code).toBe('CANCELLED');
    expect(seen.filter((p) => p.state === 'cancelled')).toHaveLength(3);

    expect((await errorOf(jobs.run('Broken', 'test.echo', { value: 1, fail: 'boom' }))).code).toBe('INTERNAL');
    expect(seen.at(-1)).toMatchObject({ label: 'Broken', state: 'failed' });
  });

  it('cancelling inside native work (argon2 in a KDBX export) answers at once and does not take main down', async () => {
    const { jobs, seen } = setup();
    for (let round = 0; round < 3; round++) {
      // The worker's one report comes just before Argon2id starts: cancel a moment later, while the hash runs.
      const run = jobs.run(
        'Export',
        'vault.export.kdbx',
        { items: [], password: 'a file password', name: 'T' },
        {
          onProgress: () => void setTimeout(() => jobs.cancelAll(), 60),
        },
      );
      expect((await errorOf(run)).code).toBe('CANCELLED');
      expect(seen.at(-1)).toMatchObject({ label: 'Export', state: 'cancelled' });
    }
    // Terminating a worker mid-argon2 aborts the process when the hash completes: wait past that, then run on.
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(await jobs.run('After', 'test.echo', { value: 'alive' })).toEqual({ echoed: 'alive', cancelled: false });
  }, 60_000);

  it('tracks several worker jobs as one job whose parts add up to the declared total', async () => {
    const { jobs, seen } = setup();
    const outs = await jobs.track('Two parts', 200, (job) =>
      Promise.all([job.run('test.echo', { value: 'a', delayMs: 600, steps: 100 }), job.run('test.echo', { value: 'b', delayMs: 600, steps: 100 })]),
    );
    expect(outs.map((o) => o.echoed)).toEqual(['a', 'b']);
    expect(new Set(seen.map((p) => p.jobId)).size).toBe(1);
    expect(seen.every((p) => p.total === 200 && p.done <= 200)).toBe(true);
    expect(seen.at(-1)).toMatchObject({ state: 'done', done: 200 });
  });
});
