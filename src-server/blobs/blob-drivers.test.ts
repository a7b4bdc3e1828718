import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { open, packSealed, seal, unpackSealed } from '../../src-main/crypto/cipher';
import { S3RVER_SKIP_REASON, startS3rver, type S3rverHandle } from '../test/s3rver';
import type { BlobDriver } from './blob-driver';
import { BlobError } from './blob-error';
import { BlobSpecError, createBlobDriver, FsBlobDriver, S3BlobDriver } from './index';

/**
 * One suite, run against both blob drivers (the filesystem and S3 on a real s3rver on 127.0.0.1): round trips,
 * content addressing, and atomicity — a wrong hash, a wrong size or a body that fails half-way leaves nothing behind,
 * neither at the final name nor as a temp file or temp object.
 */

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

async function readAll(stream: Readable | null): Promise<Buffer | null> {
  if (!stream) return null;
  const parts: Buffer[] = [];
  for await (const c of stream) parts.push(Buffer.from(c as Uint8Array));
  return Buffer.concat(parts);
}

/** A body that streams in 64 KiB chunks, like a real upload. */
function streamOf(bytes: Buffer): Readable {
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += 64 * 1024) chunks.push(bytes.subarray(i, i + 64 * 1024));
  return Readable.from(chunks);
}

/** A body that sends `before` bytes and then fails, as a dropped connection does. */
async function* cutOff(bytes: Buffer, before: number): AsyncIterable<Uint8Array> {
  yield bytes.subarray(0, before);
  await new Promise((r) => setTimeout(r, 5));
  throw new Error('connection reset');
}

async function filesUnder(dir: string): Promise<string[]> {
  try {
    const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true });
    return entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
  } catch {
    return [];
  }
}

interface Subject {
  driver: BlobDriver;
  /** Everything the store holds, including any temp file or temp object (names relative to the store). */
  stored(): Promise<string[]>;
  /** The raw bytes of everything the store holds (what an attacker with the bucket or disk would see). */
  raw(): Promise<Buffer[]>;
  /** A driver on the same store whose limit is `maxBytes`. */
  limited(maxBytes: number): BlobDriver;
  /** A driver whose store is unusable (ping must say false). */
  broken(): BlobDriver;
}

interface DriverCase {
  name: string;
  skip: string | null;
  setup(): Promise<{ subject: Subject; teardown(): Promise<void> }>;
}

const cases: DriverCase[] = [
  {
    name: 'fs',
    skip: null,
    async setup() {
      const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'hearth-blobs-fs-'));
      const root = path.join(dir, 'blobs');
      const notAFolder = path.join(dir, 'file');
      await fs.writeFile(notAFolder, 'x');
      const subject: Subject = {
        driver: new FsBlobDriver({ root }),
        stored: () => filesUnder(root),
        raw: async () => Promise.all((await filesUnder(root)).map((f) => fs.readFile(path.join(root, f)))),
        limited: (maxBytes) => new FsBlobDriver({ root, maxBytes }),
        broken: () => new FsBlobDriver({ root: path.join(notAFolder, 'blobs') }),
      };
      return { subject, teardown: () => fs.rm(dir, { recursive: true, force: true }) };
    },
  },
  {
    name: 's3 (s3rver)',
    skip: S3RVER_SKIP_REASON,
    async setup() {
      const s3: S3rverHandle = await startS3rver();
      const spoolDir = await fs.mkdtemp(path.join(os.tmpdir(), 'hearth-blobs-spool-'));
      const subject: Subject = {
        driver: s3.driver({ spoolDir }),
        // Bucket keys plus anything left in the local spool folder.
        stored: async () => [...(await s3.keys()), ...(await filesUnder(spoolDir)).map((f) => `spool:${f}`)],
        raw: async () => (await s3.objects()).map((o) => o.bytes),
        limited: (maxBytes) => s3.driver({ spoolDir, maxBytes }),
        broken: () => s3.driver({ spoolDir, bucket: 'no-such-bucket' }),
      };
      return {
        subject,
        teardown: async () => {
          await s3.stop();
          await fs.rm(spoolDir, { recursive: true, force: true });
        },
      };
    },
  },
];

