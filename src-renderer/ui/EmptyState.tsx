import type { LucideIcon } from 'lucide-react';
import type { ReactNode } from 'react';

/** A calm centred placeholder for a view with nothing in it yet. */
export function EmptyState({ icon: Icon, title, children }: { icon: LucideIcon; title: string; children?: ReactNode }) {
  return (
    <div className="flex h-full flex-col items-center justify-center px-6 py-16 text-center">
      <div className="mb-4 flex size-12 items-center justify-center rounded-xl bg-subtle text-muted">
        <Icon className="size-6" aria-hidden strokeWidth={1.75} />
      </div>
      <h2 className="text-base font-semibold text-text">{title}</h2>
      {children ? <div className="mt-1.5 max-w-sm text-[13px] text-muted">{children}</div> : null}
    </div>
  );
}
