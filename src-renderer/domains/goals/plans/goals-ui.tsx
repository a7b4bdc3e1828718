import type { ReactNode } from 'react';
import type { GoalStatus } from '../../../../src-shared/domains/goals/goals.schemas';
import { Callout } from '../../../ui/Callout';
import { cx } from '../../../ui/cx';
import { Spinner } from '../../../ui/Spinner';

/** Small shared pieces of the plans, habits, analytics and review views. */

export const inputClass = 'field-input h-8 text-[13px]';
export const selectClass = 'field-input h-8 w-auto pr-7 text-[13px]';
export const textareaClass = 'field-input h-auto min-h-16 py-1.5 text-[13px]';

/** A label above its control; the control sits inside the <label>, so it gets the accessible name. */
export function Labeled({ label, children, className }: { label: ReactNode; children: ReactNode; className?: string }) {
  return (
    <label className={cx('flex min-w-0 flex-col gap-1 text-[12px] font-medium text-muted', className)}>
      {label}
      {children}
    </label>
  );
}

/** Progress 0..100 as a bar with its percentage in text (the text is what tests and screen readers read). */
export function ProgressBar({ value, label, testId, className }: { value: number; label: string; testId?: string; className?: string }) {
  const pct = Math.round(Math.max(0, Math.min(100, value)));
  return (
    <div className={cx('flex min-w-0 items-center gap-2', className)}>
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct}
        className="h-1.5 min-w-0 flex-1 overflow-hidden rounded-full bg-subtle"
      >
        {/* A style property is set through the CSSOM, which the CSP allows (an inline style attribute in HTML it would not). */}
        <div className={cx('h-full rounded-full', pct >= 100 ? 'bg-success' : 'bg-accent')} style={{ width: `${pct}%` }} />
      </div>
      <span className="w-10 shrink-0 text-right text-[12px] text-muted tabular-nums" data-testid={testId}>
        {`${pct} %`}
      </span>
    </div>
  );
}

export const STATUS_LABEL: Record<GoalStatus, string> = { active: 'Active', on_hold: 'On hold', completed: 'Completed', dropped: 'Dropped' };
const STATUS_TONE: Record<GoalStatus, string> = {
  active: 'bg-accent-soft text-accent-strong',
  on_hold: 'bg-warning-soft text-warning',
  completed: 'bg-success-soft text-success',
  dropped: 'bg-subtle text-faint',
};

export function StatusBadge({ status }: { status: GoalStatus }) {
  return (
    <span className={cx('inline-flex h-5 shrink-0 items-center rounded px-1.5 text-[11px] font-medium', STATUS_TONE[status])} data-testid="goal-status">
      {STATUS_LABEL[status]}
    </span>
  );
}

/** The loading and error states every view shares; `children` renders once there is data. */
export function Loadable<T>({
  data,
  error,
  loading,
  what,
  children,
}: {
  data: T | null;
  error: string | null;
  loading: boolean;
  what: string;
  children(data: T): ReactNode;
}) {
  if (error && data === null) {
    return (
      <div className="p-4">
        <Callout tone="danger">{`Could not load ${what}: ${error}`}</Callout>
      </div>
    );
  }
  if (data === null) {
    return (
      <p className="flex items-center gap-2 p-4 text-[13px] text-muted" aria-busy={loading}>
        <Spinner /> {`Loading ${what}…`}
      </p>
    );
  }
  return (
    <>
      {error ? (
        <div className="px-4 pt-3">
          <Callout tone="warning">{`Could not refresh ${what}: ${error}`}</Callout>
        </div>
      ) : null}
      {children(data)}
    </>
  );
}

/** A titled block of a detail view. */
export function Section({ title, action, children, testId }: { title: string; action?: ReactNode; children: ReactNode; testId?: string }) {
  return (
    <section className="flex min-w-0 flex-col gap-2" data-testid={testId}>
      <div className="flex min-h-7 items-center justify-between gap-2">
        <h3 className="text-[13px] font-semibold text-text">{title}</h3>
        {action}
      </div>
      {children}
    </section>
  );
}

export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** A number as people write it: no trailing zeros, at most 2 decimals. */
export const fmtNum = (n: number): string => (Number.isInteger(n) ? String(n) : n.toFixed(2).replace(/\.?0+$/, ''));

const dayFormat = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
/** "1 May 2026" for a local date (YYYY-MM-DD), read at noon so no zone shifts it to the day before. */
export function fmtDay(date: string): string {
  const d = new Date(`${date}T12:00:00`);
  return Number.isNaN(d.getTime()) ? date : dayFormat.format(d);
}
