import { ArrowDownWideNarrow, ArrowUpNarrowWide, PackageSearch, Search } from 'lucide-react';
import { useEffect, useState } from 'react';
import type { BatchSort, BatchStatus } from '../../../../src-shared/domains/batches/batches.schemas';
import { cx } from '../../../ui/cx';
import { EmptyState } from '../../../ui/EmptyState';
import { Spinner } from '../../../ui/Spinner';
import { daysLeftText, formatDay, formatQty, STATUS_LABEL } from '../batches-format';
import { DEFAULT_FILTERS, useBatchesStore } from '../batches.store';
import { STATUS_STYLE, StatusBadge } from './StatusBadge';

const SORTS: { value: BatchSort; label: string }[] = [
  { value: 'fefo', label: 'Sell first (FEFO)' },
  { value: 'expiry', label: 'Date on pack' },
  { value: 'arrival', label: 'Arrival' },
  { value: 'product', label: 'Product' },
  { value: 'lot', label: 'Lot' },
  { value: 'status', label: 'Status' },
  { value: 'remaining', label: 'Quantity left' },
];

const selectClass = 'h-8 rounded-md border border-line-strong bg-surface px-2 text-[13px] text-text outline-none focus:border-focus';

/** Every batch, filtered by status, product, supplier, location or text, in the chosen order. */
export function BatchListView() {
  const list = useBatchesStore((s) => s.list);
  const filters = useBatchesStore((s) => s.filters);
  const products = useBatchesStore((s) => s.products);
  const setFilters = useBatchesStore((s) => s.setFilters);
  const open = useBatchesStore((s) => s.open);
  const [query, setQuery] = useState(filters.query);

  useEffect(() => {
    if (query === filters.query) return undefined;
    const timer = setTimeout(() => setFilters({ query }), 150);
    return () => clearTimeout(timer);
  }, [query, filters.query, setFilters]);

  const toggleStatus = (s: BatchStatus) => setFilters({ status: filters.status.includes(s) ? filters.status.filter((x) => x !== s) : [...filters.status, s] });
  const filtered = JSON.stringify({ ...filters, sort: 'fefo', descending: false }) !== JSON.stringify(DEFAULT_FILTERS);

  return (
    <div className="flex h-full min-h-0 flex-col">
      <div className="flex flex-col gap-2 border-b border-line px-6 py-3 @max-3xl:px-4" role="search" aria-label="Filter batches">
        <div className="flex flex-wrap items-center gap-2">
          <label className="relative">
            <span className="sr-only">Search batches</span>
            <Search className="pointer-events-none absolute top-2 left-2.5 size-4 text-faint" aria-hidden />
            <input
              type="search"
              value={query}
              onChange={(e) => setQuery(e.target.value)}
              placeholder="Lot, product, supplier…"
              className="h-8 w-56 max-w-full rounded-md border border-line-strong bg-surface pr-2 pl-8 text-[13px] outline-none focus:border-focus"
            />
          </label>
          <div className="flex gap-1" role="group" aria-label="Status">
            {(['fresh', 'caution', 'expired'] as const).map((s) => {
              const { icon: Icon, tone } = STATUS_STYLE[s];
              const on = filters.status.includes(s);
              return (
                <button
                  key={s}
                  type="button"
                  aria-pressed={on}
                  onClick={() => toggleStatus(s)}
                  className={cx(
                    'flex h-8 items-center gap-1.5 rounded-md border px-2.5 text-[13px]',
                    on ? 'border-accent bg-accent-soft text-text' : 'border-line-strong text-muted hover:bg-hover',
                  )}
                >
                  <Icon className={cx('size-3.5', tone)} aria-hidden />
                  {STATUS_LABEL[s]}
                </button>
              );
            })}
          </div>
          <div className="ml-auto flex items-center gap-1">
            <select aria-label="Sort by" className={selectClass} value={filters.sort} onChange={(e) => setFilters({ sort: e.target.value as BatchSort })}>
              {SORTS.map((s) => (
                <option key={s.value} value={s.value}>
                  {s.label}
                </option>
              ))}
            </select>
            <button
              type="button"
              aria-label={filters.descending ? 'Descending' : 'Ascending'}
              title={filters.descending ? 'Descending' : 'Ascending'}
              onClick={() => setFilters({ descending: !filters.descending })}
              className="flex size-8 items-center justify-center rounded-md border border-line-strong text-muted hover:bg-hover"
            >
              {filters.descending ? <ArrowDownWideNarrow className="size-4" aria-hidden /> : <ArrowUpNarrowWide className="size-4" aria-hidden />}
            </button>
          </div>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <select aria-label="Product" className={selectClass} value={filters.productId} onChange={(e) => setFilters({ productId: e.target.value })}>
            <option value="">All products</option>
            {products.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
          <select aria-label="Supplier" className={selectClass} value={filters.supplier} onChange={(e) => setFilters({ supplier: e.target.value })}>
            <option value="">All suppliers</option>
            {list?.suppliers.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
          <select aria-label="Location" className={selectClass} value={filters.location} onChange={(e) => setFilters({ location: e.target.value })}>
            <option value="">All locations</option>
            {list?.locations.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
          <label className="ml-2 flex items-center gap-1.5 text-[13px] whitespace-nowrap text-muted">
            <input
              type="checkbox"
              checked={filters.includeInactive}
              onChange={(e) => setFilters({ includeInactive: e.target.checked })}
              className="accent-accent"
            />
            Sold out too
          </label>
        </div>
      </div>
      <div className="min-h-0 flex-1 overflow-y-auto">
        {!list ? (
          <div className="flex h-40 items-center justify-center gap-2 text-[13px] text-muted">
            <Spinner /> Loading…
          </div>
        ) : list.items.length === 0 ? (
          <EmptyState icon={PackageSearch} title={filtered ? 'No batches match' : 'No batches yet'}>
            {filtered ? 'Try fewer filters.' : 'Record a delivery with “New batch”.'}
          </EmptyState>
        ) : (
          // Narrow pages drop the arrival, supplier and location columns (the batch detail has them).
          <div className="mx-6 my-4 overflow-hidden rounded-xl border border-line bg-surface @max-3xl:mx-4">
            <table className="w-full text-[13px]" data-testid="batch-table">
              <thead className="bg-subtle/60 text-left text-xs text-muted">
                <tr className="border-b border-line">
                  <th className="py-2 pl-6 font-medium">Product</th>
                  <th className="pr-2 font-medium">Lot</th>
                  <th className="font-medium @max-3xl:hidden">Arrived</th>
                  <th className="pl-2 font-medium">Date on pack</th>
                  <th className="pl-2 font-medium">Left</th>
                  <th className="text-right font-medium">On shelf</th>
                  <th className="pl-4 font-medium @max-3xl:hidden">Supplier</th>
                  <th className="pl-2 font-medium @max-3xl:hidden">Location</th>
                  <th className="pr-6 pl-2 font-medium">Status</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-line">
                {list.items.map((b) => (
                  <tr key={b.id} onClick={() => open(b.id)} className={cx('cursor-default hover:bg-hover/50', !b.isActive && 'text-muted')}>
                    <td className="py-2.5 pr-3 pl-6">
                      <button
                        type="button"
                        title={b.productName}
                        className="block max-w-52 truncate text-left font-medium text-text hover:underline"
                        onClick={(e) => {
                          e.stopPropagation();
                          open(b.id);
                        }}
                      >
                        {b.productName}
                      </button>
                    </td>
                    <td className="pr-2 font-mono text-xs break-all">{b.lot}</td>
                    <td className="@max-3xl:hidden">{formatDay(b.arrivalDate)}</td>
                    <td className="pl-2">{formatDay(b.expiryDate)}</td>
                    <td className="pl-2 text-muted">{daysLeftText(b.daysLeft)}</td>
                    <td className="text-right tabular-nums">
                      {formatQty(b.remaining)} {b.unit}
                    </td>
                    <td className="max-w-36 truncate pl-4 @max-3xl:hidden">{b.supplier}</td>
                    <td className="max-w-32 truncate pl-2 @max-3xl:hidden">{b.location}</td>
                    <td className="pr-6 pl-2">{b.isActive ? <StatusBadge status={b.status} /> : <span className="text-xs">Sold out</span>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {list && list.total > list.items.length ? (
          <p className="px-6 py-3 text-xs text-muted">
            Showing {list.items.length} of {list.total}. Narrow the filters to see the rest.
          </p>
        ) : null}
      </div>
    </div>
  );
}
