import { Plus } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import { addDays } from '../../../../src-shared/lib/local-date';
import type { BatchSummary, DeliveryWarning } from '../../../../src-shared/domains/batches/batches.schemas';
import { Button } from '../../../ui/Button';
import { Callout } from '../../../ui/Callout';
import { Modal, ModalActions } from '../../../ui/Modal';
import { TextField } from '../../../ui/TextField';
import { pastDateWarning } from '../batch-actions';
import { batchFormErrors, parseQuantity } from '../batch-form-errors';
import { formatDay } from '../batches-format';
import { useBatchesStore } from '../batches.store';
import { FieldRow, issuesOf, SelectField, TextAreaField } from './fields';
import { ProductForm } from './ProductForm';

const FIELDS = ['productId', 'lot', 'productionDate', 'arrivalDate', 'expiryDate', 'quantity', 'unit', 'supplier', 'location', 'notes'] as const;

interface Props {
  /** The batch to edit, or null for a new delivery. */
  batch: BatchSummary | null;
  /** The shop's today (YYYY-MM-DD), the default arrival day. */
  today: string;
  onClose(): void;
  /** After a new batch: its id and any first-expired-first-out warnings. */
  onCreated?(id: string, warnings: DeliveryWarning[]): void;
}

/** Record a delivery (or edit one): keyboard-first, errors from main shown on their fields. */
export function BatchForm({ batch, today, onClose, onCreated }: Props) {
  const products = useBatchesStore((s) => s.products);
  const facets = useBatchesStore((s) => s.list);
  const createBatch = useBatchesStore((s) => s.createBatch);
  const updateBatch = useBatchesStore((s) => s.updateBatch);
  // Editing: `today` is the batch's arrival day, so the date rules need the shop's real today (if loaded).
  const shopToday = useBatchesStore((s) => s.dashboard?.today ?? s.list?.today ?? null);
  const [d, setD] = useState(() => ({
    productId: batch?.productId ?? products[0]?.id ?? '',
    lot: batch?.lot ?? '',
    productionDate: batch?.productionDate ?? today,
    arrivalDate: batch?.arrivalDate ?? today,
    expiryDate: batch?.explicitExpiryDate ?? '',
    quantity: batch ? String(batch.quantity) : '',
    unit: batch?.unit ?? '',
    supplier: batch?.supplier ?? '',
    location: batch?.location ?? '',
    notes: batch?.notes ?? '',
  }));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [newProduct, setNewProduct] = useState(false);
  // The past-date warning the user has seen; saving again with the same dates goes ahead.
  const [shownWarning, setShownWarning] = useState<string | null>(null);
  const set = (patch: Partial<typeof d>) => setD((x) => ({ ...x, ...patch }));
  const product = products.find((p) => p.id === d.productId);
  const computed = product?.shelfLifeDays != null && /^\d{4}-\d{2}-\d{2}$/.test(d.productionDate) ? safeAdd(d.productionDate, product.shelfLifeDays) : null;

  async function submit(e: FormEvent) {
    e.preventDefault();
    // Every problem at once (lot, quantity, dates…), not the first one per attempt.
    const found = batchFormErrors(d, product, batch ? shopToday : today);
    setErrors(found);
    setFormError(null);
    if (Object.keys(found).length > 0) return;
    const quantity = parseQuantity(d.quantity);
    const warning = pastDateWarning(d, product, today);
    if (warning !== null && warning !== shownWarning) {
      setShownWarning(warning);
      return;
    }
    setBusy(true);
    const input = { ...d, expiryDate: d.expiryDate === '' ? null : d.expiryDate, quantity };
    try {
      if (batch) await updateBatch(batch.id, input);
      else {
        const created = await createBatch(input);
        onCreated?.(created.batch.id, created.warnings);
      }
      onClose();
    } catch (err) {
      const { byField, form } = issuesOf(err, FIELDS);
      setErrors(byField);
      setFormError(form);
    } finally {
      setBusy(false);
    }
  }

  if (newProduct) return <ProductForm product={null} onClose={() => setNewProduct(false)} onSaved={(p) => set({ productId: p.id })} />;

  return (
    <Modal
      open
      onOpenChange={(open) => !open && onClose()}
      title={batch ? `Edit lot ${batch.lot}` : 'New batch'}
      description={batch ? undefined : 'Record a delivery as it arrives.'}
      size="md"
    >
      <form onSubmit={(e) => void submit(e)} className="flex flex-col gap-4" noValidate>
        {formError ? <Callout tone="danger">{formError}</Callout> : null}
        {shownWarning !== null && shownWarning === pastDateWarning(d, product, today) ? (
          <Callout tone="warning">
            <span data-testid="past-date-warning">{shownWarning}</span>
          </Callout>
        ) : null}
        <div className="flex items-end gap-2">
          <div className="min-w-0 flex-1">
            <SelectField label="Product" value={d.productId} onChange={(e) => set({ productId: e.target.value })} error={errors.productId} autoFocus>
              {products.length === 0 ? <option value="">Add a product first</option> : null}
              {products.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </SelectField>
          </div>
          <Button icon={Plus} onClick={() => setNewProduct(true)} className={errors.productId ? 'mb-7' : undefined}>
            New product…
          </Button>
        </div>
        <FieldRow>
          <TextField label="Lot" mono value={d.lot} onChange={(e) => set({ lot: e.target.value })} error={errors.lot} required />
          <TextField
            label={`Quantity${product ? ` (${d.unit || product.unit})` : ''}`}
            inputMode="decimal"
            value={d.quantity}
            onChange={(e) => set({ quantity: e.target.value })}
            error={errors.quantity}
            required
          />
        </FieldRow>
        <FieldRow>
          <TextField
            label="Production date"
            type="date"
            value={d.productionDate}
            onChange={(e) => set({ productionDate: e.target.value })}
            error={errors.productionDate}
          />
          <TextField label="Arrival date" type="date" value={d.arrivalDate} onChange={(e) => set({ arrivalDate: e.target.value })} error={errors.arrivalDate} />
        </FieldRow>
        <TextField
          label={`${product?.dateType === 'best-before' ? 'Best before' : 'Use by'} date on the pack (optional)`}
          type="date"
          value={d.expiryDate}
          onChange={(e) => set({ expiryDate: e.target.value })}
          error={errors.expiryDate}
          hint={
            computed
              ? `Leave empty to use ${formatDay(computed)} (production + ${product?.shelfLifeDays} days).`
              : 'This product has no shelf life set, so enter the date printed on the pack.'
          }
        />
        <FieldRow>
          <TextField label="Supplier" list="batch-suppliers" value={d.supplier} onChange={(e) => set({ supplier: e.target.value })} error={errors.supplier} />
          <TextField
            label="Storage location"
            list="batch-locations"
            value={d.location}
            onChange={(e) => set({ location: e.target.value })}
            error={errors.location}
            placeholder="Counter, cold room…"
          />
        </FieldRow>
        <datalist id="batch-suppliers">
          {facets?.suppliers.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
        <datalist id="batch-locations">
          {facets?.locations.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
        <TextAreaField label="Notes" rows={2} value={d.notes} onChange={(e) => set({ notes: e.target.value })} error={errors.notes} />
        <ModalActions>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" busy={busy} disabled={products.length === 0}>
            {shownWarning !== null && shownWarning === pastDateWarning(d, product, today)
              ? batch
                ? 'Save anyway'
                : 'Add anyway'
              : batch
                ? 'Save batch'
                : 'Add batch'}
          </Button>
        </ModalActions>
      </form>
    </Modal>
  );
}

function safeAdd(date: string, days: number): string | null {
  try {
    return addDays(date, days);
  } catch {
    return null;
  }
}
