import { create } from 'zustand';
import type { FileDetail, FileSummary, Folder, SearchHit } from '../../../src-shared/domains/files/files.schemas';
import { api } from '../../api/client';
import { describeError, errorCode } from '../../lib/errors';
import { onSessionReset } from '../../lib/session-reset';

/** What the middle of the page lists: one folder (null: the top level), one tag, or the trash. */
export type FilesView = { kind: 'folder'; folderId: string | null } | { kind: 'tag'; tag: string } | { kind: 'trash' };

export interface FilesNotice {
  id: number;
  message: string;
  tone: 'success' | 'danger';
}

/** A running upload: how far it is and which file it is on. */
export interface UploadProgress {
  done: number;
  total: number;
  current: string;
  cancelled: boolean;
}

interface FilesState {
  view: FilesView;
  folders: Folder[];
  /** Live folders, for the tree even while the trash is shown. */
  tree: Folder[];
  files: FileSummary[];
  loading: boolean;
  error: string | null;
  selectedId: string | null;
  detail: FileDetail | null;
  detailError: string | null;
  query: string;
  hits: SearchHit[] | null;
  searchError: string | null;
  layout: 'list' | 'grid';
  upload: UploadProgress | null;
  notice: FilesNotice | null;
}

const initial: FilesState = {
  view: { kind: 'folder', folderId: null },
  folders: [],
  tree: [],
  files: [],
  loading: true,
  error: null,
  selectedId: null,
  detail: null,
  detailError: null,
  query: '',
  hits: null,
  searchError: null,
  layout: 'list',
  upload: null,
  notice: null,
};

/** The file library of the unlocked profile. Components read it; the actions in files-actions.ts change it. */
export const useFilesStore = create<FilesState>()(() => initial);
const set = useFilesStore.setState;
const get = useFilesStore.getState;

let listSeq = 0;
let detailSeq = 0;
let searchSeq = 0;
let searchTimer: ReturnType<typeof setTimeout> | undefined;
let noticeSeq = 0;
const SEARCH_DEBOUNCE_MS = 180;

const listInput = (view: FilesView) => (view.kind === 'trash' ? { trashed: true } : view.kind === 'tag' ? { tag: view.tag } : { folderId: view.folderId });

async function loadList(): Promise<void> {
  const seq = ++listSeq;
  const { view } = get();
  try {
    const [list, live] = await Promise.all([
      api.files.list(listInput(view)),
      view.kind === 'trash' ? api.files.list({ folderId: null }) : Promise.resolve(null),
    ]);
    if (seq !== listSeq) return;
    set({ folders: list.folders, tree: (live ?? list).folders, files: list.files, loading: false, error: null });
  } catch (err) {
    if (seq === listSeq) set({ loading: false, error: describeError(err) });
  }
}

async function loadDetail(id: string): Promise<void> {
  const seq = ++detailSeq;
  try {
    const detail = await api.files.get({ id });
    if (seq === detailSeq && get().selectedId === id) set({ detail, detailError: null });
  } catch (err) {
    if (seq !== detailSeq || get().selectedId !== id) return;
    if (errorCode(err) === 'NOT_FOUND') set({ selectedId: null, detail: null, detailError: null });
    else set({ detailError: describeError(err) });
  }
}

async function runSearch(query: string): Promise<void> {
  const seq = ++searchSeq;
  try {
    const { hits } = await api.files.search({ query, limit: 50 });
    if (seq === searchSeq && get().query.trim() === query) set({ hits, searchError: null });
  } catch (err) {
    if (seq === searchSeq) set({ hits: [], searchError: describeError(err) });
  }
}

/** Reloads the list, the open file and the search (after our own changes and main's `files:changed`). */
export async function refresh(): Promise<void> {
  const { selectedId, query } = get();
  await Promise.all([loadList(), selectedId ? loadDetail(selectedId) : null, query.trim() ? runSearch(query.trim()) : null]);
}

/** Loads the first page and follows `files:changed`; returns the unsubscribe. */
export function startFiles(): () => void {
  void refresh();
  return api.files.onChanged(() => void refresh());
}

export function openView(view: FilesView): void {
  clearTimeout(searchTimer);
  set({ view, loading: true, files: [], query: '', hits: null, searchError: null });
  void loadList();
}

export function selectFile(id: string | null): void {
  if (id === get().selectedId && (id === null || get().detail?.id === id)) return;
  set({ selectedId: id, detail: null, detailError: null });
  if (id) void loadDetail(id);
}

/** Opens a file wherever it lives: its folder (or the trash) in the list, the file in the preview. */
export async function revealFile(id: string): Promise<void> {
  const detail = await api.files.get({ id });
  const folderId = detail.folderId;
  openView(detail.deletedAt ? { kind: 'trash' } : { kind: 'folder', folderId });
  set({ selectedId: id, detail, detailError: null });
}

export function setQuery(query: string): void {
  set({ query });
  clearTimeout(searchTimer);
  const q = query.trim();
  if (!q) return set({ hits: null, searchError: null });
  searchTimer = setTimeout(() => void runSearch(q), SEARCH_DEBOUNCE_MS);
}

export function say(message: string | null, tone: FilesNotice['tone'] = 'success'): void {
  set({ notice: message ? { id: ++noticeSeq, message, tone } : null });
}

export const setLayout = (layout: FilesState['layout']): void => set({ layout });

onSessionReset(() => {
  clearTimeout(searchTimer);
  listSeq += 1;
  detailSeq += 1;
  searchSeq += 1;
  set(initial);
});
