import { z } from 'zod';
import { MAX_BATCH_CSV_CHARS, MAX_IMAGE_BASE64_CHARS } from '../../lib/limits';
import { Id, IsoDate, IsoTimestamp, text } from '../../lib/schema';
import { BlobId } from '../blobs';
import { DateType, FreshnessThresholds, MAX_SHELF_LIFE_DAYS } from './batch-status';
import { Gtin } from './gtin';
import { isValidTimeZone } from '../../lib/local-date';
import { QrSettings } from './qr-payload';

/**
 * Wire shapes of the freshness register (issue 4): products, batches, stock movements, label prints,
 * the shop's batch settings, CSV import and the dashboard. Status, days on shelf and days left are
 * always computed in main with the shared `computeBatchStatus`; they are never stored.
 */

// ---------------------------------------------------------------- building blocks

/** Label stock ids; mirrors `LabelTemplateId` in src-main/domains/batches/labels (a compile-time check keeps them equal). */
export const LABEL_TEMPLATE_IDS = ['avery-l7160', 'avery-l7163', 'avery-5160', 'thermal-50x30', 'thermal-40x30', 'roll-58mm'] as const;
export const LabelTemplateId = z.enum(LABEL_TEMPLATE_IDS);
export type LabelTemplateId = z.infer<typeof LabelTemplateId>;

export const BatchStatus = z.enum(['fresh', 'caution', 'expired']);
export type BatchStatus = z.infer<typeof BatchStatus>;

export const MovementKind = z.enum(['sold', 'discarded', 'adjusted']);
export type MovementKind = z.infer<typeof MovementKind>;

/** Why stock was thrown away (only for `discarded`). */
export const WasteReason = z.enum(['expired', 'damaged', 'recall', 'other']);
export type WasteReason = z.infer<typeof WasteReason>;

/** Largest quantity on one batch (in its unit): far above any shop delivery, well inside float precision. */
export const MAX_QUANTITY = 1_000_000;
const quantity = z.number().finite().positive('Enter a quantity above zero').max(MAX_QUANTITY);
// One line of text: no control characters or line breaks (they would break labels and CSV rows).
const oneLine = (max: number) =>
  text(max)
    .trim()
    .regex(/^[^\p{Cc}]*$/u, 'Use one line of text');
const requiredLine = (max: number, message: string) => oneLine(max).min(1, message);

/** A calibration shift in mm (x right, y down); label-pdf accepts ±10 mm. */
export const CalibrationOffset = z.strictObject({ x: z.number().min(-10).max(10), y: z.number().min(-10).max(10) });
export type CalibrationOffset = z.infer<typeof CalibrationOffset>;

// ---------------------------------------------------------------- products

const productFields = {
  name: requiredLine(120, 'Give the product a name'),
  category: oneLine(80).default(''),
  unit: requiredLine(20, 'Enter a unit such as kg or pcs').default('pcs'),
  /** GTIN-8/12/13/14 with a valid check digit, or '' for none. In-store RCNs (02, 04, 20–29) are allowed and marked local. */
  gtin: z.literal('').or(Gtin).default(''),
  dateType: DateType.default('use-by'),
  /** Days from production to the use-by/best-before date; null when every batch carries its own date. */
  shelfLifeDays: z.int().min(0).max(MAX_SHELF_LIFE_DAYS).nullable().default(null),
  /** The product's one freshness rule (date or shelf age); stated, never defaulted (see freshness-rule.ts). */
  thresholds: FreshnessThresholds,
  /** Printed on labels as typed ("€4.20 / kg"); '' for none. */
  price: oneLine(40).default(''),
  allergens: oneLine(500).default(''),
};

export const ProductInput = z.strictObject(productFields);
export type ProductInput = z.input<typeof ProductInput>;
export const UpdateProductInput = z.strictObject({ id: Id, ...productFields });
export type UpdateProductInput = z.input<typeof UpdateProductInput>;

