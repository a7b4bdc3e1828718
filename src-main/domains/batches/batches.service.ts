import type { z } from 'zod';
import type { batchesContract } from '../../../src-shared/domains/batches/batches.contract';
import type { BatchSettings, BatchSettingsPatch, BatchSettingsView } from '../../../src-shared/domains/batches/batches.schemas';
import type { ServiceOf } from '../../../src-shared/ipc/define';
import type { DomainContext } from '../../platform/context';
import { createBatchesContext, type BatchesContext, type BatchesDeps } from './batches-context';
import { createCsvService } from './batches-csv.service';
import { createLabelsService } from './batches-labels.service';
import { createProductsService } from './batches-products.service';
import { createScanService } from './batches-scan.service';
import { createSiteService } from './batches-site.service';
import { createStockService } from './batches-stock.service';
import { createViewsService } from './batches-views.service';

export type { BatchesDeps } from './batches-context';

/** The shop's settings (namespace `batches` of the one settings table), with the zone in effect. */
function createSettingsPart(ctx: BatchesContext) {
  const view = (s: BatchSettings): BatchSettingsView => ({ ...s, resolvedTimeZone: ctx.resolveZone(s) });
  return {
    getSettings: async (): Promise<BatchSettingsView> => view(await ctx.settings()),
    setSettings: async (patch: z.output<typeof BatchSettingsPatch>): Promise<BatchSettingsView> => view(await ctx.setSettings(patch)),
  };
}

/**
 * The freshness register (issue 4), assembled from small parts: products, stock (batches and
 * movements), views (lists, dashboard, waste, calendar hook), labels (details, PDF, print log, trace),
 * scan to find, CSV, customer pages and settings. Every status is computed with the shared rules on the
 * shop's calendar day, from the context's clock and the shop's time zone.
 */
export function createBatchesService(domain: DomainContext<typeof batchesContract>, deps: BatchesDeps): ServiceOf<typeof batchesContract> {
  const ctx = createBatchesContext(domain, deps);
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
