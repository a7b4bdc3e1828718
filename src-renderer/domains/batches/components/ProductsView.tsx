import { Package, Pencil, Trash2 } from 'lucide-react';
import { useState } from 'react';
import { describeRule } from '../../../../src-shared/domains/batches/freshness-rule';
import type { Product } from '../../../../src-shared/domains/batches/batches.schemas';
import { Button } from '../../../ui/Button';
import { Callout } from '../../../ui/Callout';
import { EmptyState } from '../../../ui/EmptyState';
import { Modal, ModalActions } from '../../../ui/Modal';
import { describeError } from '../../../lib/errors';
import { useBatchesStore } from '../batches.store';
import { ProductForm } from './ProductForm';

/** The product catalogue: GTIN, date type, shelf life and freshness rule per product. */
export function ProductsView({ onNew }: { onNew(): void }) {
  const products = useBatchesStore((s) => s.products);
  const deleteProduct = useBatchesStore((s) => s.deleteProduct);
  const [editing, setEditing] = useState<Product | null>(null);
  // Deleting has no undo, so it asks first.
  const [deleting, setDeleting] = useState<Product | null>(null);
  const [error, setError] = useState<string | null>(null);

  if (products.length === 0) {
    return (
      <EmptyState icon={Package} title="No products yet">
        <p>Add the things you sell: a name, a shelf life and how fresh they must be.</p>
        <button type="button" onClick={onNew} className="mt-3 text-[13px] font-medium text-accent hover:underline">
          Add a product
        </button>
      </EmptyState>
    );
  }
  return (
    <div className="px-6 py-4">
      {error ? (
        <Callout tone="danger" className="mb-3">
          {error}
        </Callout>
      ) : null}
      <div className="overflow-hidden rounded-xl border border-line bg-surface">
        <table className="w-full text-[13px]" data-testid="product-table">
          <thead className="bg-subtle/60 text-left text-xs text-muted">
            <tr className="border-b border-line">
              <th className="py-2 pl-5 font-medium">Product</th>
              {/* Narrow pages drop category and GTIN (the product form has them). */}
              <th className="px-2 font-medium @max-3xl:hidden">Category</th>
              <th className="px-2 font-medium @max-3xl:hidden">GTIN</th>
              <th className="px-2 font-medium">Date</th>
              <th className="px-2 font-medium">Shelf life</th>
              <th className="px-2 font-medium">Freshness rule</th>
              <th className="text-right font-medium">On shelf</th>
              <th className="w-24" />
            </tr>
          </thead>
          <tbody className="divide-y divide-line">
            {products.map((p) => (
              <tr key={p.id}>
                <td className="py-2.5 pr-2 pl-5 font-medium text-text">
                  {p.name}
                  {p.price ? <span className="ml-2 text-xs font-normal text-muted">{p.price}</span> : null}
                </td>
                <td className="px-2 text-muted @max-3xl:hidden">{p.category || '—'}</td>
                <td className="px-2 font-mono text-xs @max-3xl:hidden">
                  {p.gtin ?? '—'}
                  {p.isLocal ? <span className="ml-1.5 rounded bg-subtle px-1.5 py-0.5 font-sans text-[11px] text-muted">in-store</span> : null}
                </td>
                <td className="px-2">{p.dateType === 'use-by' ? 'Use by' : 'Best before'}</td>
                <td className="px-2">{p.shelfLifeDays === null ? '—' : `${p.shelfLifeDays} d`}</td>
                <td className="px-2 text-muted">{describeRule(p.thresholds)}</td>
                <td className="text-right tabular-nums">{p.activeBatches}</td>
                <td className="pr-3 text-right">
                  <Button size="sm" variant="ghost" icon={Pencil} aria-label={`Edit ${p.name}`} onClick={() => setEditing(p)} />
                  <Button size="sm" variant="ghost" icon={Trash2} aria-label={`Delete ${p.name}`} onClick={() => setDeleting(p)} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {editing ? <ProductForm product={editing} onClose={() => setEditing(null)} /> : null}
      {deleting ? (
        <Modal
          open
          onOpenChange={(o) => !o && setDeleting(null)}
          title={`Delete “${deleting.name}”?`}
          description="The product leaves the catalogue. This cannot be undone."
        >
          <ModalActions>
            <Button onClick={() => setDeleting(null)}>Cancel</Button>
            <Button
              variant="danger"
              icon={Trash2}
              onClick={() =>
                void deleteProduct(deleting.id)
                  .then(
                    () => setError(null),
                    (err: unknown) => setError(describeError(err)),
                  )
                  .finally(() => setDeleting(null))
              }
            >
              Delete product
            </Button>
          </ModalActions>
        </Modal>
      ) : null}
    </div>
  );
}
