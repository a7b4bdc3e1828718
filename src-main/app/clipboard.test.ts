import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { clipboardDigest, createMemoryClipboard } from '../lib/secret-clipboard';
import { createClipboardGuard, type ClipboardPort } from './clipboard';

/** A fake OS clipboard holding one text value. */
function fakeClipboard(initial = '') {
  let text = initial;
  return {
    writeText: vi.fn(async (value: string) => void (text = value)),
    readText: vi.fn(async () => text),
    clear: vi.fn(() => void (text = '')),
    userCopies: (value: string) => void (text = value),
    get text() {
      return text;
    },
  } satisfies ClipboardPort & Record<string, unknown>;
}

beforeEach(() => void vi.useFakeTimers());
afterEach(() => void vi.useRealTimers());

describe('clipboard guard', () => {
  it('writes the secret and clears it after the delay', async () => {
    const cb = fakeClipboard();
    const guard = createClipboardGuard(cb);
    await guard.copySecret('hunter2', 20);
    expect(cb.writeText).toHaveBeenCalledWith('hunter2');
    await vi.advanceTimersByTimeAsync(19_999);
    expect(cb.text).toBe('hunter2');
    await vi.advanceTimersByTimeAsync(1);
    expect(cb.clear).toHaveBeenCalledOnce();
    expect(cb.text).toBe('');
  });

  it('does not clear what the user copied since', async () => {
    const cb = fakeClipboard();
    const guard = createClipboardGuard(cb);
    await guard.copySecret('hunter2', 20);
    cb.userCopies('shopping list');
    await vi.advanceTimersByTimeAsync(20_000);
    expect(cb.clear).not.toHaveBeenCalled();
    expect(cb.text).toBe('shopping list');
  });

  it('clearIfOurs clears now (lock, quit) and cancels the timer', async () => {
    const cb = fakeClipboard();
    const guard = createClipboardGuard(cb);
    await guard.copySecret('hunter2', 20);
    await guard.clearIfOurs();
    expect(cb.text).toBe('');
    cb.userCopies('later');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(cb.clear).toHaveBeenCalledOnce();
    expect(cb.text).toBe('later');
  });

  it('clearIfOurs leaves a clipboard we never wrote alone', async () => {
    const cb = fakeClipboard('the user’s own text');
    await createClipboardGuard(cb).clearIfOurs();
    expect(cb.clear).not.toHaveBeenCalled();
    expect(cb.readText).not.toHaveBeenCalled();
  });

  it('a second copy replaces the first and restarts the delay', async () => {
    const cb = fakeClipboard();
    const guard = createClipboardGuard(cb);
    await guard.copySecret('first', 20);
    await vi.advanceTimersByTimeAsync(15_000);
    await guard.copySecret('second', 20);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(cb.text).toBe('second');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(cb.text).toBe('');
    expect(cb.clear).toHaveBeenCalledOnce();
  });

  it('clamps absurd delays instead of keeping a secret forever', async () => {
    const cb = fakeClipboard();
    const guard = createClipboardGuard(cb);
    await guard.copySecret('x', Number.POSITIVE_INFINITY);
    await vi.advanceTimersByTimeAsync(20_000);
    expect(cb.text).toBe('');
    await guard.copySecret('y', 10 ** 9);
    await vi.advanceTimersByTimeAsync(3_600_000);
    expect(cb.text).toBe('');
    await guard.copySecret('z', -5);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(cb.text).toBe('');
  });

  it('accepts an injected timer', async () => {
    const cb = fakeClipboard();
    const pending: Array<{ fn: () => void; ms: number }> = [];
    const guard = createClipboardGuard(cb, (fn, ms) => {
      pending.push({ fn, ms });
      return () => undefined;
    });
    await guard.copySecret('s3cret', 30);
    expect(pending.map((p) => p.ms)).toEqual([30_000]);
    pending[0]!.fn();
    await vi.advanceTimersByTimeAsync(0);
    expect(cb.text).toBe('');
  });
});

describe('memory clipboard', () => {
  it('records the copy without plaintext, holds it until the delay, then clears', async () => {
    const mem = createMemoryClipboard();
    await mem.copySecret('hunter2', 20);
    expect(mem.lastCopied()).toBe('hunter2');
    expect(mem.history).toHaveLength(1);
    expect(mem.history[0]).toMatchObject({ sha256: clipboardDigest('hunter2').toString('hex'), length: 7, seconds: 20 });
    expect(JSON.stringify(mem.history)).not.toContain('hunter2');
    await vi.advanceTimersByTimeAsync(20_000);
    expect(mem.lastCopied()).toBeNull();
  });

  it('clearIfOurs clears at once; history stays bounded', async () => {
    const mem = createMemoryClipboard();
    for (let i = 0; i < 60; i++) await mem.copySecret(`s${i}`, 20);
    expect(mem.history).toHaveLength(50);
    await mem.clearIfOurs();
    expect(mem.lastCopied()).toBeNull();
  });
});
