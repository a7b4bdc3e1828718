import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, promises as fs } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createCore } from '../app/bootstrap';
import { routerClient } from '../app/router-client';
import { KDF_FLOOR } from '../crypto/kdf';
import { compared, timeAsync, type Measurement } from './measure';

/**
 * Adding files to the library (issue 9) against a plain copy of the same files on the same disk, in the same
 * run: each file streamed from disk into the encrypted store (`store.put`, as `hearth files add` does) and
 * claimed through the router (`files:add`: row, ref, index, folders). Target ≥ 0.60× of the plain copy, and
 * peak RSS growth < 200 MiB (the store streams, so it must not grow with the total).
 * `HEARTH_BENCH_FILES_MIB=1024 npm run bench` runs the 1 GiB case.
 */
export interface FilesBenchOptions {
  root: string;
  /** Total size; split into files of `fileMib`. */
  mib: number;
  fileMib: number;
}

const GROUP_OF = (o: FilesBenchOptions) => `Files (${o.mib} MiB in ${Math.ceil(o.mib / o.fileMib)} files; baseline = plain copy, fsync)`;

async function writeSources(dir: string, opts: FilesBenchOptions): Promise<string[]> {
  await fs.mkdir(dir, { recursive: true });
  const files: string[] = [];
  for (let i = 0; i * opts.fileMib < opts.mib; i++) {
    const file = path.join(dir, `file-${String(i).padStart(4, '0')}.bin`);
    const out = createWriteStream(file);
    // Different random bytes per file: nothing dedupes, every byte is encrypted and written.
    for (let m = 0; m < Math.min(opts.fileMib, opts.mib - i * opts.fileMib); m++) out.write(randomBytes(1024 * 1024));
    await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
    files.push(file);
  }
  return files;
}

export async function benchFiles(opts: FilesBenchOptions): Promise<{ measurements: Measurement[]; notes: string[] }> {
  const sources = await writeSources(path.join(opts.root, 'source'), opts);
  const copyDir = path.join(opts.root, 'copy');
  await fs.mkdir(copyDir);
  const core = createCore({
    root: path.join(opts.root, 'profiles'),
    transport: 'cli',
    version: 'bench',
    kdfCost: KDF_FLOOR,
    resourcesDir: path.resolve(__dirname, '../../resources'),
  });
  let peakRss = 0;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
  try {
    const client = routerClient(core, 'cli');
    await client.profile.create({ name: 'Files bench', password: 'correct horse battery staple' });
    const plainMs = await timeAsync(async () => {
      for (const f of sources)
        await pipeline(createReadStream(f, { highWaterMark: 1 << 20 }), createWriteStream(path.join(copyDir, path.basename(f)), { flush: true }));
    });
    await fs.rm(copyDir, { recursive: true });
    global.gc?.();
    const startRss = process.memoryUsage().rss;
    peakRss = startRss;
    const store = core.blobs().store;
    const libraryMs = await timeAsync(async () => {
      for (const f of sources) {
        const put = await store.put(f);
        await client.files.add({ blobId: put.id, name: path.basename(f), relativePath: `bench/${path.basename(f)}` });
      }
    });
    const listed = (await client.files.list({})).files.length;
    const mibPerS = (ms: number) => opts.mib / (ms / 1000);
    const group = GROUP_OF(opts);
    const growth = Math.max(0, peakRss - startRss) / 2 ** 20;
    return {
      measurements: [
        compared(group, 'add: file → encrypted store + library row', mibPerS(libraryMs), mibPerS(plainMs), 'MiB/s', 0.6),
        { group, name: 'peak RSS growth while adding', value: growth, unit: 'MiB', target: '< 200 MiB', pass: growth < 200 },
      ],
      notes: listed === sources.length ? [] : [`files bench: ${listed} files listed, ${sources.length} added`],
    };
  } finally {
    clearInterval(sampler);
    core.shutdown();
  }
}
