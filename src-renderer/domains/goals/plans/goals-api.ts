import type { z } from 'zod';
import { api, uploadToStore } from '../../../api/client';
import type { goalsContract } from '../../../../src-shared/domains/goals/goals.contract';

/**
 * The calls of the plans, habits, analytics, review and tools views. Components call these; only these call `api`
 * (the page's own store, goals.store.ts, belongs to the task views).
 */

type Ops = (typeof goalsContract)['ops'];
export type Output<K extends keyof Ops> = z.output<Ops[K]['output']>;
export type Input<K extends keyof Ops> = z.input<Ops[K]['input']>;

export const goalsApi = api.goals;

/** Every write of the goals module ends with a `goals:changed` event; the views reload on it. */
export const onGoalsChanged = (listener: () => void): (() => void) => api.goals.onChanged(listener);

/** Journal entries to link as evidence: a search when there is text, else the latest entries. */
export async function findJournalEntries(query: string): Promise<{ id: string; title: string; date: string }[]> {
  const q = query.trim();
  const entries = q ? (await api.journal.search({ query: q, limit: 20 })).map((h) => h.entry) : (await api.journal.list({ limit: 20 })).entries;
  return entries.map((e) => ({ id: e.id, title: e.displayTitle, date: e.entryDate }));
}

/** Library files to link as evidence: a search when there is text, else the most recently changed files. */
export async function findFiles(query: string): Promise<{ id: string; title: string; date: string }[]> {
  const q = query.trim();
  const files = q ? (await api.files.search({ query: q, limit: 20 })).hits.map((h) => h.file) : (await api.files.list({})).files;
  return [...files]
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
    .slice(0, 20)
    .map((f) => ({ id: f.id, title: f.name, date: f.updatedAt.slice(0, 10) }));
}

/** Streams a picked file to the encrypted store (upload ticket) and returns its blob id. */
export async function uploadBlob(file: Blob): Promise<string> {
  return (await uploadToStore(file)).id;
}

/** The name of a journal (where a saved review went); null when it is not listed (locked or deleted). */
export async function journalName(journalId: string): Promise<string | null> {
  const journals = await api.journal.listJournals();
  return journals.find((j) => j.id === journalId)?.name ?? null;
}
