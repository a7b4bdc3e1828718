import { sql, type Kysely } from 'kysely';

/**
 * One freshness rule per product (issue 7): the date rule (`days-before-expiry`, a "sell soon" window)
 * or the shelf-age rule (`days-on-shelf`). The percent-of-shelf-life style goes, and products whose
 * batches carry a date (printed, or from a shelf life) move to the date rule, so a dated batch is never
 * called expired before its date. Products without any date keep the rule that applied to them.
 * Frozen in time: imports only kysely, and spells out the rule shapes it writes.
 */

const DEFAULT_SHELF_AGE = { kind: 'days-on-shelf', cautionFrom: 3, expiredFrom: 5 };
const DEFAULT_WINDOW = 2;

interface Row {
  id: string;
  shelf_life_days: number | null;
  thresholds: string;
  dated: number;
  batches: number;
}

type Rule = { kind: 'days-on-shelf'; cautionFrom: number; expiredFrom: number } | { kind: 'days-before-expiry'; cautionWithinDays: number };

/** The rule a product keeps, from its old thresholds and whether its batches have dates. */
export function migratedRule(old: Record<string, unknown>, product: { shelfLifeDays: number | null; dated: boolean; hasBatches: boolean }): Rule | null {
  const int = (v: unknown): number | null => (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 3650 ? v : null);
  const dated = product.dated || product.shelfLifeDays !== null;
  if (old.kind === 'days-before-expiry') {
    if (!dated && product.hasBatches) return DEFAULT_SHELF_AGE as Rule; // what those undated batches were judged by
    return null; // unchanged
  }
  if (old.kind === 'days-on-shelf') {
    if (!dated) return null;
    const caution = int(old.cautionFrom);
    const expired = int(old.expiredFrom);
    // The caution span of the old rule becomes the "sell soon" window before the date.
    const window = caution !== null && expired !== null && expired >= caution ? expired - caution : DEFAULT_WINDOW;
    return { kind: 'days-before-expiry', cautionWithinDays: window };
  }
  if (old.kind === 'percent-of-shelf-life') {
    if (!dated) return product.hasBatches ? (DEFAULT_SHELF_AGE as Rule) : { kind: 'days-before-expiry', cautionWithinDays: DEFAULT_WINDOW };
    const percent = int(old.cautionAtPercent);
    const life = product.shelfLifeDays;
    // Caution began with (100 - p)% of the shelf life left: that many days before the date.
    const window = life !== null && percent !== null && percent <= 100 ? Math.ceil((life * (100 - percent)) / 100) : DEFAULT_WINDOW;
    return { kind: 'days-before-expiry', cautionWithinDays: window };
  }
  return null; // unreadable: the app falls back and logs it
}

export async function up(db: Kysely<any>): Promise<void> {
  const rows = (
    await sql<Row>`SELECT p.id, p.shelf_life_days, p.thresholds,
        EXISTS (SELECT 1 FROM batches b WHERE b.product_id = p.id AND b.deleted_at IS NULL AND b.expiry_date IS NOT NULL) AS dated,
        (SELECT COUNT(*) FROM batches b WHERE b.product_id = p.id AND b.deleted_at IS NULL) AS batches
      FROM products p`.execute(db)
  ).rows;
  for (const row of rows) {
    let old: unknown;
    try {
      old = JSON.parse(row.thresholds);
    } catch {
      continue;
    }
    if (typeof old !== 'object' || old === null) continue;
    const rule = migratedRule(old as Record<string, unknown>, {
      shelfLifeDays: row.shelf_life_days,
      dated: Number(row.dated) === 1,
      hasBatches: Number(row.batches) > 0,
    });
    if (rule) await sql`UPDATE products SET thresholds = ${JSON.stringify(rule)} WHERE id = ${row.id}`.execute(db);
  }
}