export const Product = z.strictObject({
  id: Id,
  name: z.string(),
  category: z.string(),
  unit: z.string(),
  gtin: z.string().nullable(),
  /** The GTIN in 14 digits (null without one). */
  gtin14: z.string().nullable(),
  /** A Restricted Circulation Number: fine in the shop, not globally unique. */
  isLocal: z.boolean(),
  dateType: DateType,
  shelfLifeDays: z.int().nullable(),
  thresholds: FreshnessThresholds,
  price: z.string().nullable(),
  allergens: z.string(),
  /** Batches still on the shelf. */
  activeBatches: z.int(),
  createdAt: IsoTimestamp,
  updatedAt: IsoTimestamp,
});
export type Product = z.infer<typeof Product>;

// ---------------------------------------------------------------- batches

const batchFields = {
  productId: Id,
  lot: requiredLine(40, 'Enter the lot code'),
  productionDate: IsoDate,
  arrivalDate: IsoDate,
  /** The date printed on the pack; null means production date + the product's shelf life. */
  expiryDate: IsoDate.nullable().default(null),
  quantity,
  /** '' takes the product's unit. */
  unit: oneLine(20).default(''),
  supplier: oneLine(120).default(''),
  location: oneLine(120).default(''),
  notes: text(2000).default(''),
};

export const BatchInput = z.strictObject(batchFields);
export type BatchInput = z.input<typeof BatchInput>;
export const UpdateBatchInput = z.strictObject({ id: Id, ...batchFields });
export type UpdateBatchInput = z.input<typeof UpdateBatchInput>;

/** One batch as lists show it, with its status computed for the shop's today. */
export const BatchSummary = z.strictObject({
  id: Id,
  productId: Id,
  productName: z.string(),
  category: z.string(),
  lot: z.string(),
  productionDate: IsoDate,
  arrivalDate: IsoDate,
  /** The explicit date, or null when it comes from the shelf life. */
  explicitExpiryDate: IsoDate.nullable(),
  /** The date that counts: explicit, else production + shelf life, else null. */
  expiryDate: IsoDate.nullable(),
  dateType: DateType,
  quantity: z.number(),
  remaining: z.number(),
  unit: z.string(),
  supplier: z.string(),
  location: z.string(),
  notes: z.string(),
  status: BatchStatus,
  daysOnShelf: z.int(),
  daysLeft: z.int().nullable(),
  /** On the shelf: not sold out, discarded or deleted. */
  isActive: z.boolean(),
  createdAt: IsoTimestamp,
  updatedAt: IsoTimestamp,
});
export type BatchSummary = z.infer<typeof BatchSummary>;

export const BatchSort = z.enum(['fefo', 'expiry', 'arrival', 'product', 'lot', 'status', 'remaining']);
export type BatchSort = z.infer<typeof BatchSort>;

export const ListBatchesInput = z.strictObject({
  status: z.array(BatchStatus).max(3).default([]),
  productId: Id.optional(),
  supplier: text(120).optional(),
  location: text(120).optional(),
  /** Matches lot, product, supplier or location (case-insensitive). */
  query: text(120).default(''),
  /** Include sold-out and discarded batches. */
  includeInactive: z.boolean().default(false),
  sort: BatchSort.default('fefo'),
  descending: z.boolean().default(false),
  limit: z.int().min(1).max(5000).default(500),
});
export type ListBatchesInput = z.input<typeof ListBatchesInput>;

export const BatchList = z.strictObject({
  items: z.array(BatchSummary),
  /** Matches before the limit. */
  total: z.int(),
  today: IsoDate,
  /** Every supplier and location in use, for the filter menus. */
  suppliers: z.array(z.string()),
  locations: z.array(z.string()),
});
export type BatchList = z.infer<typeof BatchList>;

/** A batch already on the shelf that expires after a new delivery: sell the new one first. */
export const DeliveryWarning = z.strictObject({
  batchId: Id,
  lot: z.string(),
  expiryDate: IsoDate,
  expiresDaysLater: z.int(),
});
export type DeliveryWarning = z.infer<typeof DeliveryWarning>;

export const StockMovement = z.strictObject({
  id: Id,
  batchId: Id,
  kind: MovementKind,
  /** Positive for sold and discarded; signed for adjustments. */
  quantity: z.number(),
  reason: WasteReason.nullable(),
  note: z.string(),
  at: IsoTimestamp,
  /** The shop's calendar day of the movement. */
  day: IsoDate,
});
export type StockMovement = z.infer<typeof StockMovement>;

