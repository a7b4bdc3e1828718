import type { z } from 'zod';
import type {
  BatchDetail,
  BatchSettings,
  BatchSummary,
  LabelTemplateId as SharedTemplateId,
  LabelTemplateInfo,
  LotTrace,
  PrintLabelsInput,
  PrintLabelsResult,
  TraceLotInput,
} from '../../../src-shared/domains/batches/batches.schemas';
import { buildQrPayload } from '../../../src-shared/domains/batches/qr-payload';
import { AppError } from '../../../src-shared/ipc/result';
import { newId, nowIso } from '../../lib/ids';
import type { BatchesContext } from './batches-context';
import { toBatchSummary, toLabelPrint, toMovement, toProduct } from './batches-mapping';
import { warningsFor } from './batches-stock.service';
import { batchesRepository as repo, type BatchWithProductRow } from './batches.repository';
import type { ProductRow } from './batches.table';
import type { LabelContent } from './labels/label-content';
import { LABEL_TEMPLATES, labelCells, type LabelTemplateId } from './labels/label-templates';
import { printPlan } from './labels/print-plan';

// The contract's template ids and the label engine's must be the same set (compile-time check).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const TEMPLATE_IDS_MATCH: Same<SharedTemplateId, LabelTemplateId> = true;
void TEMPLATE_IDS_MATCH;

/** What a label says for a batch under the shop's settings; throws INVALID_INPUT when no QR payload can be built. */
export function labelContentFor(batch: BatchSummary, product: ProductRow, settings: BatchSettings): LabelContent {
  const qrPayload = buildQrPayload(
    settings.qr,
    { lot: batch.lot, productionDate: batch.productionDate, arrivalDate: batch.arrivalDate, expiryDate: batch.explicitExpiryDate },
    { name: product.name, gtin: product.gtin, dateType: product.date_type, shelfLifeDays: product.shelf_life_days },
  );
  const content: LabelContent = {
    qrPayload,
    productName: product.name,
    lot: batch.lot,
    productionDate: batch.productionDate,
    arrivalDate: batch.arrivalDate,
    expiryDate: batch.expiryDate,
    dateType: product.date_type,
  };
  if (settings.labelShowsPrice && product.price) content.price = product.price;
  if (settings.labelShowsAllergens && product.allergens) content.allergens = product.allergens;
  if (settings.labelShowsShopName && settings.shopName) content.shopName = settings.shopName;
  return content;
}

/** Pages a job fills: sheets by cell position, die-cut and roll stock one label per page. */
function pageCount(template: LabelTemplateId, labels: number, startAt: number): number {
  const t = LABEL_TEMPLATES[template];
  if (t.kind !== 'sheet') return labels;
  const cells = labelCells(t, labels, startAt);
  return (cells[cells.length - 1]?.page ?? 0) + 1;
}

const fileSafe = (value: string): string =>
  value
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40) || 'batch';

