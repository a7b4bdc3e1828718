import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { makeTestCore, PASSWORD, type TestCore } from './helpers';

/**
 * Tests only: devices of one sync account for a whole test file (testCore's are per test). Each is a real core on its
 * own temp root (real SQLCipher profile, argon2 at the floor cost); the first signs up through the sync module, the
 * others join with the master password (same data key), exactly as the app does. Background sync is off, so passes
 * run when the test says. `close()` (afterAll) locks them and removes their folders.
 */
export interface SyncDevices {
  devices: TestCore[];
  close(): void;
}

export async function syncDevices(serverUrl: string, email: string, count = 2, opts: { now?: () => number } = {}): Promise<SyncDevices> {
  const roots: string[] = [];
  const devices: TestCore[] = [];
  const close = (): void => {
    for (const d of devices) d.shutdown();
    for (const r of roots) rmSync(r, { recursive: true, force: true });
  };
  try {
    for (let i = 0; i < count; i++) {
      const root = mkdtempSync(path.join(os.tmpdir(), 'hearth-sync-device-'));
      roots.push(root);
      const device = makeTestCore(root, opts);
      devices.push(device);
      const deviceName = `Device ${i + 1}`;
      if (i === 0) {
        await device.client.profile.create({ name: deviceName, password: PASSWORD });
        await device.client.sync.signUp({ serverUrl, email, password: PASSWORD, deviceName });
      } else {
        await device.client.sync.join({ serverUrl, email, password: PASSWORD, deviceName, profileName: deviceName });
      }
      await device.client.sync.setBackground({ enabled: false });
    }
  } catch (err) {
    close();
    throw err;
  }
  return { devices, close };
}
