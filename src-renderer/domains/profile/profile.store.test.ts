import { beforeEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '../../../src-shared/ipc/result';
import { fake } from '../../api/fake-client';
import { useSettingsStore } from '../settings';
import { unlockDelayMs, useProfileStore } from './profile.store';

vi.mock('../../api/client', async () => (await import('../../api/fake-client')).fakeClientModule);

const home = { id: '01JD0000000000000000000001', name: 'Home', createdAt: '2026-11-21T10:00:00.000Z' };
const work = { id: '01JD0000000000000000000002', name: 'Work', createdAt: '2026-11-22T10:00:00.000Z' };
const settings = { autoLockMinutes: 10, lockOnSuspend: true, lockOnScreenLock: true, clipboardClearSeconds: 20, theme: 'system' as const };
const initialState = useProfileStore.getState();

beforeEach(() => {
  fake.reset();
  useProfileStore.setState(initialState, true);
  fake.handle('session', 'status', () => ({ unlocked: false, profile: null, mustChangePassword: false }));
  fake.handle('session', 'lock', () => ({ locked: true as const }));
  fake.handle('session', 'touch', () => ({ idleLockAt: null }));
});

describe('profile.store', () => {
  it('shows the create screen when there are no profiles', async () => {
    fake.handle('profile', 'list', () => []);
    await useProfileStore.getState().refresh();
    expect(useProfileStore.getState().view).toBe('create');
  });

  it('offers the only profile for unlocking, and the picker when there are several', async () => {
    fake.handle('profile', 'list', () => [home]);
    await useProfileStore.getState().refresh();
    expect(useProfileStore.getState()).toMatchObject({ view: 'unlock', selectedId: home.id });

    fake.handle('profile', 'list', () => [home, work]);
    await useProfileStore.getState().refresh();
    expect(useProfileStore.getState()).toMatchObject({ view: 'picker', selectedId: null });
  });

  it('restores from the locked screens: the restored profile is listed and offered for unlocking; cancel goes back', async () => {
    fake.handle('profile', 'list', () => [home, work]);
    await useProfileStore.getState().refresh();
    useProfileStore.getState().startRestore();
    expect(useProfileStore.getState().view).toBe('restore');
    useProfileStore.getState().cancelRestore();
    expect(useProfileStore.getState().view).toBe('picker');
    const restored = { id: '01JD0000000000000000000003', name: 'Home (restored)', createdAt: '2026-12-02T10:00:00.000Z' };
    useProfileStore.getState().startRestore();
    useProfileStore.getState().finishRestore(restored);
    expect(useProfileStore.getState()).toMatchObject({ view: 'unlock', selectedId: restored.id, profiles: [home, work, restored], current: null });
  });

  it('goes straight to the app when the session is already unlocked', async () => {
    fake.handle('profile', 'list', () => [home]);
    fake.handle('session', 'status', () => ({ unlocked: true, profile: home, mustChangePassword: false }));
    await useProfileStore.getState().refresh();
    expect(useProfileStore.getState()).toMatchObject({ view: 'app', current: home });
  });

  it('reports an unreachable host as a start error', async () => {
    fake.handle('profile', 'list', () => {
      throw new AppError('FORBIDDEN', 'Missing or wrong browser-mode token. Open the URL Hearth printed.');
    });
    await useProfileStore.getState().refresh();
    expect(useProfileStore.getState()).toMatchObject({ view: 'unavailable', startError: expect.stringContaining('URL Hearth printed') });
  });

  it('unlocks with a password or a recovery key', async () => {
    fake.handle('profile', 'unlock', () => home);
    useProfileStore.getState().choose(home.id);
    await useProfileStore.getState().unlock({ password: 'pw' });
    expect(useProfileStore.getState()).toMatchObject({ view: 'app', current: home });

    useProfileStore.setState({ view: 'unlock', current: null });
    await useProfileStore.getState().unlock({ recoveryKey: 'AAAA-BBBB' });
    expect(fake.calls.filter((c) => c.channel === 'profile:unlock').map((c) => c.input)).toEqual([
      { profileId: home.id, password: 'pw' },
      { profileId: home.id, recoveryKey: 'AAAA-BBBB' },
    ]);
  });

  it('after a recovery-key unlock asks for a new master password, proving it with the key typed at unlock', async () => {
    fake.handle('profile', 'unlock', () => home);
    fake.handle('profile', 'changePassword', () => ({ changed: true as const }));
    useProfileStore.getState().choose(home.id);
    await useProfileStore.getState().unlock({ recoveryKey: 'AAAA-BBBB' });
    expect(useProfileStore.getState()).toMatchObject({ view: 'set-password', current: home });
    expect(useProfileStore.getState().holdsRecoveryKey()).toBe(true);
    await useProfileStore.getState().setPasswordAfterRecovery('a brand new master passphrase');
    expect(fake.calls.filter((c) => c.channel === 'profile:changePassword').map((c) => c.input)).toEqual([
      { currentRecoveryKey: 'AAAA-BBBB', newPassword: 'a brand new master passphrase' },
    ]);
    expect(useProfileStore.getState().holdsRecoveryKey()).toBe(false);
    expect(useProfileStore.getState().view).toBe('set-password'); // the new-recovery-key offer comes next
    useProfileStore.getState().finishRecovery();
    expect(useProfileStore.getState().view).toBe('app');
  });

  it('shows the set-password screen when main says the session still needs a new password', async () => {
    fake.handle('profile', 'list', () => [home]);
    fake.handle('session', 'status', () => ({ unlocked: true, profile: home, mustChangePassword: true }));
    await useProfileStore.getState().refresh();
    expect(useProfileStore.getState()).toMatchObject({ view: 'set-password', current: home });
    expect(useProfileStore.getState().holdsRecoveryKey()).toBe(false);
  });

  it('counts wrong passwords and grows the UI delay from the third one', async () => {
    fake.handle('profile', 'unlock', () => {
      throw new AppError('WRONG_PASSWORD', 'Wrong password.');
    });
    useProfileStore.getState().choose(home.id);
    for (let i = 0; i < 3; i++) {
      useProfileStore.setState({ retryAt: 0 });
      await expect(useProfileStore.getState().unlock({ password: 'nope' })).rejects.toMatchObject({ code: 'WRONG_PASSWORD' });
    }
    expect(useProfileStore.getState().unlockFailures).toBe(3);
    expect(useProfileStore.getState().retryAt).toBeGreaterThan(Date.now());
    await expect(useProfileStore.getState().unlock({ password: 'again' })).rejects.toMatchObject({ code: 'BUSY' });
    expect([1, 2, 3, 4, 5, 10].map(unlockDelayMs)).toEqual([0, 0, 1000, 2000, 4000, 30_000]);
  });

  it('keeps the recovery key out of the store and enters the app only after the confirm step', async () => {
    fake.handle('profile', 'create', ({ name }) => ({ profile: { ...home, name }, recoveryKey: 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH' }));
    useProfileStore.getState().startCreate();
    const { recoveryKey } = await useProfileStore.getState().create('Home', 'a long passphrase');

    expect(recoveryKey).toMatch(/^AAAA/);
    expect(JSON.stringify(useProfileStore.getState())).not.toContain('AAAA');
    expect(useProfileStore.getState().view).toBe('create');
    useProfileStore.getState().finishCreate();
    expect(useProfileStore.getState().view).toBe('app');
  });

  it('drops all session state, other stores included, when main reports a lock', async () => {
    fake.handle('profile', 'list', () => [home]);
    fake.handle('session', 'status', () => ({ unlocked: true, profile: home, mustChangePassword: false }));
    const stop = useProfileStore.getState().start();
    await vi.waitFor(() => expect(useProfileStore.getState().view).toBe('app'));
    useSettingsStore.setState({ settings });

    fake.emit('session', 'locked', { reason: 'idle' });

    expect(useProfileStore.getState()).toMatchObject({ view: 'unlock', current: null, selectedId: home.id, lockReason: 'idle' });
    expect(useSettingsStore.getState().settings).toBeNull();
    expect(fake.resets).toBe(1);
    stop();
    expect(fake.listenerCount('session', 'locked')).toBe(0);
  });

  it('locks through the API and resets once even when the event also arrives', async () => {
    useProfileStore.setState({ view: 'app', current: home, profiles: [home], selectedId: home.id });
    fake.handle('profile', 'list', () => [home]);
    fake.handle('session', 'status', () => ({ unlocked: true, profile: home, mustChangePassword: false }));
    fake.handle('session', 'lock', () => {
      fake.emit('session', 'locked', { reason: 'user' });
      return { locked: true as const };
    });
    const stop = useProfileStore.getState().start();
    await useProfileStore.getState().lock();
    stop();
    expect(useProfileStore.getState().view).toBe('unlock');
    expect(fake.resets).toBe(1);
  });

  it('shows an auto-lock warning and clears it on activity', async () => {
    useProfileStore.setState({ view: 'app', current: home, lastTouchAt: Date.now() });
    const stop = useProfileStore.getState().start();
    fake.emit('session', 'autoLockWarning', { secondsLeft: 30 });
    expect(useProfileStore.getState().autoLockWarning?.secondsLeft).toBe(30);

    useProfileStore.getState().touch();
    expect(useProfileStore.getState().autoLockWarning).toBeNull();
    expect(fake.calls.filter((c) => c.channel === 'session:touch')).toHaveLength(1);
    stop();
  });

  it('throttles activity reports to one per 20 seconds', () => {
    useProfileStore.setState({ view: 'app', current: home, lastTouchAt: 0 });
    for (let i = 0; i < 5; i++) useProfileStore.getState().touch();
    expect(fake.calls.filter((c) => c.channel === 'session:touch')).toHaveLength(1);
  });

  it('returns to the picker after deleting the unlocked profile', async () => {
    fake.handle('profile', 'delete', () => ({ deleted: true as const }));
    useProfileStore.setState({ view: 'app', current: home, profiles: [home, work], selectedId: home.id });
    await useProfileStore.getState().deleteCurrent('pw');
    expect(useProfileStore.getState()).toMatchObject({ view: 'unlock', selectedId: work.id, profiles: [work] });
  });
});