/** Batch details with the QR payload, label printing and the print log. */
export function createLabelsService(ctx: BatchesContext, stock: { batchRow(id: string): Promise<BatchWithProductRow> }) {
  async function productOf(row: BatchWithProductRow): Promise<ProductRow> {
    const product = await repo.getProduct(ctx.db(), row.product_id);
    if (!product) throw new AppError('NOT_FOUND', `The product of lot ${row.lot} was deleted.`);
    return product;
  }

  return {
    async get({ id }: { id: string }): Promise<BatchDetail> {
      const row = await stock.batchRow(id);
      const db = ctx.db();
      const [clock, settings, product] = await Promise.all([ctx.clock(), ctx.settings(), productOf(row)]);
      const batch = toBatchSummary(row, clock);
      let qrPayload: string | null = null;
      let qrError: string | null = null;
      try {
        qrPayload = labelContentFor(batch, product, settings).qrPayload;
      } catch (err) {
        qrError = err instanceof AppError ? err.message : 'The QR code cannot be built.';
      }
      const counts = await repo.activeCounts(db);
      return {
        batch,
        product: toProduct(product, counts.get(product.id) ?? 0),
        qrPayload,
        qrError,
        movements: (await repo.movementsOf(db, id)).map(toMovement),
        prints: (await repo.printsOf(db, [id])).map(toLabelPrint),
        warnings: await warningsFor(db, batch, clock),
      };
    },

    labelTemplates(): LabelTemplateInfo[] {
      return Object.values(LABEL_TEMPLATES).map((t) => ({
        id: t.id,
        name: t.name,
        kind: t.kind,
        pageWidthMm: t.pageWidthMm,
        pageHeightMm: t.pageHeightMm,
        columns: t.columns,
        rows: t.rows,
        labelWidthMm: t.labelWidthMm,
        labelHeightMm: t.labelHeightMm,
        marginLeftMm: t.marginLeftMm,
        marginTopMm: t.marginTopMm,
        pitchXMm: t.pitchXMm,
        pitchYMm: t.pitchYMm,
      }));
    },

    /**
     * Renders the labels (many lots, each with its copies, as one job running on across sheets) to a PDF
     * at the stock's exact size, in a worker thread, and logs one print per batch. The PDF is stored as a
     * temporary blob and the result carries a ticket URL: the renderer downloads it over the front door's
     * file stream (never base64 over IPC), the CLI writes it from the blob id; nothing depends on the transport.
     */
    async printLabels(input: z.output<typeof PrintLabelsInput>): Promise<PrintLabelsResult> {
      const [clock, settings] = await Promise.all([ctx.clock(), ctx.settings()]);
      const template = input.template ?? settings.defaultTemplate;
      const offsetMm = input.offsetMm ?? settings.calibration[template] ?? { x: 0, y: 0 };
      const plan = printPlan(input.batchIds, input.copies, input.copiesEach);
      const rows = await Promise.all(plan.ids.map((id) => stock.batchRow(id)));
      const products = new Map<string, Promise<ProductRow>>();
      const productOnce = (r: BatchWithProductRow): Promise<ProductRow> => {
        let product = products.get(r.product_id);
        if (!product) products.set(r.product_id, (product = productOf(r)));
        return product;
      };
      const contents = await Promise.all(rows.map(async (r) => labelContentFor(toBatchSummary(r, clock), await productOnce(r), settings)));
      // Drawn in a worker thread: main keeps answering while a 10,000-label PDF is built.
      const pdf = await ctx.jobs.run(
        `Printing ${plan.labels.toLocaleString('en-US')} labels`,
        'batches.labels.render',
        {
          labels: contents,
          opts: { template, copiesEach: plan.copies, startAt: input.startAt, offsetMm },
        },
        { limits: { maxOldGenerationSizeMb: 1024, timeoutMs: 120_000 } },
      );
      const jobId = newId();
      const { labels } = plan;
      const name = rows.length === 1 && rows[0] ? fileSafe(`${rows[0].product_name}-${rows[0].lot}`) : `${rows.length}-batches`;
      const fileName = `labels-${name}-${template}.pdf`;
      // The PDF becomes a temporary stored file (its 'label-pdf' ref lapses after an hour) before the print is
      // logged: if logging fails, the file is collected; a logged print always has its PDF.
      const published = await ctx.blobs().publish([Buffer.from(pdf)], {
        name: fileName,
        mime: 'application/pdf',
        owner: { ownerDomain: 'batches', ownerTable: 'label_prints', ownerId: jobId, role: 'label-pdf' },
      });
      const now = nowIso(ctx.nowMs);
      await ctx.write(async (trx) => {
        for (const [i, r] of rows.entries()) {
          await repo.insertPrint(trx, {
            id: newId(),
            job_id: jobId,
            batch_id: r.id,
            template,
            copies: plan.copies[i] ?? input.copies,
            start_at: input.startAt,
            payload: contents[i]?.qrPayload ?? '',
            printed_at: now,
            created_at: now,
            updated_at: now,
            deleted_at: null,
          });
        }
      });
      return {
        jobId,
        blobId: published.blobId,
        url: published.url,
        expiresAt: published.expiresAt,
        fileName,
        labels,
        pages: pageCount(template, labels, input.startAt),
      };
    },

    /** Every label printed for a lot (of one product, or of every product that uses the lot code). */
    async traceLot(input: z.output<typeof TraceLotInput>): Promise<LotTrace> {
      const db = ctx.db();
      const clock = await ctx.clock();
      const rows = await repo.findBatchesByLot(db, input.lot, input.productId ? [input.productId] : undefined);
      return {
        batches: rows.map((r) => toBatchSummary(r, clock)),
        prints: (
          await repo.printsOf(
            db,
            rows.map((r) => r.id),
          )
        ).map(toLabelPrint),
      };
    },
  };
}
