import { Readable } from 'node:stream';
import sharp from 'sharp';
import { routerClient } from '../app/router-client';
import { benchCore, JOURNAL_GROUP, JOURNAL_PASSWORD } from './journal-bench-core';
import { median, percentile, seededRandom, timeAsync, type Measurement } from './measure';

/**
 * Opening an entry with `photos` attached photos (issue 9): what the renderer waits for before its first
 * paint, `journal:get` and then one inline `blobs:ticket` per thumbnail (Thumb.tsx asks for them all at
 * once). The photos are distinct 1024×768 PNGs made with sharp, attached through `journal:attach`, which
 * stores each one's thumbnail. Baseline: `journal:get` of an entry without attachments.
 */
export const OPEN_TARGET_MS = 100;
const WIDTH = 1024;
const HEIGHT = 768;

/** A photo-like PNG: smooth gradients plus noise (so it neither compresses to nothing nor dedupes with another). */
async function photo(seed: number): Promise<Buffer> {
  const rand = seededRandom(seed);
  const px = Buffer.alloc(WIDTH * HEIGHT * 3);
  for (let y = 0, i = 0; y < HEIGHT; y++) {
    for (let x = 0; x < WIDTH; x++, i += 3) {
      px[i] = (x / 4 + seed * 23) & 255;
      px[i + 1] = (y / 3 + seed * 7) & 255;
      px[i + 2] = (((x + y) / 8) & 255) ^ Math.floor(rand() * 32);
    }
  }
  return sharp(px, { raw: { width: WIDTH, height: HEIGHT, channels: 3 } })
    .png()
    .toBuffer();
}

export async function benchJournalOpen(root: string, photos: number, rounds: number): Promise<{ measurements: Measurement[]; notes: string[] }> {
  const core = benchCore(root);
  const client = routerClient(core, 'cli');
  try {
    await client.profile.create({ name: 'Journal open bench', password: JOURNAL_PASSWORD });
    const journal = await client.journal.createJournal({ name: 'Photos' });
    const plain = await client.journal.create({ journalId: journal.id, title: 'No photos', body: 'A quiet day.' });
    const entry = await client.journal.create({ journalId: journal.id, title: 'Twenty photos', body: 'The walk, in pictures.' });
    let bytes = 0;
    for (let i = 0; i < photos; i++) {
      const png = await photo(i + 1);
      bytes += png.length;
      const t = await client.blobs.uploadTicket({ maxBytes: png.length });
      const put = await core.blobs().upload(t.ticket, Readable.from([png]));
      await client.journal.attach({ entryId: entry.id, blobId: put.id, name: `photo-${i + 1}.png` });
    }

    const open = async () => {
      const e = await client.journal.get({ id: entry.id });
      const thumbs = e.attachments.map((a) => a.thumbnailBlobId);
      if (thumbs.length !== photos || thumbs.some((t) => !t)) throw new Error('journal open bench: the entry lacks its photos or their thumbnails');
      await Promise.all(thumbs.map((blobId) => client.blobs.ticket({ blobId: blobId!, disposition: 'inline' })));
    };
    const getPlain = () => client.journal.get({ id: plain.id });
    await open(); // untimed: the module's first load and a cold page cache are not what opening an entry costs
    await getPlain();
    const withPhotos: number[] = [];
    const without: number[] = [];
    for (let r = 0; r < rounds; r++) {
      withPhotos.push(await timeAsync(open));
      without.push(await timeAsync(getPlain));
    }
    const ms = median(withPhotos);
    return {
      measurements: [
        {
          group: JOURNAL_GROUP,
          name: `open an entry with ${photos} photos: journal:get + ${photos} thumbnail tickets, median (baseline: get, no photos)`,
          value: ms,
          unit: 'ms',
          baseline: median(without),
          ratio: median(without) / ms,
          target: `< ${OPEN_TARGET_MS} ms`,
          pass: ms < OPEN_TARGET_MS,
        },
        { group: JOURNAL_GROUP, name: `open an entry with ${photos} photos: p95 of ${rounds}`, value: percentile(withPhotos, 95), unit: 'ms' },
      ],
      notes: [`journal open: ${photos} PNGs of ${WIDTH}×${HEIGHT}, ${(bytes / 2 ** 20).toFixed(1)} MiB in all, each with its stored thumbnail.`],
    };
  } finally {
    core.shutdown();
  }
}
