import { useState, type FormEvent } from 'react';
import { DEFAULT_DATE_RULE, DEFAULT_THRESHOLDS, type FreshnessThresholds } from '../../../../src-shared/domains/batches/freshness-rule';
import type { Product, ProductInput } from '../../../../src-shared/domains/batches/batches.schemas';
import { validateGtin } from '../../../../src-shared/domains/batches/gtin';
import { Button } from '../../../ui/Button';
import { Callout } from '../../../ui/Callout';
import { Modal, ModalActions } from '../../../ui/Modal';
import { TextField } from '../../../ui/TextField';
import { useBatchesStore } from '../batches.store';
import { FieldRow, issuesOf, SelectField } from './fields';

const FIELDS = ['name', 'category', 'unit', 'gtin', 'dateType', 'shelfLifeDays', 'thresholds', 'price', 'allergens'] as const;

type RuleKind = FreshnessThresholds['kind'];

interface Draft {
  name: string;
  category: string;
  unit: string;
  gtin: string;
  dateType: 'use-by' | 'best-before';
  shelfLifeDays: string;
  rule: RuleKind;
  a: string;
  b: string;
  price: string;
  allergens: string;
}

const RULE_DEFAULTS: Record<RuleKind, [string, string]> = {
  'days-before-expiry': [String(DEFAULT_DATE_RULE.cautionWithinDays), ''],
  'days-on-shelf': [String(DEFAULT_THRESHOLDS.cautionFrom), String(DEFAULT_THRESHOLDS.expiredFrom)],
};

function draftOf(p: Product | null): Draft {
  // A new product starts on the date rule (most food carries a date); the form always shows the rule it saves.
  const t = p?.thresholds ?? DEFAULT_DATE_RULE;
  const [a, b] = t.kind === 'days-on-shelf' ? [t.cautionFrom, t.expiredFrom] : [t.cautionWithinDays, ''];
  return {
    name: p?.name ?? '',
    category: p?.category ?? '',
    unit: p?.unit ?? 'pcs',
    gtin: p?.gtin ?? '',
    dateType: p?.dateType ?? 'use-by',
    shelfLifeDays: p?.shelfLifeDays == null ? '' : String(p.shelfLifeDays),
    rule: t.kind,
    a: String(a),
    b: String(b),
    price: p?.price ?? '',
    allergens: p?.allergens ?? '',
  };
}

const num = (s: string): number => (s.trim() === '' ? Number.NaN : Number(s));

function thresholdsOf(d: Draft): FreshnessThresholds {
  if (d.rule === 'days-before-expiry') return { kind: 'days-before-expiry', cautionWithinDays: num(d.a) };
  return { kind: 'days-on-shelf', cautionFrom: num(d.a), expiredFrom: num(d.b) };
}

