import type { Insertable, Selectable, Updateable } from 'kysely';

/** Mirrors migration 0003. Dates are YYYY-MM-DD text, timestamps ISO UTC text, booleans 0/1, JSON as TEXT. */
export interface ProductTable {
  id: string;
  name: string;
  category: string;
  unit: string;
  gtin: string | null;
  gtin14: string | null;
  is_local: number;
  date_type: 'use-by' | 'best-before';
  shelf_life_days: number | null;
  /** JSON `FreshnessThresholds`. */
  thresholds: string;
  price: string | null;
  allergens: string;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface BatchTable {
  id: string;
  product_id: string;
  lot: string;
  production_date: string;
  arrival_date: string;
  expiry_date: string | null;
  quantity: number;
  remaining: number;
  unit: string;
  supplier: string;
  location: string;
  notes: string;
  depleted_at: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface StockMovementTable {
  id: string;
  batch_id: string;
  kind: 'sold' | 'discarded' | 'adjusted';
  quantity: number;
  reason: 'expired' | 'damaged' | 'recall' | 'other' | null;
  note: string;
  at: string;
  day: string;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface LabelPrintTable {
  id: string;
  job_id: string;
  batch_id: string;
  template: string;
  copies: number;
  start_at: number;
  payload: string;
  printed_at: string;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export type ProductRow = Selectable<ProductTable>;
export type NewProductRow = Insertable<ProductTable>;
export type ProductRowUpdate = Updateable<ProductTable>;
export type BatchRow = Selectable<BatchTable>;
export type NewBatchRow = Insertable<BatchTable>;
export type BatchRowUpdate = Updateable<BatchTable>;
export type StockMovementRow = Selectable<StockMovementTable>;
export type NewStockMovementRow = Insertable<StockMovementTable>;
export type LabelPrintRow = Selectable<LabelPrintTable>;
export type NewLabelPrintRow = Insertable<LabelPrintTable>;
