import { LoaderCircle, X } from 'lucide-react';
import { useEffect, useState } from 'react';
import { Button } from '../ui/Button';
import { cx } from '../ui/cx';
import { percentOf, useJobsStore, visibleJobs, type TrayJob } from './jobs.store';

/** How often the tray looks again at the clock while jobs run (a job appears once it passes one second). */
const TICK_MS = 250;

interface JobsTrayViewProps {
  jobs: readonly TrayJob[];
  error: string | null;
  onCancel(jobId: string): void;
  /** 'dialog': inside a modal that waits for a job (the shell's tray is inert behind it). */
  placement?: 'shell' | 'dialog';
}

/** One job: its label, a bar (indeterminate while the size is unknown) and Cancel. */
function JobRow({ job, onCancel }: { job: TrayJob; onCancel(jobId: string): void }) {
  const pct = percentOf(job);
  return (
    <li className="flex min-w-0 items-center gap-3 py-1" data-testid="job-row">
      <LoaderCircle className="size-3.5 shrink-0 animate-spin text-muted" aria-hidden />
      <span className="w-56 shrink-0 truncate text-[13px] text-text" title={job.label}>
        {job.label}
      </span>
      <div
        role="progressbar"
        aria-label={job.label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct ?? undefined}
        aria-valuetext={pct === null ? 'Working…' : `${pct} %`}
        className="h-1.5 min-w-16 flex-1 overflow-hidden rounded-full bg-subtle"
      >
        <div
          className={cx('h-full rounded-full bg-accent transition-[width] duration-200', pct === null && 'w-full animate-pulse opacity-40')}
          style={pct === null ? undefined : { width: `${pct}%` }}
        />
      </div>
      <span className="w-10 shrink-0 text-right text-xs text-muted tabular-nums" aria-hidden>
        {pct === null ? '' : `${pct} %`}
      </span>
      <Button size="sm" variant="ghost" icon={X} busy={job.cancelling} onClick={() => onCancel(job.jobId)} aria-label={`Cancel ${job.label}`}>
        {job.cancelling ? 'Cancelling…' : 'Cancel'}
      </Button>
    </li>
  );
}

/** The tray's markup for the jobs that are visible now; nothing at all when there are none. */
export function JobsTrayView({ jobs, error, onCancel, placement = 'shell' }: JobsTrayViewProps) {
  if (jobs.length === 0) return null;
  return (
    <section
      aria-label="Background jobs"
      className={cx('shrink-0 bg-raised', placement === 'shell' ? 'border-t border-line px-5 py-1.5' : 'rounded-lg border border-line px-3 py-1')}
      data-testid={placement === 'shell' ? 'jobs-tray' : 'jobs-tray-dialog'}
    >
      {error ? (
        <p role="alert" className="py-1 text-xs text-danger">
          {error}
        </p>
      ) : null}
      <ul aria-live="polite" aria-relevant="additions removals" className="divide-y divide-line">
        {jobs.map((job) => (
          <JobRow key={job.jobId} job={job} onCancel={onCancel} />
        ))}
      </ul>
    </section>
  );
}

/**
 * Heavy work in main (label PDFs, exports, imports, health checks) with progress and Cancel, shown only for
 * jobs that have run longer than a second. Lives at the foot of the app shell, in the tab order after the page;
 * a modal that waits for a job renders its own `<JobsTray placement="dialog" />`, since the shell is inert behind it.
 */
export function JobsTray({ placement = 'shell' }: { placement?: 'shell' | 'dialog' }) {
  const jobs = useJobsStore((s) => s.jobs);
  const error = useJobsStore((s) => s.error);
  const cancel = useJobsStore((s) => s.cancel);
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => useJobsStore.getState().start(), []);
  useEffect(() => {
    if (jobs.length === 0) return;
    const timer = setInterval(() => setNow(Date.now()), TICK_MS);
    return () => clearInterval(timer);
  }, [jobs.length]);

  return <JobsTrayView jobs={visibleJobs(jobs, now)} error={error} placement={placement} onCancel={(id) => void cancel(id)} />;
}
