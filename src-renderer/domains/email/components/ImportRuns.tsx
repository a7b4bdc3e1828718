import { Pause, Play, Square } from 'lucide-react';
import { useShallow } from 'zustand/react/shallow';
import type { ImportRun } from '../../../../src-shared/domains/email/email.schemas';
import { describeError } from '../../../lib/errors';
import { formatDate } from '../../../lib/dates';
import { Button } from '../../../ui/Button';
import { cx } from '../../../ui/cx';
import { emailApi } from '../email-api';
import { plural, sizeLabel } from '../email-format';
import { putRun, say, useMailStore } from '../email.store';

/** A run's state in words. */
export const RUN_STATE = { running: 'Importing', paused: 'Paused', cancelled: 'Stopped', done: 'Done', failed: 'Failed' } as const;

const control = (op: 'importPause' | 'importResume' | 'importCancel', id: string) =>
  void emailApi[op]({ id }).then(putRun, (err: unknown) => say(describeError(err), 'danger'));

const pct = (r: ImportRun): number => (r.totalBytes > 0 ? Math.min(100, Math.floor((r.checkpoint / r.totalBytes) * 100)) : r.state === 'done' ? 100 : 0);

/** A run's numbers in one line: "1,204 imported · 12 duplicates · 1 unparsed · 40% of 1.2 GB". */
export function runLine(r: ImportRun): string {
  const parts = [`${r.imported.toLocaleString()} imported`];
  if (r.duplicates) parts.push(plural(r.duplicates, 'duplicate'));
  if (r.unparsed) parts.push(`${r.unparsed.toLocaleString()} unparsed`);
  if (r.state === 'running' || r.state === 'paused') parts.push(`${pct(r)}%${r.totalBytes ? ` of ${sizeLabel(r.totalBytes)}` : ''}`);
  return parts.join(' · ');
}

function Progress({ run }: { run: ImportRun }) {
  return (
    <div
      role="progressbar"
      aria-label={`Import of ${run.source}`}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={pct(run)}
      className="h-1.5 w-full overflow-hidden rounded-full bg-subtle"
    >
      <div className={cx('h-full rounded-full transition-[width]', run.state === 'paused' ? 'bg-warning' : 'bg-accent')} style={{ width: `${pct(run)}%` }} />
    </div>
  );
}

/** Pause / Resume / Cancel for a run that is not finished. */
function Controls({ run }: { run: ImportRun }) {
  if (run.state !== 'running' && run.state !== 'paused') return null;
  return (
    <span className="flex shrink-0 gap-1">
      {run.state === 'running' ? (
        <Button size="sm" variant="ghost" icon={Pause} onClick={() => control('importPause', run.id)} data-testid="mail-run-pause">
          Pause
        </Button>
      ) : (
        <Button size="sm" variant="ghost" icon={Play} onClick={() => control('importResume', run.id)} data-testid="mail-run-resume">
          Resume
        </Button>
      )}
      <Button size="sm" variant="ghost" icon={Square} onClick={() => control('importCancel', run.id)} data-testid="mail-run-cancel">
        Cancel
      </Button>
    </span>
  );
}

/** The imports that are running or paused, as bars under the list. */
export function ImportBar() {
  const active = useMailStore(useShallow((s) => s.runs.filter((r) => r.state === 'running' || r.state === 'paused')));
  if (active.length === 0) return null;
  return (
    <div className="flex shrink-0 flex-col gap-2 border-t border-line bg-canvas px-3 py-2" data-testid="mail-import-bar">
      {active.map((r) => (
        <div key={r.id} className="flex flex-col gap-1 text-xs">
          <div className="flex min-w-0 items-center gap-2">
            <span className="min-w-0 flex-1 truncate text-muted">
              {RUN_STATE[r.state]} {r.source}: {runLine(r)}
            </span>
            <Controls run={r} />
          </div>
          <Progress run={r} />
        </div>
      ))}
    </div>
  );
}

/** Every import, newest first, with its outcome. */
export function RunsList({ runs }: { runs: ImportRun[] }) {
  if (runs.length === 0) return null;
  return (
    <div className="flex flex-col gap-1">
      <h3 className="text-[12px] font-medium text-muted">Imports</h3>
      <ul className="flex max-h-44 flex-col divide-y divide-line overflow-y-auto rounded-md border border-line text-xs" data-testid="mail-runs">
        {runs.map((r) => (
          <li key={r.id} className="flex flex-col gap-1 px-2 py-1.5" data-testid="mail-run" data-state={r.state}>
            <div className="flex min-w-0 items-center gap-2">
              <span className="min-w-0 flex-1 truncate text-text" title={r.source}>
                {r.source}
              </span>
              <span className={cx('shrink-0', r.state === 'failed' ? 'text-danger' : 'text-faint')}>
                {RUN_STATE[r.state]} · {formatDate(r.finishedAt ?? r.startedAt)}
              </span>
            </div>
            <span className="text-muted">{runLine(r)}</span>
            {r.error ? <span className="break-words text-danger">{r.error}</span> : null}
            {r.state === 'running' || r.state === 'paused' ? (
              <div className="flex items-center gap-2">
                <Progress run={r} />
                <Controls run={r} />
              </div>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
