import { api, uploadToStore } from '../../api/client';
import { onSessionReset } from '../../lib/session-reset';
import type { Attachment, EntrySummary, Input } from './journal-types';

/**
 * The journal's secondary reads and file flows (views that keep their data in component state: calendar,
 * on this day, media, check-ins, history, import, export). Components call these; only these call `api`.
 */

/** Blob ticket URLs by blob id, re-fetched shortly before they expire (tickets live a few minutes). */
const tickets = new Map<string, { url: Promise<string>; until: number }>();
const TICKET_MARGIN_MS = 30_000;

/** An inline ticket URL (`/api/blob/…`) for a stored image, for <img src> (same origin: no token in the URL). */
export function imageUrl(blobId: string): Promise<string> {
  const known = tickets.get(blobId);
  if (known && known.until > Date.now()) return known.url;
  const url = api.blobs.ticket({ blobId, disposition: 'inline' }).then((t) => {
    const entry = tickets.get(blobId);
    if (entry) entry.until = Date.parse(t.expiresAt) - TICKET_MARGIN_MS;
    return t.url;
  });
  tickets.set(blobId, { url, until: Date.now() + 60_000 });
  url.catch(() => tickets.delete(blobId));
  return url;
}

/** A download ticket URL for an attachment. */
export async function downloadTicket(attachment: Attachment): Promise<string> {
  const t = await api.blobs.ticket({ blobId: attachment.blobId, name: attachment.name.replace(/[/\\]/g, '_').slice(0, 200), disposition: 'attachment' });
  return t.url;
}

/** Streams a file to the encrypted store (upload ticket) and returns its blob id. */
export async function uploadBlob(file: Blob): Promise<string> {
  return (await uploadToStore(file)).id;
}

/** Uploads a file and attaches it to an entry. */
export async function attachFile(entryId: string, file: File): Promise<Attachment> {
  const blobId = await uploadBlob(file);
  const name = (file.name || 'pasted-image.png').slice(0, 255);
  return api.journal.attach({ entryId, blobId, name });
}

/** The entries of one day (a calendar click): one call with the day as the date range. */
export async function entriesOn(date: string, journalId: string | null): Promise<EntrySummary[]> {
  const page = await api.journal.list({ journalId: journalId ?? undefined, from: date, to: date, limit: 200 });
  return page.entries;
}

export const detach = (id: string) => api.journal.detach({ id });
export const heatmap = (input: Input<'heatmap'>) => api.journal.heatmap(input);
export const onThisDay = (date: string) => api.journal.onThisDay({ date, includeLocked: true });
export const media = (journalId: string | null) => api.journal.media({ journalId: journalId ?? undefined, limit: 500 });
export const metrics = (input: Input<'metrics'>) => api.journal.metrics(input);
export const versions = (id: string) => api.journal.versions({ id });
export const restoreVersion = (entryId: string, versionId: string) => api.journal.restoreVersion({ entryId, versionId });
export const search = (input: Input<'search'>) => api.journal.search(input);
export const createJournal = (input: Input<'createJournal'>) => api.journal.createJournal(input);
export const updateJournal = (input: Input<'updateJournal'>) => api.journal.updateJournal(input);
export const importPreview = (input: Input<'importPreview'>) => api.journal.importPreview(input);
export const importCommit = (input: Input<'importCommit'>) => api.journal.importCommit(input);
export const exportEntries = (input: Input<'export'>) => api.journal.export(input);
export const openExternal = (url: string) => api.app.openExternal({ url });
export const bootstrap = () => api.app.bootstrap();

onSessionReset(() => tickets.clear());
