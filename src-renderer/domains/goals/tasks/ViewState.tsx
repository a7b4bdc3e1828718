import type { LucideIcon } from 'lucide-react';
import type { ReactNode } from 'react';
import { Button } from '../../../ui/Button';
import { Callout } from '../../../ui/Callout';
import { EmptyState } from '../../../ui/EmptyState';
import { Spinner } from '../../../ui/Spinner';
import { useGoalsStore } from '../goals.store';

/**
 * Loading, error and empty states around a task view: the first load shows a spinner, a failed one says why with
 * "Try again", an empty one says what to do; later reloads keep the data on screen.
 */
export function ViewState(props: {
  hasData: boolean;
  empty: boolean;
  emptyIcon: LucideIcon;
  emptyTitle: string;
  emptyText: ReactNode;
  what: string;
  children: ReactNode;
}) {
  const { hasData, empty, emptyIcon, emptyTitle, emptyText, what, children } = props;
  const error = useGoalsStore((s) => s.error);
  const load = useGoalsStore((s) => s.load);
  if (error && !hasData) {
    return (
      <Callout tone="danger" className="m-4">
        <span className="flex flex-wrap items-center gap-3">
          {what} could not be read: {error}
          <Button size="sm" onClick={() => void load()}>
            Try again
          </Button>
        </span>
      </Callout>
    );
  }
  if (!hasData) {
    return (
      <p className="flex items-center gap-2 p-6 text-[13px] text-muted" data-testid="goals-loading">
        <Spinner /> Loading {what.toLowerCase()}…
      </p>
    );
  }
  if (empty) {
    return (
      <div data-testid="goals-empty">
        <EmptyState icon={emptyIcon} title={emptyTitle}>
          {emptyText}
        </EmptyState>
      </div>
    );
  }
  return (
    <>
      {error ? (
        <Callout tone="danger" className="mx-4 mt-3">
          Showing what was last read: {error}
        </Callout>
      ) : null}
      {children}
    </>
  );
}

/** A titled group of rows (Overdue, Due today, a day of Upcoming). */
export function Group({ title, count, tone, children, testId }: { title: string; count?: number; tone?: 'danger'; children: ReactNode; testId?: string }) {
  return (
    <section className="flex min-w-0 flex-col gap-1" data-testid={testId}>
      <h3 className={`flex items-baseline gap-2 px-2.5 text-[12px] font-semibold tracking-wide uppercase ${tone === 'danger' ? 'text-danger' : 'text-muted'}`}>
        {title}
        {count !== undefined ? <span className="font-normal text-faint">{count}</span> : null}
      </h3>
      {children}
    </section>
  );
}

/** The example the empty states point to. */
export const QUICK_ADD_EXAMPLE = 'pay rent every month on the 1st #finance !2';
