import type { MessageBoxOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { openExternalChecked, type ExternalOpenDeps } from './external';

function deps(response: number) {
  const shown: MessageBoxOptions[] = [];
  const openExternal = vi.fn(async (_url: string) => undefined);
  const showMessageBox = vi.fn(async (...args: unknown[]) => {
    shown.push(args[args.length - 1] as MessageBoxOptions);
    return { response, checkboxChecked: false };
  });
  const d = { dialog: { showMessageBox }, shell: { openExternal }, parent: () => null } as unknown as ExternalOpenDeps;
  return { d, shown, openExternal, showMessageBox };
}

describe('openExternalChecked', () => {
  it.each([
    'javascript:alert(1)',
    'file:///etc/passwd',
    'http://example.com',
    'app://bundle/index.html',
    'https://user:pw@example.com',
    'not a url',
    'smb://host/share',
  ])('refuses %s without asking or opening', async (url) => {
    const t = deps(1);
    await expect(openExternalChecked(url, t.d)).resolves.toBe(false);
    expect(t.showMessageBox).not.toHaveBeenCalled();
    expect(t.openExternal).not.toHaveBeenCalled();
  });

  it('shows the full normalised URL and opens it only after the user confirms', async () => {
    const t = deps(1);
    await expect(openExternalChecked('https://exämple.com/a path?q=1#x', t.d)).resolves.toBe(true);
    expect(t.shown[0]?.detail).toBe('https://xn--exmple-cua.com/a%20path?q=1#x');
    expect(t.shown[0]?.cancelId).toBe(0);
    expect(t.shown[0]?.defaultId).toBe(0);
    expect(t.openExternal).toHaveBeenCalledWith('https://xn--exmple-cua.com/a%20path?q=1#x');
  });

  it('does not open when the user cancels', async () => {
    const t = deps(0);
    await expect(openExternalChecked('mailto:someone@example.com', t.d)).resolves.toBe(false);
    expect(t.showMessageBox).toHaveBeenCalledOnce();
    expect(t.openExternal).not.toHaveBeenCalled();
  });
});