for (const c of cases) {
  describe.skipIf(c.skip)(`blob driver: ${c.name}${c.skip ? ` (skipped: ${c.skip})` : ''}`, () => {
    let s: Subject;
    let teardown: () => Promise<void>;
    beforeAll(async () => {
      ({ subject: s, teardown } = await c.setup());
    });
    afterAll(async () => teardown?.());

    it.each([
      ['0 B', 0],
      ['1 B', 1],
      ['5 MiB', 5 * 1024 * 1024],
    ])('round trip of %s: put, has, get, delete', async (_label, size) => {
      const bytes = randomBytes(size);
      const id = sha(bytes);
      expect(await s.driver.has(id)).toBe(false);
      expect(await s.driver.get(id)).toBeNull();
      await s.driver.put(id, size > 1024 ? streamOf(bytes) : bytes, size);
      expect(await s.driver.has(id)).toBe(true);
      expect((await readAll(await s.driver.get(id)))!.equals(bytes)).toBe(true);
      expect(await s.stored()).toHaveLength(1);
      await s.driver.delete(id);
      expect(await s.driver.has(id)).toBe(false);
      expect(await s.driver.get(id)).toBeNull();
      await s.driver.delete(id); // absent: not an error
      expect(await s.stored()).toEqual([]);
    });

    it('is content-addressed: putting the same bytes twice (even at once) stores one blob', async () => {
      const bytes = randomBytes(200_000);
      const id = sha(bytes);
      await Promise.all([s.driver.put(id, streamOf(bytes)), s.driver.put(id, bytes)]);
      await s.driver.put(id, bytes, bytes.length);
      expect(await s.stored()).toHaveLength(1);
      expect((await readAll(await s.driver.get(id)))!.equals(bytes)).toBe(true);
      await s.driver.delete(id);
    });

    it('refuses bytes that do not hash to the id, and stores nothing', async () => {
      const bytes = randomBytes(100_000);
      const wrongId = sha(Buffer.concat([bytes, Buffer.from([0])]));
      await expect(s.driver.put(wrongId, streamOf(bytes))).rejects.toMatchObject({ name: 'BlobError', code: 'HASH_MISMATCH', syncCode: 'BAD_REQUEST' });
      expect(await s.driver.has(wrongId)).toBe(false);
      expect(await s.stored()).toEqual([]);
    });

    it('refuses a body shorter or longer than its declared size, and stores nothing', async () => {
      const bytes = randomBytes(1000);
      const id = sha(bytes);
      await expect(s.driver.put(id, bytes, 999)).rejects.toMatchObject({ code: 'SIZE_MISMATCH' });
      await expect(s.driver.put(id, bytes, 1001)).rejects.toMatchObject({ code: 'SIZE_MISMATCH' });
      expect(await s.driver.has(id)).toBe(false);
      expect(await s.stored()).toEqual([]);
    });

    it('a body stream that fails half-way (a cut-off upload) leaves nothing: no blob, no temp file, no temp object', async () => {
      const bytes = randomBytes(3 * 1024 * 1024);
      const id = sha(bytes);
      const err = await s.driver.put(id, cutOff(bytes, 1024 * 1024), bytes.length).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(BlobError);
      expect(err).toMatchObject({ code: 'ABORTED' });
      expect(await s.driver.has(id)).toBe(false);
      expect(await s.stored()).toEqual([]);
      // The retry with the whole body then succeeds.
      await s.driver.put(id, streamOf(bytes), bytes.length);
      expect((await readAll(await s.driver.get(id)))!.equals(bytes)).toBe(true);
      await s.driver.delete(id);
    });

    it('refuses a body above its limit while streaming (declared or not), and stores nothing', async () => {
      const small = s.limited(4096);
      const bytes = randomBytes(10_000);
      const id = sha(bytes);
      await expect(small.put(id, bytes, bytes.length)).rejects.toMatchObject({ code: 'TOO_LARGE', syncCode: 'TOO_LARGE' });
      await expect(small.put(id, streamOf(bytes))).rejects.toMatchObject({ code: 'TOO_LARGE' });
      expect(await s.stored()).toEqual([]);
    });

    it('refuses ids that are not a SHA-256 hex digest (never a path or key)', async () => {
      for (const bad of ['../../etc/passwd', 'A'.repeat(64), 'ab', `${'a'.repeat(63)}/`]) {
        await expect(s.driver.put(bad, Buffer.from('x'))).rejects.toMatchObject({ code: 'BAD_ID' });
        await expect(s.driver.get(bad)).rejects.toMatchObject({ code: 'BAD_ID' });
        await expect(s.driver.has(bad)).rejects.toMatchObject({ code: 'BAD_ID' });
        await expect(s.driver.delete(bad)).rejects.toMatchObject({ code: 'BAD_ID' });
      }
      expect(await s.stored()).toEqual([]);
    });

    it('ping: true on a working store, false on an unusable one', async () => {
      expect(await s.driver.ping()).toBe(true);
      expect(await s.broken().ping()).toBe(false);
      expect(await s.stored()).toEqual([]);
    });

    it('stores only what it is given: a blob sealed on the device does not show its plaintext canary in the store', async () => {
      const canary = `CANARY-${randomBytes(8).toString('hex')}`;
      const forms = (t: string) => [
        Buffer.from(t, 'utf8'),
        Buffer.from(t, 'utf16le'),
        Buffer.from(Buffer.from(t).toString('base64')),
        Buffer.from(Buffer.from(t).toString('hex')),
      ];
      const plaintext = Buffer.from(`receipt for the lamp — ${canary} — paid in full`);
      const key = randomBytes(32);
      const aad = Buffer.from('hearth/test/blob');
      const sealed = packSealed(seal(key, plaintext, aad));
      const id = sha(sealed);
      await s.driver.put(id, sealed, sealed.length);
      const raw = await s.raw();
      expect(raw).toHaveLength(1);
      for (const f of forms(canary)) expect(raw[0]!.includes(f)).toBe(false);
      // The stored bytes are the sealed blob exactly, and the device can still open them (the test can fail).
      const back = (await readAll(await s.driver.get(id)))!;
      expect(open(key, unpackSealed(back)!, aad)!.toString()).toContain(canary);
      // Control: the same check does see a canary stored in the clear.
      const clearId = sha(plaintext);
      await s.driver.put(clearId, plaintext);
      expect((await s.raw()).some((b) => b.includes(Buffer.from(canary)))).toBe(true);
      await s.driver.delete(clearId);
      await s.driver.delete(id);
    });
  });
}

