import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { BackupInfo, BackupSettings, RunResult } from '../../../src-shared/domains/backup/backup.schemas';
import { AppError } from '../../../src-shared/ipc/result';
import { fake } from '../../api/fake-client';
import { resetSessionState } from '../../lib/session-reset';
import { describeBackupError, runSummary, verifySummary } from './backup-format';
import { useBackupStore } from './backup.store';
import { BackupProgressBar } from './components/BackupProgressBar';

vi.mock('../../api/client', async () => (await import('../../api/fake-client')).fakeClientModule);

const settings: BackupSettings = {
  folder: '/media/usb',
  schedule: 'daily',
  keep: { daily: 7, weekly: 4, monthly: 12 },
  lastBackupAt: null,
  lastError: null,
  nextDueAt: null,
};
const info: BackupInfo = {
  file: '/media/usb/hearth-backups/01J/20261202T143000Z.hearth-backup',
  profileId: '01JDZQ6V6V0000000000000000',
  profileName: 'Home',
  createdAt: '2026-12-02T14:30:00.000Z',
  appVersion: '0.13.0',
  schemaVersion: 14,
  bytes: 2_400_000,
  blobCount: 3,
  blobBytes: 340_000,
};
const result: RunResult = { backup: info, blobsCopied: 1, blobsSkipped: 2, removed: ['/old'], blobsRemoved: 0, ms: 1234 };

beforeEach(() => {
  fake.reset();
  resetSessionState();
  fake.handle('backup', 'settings', () => settings);
  fake.handle('backup', 'list', () => [info]);
});

describe('backup.store', () => {
  it('loads the settings, then lists the configured folder', async () => {
    await useBackupStore.getState().load();
    expect(useBackupStore.getState()).toMatchObject({ settings, backups: [info], listError: null });
    expect(fake.calls.map((c) => c.channel)).toEqual(['backup:settings', 'backup:list']);
  });

  it('lists nothing while no folder is chosen, and lists the new folder once one is', async () => {
    fake.handle('backup', 'settings', () => ({ ...settings, folder: null }));
    fake.handle('backup', 'configure', (patch) => ({ ...settings, folder: patch.folder ?? null }));
    await useBackupStore.getState().load();
    expect(useBackupStore.getState().backups).toBeNull();
    await useBackupStore.getState().configure({ folder: '/media/usb' });
    expect(useBackupStore.getState()).toMatchObject({ settings: { folder: '/media/usb' }, backups: [info] });
  });

  it('follows progress while a backup runs and reloads the last result after it', async () => {
    const stop = useBackupStore.getState().start();
    let finish: (r: RunResult) => void = () => undefined;
    fake.handle('backup', 'run', () => new Promise<RunResult>((resolve) => (finish = resolve)));
    const running = useBackupStore.getState().runNow();
    expect(useBackupStore.getState().running).toBe(true);
    fake.emit('backup', 'progress', { phase: 'blobs', done: 2, total: 5 });
    expect(useBackupStore.getState().progress).toEqual({ phase: 'blobs', done: 2, total: 5 });
    fake.handle('backup', 'settings', () => ({ ...settings, lastBackupAt: info.createdAt }));
    finish(result);
    await expect(running).resolves.toEqual(result);
    expect(useBackupStore.getState()).toMatchObject({ running: false, progress: null, settings: { lastBackupAt: info.createdAt } });
    stop();
    expect(fake.listenerCount('backup', 'progress')).toBe(0);
  });

  it('rethrows a failed run and shows the error main recorded', async () => {
    fake.handle('backup', 'run', () => {
      throw new AppError('DISK_FULL', 'The backup folder is full.');
    });
    fake.handle('backup', 'settings', () => ({ ...settings, lastError: 'The backup folder is full.' }));
    await expect(useBackupStore.getState().runNow()).rejects.toMatchObject({ code: 'DISK_FULL' });
    expect(useBackupStore.getState()).toMatchObject({ running: false, settings: { lastError: 'The backup folder is full.' } });
  });

  it('shows a folder that cannot be read as a list error', async () => {
    fake.handle('backup', 'list', () => {
      throw new AppError('NOT_FOUND', 'There is no folder at /media/usb.');
    });
    await useBackupStore.getState().load();
    expect(useBackupStore.getState()).toMatchObject({ backups: null, listError: 'There is no folder at /media/usb.' });
  });
});

describe('backup words', () => {
  it('shows the running phase and its share done, or an indeterminate bar', () => {
    const counted = renderToStaticMarkup(createElement(BackupProgressBar, { progress: { phase: 'blobs', done: 3, total: 12 } }));
    expect(counted).toContain('Copying stored files: 3 of 12…');
    expect(counted).toMatch(/role="progressbar"[^>]*aria-valuenow="25"/);
    const open = renderToStaticMarkup(createElement(BackupProgressBar, { progress: { phase: 'snapshot', done: 0, total: 0 } }));
    expect(open).toMatch(/aria-valuetext="Copying the database"/);
    expect(open).not.toContain('aria-valuenow');
  });

  it('sums up a run: copied, already there, removed', () => {
    expect(runSummary(result)).toBe('Backed up in 1.2 s · 1 file copied · 2 already there · 1 old backup removed');
  });

  it('names the secret a backup needs and calls a damaged backup damaged', () => {
    expect(describeBackupError(new AppError('WRONG_PASSWORD', 'Wrong password.'), 'password')).toBe('Wrong password for this backup.');
    expect(describeBackupError(new AppError('WRONG_PASSWORD', 'Wrong key.'), 'recovery-key')).toBe('Wrong recovery key for this backup.');
    expect(describeBackupError(new AppError('CORRUPT', 'Chunk 3 failed its check.'), 'password')).toBe('This backup is damaged: Chunk 3 failed its check.');
    expect(verifySummary({ ok: false, backup: info, chunks: 4, blobsChecked: 3, problems: ['a', 'b'] })).toBe('This backup is damaged: 2 problems found.');
  });
});
