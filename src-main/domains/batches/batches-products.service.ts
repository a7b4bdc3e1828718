import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { validateGtin } from '../../../src-shared/domains/batches/gtin';
import type { Product, ProductInput, UpdateProductInput } from '../../../src-shared/domains/batches/batches.schemas';
import { AppError, notFound } from '../../../src-shared/ipc/result';
import type { Database } from '../../db/database';
import { newId, nowIso } from '../../lib/ids';
import type { BatchesContext } from './batches-context';
import { toProduct } from './batches-mapping';
import { batchesRepository as repo } from './batches.repository';
import type { ProductRow } from './batches.table';

type ProductData = z.output<typeof ProductInput>;

const conflict = (path: string, message: string): AppError => new AppError('CONFLICT', message, { issues: [{ path, message }] });

/** The stored columns for a product input; the GTIN is kept as typed plus its 14-digit form and RCN flag. */
function productColumns(input: ProductData) {
  const gtin = input.gtin === '' ? null : validateGtin(input.gtin);
  return {
    name: input.name,
    category: input.category,
    unit: input.unit,
    gtin: gtin ? input.gtin : null,
    gtin14: gtin?.gtin14 ?? null,
    is_local: gtin?.isLocal ? 1 : 0,
    date_type: input.dateType,
    shelf_life_days: input.shelfLifeDays,
    thresholds: JSON.stringify(input.thresholds),
    price: input.price === '' ? null : input.price,
    allergens: input.allergens,
  };
}

/** Names are unique (case-insensitive) and so are GTINs, among products that are not deleted. */
async function assertUnique(db: Kysely<Database>, cols: ReturnType<typeof productColumns>, selfId: string | null): Promise<void> {
  const byName = await repo.findProductByName(db, cols.name);
  if (byName && byName.id !== selfId) throw conflict('name', `There is already a product called "${byName.name}".`);
  if (cols.gtin14) {
    const byGtin = await repo.findProductByGtin14(db, cols.gtin14);
    if (byGtin && byGtin.id !== selfId) throw conflict('gtin', `GTIN ${cols.gtin} already belongs to "${byGtin.name}".`);
  }
}

/** Inserts a product (also used by the CSV import inside its transaction). */
export async function insertProduct(db: Kysely<Database>, input: ProductData, now: string): Promise<ProductRow> {
  const cols = productColumns(input);
  await assertUnique(db, cols, null);
  const row: ProductRow = { id: newId(), ...cols, created_at: now, updated_at: now, deleted_at: null };
  await repo.insertProduct(db, row);
  return row;
}

/** Product CRUD. */
export function createProductsService(ctx: BatchesContext) {
  async function productRow(id: string): Promise<ProductRow> {
    const row = await repo.getProduct(ctx.db(), id);
    if (!row) throw notFound('product', id);
    return row;
  }
  const activeOf = async (id: string): Promise<number> => (await repo.activeCounts(ctx.db())).get(id) ?? 0;

  return {
    productRow,

    async listProducts(): Promise<Product[]> {
      const db = ctx.db();
      const [rows, counts] = await Promise.all([repo.listProducts(db), repo.activeCounts(db)]);
      return rows.map((r) => toProduct(r, counts.get(r.id) ?? 0));
    },

    async createProduct(input: ProductData): Promise<Product> {
      const row = await ctx.write((trx) => insertProduct(trx, input, nowIso(ctx.nowMs)));
      return toProduct(row, 0);
    },

    async updateProduct(input: z.output<typeof UpdateProductInput>): Promise<Product> {
      const { id, ...data } = input;
      await productRow(id);
      const cols = productColumns(data);
      await ctx.write(async (trx) => {
        await assertUnique(trx, cols, id);
        await repo.updateProduct(trx, id, { ...cols, updated_at: nowIso(ctx.nowMs) });
      });
      return toProduct(await productRow(id), await activeOf(id));
    },

    async deleteProduct({ id }: { id: string }): Promise<Product> {
      const row = await productRow(id);
      const active = await activeOf(id);
      if (active > 0) {
        throw new AppError('CONFLICT', `"${row.name}" still has ${active} batch${active === 1 ? '' : 'es'} on the shelf. Sell, discard or delete them first.`);
      }
      const now = nowIso(ctx.nowMs);
      await ctx.write((trx) => repo.updateProduct(trx, id, { deleted_at: now, updated_at: now }));
      return toProduct({ ...row, deleted_at: now, updated_at: now }, 0);
    },
  };
}
