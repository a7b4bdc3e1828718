import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, promises as fs } from 'node:fs';
import path from 'node:path';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { BlobFiles } from '../blobs/blob-files';
import { compared, median, timeAsync, type Measurement } from './measure';

/**
 * The encrypted file store against a plain file copy on the same disk, in the same run: write (stream in →
 * encrypted blob, fsync) and read (blob → plaintext stream). Target ≥ 0.60× of plain throughput. Also the
 * peak RSS growth while streaming, which must stay flat whatever the file size.
 */
export interface BlobBenchOptions {
  dir: string;
  mib: number;
  rounds: number;
}

const sink = (): Writable => new Writable({ write: (_c, _e, done) => done() });

export async function benchBlobs(opts: BlobBenchOptions): Promise<{ measurements: Measurement[]; notes: string[] }> {
  const block = randomBytes(1024 * 1024);
  const source = () =>
    Readable.from(
      (function* () {
        for (let i = 0; i < opts.mib; i++) yield block;
      })(),
    );
  const blobs = new BlobFiles(path.join(opts.dir, 'blobs'), () => key);
  const key = randomBytes(32);
  const plainFile = path.join(opts.dir, 'plain.bin');
  const w = { plain: [] as number[], blob: [] as number[] };
  const r = { plain: [] as number[], blob: [] as number[] };
  let peakRss = 0;
  const startRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
  try {
    for (let round = 0; round < opts.rounds; round++) {
      w.plain.push(await timeAsync(() => pipeline(source(), createWriteStream(plainFile, { flush: true }))));
      let id = '';
      w.blob.push(await timeAsync(async () => void ({ id } = await blobs.put(source()))));
      r.plain.push(await timeAsync(() => pipeline(createReadStream(plainFile, { highWaterMark: 256 * 1024 }), sink())));
      r.blob.push(await timeAsync(async () => pipeline(await blobs.open(id), sink())));
      await blobs.remove(id);
      await fs.rm(plainFile);
    }
  } finally {
    clearInterval(sampler);
  }
  const mibPerS = (ms: number) => opts.mib / (ms / 1000);
  const group = `file store (${opts.mib} MiB stream; baseline = plain file on the same disk)`;
  return {
    measurements: [
      compared(group, 'write: stream → encrypted blob (fsync)', mibPerS(median(w.blob)), mibPerS(median(w.plain)), 'MiB/s', 0.6),
      compared(group, 'read: encrypted blob → stream', mibPerS(median(r.blob)), mibPerS(median(r.plain)), 'MiB/s', 0.6),
      {
        group,
        name: 'peak RSS growth while streaming',
        value: Math.max(0, peakRss - startRss) / 2 ** 20,
        unit: 'MiB',
        target: '< 64 MiB',
        pass: peakRss - startRss < 64 * 2 ** 20,
      },
    ],
    notes: [],
  };
}
