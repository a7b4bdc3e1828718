import { PackageOpen } from 'lucide-react';
import type { BatchStatus, BatchSummary } from '../../../../src-shared/domains/batches/batches.schemas';
import { cx } from '../../../ui/cx';
import { EmptyState } from '../../../ui/EmptyState';
import { Spinner } from '../../../ui/Spinner';
import { dateWord, daysLeftText, formatDay, formatQty, formatWeekday, STATUS_LABEL } from '../batches-format';
import { useBatchesStore } from '../batches.store';
import { STATUS_STYLE, StatusBadge } from './StatusBadge';

const STATUS_HINT: Record<BatchStatus, string> = { fresh: 'Good to sell', caution: 'Put these at the front', expired: 'Take off the shelf' };

function StatusCard({ status, count, onClick }: { status: BatchStatus; count: number; onClick(): void }) {
  const { icon: Icon, tone, soft } = STATUS_STYLE[status];
  return (
    <button
      type="button"
      onClick={onClick}
      data-testid={`count-${status}`}
      className="flex items-center gap-4 rounded-xl border border-line bg-surface px-5 py-4 text-left transition-colors hover:border-line-strong hover:bg-hover/40"
    >
      <span className={cx('flex size-10 items-center justify-center rounded-lg', soft)}>
        <Icon className="size-5" aria-hidden strokeWidth={2.25} />
      </span>
      <span className="min-w-0">
        <span className={cx('block text-2xl font-semibold tabular-nums', count > 0 ? tone : 'text-faint')}>{count}</span>
        <span className="block text-[13px] font-medium text-text">{STATUS_LABEL[status]}</span>
        <span className="block text-xs text-muted">{STATUS_HINT[status]}</span>
      </span>
    </button>
  );
}

/** A compact clickable batch line used by every dashboard list. */
export function BatchLine({ batch, index, onOpen }: { batch: BatchSummary; index?: number; onOpen(id: string): void }) {
  return (
    <li>
      <button type="button" onClick={() => onOpen(batch.id)} className="flex w-full items-center gap-3 px-4 py-2.5 text-left hover:bg-hover/60">
        {index !== undefined ? <span className="w-5 text-right text-xs text-faint tabular-nums">{index + 1}</span> : null}
        <span className="min-w-0 flex-1">
          <span className="block truncate text-[13px] font-medium text-text">{batch.productName}</span>
          <span className="block truncate text-xs text-muted">
            Lot {batch.lot} · {dateWord(batch)} {formatDay(batch.expiryDate)} · {daysLeftText(batch.daysLeft)}
          </span>
        </span>
        <span className="text-xs text-muted tabular-nums">
          {formatQty(batch.remaining)} {batch.unit}
        </span>
        <StatusBadge status={batch.status} />
      </button>
    </li>
  );
}

function Panel({ title, count, empty, children, testId }: { title: string; count?: number; empty: string; children: BatchSummary[]; testId: string }) {
  const open = useBatchesStore((s) => s.open);
  return (
    <section aria-label={title} data-testid={testId} className="flex flex-col rounded-xl border border-line bg-surface">
      <h3 className="flex items-baseline justify-between border-b border-line px-4 py-3 text-[13px] font-semibold text-text">
        {title}
        {count !== undefined ? <span className="text-xs font-normal text-muted">{count}</span> : null}
      </h3>
      {children.length === 0 ? (
        <p className="px-4 py-4 text-[13px] text-muted">{empty}</p>
      ) : (
        <ul className="divide-y divide-line">
          {children.map((b, i) => (
            <BatchLine key={b.id} batch={b} index={testId === 'sell-first' ? i : undefined} onOpen={open} />
          ))}
        </ul>
      )}
    </section>
  );
}

/** What to sell first and what must go, at a glance. */
export function DashboardView({ onNewBatch }: { onNewBatch(): void }) {
  const dashboard = useBatchesStore((s) => s.dashboard);
  const setTab = useBatchesStore((s) => s.setTab);
  const setFilters = useBatchesStore((s) => s.setFilters);
  if (!dashboard) {
    return (
      <div className="flex h-64 items-center justify-center gap-2 text-[13px] text-muted">
        <Spinner /> Loading…
      </div>
    );
  }
  if (dashboard.counts.active === 0) {
    return (
      <EmptyState icon={PackageOpen} title="Nothing on the shelf yet">
        <p>Record a delivery to see what to sell first and what must go.</p>
        <button type="button" onClick={onNewBatch} className="mt-3 text-[13px] font-medium text-accent hover:underline">
          Add a batch
        </button>
      </EmptyState>
    );
  }
  const showStatus = (status: BatchStatus) => {
    setTab('batches');
    setFilters({ status: [status] });
  };
  return (
    <div className="mx-auto flex max-w-[1040px] flex-col gap-5 px-8 py-6">
      <p className="text-[13px] text-muted">
        {formatWeekday(dashboard.today)} · {dashboard.counts.active} batch{dashboard.counts.active === 1 ? '' : 'es'} on the shelf · {dashboard.timeZone}
      </p>
      <div className="grid grid-cols-3 gap-3">
        {(['fresh', 'caution', 'expired'] as const).map((s) => (
          <StatusCard key={s} status={s} count={dashboard.counts[s]} onClick={() => showStatus(s)} />
        ))}
      </div>
      {dashboard.mustGo.length > 0 ? (
        <Panel title="Take off the shelf" testId="must-go" empty="" count={dashboard.counts.expired}>
          {dashboard.mustGo}
        </Panel>
      ) : null}
      <div className="grid grid-cols-2 gap-5">
        <div className="flex flex-col gap-5">
          <Panel title="Last day today" testId="expiring-today" count={dashboard.expiringTodayCount} empty="Nothing reaches its date today.">
            {dashboard.expiringToday}
          </Panel>
          <Panel title="Last day tomorrow" testId="expiring-tomorrow" count={dashboard.expiringTomorrowCount} empty="Nothing reaches its date tomorrow.">
            {dashboard.expiringTomorrow}
          </Panel>
        </div>
        <Panel title="Sell first" testId="sell-first" empty="Nothing to sell: everything on the shelf is past its date.">
          {dashboard.sellFirst}
        </Panel>
      </div>
    </div>
  );
}
