import { z } from 'zod';
import { toWinAnsi } from './label-text';

/**
 * What one label says. Dates are printed as given (the caller formats them for the shop's locale);
 * `qrPayload` is checked for length by `qrMatrix`, which answers TOO_LARGE rather than INVALID_INPUT.
 */
export const LabelContent = z.object({
  qrPayload: z.string().min(1),
  productName: z.string().min(1).max(200),
  lot: z.string().max(80),
  productionDate: z.string().max(40),
  arrivalDate: z.string().max(40),
  expiryDate: z.string().max(40).nullable(),
  dateType: z.enum(['use-by', 'best-before']),
  price: z.string().max(40).optional(),
  allergens: z.string().max(500).optional(),
  shopName: z.string().max(120).optional(),
});
/** Most labels (labels × copies) in one print job; more answers TOO_LARGE. */
export const MAX_LABELS_PER_JOB = 10_000;

/** What one label says. */
export type LabelContent = z.infer<typeof LabelContent>;

/** One line of label text before fitting: wordings from longest to shortest, and how it looks. */
export interface TextLineSpec {
  /** Longest wording first; the fitter takes the first that fits, then shrinks and truncates the last. */
  readonly variants: readonly string[];
  readonly bold: boolean;
  /** Size relative to the body text (title 1.25, footnote 0.85). */
  readonly scale: number;
  /** Lines with the lowest priority are dropped first when a label is too short for all of them. */
  readonly priority: number;
  /** May wrap onto a second line (product name, allergens) instead of being truncated. */
  readonly wraps: boolean;
}

const line = (variants: string[], priority: number, extra: Partial<TextLineSpec> = {}): TextLineSpec => ({
  variants,
  bold: false,
  scale: 1,
  priority,
  wraps: false,
  ...extra,
});

/**
 * The human-readable lines of a label, in print order, already reduced to printable characters:
 * product, lot, production date, arrival date, use-by/best-before date, then price, allergens and shop.
 * Everything a customer or inspector needs is readable without scanning the code.
 */
export function labelTextLines(content: LabelContent): TextLineSpec[] {
  const lines: TextLineSpec[] = [line([toWinAnsi(content.productName) || '?'], 100, { bold: true, scale: 1.25, wraps: true })];
  const lot = toWinAnsi(content.lot);
  if (lot) lines.push(line([`Lot ${lot}`], 80));
  const produced = toWinAnsi(content.productionDate);
  if (produced) lines.push(line([`Prod. ${produced}`], 60));
  const arrived = toWinAnsi(content.arrivalDate);
  if (arrived) lines.push(line([`Arrived ${arrived}`, `Arr. ${arrived}`], 40));
  const expiry = content.expiryDate === null ? '' : toWinAnsi(content.expiryDate);
  if (expiry) {
    const variants = content.dateType === 'use-by' ? [`Use by ${expiry}`] : [`Best before ${expiry}`, `Best bef. ${expiry}`, `BB ${expiry}`];
    lines.push(line(variants, 90, { bold: true }));
  }
  const price = toWinAnsi(content.price ?? '');
  if (price) lines.push(line([price], 70, { bold: true }));
  const allergens = toWinAnsi(content.allergens ?? '');
  if (allergens) lines.push(line([`Allergens: ${allergens}`], 50, { wraps: true }));
  const shop = toWinAnsi(content.shopName ?? '');
  if (shop) lines.push(line([shop], 10, { scale: 0.85 }));
  return lines;
}
