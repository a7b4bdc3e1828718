import { validateBatchDates } from '../../../src-shared/domains/batches/batch-status';
import { BatchInput, type Product } from '../../../src-shared/domains/batches/batches.schemas';
import { AppError } from '../../../src-shared/ipc/result';

/** The batch form as typed: every value a string, the quantity not parsed yet. */
export interface BatchDraft {
  productId: string;
  lot: string;
  productionDate: string;
  arrivalDate: string;
  expiryDate: string;
  quantity: string;
  unit: string;
  supplier: string;
  location: string;
  notes: string;
}

/** "3,5" and "3.5" are the same quantity; blank or not a number gives NaN. */
export const parseQuantity = (text: string): number => (text.trim() === '' ? Number.NaN : Number(text.trim().replace(',', '.')));

/**
 * Every problem of the draft at once, by field (the first message per field): the shared schema's
 * checks, the quantity, and the shared date rules for the shop's `today` (skipped when it is not known
 * yet: main checks the dates on save either way). Main runs the same rules
 * again on save; this only lets the form show all of them together instead of one per attempt.
 */
export function batchFormErrors(
  draft: BatchDraft,
  product: Pick<Product, 'shelfLifeDays' | 'thresholds'> | undefined,
  today: string | null,
): Record<string, string> {
  const errors: Record<string, string> = {};
  const add = (path: string, message: string) => {
    const key = path.split('.')[0] ?? '';
    if (key && !errors[key]) errors[key] = message;
  };
  const quantity = parseQuantity(draft.quantity);
  if (!Number.isFinite(quantity) || quantity <= 0) add('quantity', 'Enter a quantity above zero');
  if (!product) add('productId', 'Choose a product, or add one');
  const parsed = BatchInput.safeParse({
    ...draft,
    expiryDate: draft.expiryDate === '' ? null : draft.expiryDate,
    quantity: Number.isFinite(quantity) ? quantity : 0,
  });
  if (!parsed.success) for (const issue of parsed.error.issues) add(issue.path.map(String).join('.'), issue.message);
  if (today === null) return errors;
  try {
    // A clock whose "today" in UTC is the shop's today (the form already knows the shop's date).
    validateBatchDates(
      { ...draft, expiryDate: draft.expiryDate || null, shelfLifeDays: product?.shelfLifeDays ?? null, thresholds: product?.thresholds },
      { timeZone: 'UTC', nowMs: Date.parse(`${today}T12:00:00Z`) },
    );
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    for (const issue of err.issues ?? []) add(issue.path, issue.message);
  }
  return errors;
}
