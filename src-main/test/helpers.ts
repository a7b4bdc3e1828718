import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterEach } from 'vitest';
import { createCore, type Core, type CoreOptions } from '../app/bootstrap';
import { routerClient } from '../app/router-client';
import { toAppError } from '../ipc/router';
import type { AppClient } from '../../src-shared/ipc/channels';
import { KDF_FLOOR } from '../crypto/kdf';
import { AppError, type Result } from '../../src-shared/ipc/result';

/** A fresh profile root under the OS temp dir, removed after the test. */
export function tempRoot(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hearth-test-'));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export type TestCoreOptions = Pick<CoreOptions, 'now' | 'systemTimeZone' | 'modules' | 'files' | 'clipboard'>;

export type TestCore = Core & {
  root: string;
  /** The typed client over the router, as the renderer and CLI use it: `core.client.vault.list({})`. */
  client: AppClient;
  /** Untyped call by channel name, for tests of the router itself (unknown ops, bad input). */
  call: <T = unknown>(channel: string, input?: unknown) => Promise<T>;
};

/** The real core (real argon2 at the floor cost, real SQLCipher files) on a temp root. */
export function testCore(root = tempRoot(), opts: TestCoreOptions = {}): TestCore {
  const core = makeTestCore(root, opts);
  afterEach(() => core.shutdown());
  return core;
}

/** {@link testCore} without the per-test shutdown: for cores that live for a whole file (the caller shuts them down). */
export function makeTestCore(root: string, opts: TestCoreOptions = {}): TestCore {
  const core = createCore({ root, transport: 'test', version: '0.0.0-test', kdfCost: KDF_FLOOR, validateOutput: true, resourcesDir: RESOURCES_DIR, ...opts });
  const call = async <T>(channel: string, input?: unknown): Promise<T> => {
    const r: Result<unknown> = await core.router.dispatch(channel, input, { transport: 'test' });
    if (!r.ok) throw AppError.fromData(r.error);
    return r.value as T;
  };
  return Object.assign(core, { root, call, client: routerClient(core, 'test') });
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

/**
 * An export's file as an import takes it back, read from the core's encrypted file store (the blob the export
 * handed over; there is none only when main saved the file itself, never in tests).
 */
export async function exportedFile(
  core: Pick<Core, 'blobs'>,
  out: { fileName: string; blobId: string | null },
): Promise<{ fileName: string; contentBase64: string }> {
  if (out.blobId === null) throw new Error(`Export ${out.fileName} was saved by main, not handed over as a blob`);
  const parts: Buffer[] = [];
  for await (const chunk of await core.blobs().store.open(out.blobId)) parts.push(chunk as Buffer);
  return { fileName: out.fileName, contentBase64: Buffer.concat(parts).toString('base64') };
}

/**
 * Stores `bytes` as the file doors (browser mode's POST /api/blob, app://) do: an upload ticket, the streamed
 * bytes, and the doors' error mapping (a full disk is DISK_FULL, a read-only one READ_ONLY). Returns the blob id.
 */
export async function uploadBlob(core: TestCore, bytes: Buffer): Promise<string> {
  const { ticket } = await core.client.blobs.uploadTicket({});
  const body = Readable.from([bytes]);
  try {
    return (await core.blobs().upload(ticket, body)).id;
  } catch (err) {
    body.destroy(); // as the HTTP server closes a refused request's body
    throw toAppError(err, 'upload');
  }
}

/** The repository's bundled resources (word list, 2FA sites). */
export const RESOURCES_DIR = path.resolve(import.meta.dirname, '../../resources');

export const PASSWORD = 'correct horse battery staple';
