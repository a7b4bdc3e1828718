import { sql, type Kysely } from 'kysely';

/**
 * The dashboard over 100,000 batches (issue 13): the index of batches on the shelf grows from
 * (depleted_at, product_id) to every column the freshness status reads, so the dashboard counts by
 * grouping the index alone (no table lookups, no sort). It still serves the per-product active counts.
 * Frozen in time: imports only kysely.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`DROP INDEX IF EXISTS batches_by_depleted_product`.execute(db);
  await sql`CREATE INDEX batches_on_shelf ON batches (depleted_at, product_id, production_date, arrival_date, expiry_date) WHERE deleted_at IS NULL`.execute(
    db,
  );
}
