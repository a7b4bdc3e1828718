import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { errorOf, tempRoot } from '../../test/helpers';
import { createPathGuard } from './backup-access';
import { createScheduler } from './backup-scheduler';
import { isDue, nextDueMs, type StoredBackupSettings } from './backup-settings';

/** The desktop renderer's path limits (backup-access.ts), and when the scheduler runs (backup-settings.ts, backup-scheduler.ts). */
describe('backup paths from the desktop renderer', () => {
  it('accepts only folders main picked or the configured one, and backup files inside them; the CLI any absolute path', async () => {
    const picked = tempRoot();
    const other = tempRoot();
    const inPicked = path.join(picked, 'hearth-backups', 'x.hearth-backup');
    const guard = createPathGuard();
    const electron = { transport: 'electron' } as const;
    expect((await errorOf(guard.folder(picked, electron, null))).code).toBe('FORBIDDEN');
    guard.remember(picked);
    expect(await guard.folder(picked, electron, null)).toBe(picked);
    expect(await guard.file(inPicked, electron, null)).toBe(inPicked);
    expect(await guard.folder(other, electron, other)).toBe(other); // the configured folder
    expect((await errorOf(guard.folder(other, electron, null))).code).toBe('FORBIDDEN');
    expect((await errorOf(guard.file(path.join(other, 'x.hearth-backup'), electron, null))).code).toBe('FORBIDDEN');
    expect((await errorOf(guard.file(path.join(picked, 'notes.txt'), electron, null))).code).toBe('FORBIDDEN');
    // A symbolic link inside the picked folder pointing out of it does not widen the reach.
    await fs.symlink(other, path.join(picked, 'link'));
    expect((await errorOf(guard.file(path.join(picked, 'link', 'x.hearth-backup'), electron, null))).code).toBe('FORBIDDEN');
    expect(await guard.folder(other, { transport: 'cli' }, null)).toBe(other);
    expect((await errorOf(guard.folder('relative/dir', { transport: 'cli' }, null))).code).toBe('INVALID_INPUT');
  });
});

describe('backup schedule', () => {
  const base: StoredBackupSettings = { folder: '/b', schedule: 'daily', keep: { daily: 7, weekly: 4, monthly: 12 }, lastBackupAt: null, lastError: null };
  const now = Date.parse('2026-12-02T12:00:00Z');

  it('is due when never run or older than the period, and never when off or without a folder', () => {
    expect(isDue(base, now)).toBe(true);
    expect(isDue({ ...base, lastBackupAt: '2026-12-01T13:00:00Z' }, now)).toBe(false);
    expect(nextDueMs({ ...base, lastBackupAt: '2026-12-01T13:00:00Z' }, now)).toBe(Date.parse('2026-12-02T13:00:00Z'));
    expect(isDue({ ...base, lastBackupAt: '2026-12-01T11:00:00Z' }, now)).toBe(true);
    expect(isDue({ ...base, schedule: 'weekly', lastBackupAt: '2026-11-28T12:00:00Z' }, now)).toBe(false);
    expect(isDue({ ...base, schedule: 'off' }, now)).toBe(false);
    expect(isDue({ ...base, folder: null }, now)).toBe(false);
  });

  it('checks at start and on its timer, runs when due, survives a failing run, and stops', async () => {
    let due = true;
    let runs = 0;
    const scheduler = createScheduler(
      async () => due,
      async () => {
        runs++;
        throw new Error('the drive is gone');
      },
      20,
    );
    scheduler.start();
    await new Promise((r) => setTimeout(r, 70));
    expect(runs).toBeGreaterThanOrEqual(2);
    due = false;
    const seen = runs;
    await new Promise((r) => setTimeout(r, 50));
    expect(runs).toBe(seen);
    scheduler.stop();
  });
});