export const LabelPrint = z.strictObject({
  id: Id,
  jobId: Id,
  batchId: Id,
  productName: z.string(),
  lot: z.string(),
  template: LabelTemplateId,
  copies: z.int(),
  startAt: z.int(),
  payload: z.string(),
  printedAt: IsoTimestamp,
});
export type LabelPrint = z.infer<typeof LabelPrint>;

export const BatchDetail = z.strictObject({
  batch: BatchSummary,
  product: Product,
  /** What the label's QR holds under the current settings, or why it cannot be built. */
  qrPayload: z.string().nullable(),
  qrError: z.string().nullable(),
  movements: z.array(StockMovement),
  prints: z.array(LabelPrint),
  /** Other batches of the product on the shelf that expire after this one. */
  warnings: z.array(DeliveryWarning),
});
export type BatchDetail = z.infer<typeof BatchDetail>;

export const CreateBatchResult = z.strictObject({ batch: BatchSummary, warnings: z.array(DeliveryWarning) });
export type CreateBatchResult = z.infer<typeof CreateBatchResult>;

export const MovementInput = z
  .strictObject({
    batchId: Id,
    kind: MovementKind,
    /** Sold and discarded: how much left the shelf (> 0). Adjusted: the signed correction (≠ 0). */
    quantity: z.number().finite().min(-MAX_QUANTITY).max(MAX_QUANTITY),
    reason: WasteReason.nullable().default(null),
    note: oneLine(500).default(''),
  })
  .superRefine((m, ctx) => {
    if (m.kind !== 'adjusted' && m.quantity <= 0) ctx.addIssue({ code: 'custom', path: ['quantity'], message: 'Enter a quantity above zero' });
    if (m.kind === 'adjusted' && m.quantity === 0) ctx.addIssue({ code: 'custom', path: ['quantity'], message: 'An adjustment cannot be zero' });
    if (m.kind === 'discarded' && m.reason === null) ctx.addIssue({ code: 'custom', path: ['reason'], message: 'Choose why it was discarded' });
    if (m.kind !== 'discarded' && m.reason !== null) ctx.addIssue({ code: 'custom', path: ['reason'], message: 'Only discarded stock has a reason' });
  });
export type MovementInput = z.input<typeof MovementInput>;

// ---------------------------------------------------------------- waste, dashboard, calendar

export const WasteLogInput = z.strictObject({ from: IsoDate.optional(), to: IsoDate.optional(), productId: Id.optional() });
export type WasteLogInput = z.input<typeof WasteLogInput>;

/** Discarded stock of one product in one ISO week (weeks of the shop's calendar). */
export const WasteRow = z.strictObject({
  week: z.string().regex(/^\d{4}-W\d{2}$/),
  /** Monday of the week. */
  weekStart: IsoDate,
  productId: Id,
  productName: z.string(),
  unit: z.string(),
  quantity: z.number(),
  movements: z.int(),
  byReason: z.strictObject({ expired: z.number(), damaged: z.number(), recall: z.number(), other: z.number() }),
});
export type WasteRow = z.infer<typeof WasteRow>;

export const DashboardInput = z.strictObject({ sellFirstLimit: z.int().min(1).max(100).default(10) });
export type DashboardInput = z.input<typeof DashboardInput>;

export const Dashboard = z.strictObject({
  today: IsoDate,
  timeZone: z.string(),
  counts: z.strictObject({ fresh: z.int(), caution: z.int(), expired: z.int(), active: z.int() }),
  /** Last day today (days left 0), at most 50. */
  expiringToday: z.array(BatchSummary),
  expiringTodayCount: z.int(),
  expiringTomorrow: z.array(BatchSummary),
  expiringTomorrowCount: z.int(),
  /** Active batches that are not expired, in first-expired-first-out order. */
  sellFirst: z.array(BatchSummary),
  /** Expired batches still on the shelf: take them off (at most 50, oldest date first). */
  mustGo: z.array(BatchSummary),
});
export type Dashboard = z.infer<typeof Dashboard>;

/** For the calendar module's overlay: one event per active batch expiring in the range. */
export const ExpiryEvent = z.strictObject({ batchId: Id, date: IsoDate, title: z.string() });
export type ExpiryEvent = z.infer<typeof ExpiryEvent>;
export const ExpiryEventsInput = z.strictObject({ from: IsoDate, to: IsoDate });

