import type { z } from 'zod';
import type { batchesContract } from '../../../src-shared/domains/batches/batches.contract';
import { BatchSettings, type BatchSettingsPatch, type BatchSettingsView } from '../../../src-shared/domains/batches/batches.schemas';
import type { ServiceOf } from '../../../src-shared/ipc/define';
import { nowIso } from '../../lib/ids';
import { createBatchesContext, readBatchSettings, type BatchesContext, type BatchesDeps } from './batches-context';
import { createCsvService } from './batches-csv.service';
import { createLabelsService } from './batches-labels.service';
import { createProductsService } from './batches-products.service';
import { createScanService } from './batches-scan.service';
import { createSiteService } from './batches-site.service';
import { createStockService } from './batches-stock.service';
import { createViewsService } from './batches-views.service';
import { batchesRepository as repo } from './batches.repository';

export type { BatchesDeps } from './batches-context';

/** The shop's settings (key/value JSON rows in `batch_settings`), with the zone in effect. */
function createSettingsPart(ctx: BatchesContext) {
  const view = (s: BatchSettings): BatchSettingsView => ({ ...s, resolvedTimeZone: ctx.resolveZone(s) });
  return {
    getSettings: async (): Promise<BatchSettingsView> => view(await ctx.settings()),
    async setSettings(patch: z.output<typeof BatchSettingsPatch>): Promise<BatchSettingsView> {
      const db = ctx.db();
      const next = BatchSettings.parse({ ...(await readBatchSettings(db)), ...patch });
      const now = nowIso(ctx.nowMs);
      await db.transaction().execute(async (trx) => {
        for (const [key, value] of Object.entries(patch)) {
          if (value !== undefined) await repo.upsertSetting(trx, key, JSON.stringify(next[key as keyof BatchSettings]), now);
        }
      });
      ctx.changed([]);
      return view(await ctx.settings());
    },
  };
}

/**
 * The freshness register (issue 4), assembled from small parts: products, stock (batches and
 * movements), views (lists, dashboard, waste, calendar hook), labels (details, PDF, print log, trace),
 * scan to find, CSV, customer pages and settings. Every status is computed with the shared rules on the
 * shop's calendar day, from `deps.now` and the shop's time zone.
 */
export function createBatchesService(deps: BatchesDeps): ServiceOf<typeof batchesContract> {
  const ctx = createBatchesContext(deps);
  const products = createProductsService(ctx);
  const stock = createStockService(ctx, products);
  const views = createViewsService(ctx);
  const labels = createLabelsService(ctx, stock);
  const scan = createScanService(ctx);
  const csv = createCsvService(ctx);
  const site = createSiteService(ctx, stock);
  const settings = createSettingsPart(ctx);
  return {
    listProducts: products.listProducts,
    createProduct: products.createProduct,
    updateProduct: products.updateProduct,
    deleteProduct: products.deleteProduct,
    list: views.list,
    get: labels.get,
    create: stock.create,
    update: stock.update,
    delete: stock.delete,
    recordMovement: stock.recordMovement,
    undoMovement: stock.undoMovement,
    wasteLog: views.wasteLog,
    dashboard: views.dashboard,
    expiryEvents: views.expiryEvents,
    labelTemplates: labels.labelTemplates,
    printLabels: labels.printLabels,
    traceLot: labels.traceLot,
    findByScan: scan.findByScan,
    getSettings: settings.getSettings,
    setSettings: settings.setSettings,
    importCsv: csv.importCsv,
    exportCsv: csv.exportCsv,
    customerPage: site.customerPage,
    customerSite: site.customerSite,
  };
}

export type BatchesService = ReturnType<typeof createBatchesService>;
