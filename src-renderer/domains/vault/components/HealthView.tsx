import { CircleCheck, Clock, Copy, RefreshCw, ShieldCheck, ShieldOff, Zap, type LucideIcon } from 'lucide-react';
import { useShallow } from 'zustand/react/shallow';
import { cx } from '../../../ui/cx';
import { EmptyState } from '../../../ui/EmptyState';
import { Spinner } from '../../../ui/Spinner';
import { useVaultStore, type HealthReason } from '../vault.store';

const REASONS: { reason: HealthReason; title: string; advice: string; icon: LucideIcon; tone: string }[] = [
  { reason: 'reused', title: 'Reused passwords', advice: 'One leak opens every site that shares it.', icon: Copy, tone: 'text-danger bg-danger-soft' },
  { reason: 'weak', title: 'Weak passwords', advice: 'Easy to guess; generate a new one.', icon: Zap, tone: 'text-danger bg-danger-soft' },
  { reason: 'old', title: 'Old passwords', advice: 'Not changed for over a year.', icon: Clock, tone: 'text-warning bg-warning-soft' },
  {
    reason: 'no-totp',
    title: 'Two-factor available',
    advice: 'These sites support one-time codes; add one.',
    icon: ShieldOff,
    tone: 'text-warning bg-warning-soft',
  },
];

/** The health report grouped by reason; clicking a finding opens the item in the detail pane. */
export function HealthView() {
  const { health, healthError, selectedId } = useVaultStore(useShallow((s) => ({ health: s.health, healthError: s.healthError, selectedId: s.selectedId })));
  const select = useVaultStore((s) => s.select);
  const loadHealth = useVaultStore((s) => s.loadHealth);
  const progress = useVaultStore((s) => s.healthProgress);

  if (healthError)
    return (
      <p role="alert" className="m-3 rounded-lg bg-danger-soft px-3 py-2 text-[13px] text-danger">
        {healthError}
      </p>
    );
  if (!health) {
    return (
      <div className="flex h-40 items-center justify-center gap-2 text-[13px] text-muted">
        <Spinner /> {progress ? `Checking password strength: ${progress.done} of ${progress.total}…` : 'Checking your passwords…'}
      </div>
    );
  }
  const issues = new Set(health.findings.map((f) => f.itemId)).size;
  return (
    <div className="flex flex-col gap-4 px-3 py-3" data-testid="health-view">
      <div className={cx('flex items-center gap-3 rounded-xl border border-line p-3', issues ? 'bg-surface' : 'bg-success-soft')}>
        <span className={cx('flex size-9 items-center justify-center rounded-lg', issues ? 'bg-warning-soft text-warning' : 'bg-success text-white')}>
          {issues ? <ShieldOff className="size-5" aria-hidden /> : <ShieldCheck className="size-5" aria-hidden />}
        </span>
        <div className="min-w-0 flex-1">
          <p className="text-[13px] font-semibold text-text">{issues ? `${issues} of ${health.checked} items need attention` : 'All good'}</p>
          <p className="text-xs text-muted">Checked on this device; nothing is sent anywhere.</p>
        </div>
        <button type="button" aria-label="Check again" onClick={() => void loadHealth()} className="rounded-md p-1.5 text-faint hover:bg-hover hover:text-text">
          <RefreshCw className="size-4" aria-hidden />
        </button>
      </div>
      {issues === 0 ? (
        <EmptyState icon={CircleCheck} title="No weak, reused or old passwords">
          {health.checked} items checked.
        </EmptyState>
      ) : (
        REASONS.map(({ reason, title, advice, icon: Icon, tone }) => {
          const findings = health.findings.filter((f) => f.reasons.includes(reason));
          if (findings.length === 0) return null;
          return (
            <section key={reason} aria-label={title} className="flex flex-col gap-1">
              <div className="flex items-center gap-2 px-1">
                <span className={cx('flex size-6 items-center justify-center rounded-md', tone)}>
                  <Icon className="size-3.5" aria-hidden />
                </span>
                <h3 className="flex-1 text-[13px] font-semibold text-text">{title}</h3>
                <span className="text-xs text-muted tabular-nums">{findings.length}</span>
              </div>
              <p className="px-1 pb-1 text-xs text-muted">{advice}</p>
              <ul className="flex flex-col">
                {findings.map((f) => (
                  <li key={f.itemId}>
                    <button
                      type="button"
                      onClick={() => void select(f.itemId)}
                      aria-current={selectedId === f.itemId ? 'true' : undefined}
                      className={cx(
                        'flex h-8 w-full items-center rounded-md px-2.5 text-left text-[13px] transition-colors',
                        selectedId === f.itemId ? 'bg-accent-soft text-text' : 'text-text hover:bg-hover/70',
                      )}
                    >
                      <span className="truncate">{f.title}</span>
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          );
        })
      )}
    </div>
  );
}
