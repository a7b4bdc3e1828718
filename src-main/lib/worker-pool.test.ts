import { describe, expect, it } from 'vitest';
import { errorOf } from '../test/helpers';
import { runJob } from './worker-pool';

describe('worker pool', () => {
  it('runs a job in a worker thread and returns its output with progress', async () => {
    const progress: number[] = [];
    const out = await runJob('test.echo', { value: { a: [1, 2], b: new Uint8Array([7]) } }, { onProgress: (p) => progress.push(p.done) });
    expect(out).toEqual({ echoed: { a: [1, 2], b: new Uint8Array([7]) }, cancelled: false });
    expect(progress).toEqual([1]);
  });

  it('keeps main responsive while a job burns CPU', async () => {
    const gaps: number[] = [];
    let last = performance.now();
    const tick = setInterval(() => {
      const now = performance.now();
      gaps.push(now - last);
      last = now;
    }, 10);
    await runJob('test.echo', { value: 1, delayMs: 600 });
    clearInterval(tick);
    expect(gaps.length).toBeGreaterThan(10);
    expect(Math.max(...gaps)).toBeLessThan(200);
  });

  it('a job over its heap limit ends with TOO_LARGE, and the next job still runs', async () => {
    const err = await errorOf(runJob('test.echo', { value: 1, allocateMiB: 400 }, { limits: { maxOldGenerationSizeMb: 64 } }));
    expect(err.code).toBe('TOO_LARGE');
    expect(err.message).toMatch(/64 MiB/);
    expect(await runJob('test.echo', { value: 'after' })).toEqual({ echoed: 'after', cancelled: false });
  });

  it('a job over its time limit ends with TOO_LARGE', async () => {
    const t0 = Date.now();
    const err = await errorOf(runJob('test.echo', { value: 1, delayMs: 30_000 }, { limits: { timeoutMs: 300 } }));
    expect(err.code).toBe('TOO_LARGE');
    expect(Date.now() - t0).toBeLessThan(5_000);
  });

  it('cancelling rejects with CANCELLED at once', async () => {
    const ac = new AbortController();
    const p = runJob('test.echo', { value: 1, delayMs: 30_000 }, { signal: ac.signal });
    setTimeout(() => ac.abort(), 100);
    const t0 = Date.now();
    expect((await errorOf(p)).code).toBe('CANCELLED');
    expect(Date.now() - t0).toBeLessThan(2_000);
    expect((await errorOf(runJob('test.echo', { value: 1 }, { signal: ac.signal }))).code).toBe('CANCELLED');
  });

  it('an AppError thrown in the job arrives typed; other errors become INTERNAL without details', async () => {
    const internal = await errorOf(runJob('test.echo', { value: 1, fail: 'secret path /home/x' }));
    expect(internal.code).toBe('INTERNAL');
    expect(internal.message).not.toContain('/home/x');
    const unknown = await errorOf(runJob('nope' as 'test.echo', { value: 1 }));
    expect(unknown.code).toBe('UNKNOWN_OPERATION');
  });
});