describe('createBlobDriver (HEARTH_SERVER_BLOBS)', () => {
  it('fs:<folder> gives the filesystem driver on that folder', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'hearth-blobs-spec-'));
    try {
      const d = createBlobDriver(`fs:${dir}/b`);
      expect(d).toBeInstanceOf(FsBlobDriver);
      expect((d as FsBlobDriver).root).toBe(path.join(dir, 'b'));
      expect(await d.ping()).toBe(true);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });

  it('refuses unknown schemes, credentials in the URL, unknown parameters and half-set credentials', () => {
    const env = {};
    expect(() => createBlobDriver('/var/blobs', env)).toThrow(BlobSpecError);
    expect(() => createBlobDriver('fs:', env)).toThrow(BlobSpecError);
    expect(() => createBlobDriver('s3://key:secret@bucket?region=us-east-1', env)).toThrow(/HEARTH_SERVER_S3_ACCESS_KEY/);
    expect(() => createBlobDriver('s3://bucket?region=us-east-1&secret=x', env)).toThrow(BlobSpecError);
    expect(() => createBlobDriver('s3://bucket/path', env)).toThrow(BlobSpecError);
    expect(() => createBlobDriver('s3://B_', env)).toThrow(BlobSpecError);
    expect(() => createBlobDriver('s3://bucket?endpoint=not-a-url', env)).toThrow(BlobSpecError);
    expect(() => createBlobDriver('s3://bucket', { HEARTH_SERVER_S3_ACCESS_KEY: 'a' })).toThrow(/both/);
  });

  describe.skipIf(S3RVER_SKIP_REASON)(`s3://… on s3rver${S3RVER_SKIP_REASON ? ` (skipped: ${S3RVER_SKIP_REASON})` : ''}`, () => {
    let s3: S3rverHandle;
    beforeAll(async () => {
      s3 = await startS3rver('hearth-spec');
    });
    afterAll(async () => s3?.stop());

    it('builds a working S3 driver from the spec and credentials from the environment', async () => {
      const d = createBlobDriver(`${s3.spec}&prefix=b/`, s3.env) as S3BlobDriver;
      try {
        expect(d).toBeInstanceOf(S3BlobDriver);
        expect(await d.ping()).toBe(true);
        const bytes = Buffer.from('hello');
        await d.put(sha(bytes), bytes);
        expect(await s3.keys()).toEqual([`b/${sha(bytes)}`]);
        // Wrong credentials are refused by the store (s3rver checks signatures): ping says so.
        const wrong = createBlobDriver(s3.spec, { HEARTH_SERVER_S3_ACCESS_KEY: 'nobody', HEARTH_SERVER_S3_SECRET_KEY: 'wrong' }) as S3BlobDriver;
        expect(await wrong.ping()).toBe(false);
        wrong.close();
      } finally {
        d.close();
      }
    });
  });
});
