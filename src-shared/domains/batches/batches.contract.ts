import { z } from 'zod';
import { defineContract, op } from '../../ipc/define';
import { Id, NoInput } from '../../lib/schema';
import {
  BatchDetail,
  BatchInput,
  BatchList,
  BatchSettingsPatch,
  BatchSettingsView,
  BatchSummary,
  ById,
  CreateBatchResult,
  CsvFile,
  CustomerPage,
  CustomerSite,
  Dashboard,
  DashboardInput,
  ExpiryEvent,
  ExpiryEventsInput,
  ExportCsvInput,
  ImportCsvInput,
  ImportReport,
  LabelTemplateInfo,
  ListBatchesInput,
  LotTrace,
  MovementInput,
  PrintLabelsInput,
  PrintLabelsResult,
  Product,
  ProductInput,
  ScanInput,
  ScanResult,
  TraceLotInput,
  UpdateBatchInput,
  UpdateProductInput,
  WasteLogInput,
  WasteRow,
} from './batches.schemas';

/** The freshness register: products, batches, stock movements, labels, scan-to-find, CSV and the customer page. */
export const batchesContract = defineContract(
  'batches',
  {
    /** Products (not deleted), by name, with their count of batches on the shelf. */
    listProducts: op({ input: NoInput, output: z.array(Product), summary: 'List products' }),
    /** Creates a product; a GTIN is checked and an in-store RCN is marked local. */
    createProduct: op({ input: ProductInput, output: Product, summary: 'Create a product' }),
    updateProduct: op({ input: UpdateProductInput, output: Product, summary: 'Edit a product' }),
    /** Soft-deletes a product with no batch on the shelf. */
    deleteProduct: op({ input: ById, output: Product, summary: 'Delete a product' }),

    /** Batches matching the filters, with status, days on shelf and days left for the shop's today. */
    list: op({ input: ListBatchesInput, output: BatchList, summary: 'List batches' }),
    /** One batch with its product, QR payload, movements, label prints and FEFO warnings. */
    get: op({ input: ById, output: BatchDetail, summary: 'Batch details and history' }),
    /** Records a delivery; warns when it expires before stock already on the shelf. */
    create: op({ input: BatchInput, output: CreateBatchResult, summary: 'Record a batch' }),
    update: op({ input: UpdateBatchInput, output: BatchSummary, summary: 'Edit a batch' }),
    /** Soft-deletes a batch entered by mistake (its movements and prints stay in the history). */
    delete: op({ input: ById, output: BatchSummary, summary: 'Delete a batch' }),
    /** Sold, discarded (with a reason) or adjusted; stock never goes below zero, and at zero the batch leaves the shelf. */
    recordMovement: op({ input: MovementInput, output: BatchSummary, summary: 'Record sold, discarded or adjusted stock' }),
    /** Reverses one movement (a mis-typed sale), restoring the stock. */
    undoMovement: op({ input: ById, output: BatchSummary, summary: 'Undo a stock movement' }),
    /** Discarded stock by product and ISO week, newest week first. */
    wasteLog: op({ input: WasteLogInput, output: z.array(WasteRow), summary: 'Waste by product and week' }),
    /** Counts by status, what expires today and tomorrow, and the sell-first list. */
    dashboard: op({ input: DashboardInput, output: Dashboard, summary: 'Freshness dashboard' }),
    /** Expiry dates of active batches in a date range, for the calendar overlay. */
    expiryEvents: op({ input: ExpiryEventsInput, output: z.array(ExpiryEvent), summary: 'Batch expiry dates for the calendar' }),

    /** The label stocks Hearth prints on, with their geometry (for the print preview). */
    labelTemplates: op({ input: NoInput, output: z.array(LabelTemplateInfo), summary: 'Label templates' }),
    /** Renders labels to a PDF at the stock's exact size and logs the print. */
    printLabels: op({ input: PrintLabelsInput, output: PrintLabelsResult, summary: 'Print labels to PDF' }),
    /** Every label ever printed for a lot. */
    traceLot: op({ input: TraceLotInput, output: LotTrace, summary: 'Trace a lot' }),
    /** Finds the batch behind a QR image or its text (GS1 Digital Link, the shop's URL template or a text label). */
    findByScan: op({ input: ScanInput, output: ScanResult, summary: 'Find a batch from a scanned label' }),

    getSettings: op({ input: NoInput, output: BatchSettingsView, summary: 'Shop label and QR settings' }),
    setSettings: op({ input: BatchSettingsPatch, output: BatchSettingsView, summary: 'Change shop label and QR settings' }),

    /** Reads a batch CSV; a dry run reports per-row errors, a commit writes everything in one transaction or nothing. */
    importCsv: op({ input: ImportCsvInput, output: ImportReport, summary: 'Import batches from CSV' }),
    /** All batches as CSV (cells that a spreadsheet would run as formulas are escaped). */
    exportCsv: op({ input: ExportCsvInput, output: CsvFile, summary: 'Export batches as CSV' }),
    /** A self-contained HTML page for one batch that computes its status in the customer's browser. */
    customerPage: op({ input: ById, output: CustomerPage, summary: 'Customer page for a batch' }),
    /** A zip of customer pages for every batch on the shelf, laid out like the QR links. */
    customerSite: op({ input: NoInput, output: CustomerSite, summary: 'Customer site for all batches' }),
  },
  {
    /** Batches or products changed (ids of the batches touched; empty for product or settings changes). */
    changed: z.strictObject({ ids: z.array(Id).max(1000) }),
  },
);
