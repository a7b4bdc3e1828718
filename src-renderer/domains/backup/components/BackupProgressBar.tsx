import type { BackupProgress } from '../../../../src-shared/domains/backup/backup.schemas';
import { percentOf } from '../../../app/jobs.store';
import { cx } from '../../../ui/cx';
import { phaseLabel } from '../backup-format';

/** The running backup: its phase in words and a bar (indeterminate while the phase has no count). */
export function BackupProgressBar({ progress }: { progress: BackupProgress }) {
  const pct = percentOf(progress);
  const label = phaseLabel(progress);
  return (
    <div className="flex flex-col gap-1.5" data-testid="backup-progress">
      <div className="flex justify-between gap-3 text-xs text-muted">
        <span className="truncate">{label}…</span>
        <span className="tabular-nums">{pct === null ? '' : `${pct} %`}</span>
      </div>
      <div
        role="progressbar"
        aria-label="Backup progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct ?? undefined}
        aria-valuetext={pct === null ? label : `${label}, ${pct} %`}
        className="h-1.5 w-full overflow-hidden rounded-full bg-subtle"
      >
        <div
          className={cx('h-full rounded-full bg-accent transition-[width] duration-200', pct === null && 'w-full animate-pulse opacity-40')}
          style={pct === null ? undefined : { width: `${pct}%` }}
        />
      </div>
    </div>
  );
}
