import { CircleAlert, Info, TriangleAlert } from 'lucide-react';
import type { ReactNode } from 'react';
import { cx } from './cx';

const tones = {
  info: { box: 'bg-subtle text-text border-line', icon: Info, iconClass: 'text-muted' },
  warning: { box: 'bg-warning-soft text-text border-warning/25', icon: TriangleAlert, iconClass: 'text-warning' },
  danger: { box: 'bg-danger-soft text-text border-danger/25', icon: CircleAlert, iconClass: 'text-danger' },
};

/** A quiet box for one important sentence. Danger callouts are announced. */
export function Callout({ tone = 'info', children, className }: { tone?: keyof typeof tones; children: ReactNode; className?: string }) {
  const { box, icon: Icon, iconClass } = tones[tone];
  return (
    <div role={tone === 'danger' ? 'alert' : undefined} className={cx('flex gap-2.5 rounded-lg border px-3 py-2.5 text-[13px]', box, className)}>
      <Icon className={cx('mt-0.5 size-4 shrink-0', iconClass)} aria-hidden />
      <div className="min-w-0">{children}</div>
    </div>
  );
}
