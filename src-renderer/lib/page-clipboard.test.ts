import { describe, expect, it } from 'vitest';
import { createPageClipboard, type ClipboardPort, type SetTimer } from './page-clipboard';

/** A clipboard held in a variable, with switches for a browser that refuses to write or to read. */
function fakeSystemClipboard(options: { refuseWrite?: boolean; refuseRead?: boolean } = {}) {
  const state = { text: 'before' };
  const port: ClipboardPort = {
    async writeText(text) {
      if (options.refuseWrite) throw new DOMException('Write permission denied.', 'NotAllowedError');
      state.text = text;
    },
    async readText() {
      if (options.refuseRead) throw new DOMException('Read permission denied.', 'NotAllowedError');
      return state.text;
    },
  };
  return { state, port };
}

/** Timers run by hand: `fire()` runs every pending one. */
function manualTimers() {
  const pending = new Set<() => unknown>();
  const setTimer: SetTimer = (callback) => {
    pending.add(callback);
    return () => pending.delete(callback);
  };
  const fire = async () => {
    const due = [...pending];
    pending.clear();
    await Promise.all(due.map((cb) => cb()));
  };
  return { setTimer, fire, pending };
}

describe('page clipboard (browser-mode copy)', () => {
  it('writes the value and clears it after the delay while it is still ours', async () => {
    const { state, port } = fakeSystemClipboard();
    const timers = manualTimers();
    const clipboard = createPageClipboard(port, async () => true, timers.setTimer);
    expect(await clipboard.copy('s3cret', 20)).toEqual({ copied: true, willClear: true });
    expect(state.text).toBe('s3cret');
    await timers.fire();
    expect(state.text).toBe('');
  });

  it('leaves the clipboard alone when the user copied something else since', async () => {
    const { state, port } = fakeSystemClipboard();
    const timers = manualTimers();
    const clipboard = createPageClipboard(port, async () => true, timers.setTimer);
    await clipboard.copy('s3cret', 20);
    state.text = 'my own note';
    await timers.fire();
    expect(state.text).toBe('my own note');
  });

  it('reports a refused write as not copied, so the UI never claims a copy that did not happen', async () => {
    const { state, port } = fakeSystemClipboard({ refuseWrite: true });
    const timers = manualTimers();
    const clipboard = createPageClipboard(port, async () => true, timers.setTimer);
    expect(await clipboard.copy('s3cret', 20)).toEqual({ copied: false, willClear: false });
    expect(state.text).toBe('before');
    expect(timers.pending.size).toBe(0);
    expect(await createPageClipboard(undefined, async () => true).copy('s3cret', 20)).toEqual({ copied: false, willClear: false });
  });

  it('says it cannot clear when reading back is not allowed, and then does not wipe the clipboard', async () => {
    const { state, port } = fakeSystemClipboard({ refuseRead: true });
    const timers = manualTimers();
    const clipboard = createPageClipboard(port, async () => false, timers.setTimer);
    expect(await clipboard.copy('s3cret', 20)).toEqual({ copied: true, willClear: false });
    await timers.fire();
    expect(state.text).toBe('s3cret');
  });

  it('clears our copy at once on lock, and only ours', async () => {
    const { state, port } = fakeSystemClipboard();
    const timers = manualTimers();
    const clipboard = createPageClipboard(port, async () => true, timers.setTimer);
    await clipboard.copy('s3cret', 20);
    await clipboard.clearIfOurs();
    expect(state.text).toBe('');
    expect(timers.pending.size).toBe(0);
    state.text = 'later';
    await clipboard.clearIfOurs();
    expect(state.text).toBe('later');
  });
});
