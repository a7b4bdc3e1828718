import { createHash } from 'node:crypto';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { BlobFiles } from './blob-files';

/**
 * Child process for blob-files.large.test.ts: streams `mib` MiB of generated data into the encrypted
 * store and back out, and prints the SHA-256 of both sides and the process's peak RSS. Generated data
 * (counter blocks) so that neither side is ever held in memory.
 */
const [dir, mibText] = process.argv.slice(2);
const mib = Number(mibText);
const block = (i: number): Buffer => {
  const b = Buffer.alloc(1024 * 1024, i & 0xff);
  b.writeUInt32BE(i, 0);
  return b;
};
const inHash = createHash('sha256');
const source = Readable.from(
  (function* () {
    for (let i = 0; i < mib; i++) {
      const b = block(i);
      inHash.update(b);
      yield b;
    }
  })(),
);
const store = new BlobFiles(dir!, () => Buffer.alloc(32, 9));
const { id, size } = await store.put(source);
const outHash = createHash('sha256');
await pipeline(await store.open(id), new Writable({ write: (c: Buffer, _e, done) => void (outHash.update(c), done()) }));
process.stdout.write(JSON.stringify({ size, in: inHash.digest('hex'), out: outHash.digest('hex'), maxRssMiB: process.resourceUsage().maxRSS / 1024 }));
