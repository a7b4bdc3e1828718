import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { msSince } from './measure';

/**
 * What the email bench files share (issue 12): the row group, the same-run read baseline, a file's SHA-256, an RSS
 * sampler and CPU time (a load-independent number on a shared machine).
 */
export const EMAIL_GROUP = 'Email';

/** `cat file > /dev/null` in this process: the file through a plain read stream, nothing done with the bytes; MiB/s. */
export async function plainReadMiBps(file: string): Promise<number> {
  const started = process.hrtime.bigint();
  let bytes = 0;
  for await (const chunk of createReadStream(file)) bytes += (chunk as Buffer).byteLength;
  return bytes / 2 ** 20 / (msSince(started) / 1000);
}

export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Peak process RSS (the worker threads' heaps included) while running, sampled every 20 ms. */
export function rssSampler(): { stop: () => { startMiB: number; peakMiB: number } } {
  const start = process.memoryUsage().rss;
  let peak = start;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  return {
    stop: () => {
      clearInterval(timer);
      peak = Math.max(peak, process.memoryUsage().rss);
      return { startMiB: start / 2 ** 20, peakMiB: peak / 2 ** 20 };
    },
  };
}

/** User + system CPU seconds of the whole process (every thread) since `since` (a `process.cpuUsage()` reading). */
export function cpuSeconds(since: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(since);
  return (d.user + d.system) / 1e6;
}
