import { sql, type Kysely } from 'kysely';
import { sortByName } from '../../../src-shared/lib/collate';
import type { Database } from '../../db/database';
import type {
  BatchRow,
  BatchRowUpdate,
  LabelPrintRow,
  NewBatchRow,
  NewLabelPrintRow,
  NewProductRow,
  NewStockMovementRow,
  ProductRow,
  ProductRowUpdate,
  StockMovementRow,
} from './batches.table';

type Db = Kysely<Database>;

/** The columns the status rule reads (a batch with its product's rule). */
export interface BatchStatusRow {
  id: string;
  product_id: string;
  production_date: string;
  arrival_date: string;
  expiry_date: string | null;
  date_type: 'use-by' | 'best-before';
  shelf_life_days: number | null;
  thresholds: string;
}

/** Batches on the shelf that share every input of the status rule, and how many there are. */
export interface BatchStatusGroupRow extends Omit<BatchStatusRow, 'id'> {
  n: number;
}

/** A batch row with the product fields that status, lists and labels need. */
export interface BatchWithProductRow extends BatchRow, BatchStatusRow {
  product_name: string;
  category: string;
}

/** A label print row with the batch's lot and product name. */
export interface LabelPrintWithBatchRow extends LabelPrintRow {
  lot: string;
  product_name: string;
}

const batchWithProduct = (db: Db) =>
  db
    .selectFrom('batches as b')
    .innerJoin('products as p', 'p.id', 'b.product_id')
    .selectAll('b')
    .select(['p.name as product_name', 'p.category', 'p.date_type', 'p.shelf_life_days', 'p.thresholds'])
    .where('b.deleted_at', 'is', null);

const printsWithBatch = (db: Db) =>
  db
    .selectFrom('label_prints as l')
    .innerJoin('batches as b', 'b.id', 'l.batch_id')
    .innerJoin('products as p', 'p.id', 'b.product_id')
    .selectAll('l')
    .select(['b.lot', 'p.name as product_name'])
    .where('l.deleted_at', 'is', null);

/** Rows per bulk INSERT statement (one JSON text of a few MiB at most). */
const INSERT_CHUNK = 5000;
/** Every column of a batch row, in the order `insertBatches` writes them. */
const BATCH_COLUMNS = [
  'id',
  'product_id',
  'lot',
  'production_date',
  'arrival_date',
  'expiry_date',
  'quantity',
  'remaining',
  'unit',
  'supplier',
  'location',
  'notes',
  'depleted_at',
  'created_at',
  'updated_at',
  'deleted_at',
] as const satisfies readonly (keyof BatchRow)[];
/** Values per `IN (…)` lookup. */
const LOOKUP_CHUNK = 1000;

/** The key `takenLots` returns for a product's lot. */
export const productLotKey = (productId: string, lot: string): string => `${productId}\u0000${lot}`;

