import { create } from 'zustand';
import type { z } from 'zod';
import type { AppInfo } from '../../../src-shared/domains/app/app.contract';
import type { vaultContract } from '../../../src-shared/domains/vault/vault.contract';
import type {
  ExportInput,
  GenerateInput,
  ImportFormat,
  ImportPreview,
  ItemDetail,
  ItemInput,
  ItemSummary,
  ItemType,
  ListItemsInput,
  SecretField,
} from '../../../src-shared/domains/vault/vault.schemas';
import { api } from '../../api/client';
import { describeError, errorCode } from '../../lib/errors';
import { pageClipboard } from '../../lib/page-clipboard';
import { onSessionReset } from '../../lib/session-reset';
import { useSettingsStore } from '../settings';
import { detailToUpdate, type UpdateItem } from './item-form';
import { createReprompt, PromptCancelled, type RepromptRequest } from './reprompt';
import { countsOf, listInputFor, recentOf, type VaultCounts, type VaultFilter } from './vault-filters';

export { isCancelled, PromptCancelled, type RepromptRequest } from './reprompt';
export { listInputFor, type VaultCounts, type VaultFilter } from './vault-filters';

type Output<K extends keyof (typeof vaultContract)['ops']> = z.output<(typeof vaultContract)['ops'][K]['output']>;
export type NameCount = { name: string; count: number };
export type HistoryEntry = Output<'passwordHistory'>[number];
export type ItemVersion = Output<'versions'>[number];
export type TotpCode = Output<'totp'>;
export type TotpSeed = Output<'revealTotpSeed'>;
export type Generated = Output<'generate'>;
export type HealthReport = Output<'health'>;
export type HealthReason = HealthReport['findings'][number]['reasons'][number];

export type HostTransport = z.infer<typeof AppInfo>['transport'];

export type EditorState = { mode: 'create'; type: ItemType } | { mode: 'edit'; id: string } | null;

export interface Toast {
  id: number;
  message: string;
  tone: 'success' | 'danger';
  /** One button beside the message, e.g. Undo after moving an item to the trash. */
  action?: { label: string; run(): void };
}

/** How long a revealed secret stays visible, and the search debounce. */
export const REVEAL_MS = 30_000;
export const SEARCH_DEBOUNCE_MS = 50;
const TOAST_MS = 3_500;
const TOAST_ACTION_MS = 8_000;
/** The clipboard delay until the settings have loaded (the settings default). */
const DEFAULT_CLEAR_SECONDS = 20;

interface VaultState {
  filter: VaultFilter;
  query: string;
  items: ItemSummary[];
  /** True until the first list of this view has arrived. */
  listLoading: boolean;
  listError: string | null;
  counts: VaultCounts | null;
  folders: NameCount[];
  tags: NameCount[];
  selectedId: string | null;
  detail: ItemDetail | null;
  history: HistoryEntry[];
  versions: ItemVersion[];
  detailError: string | null;
  editor: EditorState;
  health: HealthReport | null;
  healthError: string | null;
  /** While a health report scores passwords it has not seen before (main's `healthProgress` event). */
  healthProgress: { done: number; total: number } | null;
  toast: Toast | null;
  reprompt: RepromptRequest | null;
  /** How main is reached: in Electron main opens its own file dialogs; in browser mode we upload and download. */
  transport: HostTransport | null;

  /** Subscribes to `vault.onChanged` and loads the first view; returns the cleanup. */
  start(): () => void;
  /** Reloads the list, the counts and the open item (after a change event). */
  refresh(): Promise<void>;
  setFilter(filter: VaultFilter): void;
  /** Updates the query at once and searches after a short debounce (ranking happens in main). */
  setQuery(query: string): void;
  select(id: string | null): Promise<void>;
  /** Moves the selection up or down the list (keyboard navigation). */
  moveSelection(delta: number): void;
  startCreate(type: ItemType): void;
  startEdit(): void;
  closeEditor(): void;
  /** Creates or updates from the editor; selects and returns the saved item. */
  save(input: { create: ItemInput } | { update: UpdateItem; id: string }): Promise<ItemDetail>;
  toggleFavorite(): Promise<void>;
  trash(id: string): Promise<void>;
  restore(id: string): Promise<void>;
  purge(id: string): Promise<void>;

