import { CircleCheck, CircleX, TriangleAlert, type LucideIcon } from 'lucide-react';
import type { BatchStatus } from '../../../../src-shared/domains/batches/batches.schemas';
import { cx } from '../../../ui/cx';
import { STATUS_LABEL } from '../batches-format';

/** Colour is never the only signal: each status has its own icon shape and its word. */
export const STATUS_STYLE: Record<BatchStatus, { icon: LucideIcon; tone: string; soft: string }> = {
  fresh: { icon: CircleCheck, tone: 'text-success', soft: 'bg-success-soft text-success' },
  caution: { icon: TriangleAlert, tone: 'text-warning', soft: 'bg-warning-soft text-warning' },
  expired: { icon: CircleX, tone: 'text-danger', soft: 'bg-danger-soft text-danger' },
};

export function StatusBadge({ status, size = 'sm' }: { status: BatchStatus; size?: 'sm' | 'md' }) {
  const { icon: Icon, soft } = STATUS_STYLE[status];
  return (
    <span
      data-testid="status-badge"
      className={cx(
        'inline-flex items-center gap-1 rounded-full font-medium whitespace-nowrap',
        soft,
        size === 'sm' ? 'px-2 py-0.5 text-xs' : 'px-2.5 py-1 text-[13px]',
      )}
    >
      <Icon className={size === 'sm' ? 'size-3.5' : 'size-4'} aria-hidden strokeWidth={2.25} />
      {STATUS_LABEL[status]}
    </span>
  );
}
