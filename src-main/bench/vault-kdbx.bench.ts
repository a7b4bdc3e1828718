import { execFileSync } from 'node:child_process';
import type { ImportedItem } from '../../src-shared/domains/vault/vault.schemas';
import { exportKdbx } from '../domains/vault/export/kdbx';
import { timeAsync, type Measurement } from './measure';
import { vaultItems } from './vault-data';

/** The KDBX export's goal: 100,000 items in under 15 s and 600 MB of memory. */
export const KDBX_EXPORT_ITEMS = 100_000;
const KDBX_EXPORT_MS = 15_000;
const KDBX_EXPORT_MAX_RSS_MIB = 600;

/** The flag that makes bench.cjs run only {@link benchKdbxExport} and print its rows as JSON. */
export const KDBX_CHILD_FLAG = '--kdbx-export-child';

/**
 * Runs {@link benchKdbxExport} in a fresh bench process, so its peak RSS is the export's own and not
 * what earlier sections left on the heap.
 */
export function benchKdbxExportInChild(group: string): Measurement[] {
  const out = execFileSync(process.execPath, [process.argv[1]!, KDBX_CHILD_FLAG, group], { encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(out) as Measurement[];
}

/**
 * KDBX export of 100,000 bench items (every tenth with a password change), Argon2id 64 MiB included:
 * wall time and the process's peak RSS afterwards (input items included, so an upper bound).
 */
export async function benchKdbxExport(group: string, count = KDBX_EXPORT_ITEMS): Promise<Measurement[]> {
  const items: ImportedItem[] = vaultItems(count).map((item, i) => ({
    item,
    passwordHistory: i % 10 === 0 ? [{ password: `old-${i}`, changedAt: '2024-01-01T00:00:00.000Z' }] : [],
    createdAt: '2023-01-01T00:00:00.000Z',
    updatedAt: '2024-02-01T00:00:00.000Z',
  }));
  let size = 0;
  const ms = await timeAsync(async () => {
    size = (await exportKdbx(items, { password: 'bench export password' })).byteLength;
  });
  const peakMiB = process.resourceUsage().maxRSS / 1024;
  const name = `export KDBX 4 (${count / 1000}k items, ${(size / 1024 / 1024).toFixed(1)} MiB file)`;
  return [
    { group, name: `${name}: time`, value: ms, unit: 'ms', target: `< ${KDBX_EXPORT_MS} ms`, pass: ms < KDBX_EXPORT_MS },
    {
      group,
      name: `${name}: process peak RSS`,
      value: peakMiB,
      unit: 'MiB',
      target: `< ${KDBX_EXPORT_MAX_RSS_MIB} MiB`,
      pass: peakMiB < KDBX_EXPORT_MAX_RSS_MIB,
    },
  ];
}
