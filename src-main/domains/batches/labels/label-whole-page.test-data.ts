/** Test data for whole-page scan tests and benchmarks: many distinct, realistic batch labels. */
import { buildQrPayload, type QrSettings } from '../../../../src-shared/domains/batches/qr-payload';
import type { LabelContent } from './label-content';

const MODES: QrSettings[] = [
  { mode: 'gs1', domain: 'freshmarket-delicatessen.example' },
  { mode: 'url', template: 'https://freshmarket-delicatessen.example/batch/{lot}?p={production}&e={expiry}&g={gtin}' },
  { mode: 'text' },
];
const PRODUCTS = ['Smoked ham', 'Sourdough rye bread', 'Organic whole milk 1 l', 'Free-range eggs (10)', 'Zurek soup 500 ml'];

/** Distinct, realistic labels: 20-character GS1 lot numbers, the three QR modes in turn, every text line filled. */
export function realisticLabels(count: number, seed = 0): LabelContent[] {
  return Array.from({ length: count }, (_, i) => {
    const n = seed + i;
    const lot = `L${String(n).padStart(6, '0')}-2026/11-AB`.slice(0, 20);
    const productionDate = `2026-11-${String(1 + (n % 28)).padStart(2, '0')}`;
    const productName = PRODUCTS[n % PRODUCTS.length] ?? 'Item';
    const dateType = n % 2 === 0 ? 'use-by' : 'best-before';
    const qrPayload = buildQrPayload(
      MODES[n % MODES.length] ?? { mode: 'text' },
      { lot, productionDate, arrivalDate: productionDate, expiryDate: null },
      { name: productName, gtin: '5901234123457', dateType, shelfLifeDays: 14 },
    );
    return {
      qrPayload,
      productName,
      lot,
      productionDate,
      arrivalDate: productionDate,
      expiryDate: '2026-12-20',
      dateType,
      price: '€4.20 / kg',
      allergens: 'milk, gluten, mustard',
      shopName: 'Fresh Market Delicatessen',
    };
  });
}