/** Create or edit a product: GTIN checked as you type, date type, shelf life and the freshness rule. */
export function ProductForm({ product, onClose, onSaved }: { product: Product | null; onClose(): void; onSaved?(p: Product): void }) {
  const createProduct = useBatchesStore((s) => s.createProduct);
  const updateProduct = useBatchesStore((s) => s.updateProduct);
  const [d, setD] = useState<Draft>(() => draftOf(product));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<Draft>) => setD((x) => ({ ...x, ...patch }));
  const gtin = d.gtin.trim() === '' ? null : validateGtin(d.gtin);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    const input: ProductInput = {
      name: d.name,
      category: d.category,
      unit: d.unit,
      gtin: d.gtin.trim(),
      dateType: d.dateType,
      shelfLifeDays: d.shelfLifeDays.trim() === '' ? null : num(d.shelfLifeDays),
      thresholds: thresholdsOf(d),
      price: d.price,
      allergens: d.allergens,
    };
    try {
      const saved = product ? await updateProduct(product.id, input) : await createProduct(input);
      onSaved?.(saved);
      onClose();
    } catch (err) {
      const { byField, form } = issuesOf(err, FIELDS);
      setErrors(byField);
      setFormError(form);
    } finally {
      setBusy(false);
    }
  }

  const ruleHint =
    d.rule === 'days-on-shelf'
      ? 'For goods without a printed date: counted from the arrival day (day 0). A batch that has a date still expires only after it.'
      : 'Fresh until the sell-soon window, expired the day after the date. Every batch needs a date (on the pack, or from the shelf life).';

  return (
    <Modal open onOpenChange={(open) => !open && onClose()} title={product ? `Edit ${product.name}` : 'New product'} size="md">
      <form onSubmit={(e) => void submit(e)} className="flex flex-col gap-4" noValidate>
        {formError ? <Callout tone="danger">{formError}</Callout> : null}
        <TextField label="Name" value={d.name} onChange={(e) => set({ name: e.target.value })} error={errors.name} autoFocus required />
        <FieldRow>
          <TextField label="Category" value={d.category} onChange={(e) => set({ category: e.target.value })} error={errors.category} placeholder="Bakery" />
          <TextField label="Unit" value={d.unit} onChange={(e) => set({ unit: e.target.value })} error={errors.unit} placeholder="kg, pcs, l" />
        </FieldRow>
        <TextField
          label="GTIN (optional)"
          inputMode="numeric"
          mono
          value={d.gtin}
          onChange={(e) => set({ gtin: e.target.value })}
          error={errors.gtin ?? (gtin && !gtin.valid && d.gtin.trim().length >= 8 ? gtin.error : undefined)}
          hint={
            gtin?.valid
              ? gtin.isLocal
                ? 'In-store code (RCN): fine in your shop, not unique worldwide.'
                : `GTIN-14 ${gtin.gtin14}`
              : '8, 12, 13 or 14 digits from the barcode.'
          }
        />
        <FieldRow>
          <SelectField
            label="Date on the pack"
            value={d.dateType}
            onChange={(e) => set({ dateType: e.target.value as Draft['dateType'] })}
            error={errors.dateType}
          >
            <option value="use-by">Use by (safety)</option>
            <option value="best-before">Best before (quality)</option>
          </SelectField>
          <TextField
            label="Shelf life (days)"
            type="number"
            min={0}
            max={3650}
            value={d.shelfLifeDays}
            onChange={(e) => set({ shelfLifeDays: e.target.value })}
            error={errors.shelfLifeDays}
            hint="From production; leave empty if every batch has its own date."
          />
        </FieldRow>
        <SelectField
          label="Freshness rule"
          value={d.rule}
          onChange={(e) => {
            const rule = e.target.value as RuleKind;
            set({ rule, a: RULE_DEFAULTS[rule][0], b: RULE_DEFAULTS[rule][1] });
          }}
          hint={ruleHint}
          error={errors.thresholds}
        >
          <option value="days-before-expiry">By the date on the pack</option>
          <option value="days-on-shelf">By days on the shelf (no printed date)</option>
        </SelectField>
        <FieldRow>
          <TextField
            label={d.rule === 'days-on-shelf' ? 'Caution from day' : 'Sell soon within (days)'}
            type="number"
            min={0}
            value={d.a}
            onChange={(e) => set({ a: e.target.value })}
          />
          {d.rule !== 'days-before-expiry' ? (
            <TextField label="Expired from day" type="number" min={1} value={d.b} onChange={(e) => set({ b: e.target.value })} />
          ) : (
            <div />
          )}
        </FieldRow>
        <FieldRow>
          <TextField label="Price on label" value={d.price} onChange={(e) => set({ price: e.target.value })} error={errors.price} placeholder="€4.20 / kg" />
          <TextField
            label="Allergens"
            value={d.allergens}
            onChange={(e) => set({ allergens: e.target.value })}
            error={errors.allergens}
            placeholder="milk, gluten"
          />
        </FieldRow>
        <ModalActions>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" busy={busy}>
            {product ? 'Save product' : 'Add product'}
          </Button>
        </ModalActions>
      </form>
    </Modal>
  );
}