// ---------------------------------------------------------------- settings

/** The decimal separator of CSV numbers; the other of '.' and ',' may only group thousands. */
export const CsvDecimal = z.enum(['.', ',']);
export type CsvDecimal = z.infer<typeof CsvDecimal>;

/** The shop's label and QR settings, stored in the profile (not the app-wide Settings). */
export const BatchSettings = z.strictObject({
  qr: QrSettings,
  shopName: oneLine(120),
  /** IANA zone whose calendar day is "today"; '' follows the computer's zone. */
  timeZone: text(64).refine((tz) => tz === '' || isValidTimeZone(tz), 'Unknown time zone'),
  defaultTemplate: LabelTemplateId,
  /** Per-printer shift per label stock, in mm. */
  calibration: z.partialRecord(LabelTemplateId, CalibrationOffset),
  labelShowsPrice: z.boolean(),
  labelShowsAllergens: z.boolean(),
  labelShowsShopName: z.boolean(),
  /** Decimal separator of numbers in imported CSV files ('.' or ','). */
  csvDecimal: CsvDecimal,
});
export type BatchSettings = z.infer<typeof BatchSettings>;

export const DEFAULT_BATCH_SETTINGS: BatchSettings = {
  qr: { mode: 'text' },
  shopName: '',
  timeZone: '',
  defaultTemplate: 'avery-l7160',
  calibration: {},
  labelShowsPrice: true,
  labelShowsAllergens: true,
  labelShowsShopName: true,
  csvDecimal: '.',
};

export const BatchSettingsPatch = BatchSettings.partial();
export type BatchSettingsPatch = z.input<typeof BatchSettingsPatch>;

export const BatchSettingsView = BatchSettings.extend({
  /** The zone in effect (the computer's when `timeZone` is ''). */
  resolvedTimeZone: z.string(),
});
export type BatchSettingsView = z.infer<typeof BatchSettingsView>;

// ---------------------------------------------------------------- labels

export const LabelTemplateInfo = z.strictObject({
  id: LabelTemplateId,
  name: z.string(),
  kind: z.enum(['sheet', 'die-cut', 'roll']),
  pageWidthMm: z.number(),
  pageHeightMm: z.number(),
  columns: z.int(),
  rows: z.int(),
  labelWidthMm: z.number(),
  labelHeightMm: z.number(),
  marginLeftMm: z.number(),
  marginTopMm: z.number(),
  pitchXMm: z.number(),
  pitchYMm: z.number(),
});
export type LabelTemplateInfo = z.infer<typeof LabelTemplateInfo>;

/** Most batches in one print job (the PDF itself takes at most 10,000 labels, copies included). */
export const MAX_PRINT_BATCHES = 5000;

export const PrintLabelsInput = z.strictObject({
  batchIds: z.array(Id).min(1, 'Choose at least one batch').max(MAX_PRINT_BATCHES),
  /** Default: the shop's default template. */
  template: LabelTemplateId.optional(),
  copies: z.int().min(1).max(1000).default(1),
  /** Copies per batch, in `batchIds` order (a CSV of lots and counts); overrides `copies`. */
  copiesEach: z.array(z.int().min(1).max(1000)).max(MAX_PRINT_BATCHES).optional(),
  /** 1-based position of the first label on a partly used sheet. */
  startAt: z.int().min(1).max(100).default(1),
  /** Default: the calibration saved for the template. */
  offsetMm: CalibrationOffset.optional(),
});
export type PrintLabelsInput = z.input<typeof PrintLabelsInput>;

export const PrintLabelsResult = z.strictObject({
  jobId: Id,
  /**
   * The PDF, a temporary stored file (docs/formats.md#blobs): never base64 over IPC. The renderer downloads
   * `url` (a short-lived ticket, docs/security.md#blob-tickets); the CLI writes the file from `blobId` directly.
   */
  blobId: BlobId,
  url: z.string().max(100),
  expiresAt: IsoTimestamp,
  fileName: z.string(),
  labels: z.int(),
  pages: z.int(),
});
export type PrintLabelsResult = z.infer<typeof PrintLabelsResult>;

