import { describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../../src-shared/domains/sync/sync.schemas';
import { ago, statusLine } from './sync-format';

const now = Date.parse('2026-12-01T12:00:00Z');
const base: SyncStatus = {
  configured: true,
  signedIn: true,
  serverUrl: 'https://sync.example.org',
  email: 'a@example.org',
  deviceName: 'Laptop',
  deviceId: null,
  lastSyncAt: '2026-12-01T11:55:00.000Z',
  lastError: null,
  pending: 0,
  nextAttemptAt: null,
  background: true,
  stopped: false,
  running: false,
};

describe('sync status in words', () => {
  it('says synced, waiting changes, syncing, the last error, or signed out', () => {
    expect(statusLine(base, now)).toEqual({ tone: 'ok', text: 'Synced 5 min ago' });
    expect(statusLine({ ...base, pending: 2 }, now).text).toBe('Synced 5 min ago · 2 changes waiting');
    expect(statusLine({ ...base, running: true }, now)).toEqual({ tone: 'busy', text: 'Syncing…' });
    expect(statusLine({ ...base, lastError: { code: 'NETWORK', message: 'Cannot reach the sync server.', at: base.lastSyncAt! } }, now)).toEqual({
      tone: 'error',
      text: 'Not synced: Cannot reach the sync server.',
    });
    expect(statusLine({ ...base, signedIn: false, stopped: true }, now).text).toMatch(/revoked/);
    expect(statusLine({ ...base, lastSyncAt: null }, now).text).toBe('Not synced yet.');
  });

  it('says how long ago', () => {
    expect(ago('2026-12-01T11:59:30Z', now)).toBe('just now');
    expect(ago('2026-12-01T09:00:00Z', now)).toBe('3 h ago');
  });
});
