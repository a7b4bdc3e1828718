import { useState, type FormEvent } from 'react';
import type { BatchSummary, MovementKind, WasteReason } from '../../../../src-shared/domains/batches/batches.schemas';
import { Button } from '../../../ui/Button';
import { Callout } from '../../../ui/Callout';
import { cx } from '../../../ui/cx';
import { Modal, ModalActions } from '../../../ui/Modal';
import { TextField } from '../../../ui/TextField';
import { formatQty, REASON_LABEL } from '../batches-format';
import { useBatchesStore } from '../batches.store';
import { issuesOf } from './fields';

const KINDS: { kind: MovementKind; label: string }[] = [
  { kind: 'sold', label: 'Sold' },
  { kind: 'discarded', label: 'Discarded' },
  { kind: 'adjusted', label: 'Correct the count' },
];

/** Sold, discarded (with a reason) or a corrected count. Stock never goes below zero (main checks). */
export function MovementDialog({ batch, initialKind, onClose }: { batch: BatchSummary; initialKind: MovementKind; onClose(): void }) {
  const recordMovement = useBatchesStore((s) => s.recordMovement);
  const say = useBatchesStore((s) => s.say);
  const [kind, setKind] = useState<MovementKind>(initialKind);
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState<WasteReason | null>(initialKind === 'discarded' && batch.status === 'expired' ? 'expired' : null);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const unit = batch.unit;

  async function submit(e: FormEvent) {
    e.preventDefault();
    const value = Number(amount.trim().replace(',', '.'));
    if (amount.trim() === '' || !Number.isFinite(value)) {
      setErrors({ quantity: kind === 'adjusted' ? 'Enter what is on the shelf now' : 'Enter a quantity above zero' });
      return;
    }
    const quantity = kind === 'adjusted' ? Math.round((value - batch.remaining) * 1000) / 1000 : value;
    if (kind === 'adjusted' && quantity === 0) {
      setErrors({ quantity: `The count is already ${formatQty(batch.remaining)} ${unit}.` });
      return;
    }
    setBusy(true);
    try {
      await recordMovement({ batchId: batch.id, kind, quantity, reason: kind === 'discarded' ? reason : null, note });
      say(
        kind === 'adjusted'
          ? `Lot ${batch.lot}: count corrected to ${formatQty(value)} ${unit}.`
          : `Lot ${batch.lot}: ${formatQty(value)} ${unit} ${kind === 'sold' ? 'sold' : 'discarded'}.`,
      );
      onClose();
    } catch (err) {
      const { byField, form } = issuesOf(err, ['quantity', 'reason', 'note']);
      setErrors(byField);
      setFormError(form);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open
      onOpenChange={(open) => !open && onClose()}
      title={`${batch.productName}, lot ${batch.lot}`}
      description={`${formatQty(batch.remaining)} ${unit} on the shelf.`}
    >
      <form onSubmit={(e) => void submit(e)} className="flex flex-col gap-4" noValidate>
        {formError ? <Callout tone="danger">{formError}</Callout> : null}
        <div role="radiogroup" aria-label="What happened" className="grid grid-cols-3 gap-1 rounded-lg bg-subtle p-1">
          {KINDS.map((k) => (
            <button
              key={k.kind}
              type="button"
              role="radio"
              aria-checked={kind === k.kind}
              onClick={() => {
                setKind(k.kind);
                setErrors({});
              }}
              className={cx('h-8 rounded-md text-[13px] font-medium', kind === k.kind ? 'bg-surface text-text shadow-sm' : 'text-muted hover:text-text')}
            >
              {k.label}
            </button>
          ))}
        </div>
        <div className="flex items-end gap-2">
          <div className="min-w-0 flex-1">
            <TextField
              label={kind === 'adjusted' ? `On the shelf now (${unit})` : `Quantity (${unit})`}
              inputMode="decimal"
              value={amount}
              onChange={(e) => setAmount(e.target.value)}
              error={errors.quantity}
              autoFocus
            />
          </div>
          {kind !== 'adjusted' ? (
            <Button onClick={() => setAmount(formatQty(batch.remaining))} className={errors.quantity ? 'mb-7' : undefined}>
              All {formatQty(batch.remaining)} {unit}
            </Button>
          ) : null}
        </div>
        {kind === 'discarded' ? (
          <fieldset className="flex flex-col gap-1.5">
            <legend className="mb-1.5 text-[13px] font-medium text-text">Reason</legend>
            <div className="grid grid-cols-4 gap-2">
              {(Object.keys(REASON_LABEL) as WasteReason[]).map((r) => (
                <label
                  key={r}
                  className={cx(
                    'flex h-9 cursor-pointer items-center justify-center gap-1.5 rounded-md border text-[13px] has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-focus',
                    reason === r ? 'border-accent bg-accent-soft text-text' : 'border-line-strong text-muted hover:bg-hover',
                  )}
                >
                  <input type="radio" name="reason" value={r} checked={reason === r} onChange={() => setReason(r)} className="sr-only" />
                  {REASON_LABEL[r]}
                </label>
              ))}
            </div>
            {errors.reason ? (
              <p role="alert" className="text-[13px] text-danger">
                {errors.reason}
              </p>
            ) : null}
          </fieldset>
        ) : null}
        <TextField label="Note (optional)" value={note} onChange={(e) => setNote(e.target.value)} error={errors.note} />
        <ModalActions>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant={kind === 'discarded' ? 'danger' : 'primary'} busy={busy}>
            {kind === 'sold' ? 'Record sale' : kind === 'discarded' ? 'Record waste' : 'Save count'}
          </Button>
        </ModalActions>
      </form>
    </Modal>
  );
}