export const TraceLotInput = z.strictObject({ lot: requiredLine(40, 'Enter the lot code'), productId: Id.optional() });
export const LotTrace = z.strictObject({ batches: z.array(BatchSummary), prints: z.array(LabelPrint) });
export type LotTrace = z.infer<typeof LotTrace>;

/** Largest scanned image accepted (base64 of a 20 MiB file). */
export const ScanInput = z.union([
  z.strictObject({ imageBase64: z.string().min(1).max(MAX_IMAGE_BASE64_CHARS) }),
  z.strictObject({ text: z.string().trim().min(1, 'Nothing to look up').max(2048) }),
]);
export type ScanInput = z.input<typeof ScanInput>;

export const ScanResult = z.strictObject({
  /** What the code said. */
  text: z.string(),
  matchedBy: z.enum(['digital-link', 'url-template', 'text', 'lot']),
  /** The best match (an active batch before a finished one). */
  batch: BatchSummary,
  /** Every batch that matched, best first. */
  candidates: z.array(BatchSummary),
});
export type ScanResult = z.infer<typeof ScanResult>;

// ---------------------------------------------------------------- CSV and the customer page

/** Columns a batch CSV can carry; `product`, `lot`, `production_date`, `arrival_date` and `quantity` are required. */
export const CSV_FIELDS = [
  'product',
  'gtin',
  'lot',
  'production_date',
  'arrival_date',
  'expiry_date',
  'quantity',
  'unit',
  'date_type',
  'shelf_life_days',
  'category',
  'supplier',
  'location',
  'notes',
  'price',
  'allergens',
  // The freshness rule of a product the file creates: `rule` is date or shelf-age, then its numbers.
  'rule',
  'sell_soon_days',
  'caution_from_day',
  'expired_from_day',
] as const;
export const CsvField = z.enum(CSV_FIELDS);
export type CsvField = z.infer<typeof CsvField>;

export const ImportCsvInput = z.strictObject({
  csv: z.string().min(1, 'The file is empty').max(MAX_BATCH_CSV_CHARS),
  dryRun: z.boolean().default(true),
  /** Field → header in the file, overriding the automatic match. */
  mapping: z.partialRecord(CsvField, z.string().max(200)).default({}),
  /** Decimal separator of the file's numbers; default: the shop's `csvDecimal` setting. */
  decimal: CsvDecimal.optional(),
});
export type ImportCsvInput = z.input<typeof ImportCsvInput>;

export const ImportRow = z.strictObject({
  /** Spreadsheet row number (the header is row 1). */
  row: z.int(),
  product: z.string(),
  lot: z.string(),
  /** Whether the row's product exists or will be created. */
  productAction: z.enum(['existing', 'create']),
  errors: z.array(z.string()),
  /** Things the row leaves to a default (such as a new product's freshness rule): shown in the preview. */
  warnings: z.array(z.string()),
});
export type ImportRow = z.infer<typeof ImportRow>;

export const ImportReport = z.strictObject({
  dryRun: z.boolean(),
  committed: z.boolean(),
  /** Which header each field was read from (null: not in the file). */
  columns: z.partialRecord(CsvField, z.string().nullable()),
  /** Headers no field uses. */
  ignoredHeaders: z.array(z.string()),
  rows: z.array(ImportRow),
  batches: z.int(),
  productsCreated: z.int(),
  errors: z.int(),
  /** Rows with warnings. */
  warnings: z.int(),
  /** The decimal separator the numbers were read with. */
  decimal: CsvDecimal,
});
export type ImportReport = z.infer<typeof ImportReport>;

export const ExportCsvInput = z.strictObject({ includeInactive: z.boolean().default(false) });
export const CsvFile = z.strictObject({ csv: z.string(), fileName: z.string(), rows: z.int() });
export type CsvFile = z.infer<typeof CsvFile>;

export const CustomerPage = z.strictObject({ html: z.string(), fileName: z.string() });
/** The zipped site as a temporary stored blob ('export' ref, lapses after an hour) and its download ticket URL: never base64. */
export const CustomerSite = z.strictObject({ blobId: z.string(), url: z.string(), expiresAt: z.string(), fileName: z.string(), pages: z.int() });
export type CustomerSite = z.infer<typeof CustomerSite>;

export const ById = z.strictObject({ id: Id });
