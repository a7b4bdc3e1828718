import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { createCore, type Core } from '../app/bootstrap';
import { KDF_FLOOR } from '../crypto/kdf';
import { AppError, type Result } from '../../src-shared/ipc/result';

/** A fresh profile root under the OS temp dir, removed after the test. */
export function tempRoot(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hearth-test-'));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** The real core (real argon2 at the floor cost, real SQLCipher files) on a temp root. */
export function testCore(root = tempRoot()): Core & { root: string; call: <T = unknown>(channel: string, input?: unknown) => Promise<T> } {
  const core = createCore({ root, transport: 'test', version: '0.0.0-test', kdfCost: KDF_FLOOR, validateOutput: true, resourcesDir: RESOURCES_DIR });
  afterEach(() => core.shutdown());
  const call = async <T>(channel: string, input?: unknown): Promise<T> => {
    const r: Result<unknown> = await core.router.dispatch(channel, input, { transport: 'test' });
    if (!r.ok) throw AppError.fromData(r.error);
    return r.value as T;
  };
  return Object.assign(core, { root, call });
}

/** Returns the AppError that `work` (a promise, or a function returning one) rejects with; fails if it resolves. */
export async function errorOf(work: Promise<unknown> | (() => Promise<unknown>)): Promise<AppError> {
  try {
    await (typeof work === 'function' ? work() : work);
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('Expected an AppError, but the call succeeded');
}

/** The repository's bundled resources (word list, 2FA sites). */
export const RESOURCES_DIR = path.resolve(import.meta.dirname, '../../resources');

export const PASSWORD = 'correct horse battery staple';