  /** One secret value, for a timed reveal in a component. Never stored here. */
  reveal(id: string, field: SecretField): Promise<string>;
  /**
   * Copies a secret and shows the "clears in" toast. Electron copies in main (the renderer never sees
   * it); browser mode reveals that one field and writes it from the page, or says it could not.
   */
  copy(id: string, field: SecretField, label?: string): Promise<void>;
  /** Copies a non-secret value (username, URL) with the browser clipboard. */
  copyPlain(value: string, label: string): Promise<void>;
  totp(id: string): Promise<TotpCode>;
  totpFromImage(id: string, imageBase64: string): Promise<ItemDetail>;
  /** The TOTP setup key (otpauth URI and secret) for another device: always asks for the master password. */
  revealTotpSeed(id: string): Promise<TotpSeed>;
  generate(options: z.input<typeof GenerateInput>): Promise<Generated>;
  strength(password: string): Promise<{ score: number; guessesLog10: number }>;
  loadHealth(): Promise<void>;
  /** Browser mode sends the file; without one (Electron), main opens its own file dialog. */
  importPreview(input: {
    file?: { fileName: string; contentBase64: string };
    format: z.infer<typeof ImportFormat>;
    sourcePassword?: string;
    /** A KeePass database's key file, when it has one. */
    keyFile?: { fileName: string; contentBase64: string };
  }): Promise<ImportPreview>;
  importCommit(importId: string, skipDuplicates: boolean): Promise<{ imported: number; skipped: number }>;
  exportVault(input: z.input<typeof ExportInput>): Promise<Output<'export'>>;
  openUrl(url: string): Promise<void>;

  submitReprompt(password: string): void;
  cancelReprompt(): void;
  notify(message: string, tone?: Toast['tone'], action?: Toast['action']): void;
  dismissToast(): void;
}

const initial = {
  filter: { kind: 'all' } as VaultFilter,
  query: '',
  items: [] as ItemSummary[],
  listLoading: true,
  listError: null,
  counts: null,
  folders: [] as NameCount[],
  tags: [] as NameCount[],
  selectedId: null,
  detail: null,
  history: [] as HistoryEntry[],
  versions: [] as ItemVersion[],
  detailError: null,
  editor: null as EditorState,
  health: null,
  healthError: null,
  healthProgress: null,
  toast: null,
  reprompt: null,
  transport: null,
} satisfies Partial<VaultState>;

/**
 * Every match of a list or search: main answers in pages of at most LIST_PAGE_MAX items (with the
 * total), so a vault larger than one page is read page by page rather than cut short. The list is virtualised.
 */
async function listEvery(input: ListItemsInput): Promise<ItemSummary[]> {
  const first = await api.vault.list(input);
  const items = [...first.items];
  for (let offset = first.nextOffset; offset !== null;) {
    const page = await api.vault.list({ ...input, offset });
    items.push(...page.items);
    offset = page.nextOffset;
  }
  return items;
}

// Module-level bookkeeping that is not UI state: request sequence numbers, timers, the pending prompt.
let listSeq = 0;
let detailSeq = 0;
let searchTimer: ReturnType<typeof setTimeout> | undefined;
let toastTimer: ReturnType<typeof setTimeout> | undefined;
let toastSeq = 0;
/** Bumped on lock, so an answer that was in flight during the lock is dropped. */
let sessionEpoch = 0;
let refreshing: Promise<void> | null = null;
let refreshAgain = false;
/** The dialog state lives in the store; the flow (pending promise) lives here. */
const reprompt = createReprompt((request) => useVaultStore.setState({ reprompt: request }));

