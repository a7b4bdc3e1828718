import { create } from 'zustand';
import type { Folder, ImportRun, MessageDetail, MessageSummary } from '../../../src-shared/domains/email/email.schemas';
import { describeError, errorCode } from '../../lib/errors';
import { onSessionReset } from '../../lib/session-reset';
import { emailApi, type LabelCount, type SearchHit } from './email-api';

/** What the middle pane lists: everything, one folder, or one label. */
export type MailView = { kind: 'all' } | { kind: 'folder'; folderId: string } | { kind: 'label'; label: string };

export interface MailNotice {
  id: number;
  message: string;
  tone: 'success' | 'danger';
  /** A record the notice is about ("Open" goes there). */
  open?: { domain: 'calendar' | 'goals' | 'files'; id: string };
}

interface MailState {
  view: MailView;
  folders: Folder[] | null;
  labels: LabelCount[];
  navError: string | null;
  messages: MessageSummary[];
  nextCursor: string | null;
  total: number;
  listLoading: boolean;
  moreLoading: boolean;
  listError: string | null;
  query: string;
  hits: SearchHit[] | null;
  searchTotal: number;
  searchError: string | null;
  selectedId: string | null;
  detail: MessageDetail | null;
  detailError: string | null;
  thread: MessageSummary[] | null;
  runs: ImportRun[];
  notice: MailNotice | null;
}

const initial: MailState = {
  view: { kind: 'all' },
  folders: null,
  labels: [],
  navError: null,
  messages: [],
  nextCursor: null,
  total: 0,
  listLoading: true,
  moreLoading: false,
  listError: null,
  query: '',
  hits: null,
  searchTotal: 0,
  searchError: null,
  selectedId: null,
  detail: null,
  detailError: null,
  thread: null,
  runs: [],
  notice: null,
};

/**
 * The email archive of the unlocked profile: the folders and labels, the listed page(s), the search, the open
 * message with its thread, and the imports. Components read it; the functions below change it. Every write in
 * main ends with `email:changed` and imports report `email:progress`; both are followed while the page is open.
 */
export const useMailStore = create<MailState>()(() => initial);
const set = useMailStore.setState;
const get = useMailStore.getState;

const PAGE = 100;
const SEARCH_DEBOUNCE_MS = 200;
let listSeq = 0;
let detailSeq = 0;
let searchSeq = 0;
let noticeSeq = 0;
let searchTimer: ReturnType<typeof setTimeout> | undefined;

const listInput = (view: MailView) => (view.kind === 'folder' ? { folderId: view.folderId } : view.kind === 'label' ? { label: view.label } : {});

async function loadNav(): Promise<void> {
  try {
    const [folders, labels] = await Promise.all([emailApi.folders(), emailApi.labels()]);
    set({ folders, labels, navError: null });
  } catch (err) {
    set({ folders: get().folders ?? [], navError: describeError(err) });
  }
}

async function loadList(): Promise<void> {
  const seq = ++listSeq;
  try {
    const page = await emailApi.list({ ...listInput(get().view), limit: PAGE });
    if (seq === listSeq) set({ messages: page.messages, nextCursor: page.nextCursor, total: page.total, listLoading: false, listError: null });
  } catch (err) {
    if (seq === listSeq) set({ listLoading: false, listError: describeError(err) });
  }
}

export async function loadMore(): Promise<void> {
  const { nextCursor, moreLoading } = get();
  if (!nextCursor || moreLoading) return;
  const seq = listSeq;
  set({ moreLoading: true });
  try {
    const page = await emailApi.list({ ...listInput(get().view), cursor: nextCursor, limit: PAGE });
    if (seq === listSeq) set((s) => ({ messages: [...s.messages, ...page.messages], nextCursor: page.nextCursor, total: page.total, moreLoading: false }));
  } catch (err) {
    if (seq === listSeq) set({ moreLoading: false });
    say(describeError(err), 'danger');
  }
}

async function loadDetail(id: string): Promise<void> {
  const seq = ++detailSeq;
  try {
    const [detail, thread] = await Promise.all([emailApi.get({ id }), emailApi.thread({ id }).catch(() => null)]);
    if (seq === detailSeq && get().selectedId === id) set({ detail, thread, detailError: null });
  } catch (err) {
    if (seq !== detailSeq || get().selectedId !== id) return;
    if (errorCode(err) === 'NOT_FOUND') set({ selectedId: null, detail: null, thread: null, detailError: null });
    else set({ detailError: describeError(err) });
  }
}

async function runSearch(query: string): Promise<void> {
  const seq = ++searchSeq;
  try {
    const { hits, total } = await emailApi.search({ query, limit: PAGE });
    if (seq === searchSeq && get().query.trim() === query) set({ hits, searchTotal: total, searchError: null });
  } catch (err) {
    if (seq === searchSeq) set({ hits: [], searchTotal: 0, searchError: describeError(err) });
  }
}

export async function loadRuns(): Promise<void> {
  try {
    set({ runs: await emailApi.importRuns() });
  } catch {
    // The runs list is extra; the dialogs report their own errors.
  }
}

/** Reloads folders, labels and the list (only its first page when no more were loaded: keeps the place otherwise). */
export async function refresh(): Promise<void> {
  const { messages, query } = get();
  await Promise.all([loadNav(), messages.length <= PAGE ? loadList() : null, query.trim() ? runSearch(query.trim()) : null]);
}

/** Loads the page's data and follows `email:changed` and `email:progress`; returns the unsubscribe. */
export function startMail(): () => void {
  void refresh();
  void loadRuns();
  let pending: ReturnType<typeof setTimeout> | undefined;
  const offChanged = emailApi.onChanged(() => {
    // An import writes in bursts: one reload for a burst.
    clearTimeout(pending);
    pending = setTimeout(() => void refresh(), 250);
  });
  const offProgress = emailApi.onProgress(putRun);
  return () => {
    clearTimeout(pending);
    offChanged();
    offProgress();
  };
}

export function openView(view: MailView): void {
  clearTimeout(searchTimer);
  listSeq += 1;
  set({ view, listLoading: true, messages: [], nextCursor: null, total: 0, listError: null, query: '', hits: null, searchError: null });
  void loadList();
}

export function selectMessage(id: string | null): void {
  if (id === get().selectedId) return;
  set({ selectedId: id, detail: null, thread: null, detailError: null });
  if (id) void loadDetail(id);
}

export function setQuery(query: string): void {
  set({ query });
  clearTimeout(searchTimer);
  const q = query.trim();
  if (!q) return set({ hits: null, searchTotal: 0, searchError: null });
  searchTimer = setTimeout(() => void runSearch(q), SEARCH_DEBOUNCE_MS);
}

export function say(message: string | null, tone: MailNotice['tone'] = 'success', open?: MailNotice['open']): void {
  set({ notice: message ? { id: ++noticeSeq, message, tone, ...(open ? { open } : {}) } : null });
}

/** Puts a run's newest numbers in the runs list (a progress event, a start, pause, resume or cancel); a new run goes first. */
export function putRun(run: ImportRun): void {
  set((s) => ({ runs: s.runs.some((r) => r.id === run.id) ? s.runs.map((r) => (r.id === run.id ? run : r)) : [run, ...s.runs] }));
}

onSessionReset(() => {
  clearTimeout(searchTimer);
  listSeq += 1;
  detailSeq += 1;
  searchSeq += 1;
  set(initial);
});

/** Opens a message from another page ("accounts you have" on a vault item): every folder listed, the message read. */
export function revealMessage(id: string): void {
  openView({ kind: 'all' });
  selectMessage(id);
}