/** Plain queries over the freshness register: no business rules, no status. */
export const batchesRepository = Object.freeze({
  // ------------------------------------------------------------ products
  /** By name in the user's locale order (SQLite's ORDER BY is byte order: "apple" after "Zucchini"). */
  listProducts: async (db: Db): Promise<ProductRow[]> =>
    sortByName(await db.selectFrom('products').selectAll().where('deleted_at', 'is', null).execute(), (p) => p.name),

  getProduct: (db: Db, id: string): Promise<ProductRow | undefined> =>
    db.selectFrom('products').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst(),

  findProductByName: (db: Db, name: string): Promise<ProductRow | undefined> =>
    db
      .selectFrom('products')
      .selectAll()
      .where('deleted_at', 'is', null)
      .where((eb) => eb(eb.fn('lower', ['name']), '=', name.toLowerCase()))
      .executeTakeFirst(),

  findProductByGtin14: (db: Db, gtin14: string): Promise<ProductRow | undefined> =>
    db.selectFrom('products').selectAll().where('deleted_at', 'is', null).where('gtin14', '=', gtin14).executeTakeFirst(),

  insertProduct: (db: Db, row: NewProductRow) => db.insertInto('products').values(row).execute(),

  updateProduct: (db: Db, id: string, patch: ProductRowUpdate) => db.updateTable('products').set(patch).where('id', '=', id).execute(),

  /** Active batch count per product id. */
  activeCounts: async (db: Db): Promise<Map<string, number>> => {
    const rows = await db
      .selectFrom('batches')
      .select(['product_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('deleted_at', 'is', null)
      .where('depleted_at', 'is', null)
      .groupBy('product_id')
      .execute();
    return new Map(rows.map((r) => [r.product_id, Number(r.n)]));
  },

  // ------------------------------------------------------------ batches
  getBatch: (db: Db, id: string): Promise<BatchWithProductRow | undefined> => batchWithProduct(db).where('b.id', '=', id).executeTakeFirst(),

  /** Batches (not deleted) with their product; only those on the shelf unless `includeInactive`. */
  listBatches: (db: Db, opts: { includeInactive: boolean; productId?: string }): Promise<BatchWithProductRow[]> => {
    let q = batchWithProduct(db);
    if (!opts.includeInactive) q = q.where('b.depleted_at', 'is', null);
    if (opts.productId) q = q.where('b.product_id', '=', opts.productId);
    return q.execute();
  },

  /**
   * Batches on the shelf counted per (product, production, arrival, printed expiry): everything the status
   * rule reads, so one status per group stands for all its batches. Served by the `batches_on_shelf` index alone.
   */
  activeStatusGroups: (db: Db): Promise<BatchStatusGroupRow[]> =>
    db
      .selectFrom((eb) =>
        eb
          .selectFrom('batches')
          .select(['product_id', 'production_date', 'arrival_date', 'expiry_date', (c) => c.fn.countAll<number>().as('n')])
          .where('deleted_at', 'is', null)
          .where('depleted_at', 'is', null)
          .groupBy(['product_id', 'production_date', 'arrival_date', 'expiry_date'])
          .as('g'),
      )
      .innerJoin('products as p', 'p.id', 'g.product_id')
      .select(['g.product_id', 'g.production_date', 'g.arrival_date', 'g.expiry_date', 'g.n', 'p.date_type', 'p.shelf_life_days', 'p.thresholds'])
      .execute(),

  /** The first `limit` ids (in id order) of the batches on the shelf in one status group. */
  activeIdsInGroup: async (db: Db, g: BatchStatusGroupRow, limit: number): Promise<string[]> => {
    const rows = await db
      .selectFrom('batches')
      .select('id')
      .where('deleted_at', 'is', null)
      .where('depleted_at', 'is', null)
      .where('product_id', '=', g.product_id)
      .where('production_date', '=', g.production_date)
      .where('arrival_date', '=', g.arrival_date)
      .where((eb) => (g.expiry_date === null ? eb('expiry_date', 'is', null) : eb('expiry_date', '=', g.expiry_date)))
      .orderBy('id')
      .limit(limit)
      .execute();
    return rows.map((r) => r.id);
  },

  getBatches: (db: Db, ids: string[]): Promise<BatchWithProductRow[]> =>
    ids.length === 0 ? Promise.resolve([]) : batchWithProduct(db).where('b.id', 'in', ids).execute(),

  findBatchesByLot: (db: Db, lot: string, productIds?: string[]): Promise<BatchWithProductRow[]> => {
    let q = batchWithProduct(db).where('b.lot', '=', lot);
    if (productIds) q = q.where('b.product_id', 'in', productIds.length > 0 ? productIds : ['']);
    return q.execute();
  },

  findBatchByProductLot: (db: Db, productId: string, lot: string): Promise<BatchRow | undefined> =>
    db.selectFrom('batches').selectAll().where('product_id', '=', productId).where('lot', '=', lot).where('deleted_at', 'is', null).executeTakeFirst(),

  insertBatch: (db: Db, row: NewBatchRow) => db.insertInto('batches').values(row).execute(),

  /**
   * Many batches: each chunk is one small statement reading its rows from one JSON parameter (`json_each`), so
   * SQLite prepares a few statements instead of one per row, or one program per VALUES list of hundreds of rows.
   * Rows keep their order (and so their change-log order); numbers and text round-trip exactly through JSON.
   */
  insertBatches: async (db: Db, rows: readonly BatchRow[]): Promise<void> => {
    const columns = sql.join(BATCH_COLUMNS.map((c) => sql.ref(c)));
    const values = sql.join(BATCH_COLUMNS.map((c) => sql`value ->> ${`$.${c}`}`));
    for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
      const chunk = JSON.stringify(rows.slice(i, i + INSERT_CHUNK));
      await sql`INSERT INTO batches (${columns}) SELECT ${values} FROM json_each(${chunk})`.execute(db);
    }
  },

  /** `product_id` + NUL + `lot` of every batch (not deleted) whose lot is one of `lots`. */
  takenLots: async (db: Db, lots: readonly string[]): Promise<Set<string>> => {
    const taken = new Set<string>();
    const distinct = [...new Set(lots)];
    for (let i = 0; i < distinct.length; i += LOOKUP_CHUNK) {
      const rows = await db
        .selectFrom('batches')
        .select(['product_id', 'lot'])
        .where('deleted_at', 'is', null)
        .where('lot', 'in', distinct.slice(i, i + LOOKUP_CHUNK))
        .execute();
      for (const r of rows) taken.add(productLotKey(r.product_id, r.lot));
    }
    return taken;
  },

  updateBatch: (db: Db, id: string, patch: BatchRowUpdate) => db.updateTable('batches').set(patch).where('id', '=', id).execute(),

  /** Distinct suppliers and locations of batches that are not deleted. */
  facets: async (db: Db): Promise<{ suppliers: string[]; locations: string[] }> => {
    const base = db.selectFrom('batches').where('deleted_at', 'is', null);
    const suppliers = await base.select('supplier').distinct().where('supplier', '!=', '').orderBy('supplier').execute();
    const locations = await base.select('location').distinct().where('location', '!=', '').orderBy('location').execute();
    return {
      suppliers: sortByName(
        suppliers.map((r) => r.supplier),
        (s) => s,
      ),
      locations: sortByName(
        locations.map((r) => r.location),
        (s) => s,
      ),
    };
  },

  // ------------------------------------------------------------ movements
  insertMovement: (db: Db, row: NewStockMovementRow) => db.insertInto('stock_movements').values(row).execute(),

  getMovement: (db: Db, id: string): Promise<StockMovementRow | undefined> =>
    db.selectFrom('stock_movements').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst(),

  softDeleteMovement: (db: Db, id: string, now: string) =>
    db.updateTable('stock_movements').set({ deleted_at: now, updated_at: now }).where('id', '=', id).execute(),

  movementsOf: (db: Db, batchId: string): Promise<StockMovementRow[]> =>
    db
      .selectFrom('stock_movements')
      .selectAll()
      .where('batch_id', '=', batchId)
      .where('deleted_at', 'is', null)
      .orderBy('at', 'desc')
      .orderBy('id', 'desc')
      .execute(),

  /** Discarded movements with their product, optionally within [from, to] (shop days) and for one product. */
  discarded: (db: Db, opts: { from?: string; to?: string; productId?: string }) => {
    let q = db
      .selectFrom('stock_movements as m')
      .innerJoin('batches as b', 'b.id', 'm.batch_id')
      .innerJoin('products as p', 'p.id', 'b.product_id')
      .select(['m.quantity', 'm.reason', 'm.day', 'b.unit', 'p.id as product_id', 'p.name as product_name'])
      .where('m.kind', '=', 'discarded')
      .where('m.deleted_at', 'is', null)
      .where('b.deleted_at', 'is', null);
    if (opts.from) q = q.where('m.day', '>=', opts.from);
    if (opts.to) q = q.where('m.day', '<=', opts.to);
    if (opts.productId) q = q.where('p.id', '=', opts.productId);
    return q.execute();
  },

  // ------------------------------------------------------------ label prints
  insertPrint: (db: Db, row: NewLabelPrintRow) => db.insertInto('label_prints').values(row).execute(),

  printsOf: (db: Db, batchIds: string[]): Promise<LabelPrintWithBatchRow[]> =>
    batchIds.length === 0
      ? Promise.resolve([])
      : printsWithBatch(db).where('l.batch_id', 'in', batchIds).orderBy('l.printed_at', 'desc').orderBy('l.id', 'desc').execute(),
});
