import type { DateType, FreshnessThresholds } from '../../../../src-shared/domains/batches/batch-status';

/**
 * The data a customer page carries (embedded as JSON in the page). The browser script computes days on
 * shelf and status from it with the shared rules, using the customer's clock and the shop's time zone.
 */
export interface CustomerPageBatch {
  productName: string;
  lot: string;
  gtin14: string | null;
  productionDate: string;
  arrivalDate: string;
  /** Explicit date, else null (production + shelf life). */
  expiryDate: string | null;
  shelfLifeDays: number | null;
  dateType: DateType;
  thresholds: FreshnessThresholds;
  price: string | null;
  allergens: string;
}

export interface CustomerPageData {
  shopName: string;
  timeZone: string;
  batches: CustomerPageBatch[];
}

/** Element ids and data attributes shared by the HTML writer and the browser script. */
export const PAGE_IDS = {
  data: 'hearth-data',
  batchAttr: 'data-batch',
  statusAttr: 'data-status',
  shelfAttr: 'data-shelf',
  leftAttr: 'data-left',
  indexNote: 'hearth-index-note',
} as const;
