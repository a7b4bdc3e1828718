import os from 'node:os';
import path from 'node:path';
import { KDF_DEFAULT, KDF_FLOOR, type KdfCost } from '../crypto/kdf';

/**
 * Where profiles live outside Electron (CLI, browser mode): HEARTH_HOME, else the same folder Electron
 * uses for userData on each platform, so the CLI and the app see the same profiles.
 */
export function profileRootFromEnv(): string {
  if (process.env.HEARTH_HOME) return path.resolve(process.env.HEARTH_HOME);
  const home = os.homedir();
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Hearth', 'profiles');
  if (process.platform === 'win32') return path.join(process.env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Hearth', 'profiles');
  return path.join(process.env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'Hearth', 'profiles');
}

/**
 * Argon2id memory for new keyrings. HEARTH_KDF_MEMORY_KIB lets tests and small machines choose a
 * lower cost, but never below the floor (64 MiB, t=3, p=4), which unlock enforces anyway.
 */
export function kdfCostFromEnv(): KdfCost {
  const raw = Number(process.env.HEARTH_KDF_MEMORY_KIB);
  const memoryKiB = Number.isInteger(raw) && raw > 0 ? Math.max(raw, KDF_FLOOR.memoryKiB) : KDF_DEFAULT.memoryKiB;
  return { ...KDF_DEFAULT, memoryKiB };
}
