import { sql, type Kysely } from 'kysely';

/**
 * The freshness register (issue 4): products, their batches, stock movements, the label print log and
 * the shop's batch settings. Status is never stored: it depends on today's date and is computed by the
 * shared rules. Quantities are REAL (kg, litres). Frozen in time: imports only kysely.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE products (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    category TEXT NOT NULL DEFAULT '',
    unit TEXT NOT NULL DEFAULT 'pcs',
    -- As typed (8, 12, 13 or 14 digits) and in its 14-digit form for lookups; NULL without a GTIN.
    gtin TEXT,
    gtin14 TEXT,
    -- A Restricted Circulation Number (prefixes 02, 04, 20-29): valid in the shop only.
    is_local INTEGER NOT NULL DEFAULT 0 CHECK (is_local IN (0, 1)),
    date_type TEXT NOT NULL CHECK (date_type IN ('use-by', 'best-before')),
    shelf_life_days INTEGER CHECK (shelf_life_days IS NULL OR shelf_life_days BETWEEN 0 AND 3650),
    thresholds TEXT NOT NULL,
    price TEXT,
    allergens TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
  ) STRICT`.execute(db);
  await sql`CREATE UNIQUE INDEX products_by_name ON products (name COLLATE NOCASE) WHERE deleted_at IS NULL`.execute(db);
  await sql`CREATE UNIQUE INDEX products_by_gtin14 ON products (gtin14) WHERE deleted_at IS NULL AND gtin14 IS NOT NULL`.execute(db);

  await sql`CREATE TABLE batches (
    id TEXT PRIMARY KEY,
    product_id TEXT NOT NULL REFERENCES products (id),
    lot TEXT NOT NULL,
    production_date TEXT NOT NULL,
    arrival_date TEXT NOT NULL,
    -- The date printed on the pack; NULL means production_date + the product's shelf life.
    expiry_date TEXT,
    quantity REAL NOT NULL CHECK (quantity > 0),
    remaining REAL NOT NULL CHECK (remaining >= 0),
    unit TEXT NOT NULL,
    supplier TEXT NOT NULL DEFAULT '',
    location TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT '',
    -- Set when the stock reaches zero (the batch leaves the shelf); cleared if stock comes back.
    depleted_at TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
  ) STRICT`.execute(db);
  await sql`CREATE UNIQUE INDEX batches_by_product_lot ON batches (product_id, lot) WHERE deleted_at IS NULL`.execute(db);
  await sql`CREATE INDEX batches_by_lot ON batches (lot)`.execute(db);
  await sql`CREATE INDEX batches_by_depleted_product ON batches (depleted_at, product_id) WHERE deleted_at IS NULL`.execute(db);

  await sql`CREATE TABLE stock_movements (
    id TEXT PRIMARY KEY,
    batch_id TEXT NOT NULL REFERENCES batches (id),
    kind TEXT NOT NULL CHECK (kind IN ('sold', 'discarded', 'adjusted')),
    -- Positive for sold and discarded; a signed correction for adjusted.
    quantity REAL NOT NULL,
    reason TEXT CHECK (reason IS NULL OR reason IN ('expired', 'damaged', 'recall', 'other')),
    note TEXT NOT NULL DEFAULT '',
    at TEXT NOT NULL,
    -- The shop's calendar day at the time (the waste log groups by it).
    day TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT,
    CHECK ((kind = 'discarded') = (reason IS NOT NULL))
  ) STRICT`.execute(db);
  await sql`CREATE INDEX stock_movements_by_batch_at ON stock_movements (batch_id, at)`.execute(db);
  await sql`CREATE INDEX stock_movements_by_kind_day ON stock_movements (kind, day) WHERE deleted_at IS NULL`.execute(db);

  await sql`CREATE TABLE label_prints (
    id TEXT PRIMARY KEY,
    job_id TEXT NOT NULL,
    batch_id TEXT NOT NULL REFERENCES batches (id),
    template TEXT NOT NULL,
    copies INTEGER NOT NULL CHECK (copies >= 1),
    start_at INTEGER NOT NULL CHECK (start_at >= 1),
    payload TEXT NOT NULL,
    printed_at TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
  ) STRICT`.execute(db);
  await sql`CREATE INDEX label_prints_by_batch_printed ON label_prints (batch_id, printed_at)`.execute(db);

  // One row per setting, value as JSON (like `settings`); deleted_at set means "back to the default".
  await sql`CREATE TABLE batch_settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
  ) STRICT`.execute(db);
}