/** Vault items, filters, search, the open item and the flows around them (re-prompt, import, export). */
export const useVaultStore = create<VaultState>()((set, get) => {
  /** Runs an op that may answer REPROMPT_REQUIRED, asking for the master password through the dialog. */
  const withReprompt = <T>(id: string, op: (password?: string) => Promise<T>): Promise<T> =>
    reprompt.run(() => get().items.find((i) => i.id === id)?.title ?? get().detail?.title ?? 'This item', op);

  async function loadList(): Promise<void> {
    const { filter, query } = get();
    const input = listInputFor(filter, query);
    if (!input) return;
    const seq = ++listSeq;
    try {
      const found = await listEvery(input);
      if (seq !== listSeq) return;
      const items = filter.kind === 'recent' ? recentOf(found, input.query !== '') : found;
      set({ items, listLoading: false, listError: null });
    } catch (err) {
      if (seq === listSeq) set({ listLoading: false, listError: describeError(err) });
    }
  }

  async function loadSidebar(): Promise<void> {
    const epoch = sessionEpoch;
    try {
      const [live, trashed, folders, tags] = await Promise.all([listEvery({}), listEvery({ trash: true }), api.vault.folders(), api.vault.tags()]);
      if (epoch === sessionEpoch) set({ counts: countsOf(live, trashed.length), folders, tags });
    } catch {
      // The counts are decoration; the list shows its own error.
    }
  }

  async function loadDetail(id: string): Promise<void> {
    const seq = ++detailSeq;
    try {
      const [detail, history, versions] = await Promise.all([api.vault.get({ id }), api.vault.passwordHistory({ id }), api.vault.versions({ id })]);
      if (seq !== detailSeq || get().selectedId !== id) return;
      set({ detail, history, versions, detailError: null });
    } catch (err) {
      if (seq !== detailSeq || get().selectedId !== id) return;
      if (errorCode(err) === 'NOT_FOUND') set({ selectedId: null, detail: null, history: [], versions: [], detailError: null });
      else set({ detailError: describeError(err) });
    }
  }

  /** The neighbour to select after `id` leaves the current list. */
  const neighbourOf = (id: string): string | null => {
    const { items } = get();
    const at = items.findIndex((i) => i.id === id);
    if (at < 0) return null;
    return items[at + 1]?.id ?? items[at - 1]?.id ?? null;
  };

  return {
    ...initial,

    start() {
      const offChanged = api.vault.onChanged(() => void get().refresh());
      const offProgress = api.vault.onHealthProgress((p) => set({ healthProgress: p.done < p.total ? p : null }));
      const off = () => {
        offChanged();
        offProgress();
      };
      void get().refresh();
      if (get().transport === null) {
        api.app.bootstrap().then(
          (info) => set({ transport: info.transport }),
          () => undefined,
        );
      }
      return off;
    },

    refresh() {
      // Our own actions refresh and main's change event follows: coalesce into at most one more run.
      if (refreshing) {
        refreshAgain = true;
        return refreshing;
      }
      refreshing = (async () => {
        do {
          refreshAgain = false;
          const { filter, selectedId } = get();
          await Promise.all([
            filter.kind === 'health' ? get().loadHealth() : loadList(),
            loadSidebar(),
            selectedId ? loadDetail(selectedId) : Promise.resolve(),
          ]);
        } while (refreshAgain);
      })().finally(() => {
        refreshing = null;
      });
      return refreshing;
    },

    setFilter(filter) {
      clearTimeout(searchTimer);
      set({ filter, items: [], listLoading: true, listError: null, editor: null });
      if (filter.kind === 'health') void get().loadHealth();
      else void loadList();
    },

    setQuery(query) {
      set({ query });
      clearTimeout(searchTimer);
      if (get().filter.kind === 'health') set({ filter: { kind: 'all' }, listLoading: true });
      searchTimer = setTimeout(() => void loadList(), SEARCH_DEBOUNCE_MS);
    },

    async select(id) {
      if (id === get().selectedId && get().detail?.id === id) return;
      set({ selectedId: id, detail: null, history: [], versions: [], detailError: null, editor: null });
      if (id) await loadDetail(id);
    },

    moveSelection(delta) {
      const { items, selectedId } = get();
      if (items.length === 0) return;
      const at = items.findIndex((i) => i.id === selectedId);
      const next = at < 0 ? (delta > 0 ? 0 : items.length - 1) : Math.min(items.length - 1, Math.max(0, at + delta));
      const target = items[next];
      if (target && target.id !== selectedId) void get().select(target.id);
    },

    startCreate: (type) => set({ editor: { mode: 'create', type } }),
    startEdit() {
      const { detail } = get();
      if (detail && !detail.deletedAt) set({ editor: { mode: 'edit', id: detail.id } });
    },
    closeEditor: () => set({ editor: null }),

    async save(input) {
      const detail =
        'create' in input
          ? await api.vault.create({ item: input.create })
          : await withReprompt(input.id, (password) => api.vault.update({ id: input.id, item: input.update, password }));
      ++detailSeq;
      set({ editor: null, selectedId: detail.id, detail, detailError: null });
      void get().refresh();
      return detail;
    },

    async toggleFavorite() {
      const { detail } = get();
      if (!detail || detail.deletedAt) return;
      const item = detailToUpdate(detail, { favorite: !detail.favorite });
      let updated: ItemDetail;
      try {
        updated = await withReprompt(detail.id, (password) => api.vault.update({ id: detail.id, item, password }));
      } catch (err) {
        if (err instanceof PromptCancelled) return; // the user dismissed the master-password prompt
        throw err;
      }
      if (get().selectedId === updated.id) set({ detail: updated });
      void get().refresh();
    },

    async trash(id) {
      const next = neighbourOf(id);
      await api.vault.trash({ id });
      if (get().selectedId === id) await get().select(get().filter.kind === 'trash' ? id : next);
      get().notify('Moved to the trash', 'success', {
        label: 'Undo',
        run: () =>
          void get()
            .restore(id)
            .then(() => get().select(id))
            .catch((err: unknown) => get().notify(describeError(err), 'danger')),
      });
      await get().refresh();
    },

    async restore(id) {
      const next = neighbourOf(id);
      await api.vault.restore({ id });
      if (get().selectedId === id) await get().select(get().filter.kind === 'trash' ? next : id);
      get().notify('Restored');
      await get().refresh();
    },

    async purge(id) {
      const next = neighbourOf(id);
      await api.vault.purge({ id });
      if (get().selectedId === id) await get().select(next);
      get().notify('Deleted forever');
      await get().refresh();
    },

    reveal: (id, field) => withReprompt(id, async (password) => (await api.vault.reveal({ id, field, password })).value),

    async copy(id, field, label = 'Copied') {
      const transport = get().transport ?? (await api.app.bootstrap()).transport;
      // `hearth serve` reports the core's own transport ('cli'), so anything but Electron is a browser page.
      if (transport !== 'electron') {
        // Browser mode: main cannot reach this computer's clipboard, so copying is revealing one field
        // and writing it from the page; the toast says only what really happened.
        const value = field === 'totpSecret' ? (await api.vault.totp({ id })).code : await get().reveal(id, field);
        const seconds = useSettingsStore.getState().settings?.clipboardClearSeconds ?? DEFAULT_CLEAR_SECONDS;
        const { copied, willClear } = await pageClipboard.copy(value, seconds);
        if (!copied) get().notify('This browser did not allow Hearth to copy. Reveal the value and copy it yourself.', 'danger');
        else get().notify(willClear ? `${label} — clears in ${seconds} s` : `${label} — clear the clipboard yourself when done`);
        return;
      }
      const { clearAfterSeconds } = await withReprompt(id, (password) => api.vault.copy({ id, field, password }));
      get().notify(clearAfterSeconds > 0 ? `${label} — clears in ${clearAfterSeconds} s` : label);
    },

    async copyPlain(value, label) {
      try {
        await navigator.clipboard.writeText(value);
        get().notify(`${label} copied`);
      } catch {
        get().notify('The clipboard is not available here', 'danger');
      }
    },

    totp: (id) => api.vault.totp({ id }),
    revealTotpSeed: (id) => withReprompt(id, (password) => api.vault.revealTotpSeed({ id, password })),

    async totpFromImage(id, imageBase64) {
      const detail = await withReprompt(id, (password) => api.vault.totpFromImage({ id, imageBase64, password }));
      if (get().selectedId === id) set({ detail });
      return detail;
    },

    generate: (options) => api.vault.generate(options),
    strength: (password) => api.vault.strength({ password }),

    async loadHealth() {
      const epoch = sessionEpoch;
      try {
        const health = await api.vault.health();
        if (epoch === sessionEpoch) set({ health, healthError: null, healthProgress: null });
      } catch (err) {
        if (epoch === sessionEpoch) set({ healthError: describeError(err) });
      }
    },

    importPreview: ({ file, format, sourcePassword, keyFile }) =>
      api.vault.importPreview({ ...(file ? { file } : {}), format, ...(sourcePassword ? { sourcePassword } : {}), ...(keyFile ? { keyFile } : {}) }),

    async importCommit(importId, skipDuplicates) {
      const result = await api.vault.importCommit({ importId, skipDuplicates });
      await get().refresh();
      return result;
    },

    exportVault: (input) => api.vault.export(input),

    async openUrl(url) {
      const target = /^[a-z][a-z0-9+.-]*:/i.test(url) ? url : `https://${url}`;
      // Browser mode: the browser we run in is the right place for a link (http/https only, no opener).
      if (get().transport === 'web') {
        if (/^https?:\/\//i.test(target)) window.open(target, '_blank', 'noopener,noreferrer');
        else get().notify('Only web links can be opened', 'danger');
        return;
      }
      try {
        const { opened } = await api.app.openExternal({ url: target });
        if (!opened) get().notify('Hearth opens only https and mailto links', 'danger');
      } catch (err) {
        get().notify(describeError(err), 'danger');
      }
    },

    submitReprompt: (password) => reprompt.submit(password),
    cancelReprompt: () => reprompt.cancel(),

    notify(message, tone = 'success', action) {
      clearTimeout(toastTimer);
      set({ toast: { id: ++toastSeq, message, tone, ...(action ? { action } : {}) } });
      // A toast with an action (Undo) stays long enough to reach it.
      toastTimer = setTimeout(() => set({ toast: null }), action ? TOAST_ACTION_MS : TOAST_MS);
    },

    dismissToast() {
      clearTimeout(toastTimer);
      set({ toast: null });
    },
  };
});

onSessionReset(() => {
  sessionEpoch += 1;
  refreshAgain = false;
  clearTimeout(searchTimer);
  clearTimeout(toastTimer);
  listSeq += 1;
  detailSeq += 1;
  reprompt.cancel();
  void pageClipboard.clearIfOurs();
  useVaultStore.setState(initial);
});
