import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * A 2 GiB file through the encrypted store and back, in a child process of its own so that its peak RSS
 * is the store's and nothing else's. The bound is the platform's: RSS under 200 MiB whatever the size.
 */
const MIB = 2048;
let dir: string;
let script: string;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'hearth-blob-2g-'));
  script = path.join(dir, 'stream.mjs');
  await build({
    entryPoints: [path.join(import.meta.dirname, 'stream-2gib.fixture.ts')],
    outfile: script,
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    logLevel: 'warning',
  });
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('encrypted blob files at scale', () => {
  it('streams 2 GiB in and out with the same bytes and a flat memory profile (peak RSS < 200 MiB)', () => {
    const out = execFileSync(process.execPath, [script, path.join(dir, 'blobs'), String(MIB)], { encoding: 'utf8', maxBuffer: 1 << 20 });
    const result = JSON.parse(out) as { size: number; in: string; out: string; maxRssMiB: number };
    expect(result.size).toBe(MIB * 1024 * 1024);
    expect(result.out).toBe(result.in);
    expect(result.maxRssMiB).toBeLessThan(200);
  }, 300_000);
});
