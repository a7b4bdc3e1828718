import { Recycle } from 'lucide-react';
import { EmptyState } from '../../../ui/EmptyState';
import { Spinner } from '../../../ui/Spinner';
import { formatDay, formatQty } from '../batches-format';
import { useBatchesStore } from '../batches.store';

/** Discarded stock by ISO week and product, with the reasons: what to order less of. */
export function WasteView() {
  const waste = useBatchesStore((s) => s.waste);
  if (!waste) {
    return (
      <div className="flex h-40 items-center justify-center gap-2 text-[13px] text-muted">
        <Spinner /> Loading…
      </div>
    );
  }
  if (waste.length === 0) {
    return (
      <EmptyState icon={Recycle} title="No waste recorded">
        Discarded stock shows here by week and product, with the reason.
      </EmptyState>
    );
  }
  const weeks = [...new Set(waste.map((w) => w.week))];
  const cell = (n: number, unit: string) => (n > 0 ? `${formatQty(n)} ${unit}` : '—');
  return (
    <div className="mx-auto flex max-w-[960px] flex-col gap-5 px-8 py-6" data-testid="waste-log">
      {weeks.map((week) => {
        const rows = waste.filter((w) => w.week === week);
        return (
          <section key={week} aria-label={`Week ${week}`} className="rounded-xl border border-line bg-surface">
            <h3 className="flex items-baseline justify-between border-b border-line px-5 py-3 text-[13px] font-semibold text-text">
              Week {week.slice(-2)}, {week.slice(0, 4)}
              <span className="text-xs font-normal text-muted">from {formatDay(rows[0]?.weekStart ?? null)}</span>
            </h3>
            <table className="w-full text-[13px]">
              <thead className="text-left text-xs text-muted">
                <tr>
                  <th className="py-2 pl-5 font-medium">Product</th>
                  <th className="text-right font-medium">Discarded</th>
                  <th className="text-right font-medium">Expired</th>
                  <th className="text-right font-medium">Damaged</th>
                  <th className="text-right font-medium">Recall</th>
                  <th className="text-right font-medium">Other</th>
                  <th className="pr-5 text-right font-medium">Entries</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-line border-t border-line">
                {rows.map((w) => (
                  <tr key={`${w.productId}-${w.unit}`}>
                    <td className="py-2.5 pl-5 font-medium text-text">{w.productName}</td>
                    <td className="text-right font-medium tabular-nums">{cell(w.quantity, w.unit)}</td>
                    <td className="text-right text-muted tabular-nums">{cell(w.byReason.expired, w.unit)}</td>
                    <td className="text-right text-muted tabular-nums">{cell(w.byReason.damaged, w.unit)}</td>
                    <td className="text-right text-muted tabular-nums">{cell(w.byReason.recall, w.unit)}</td>
                    <td className="text-right text-muted tabular-nums">{cell(w.byReason.other, w.unit)}</td>
                    <td className="pr-5 text-right text-muted tabular-nums">{w.movements}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        );
      })}
    </div>
  );
}
