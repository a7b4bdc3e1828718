import type { BackupKeep } from '../../../src-shared/domains/backup/backup.schemas';
import { isoWeek, todayIn } from '../../../src-shared/lib/local-date';

/**
 * Which backups rotation keeps (pure; property-tested in backup-rotation.test.ts). Like restic's and borg's
 * `--keep-daily/weekly/monthly`: walking from the newest, the newest backup of each of the `keep.daily` most
 * recent days that have one is kept, likewise for ISO weeks and months; a backup may be kept by several
 * rules. The newest backup is always kept, even with every count at 0. Days are local days in `timeZone`.
 * The result does not depend on the input order (ties on `createdAt` are broken by `id`).
 */
export interface Dated {
  id: string;
  createdAt: string;
}

export function rotate<T extends Dated>(backups: readonly T[], keep: BackupKeep, timeZone = 'UTC'): { keep: T[]; remove: T[] } {
  const newestFirst = [...backups].sort((a, b) =>
    a.createdAt !== b.createdAt ? (a.createdAt < b.createdAt ? 1 : -1) : a.id < b.id ? 1 : a.id > b.id ? -1 : 0,
  );
  const day = (b: T): string => todayIn(timeZone, Date.parse(b.createdAt));
  const rules: [count: number, period: (b: T) => string][] = [
    [keep.daily, day],
    [
      keep.weekly,
      (b) => {
        const w = isoWeek(day(b));
        return `${w.year}-W${w.week}`;
      },
    ],
    [keep.monthly, (b) => day(b).slice(0, 7)],
  ];
  const kept = new Set<T>(newestFirst.slice(0, 1));
  for (const [count, period] of rules) {
    const seen = new Set<string>();
    for (const b of newestFirst) {
      if (seen.size >= count) break;
      const p = period(b);
      if (seen.has(p)) continue;
      seen.add(p);
      kept.add(b);
    }
  }
  return { keep: newestFirst.filter((b) => kept.has(b)), remove: newestFirst.filter((b) => !kept.has(b)) };
}
