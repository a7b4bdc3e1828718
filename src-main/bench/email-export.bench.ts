import { mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { AppClient } from '../../src-shared/ipc/channels';
import { cpuSeconds, EMAIL_GROUP, plainReadMiBps, sha256File } from './email-bench-core';
import { msSince, type Measurement } from './measure';

/**
 * Email export (issue 12): the whole archive (one folder, the imported mbox) through `email:export` as mbox into a
 * folder, in MiB/s beside the same-run plain read of the source file. The exported mbox must hash equal to the
 * imported file: the row fails otherwise.
 */
function mboxFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.mbox'))
    .map((e) => path.join(e.parentPath, e.name));
}

export async function benchEmailExport(
  client: AppClient,
  opts: { root: string; mbox: string; mib: number },
): Promise<{ measurements: Measurement[]; notes: string[] }> {
  const dest = path.join(opts.root, 'export');
  mkdirSync(dest);
  const readMiBps = await plainReadMiBps(opts.mbox);
  const started = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  const result = await client.email.export({ format: 'mbox', dest });
  const exportMs = msSince(started);
  const cpuS = cpuSeconds(cpu);
  const files = mboxFiles(dest);
  const [source, out] = await Promise.all([sha256File(opts.mbox), files.length === 1 ? sha256File(files[0]!) : Promise.resolve('')]);
  const same = out === source;
  const mibPerS = result.bytes / 2 ** 20 / (exportMs / 1000);
  return {
    measurements: [
      {
        group: EMAIL_GROUP,
        name: `export the archive as mbox, ${result.messages.toLocaleString('en-US')} messages (baseline: plain read of the source)`,
        value: mibPerS,
        unit: 'MiB/s',
        baseline: readMiBps,
        ratio: mibPerS / readMiBps,
        target: 'SHA-256 = source file',
        pass: same,
      },
    ],
    notes: [
      `email export: ${files.length} mbox file(s), ${(result.bytes / 2 ** 20).toFixed(1)} of ${opts.mib.toFixed(1)} MiB, ${result.verified} messages verified; ` +
        `SHA-256 ${same ? 'equals' : 'DIFFERS from'} the imported file's; ${(exportMs / 1000).toFixed(1)} s (CPU ${cpuS.toFixed(1)} s).`,
    ],
  };
}
