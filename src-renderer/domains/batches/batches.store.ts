import { create } from 'zustand';
import type {
  BatchDetail,
  BatchInput,
  BatchList,
  BatchSettingsPatch,
  BatchSettingsView,
  BatchSort,
  BatchStatus,
  CreateBatchResult,
  Dashboard,
  CsvDecimal,
  ImportReport,
  LabelTemplateInfo,
  MovementInput,
  PrintLabelsInput,
  PrintLabelsResult,
  Product,
  ProductInput,
  ScanResult,
  WasteRow,
} from '../../../src-shared/domains/batches/batches.schemas';
import { api } from '../../api/client';
import { describeError } from '../../lib/errors';
import { onSessionReset } from '../../lib/session-reset';

/** The tabs of the batches module. */
export type BatchesTab = 'today' | 'batches' | 'products' | 'waste' | 'settings';

export interface BatchFilters {
  status: BatchStatus[];
  productId: string;
  supplier: string;
  location: string;
  query: string;
  includeInactive: boolean;
  sort: BatchSort;
  descending: boolean;
}

export const DEFAULT_FILTERS: BatchFilters = {
  status: [],
  productId: '',
  supplier: '',
  location: '',
  query: '',
  includeInactive: false,
  sort: 'fefo',
  descending: false,
};

interface BatchesState {
  tab: BatchesTab;
  /** The open batch (shown instead of the tab content). */
  openId: string | null;
  dashboard: Dashboard | null;
  list: BatchList | null;
  filters: BatchFilters;
  products: Product[];
  waste: WasteRow[] | null;
  settings: BatchSettingsView | null;
  templates: LabelTemplateInfo[];
  detail: BatchDetail | null;
  loading: boolean;
  error: string | null;
  /** A short confirmation shown at the bottom ("Recorded 4 kg sold"). */
  notice: string | null;

  /** Loads the first data and follows `batches:changed`; returns the cleanup. */
  start(): () => void;
  setTab(tab: BatchesTab): void;
  open(id: string | null): void;
  setFilters(patch: Partial<BatchFilters>): void;
  refresh(): Promise<void>;
  say(notice: string | null): void;

  createProduct(input: ProductInput): Promise<Product>;
  updateProduct(id: string, input: ProductInput): Promise<Product>;
  deleteProduct(id: string): Promise<void>;
  createBatch(input: BatchInput): Promise<CreateBatchResult>;
  updateBatch(id: string, input: BatchInput): Promise<void>;
  deleteBatch(id: string): Promise<void>;
  recordMovement(input: MovementInput): Promise<void>;
  undoMovement(id: string): Promise<void>;
  printLabels(input: PrintLabelsInput): Promise<PrintLabelsResult>;
  scan(input: { imageBase64: string } | { text: string }): Promise<ScanResult>;
  importCsv(csv: string, dryRun: boolean, decimal?: CsvDecimal): Promise<ImportReport>;
  exportCsv(): Promise<{ csv: string; fileName: string }>;
  customerPage(id: string): Promise<{ html: string; fileName: string }>;
  customerSite(): Promise<{ url: string; fileName: string }>;
  saveSettings(patch: BatchSettingsPatch): Promise<void>;
}

const initial = {
  tab: 'today' as BatchesTab,
  openId: null,
  dashboard: null,
  list: null,
  filters: DEFAULT_FILTERS,
  products: [],
  waste: null,
  settings: null,
  templates: [],
  detail: null,
  loading: false,
  error: null,
  notice: null,
} satisfies Partial<BatchesState>;

const listInput = (f: BatchFilters) => ({
  status: f.status,
  productId: f.productId || undefined,
  supplier: f.supplier || undefined,
  location: f.location || undefined,
  query: f.query,
  includeInactive: f.includeInactive,
  sort: f.sort,
  descending: f.descending,
});

/** The freshness register of the unlocked profile. Components read it; only these actions call the api. */
export const useBatchesStore = create<BatchesState>()((set, get) => {
  /** Reloads what the current screen shows (plus products and settings, which most screens use). */
  async function reload(): Promise<void> {
    const { tab, openId, filters } = get();
    const jobs: Promise<unknown>[] = [
      api.batches.listProducts().then((products) => set({ products })),
      api.batches.getSettings().then((settings) => set({ settings })),
    ];
    if (openId) jobs.push(api.batches.get({ id: openId }).then((detail) => set({ detail })));
    if (tab === 'today') jobs.push(api.batches.dashboard({ sellFirstLimit: 8 }).then((dashboard) => set({ dashboard })));
    if (tab === 'batches') jobs.push(api.batches.list(listInput(filters)).then((list) => set({ list })));
    if (tab === 'waste') jobs.push(api.batches.wasteLog({}).then((waste) => set({ waste })));
    await Promise.all(jobs);
  }

  async function guarded(work: () => Promise<void>): Promise<void> {
    set({ loading: true, error: null });
    try {
      await work();
      set({ loading: false });
    } catch (err) {
      set({ loading: false, error: describeError(err) });
    }
  }

  return {
    ...initial,

    start() {
      void guarded(async () => {
        const [templates] = await Promise.all([api.batches.labelTemplates(), reload()]);
        set({ templates });
      });
      return api.batches.onChanged(() => void get().refresh());
    },

    setTab(tab) {
      set({ tab, openId: null, detail: null, notice: null });
      void guarded(reload);
    },

    open(id) {
      // A batch opened from the product, waste or settings tabs belongs under "Batches".
      const tab = id && !['today', 'batches'].includes(get().tab) ? 'batches' : get().tab;
      set({ tab, openId: id, detail: id && get().detail?.batch.id === id ? get().detail : null });
      void guarded(reload);
    },

    setFilters(patch) {
      set({ filters: { ...get().filters, ...patch } });
      void guarded(reload);
    },

    refresh: () => guarded(reload),
    say: (notice) => set({ notice }),

    async createProduct(input) {
      const product = await api.batches.createProduct(input);
      set({ products: await api.batches.listProducts() });
      return product;
    },
    async updateProduct(id, input) {
      const product = await api.batches.updateProduct({ id, ...input });
      set({ products: await api.batches.listProducts() });
      return product;
    },
    async deleteProduct(id) {
      await api.batches.deleteProduct({ id });
      set({ products: await api.batches.listProducts() });
    },

    async createBatch(input) {
      const result = await api.batches.create(input);
      await reload();
      return result;
    },
    async updateBatch(id, input) {
      await api.batches.update({ id, ...input });
      await reload();
    },
    async deleteBatch(id) {
      await api.batches.delete({ id });
      set({ openId: null, detail: null });
      await reload();
    },
    async recordMovement(input) {
      await api.batches.recordMovement(input);
      await reload();
    },
    async undoMovement(id) {
      await api.batches.undoMovement({ id });
      await reload();
    },

    async printLabels(input) {
      const result = await api.batches.printLabels(input);
      await reload();
      return result;
    },

    async scan(input) {
      const result = await api.batches.findByScan(input);
      set({ tab: 'batches', openId: result.batch.id, detail: null });
      await reload();
      return result;
    },

    importCsv: (csv, dryRun, decimal) => api.batches.importCsv({ csv, dryRun, decimal }),
    exportCsv: () => api.batches.exportCsv({ includeInactive: true }),
    customerPage: (id) => api.batches.customerPage({ id }),
    customerSite: () => api.batches.customerSite(),

    async saveSettings(patch) {
      const settings = await api.batches.setSettings(patch);
      set({ settings });
      if (get().openId) set({ detail: await api.batches.get({ id: get().openId as string }) });
    },
  };
});

onSessionReset(() => useBatchesStore.setState(initial));
