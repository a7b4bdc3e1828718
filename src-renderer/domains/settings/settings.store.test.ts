import { beforeEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '../../../src-shared/ipc/result';
import { fake } from '../../api/fake-client';
import { useSettingsStore } from './settings.store';

vi.mock('../../api/client', async () => (await import('../../api/fake-client')).fakeClientModule);

const stored = { autoLockMinutes: 10, lockOnSuspend: true, lockOnScreenLock: true, clipboardClearSeconds: 20, theme: 'system' as const };

beforeEach(() => {
  fake.reset();
  useSettingsStore.setState({ settings: null, loading: false, error: null });
  fake.handle('settings', 'get', () => stored);
});

describe('settings.store', () => {
  it('loads the settings of the unlocked profile', async () => {
    await useSettingsStore.getState().load();
    expect(useSettingsStore.getState().settings).toEqual(stored);
  });

  it('applies a change at once and keeps what main saved', async () => {
    fake.handle('settings', 'set', (patch) => ({ ...stored, ...patch }));
    await useSettingsStore.getState().load();
    const saving = useSettingsStore.getState().update({ autoLockMinutes: 5 });
    expect(useSettingsStore.getState().settings?.autoLockMinutes).toBe(5);
    await saving;
    expect(fake.calls.at(-1)).toEqual({ channel: 'settings:set', input: { autoLockMinutes: 5 } });
  });

  it('reverts a change main refused and reports why', async () => {
    fake.handle('settings', 'set', () => {
      throw new AppError('INVALID_INPUT', 'Invalid input', { issues: [{ path: 'autoLockMinutes', message: 'Too big' }] });
    });
    await useSettingsStore.getState().load();
    await expect(useSettingsStore.getState().update({ autoLockMinutes: 9999 })).rejects.toBeInstanceOf(AppError);
    expect(useSettingsStore.getState()).toMatchObject({ settings: stored, error: 'Too big' });
  });
});
