import type { Attachment, Entry, EntrySummary, Journal, MetricDef } from '../../../src-shared/domains/journal/journal.schemas';
import { displayTitle, excerptOf, localDateTime } from '../../../src-shared/domains/journal/journal-text';
import type { JournalAttachmentTable, JournalEntryTable, JournalTable } from './journal.table';

/** Rows → contract shapes. JSON columns are parsed here and nowhere else. */

const parseJson = <T>(text: string, fallback: T): T => {
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
};

export const tagsOf = (row: { tags: string }): string[] => parseJson<string[]>(row.tags, []);

export function toJournal(row: JournalTable, entryCount: number, open: boolean): Journal {
  return {
    id: row.id,
    name: row.name,
    color: row.color as Journal['color'],
    icon: row.icon as Journal['icon'],
    privacy: row.privacy,
    open: row.privacy === 'normal' || open,
    metrics: parseJson<MetricDef[]>(row.metrics, []),
    entryCount,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function toAttachment(row: JournalAttachmentTable): Attachment {
  return { id: row.id, name: row.name, mime: row.mime, size: row.size, blobId: row.blob_id, thumbnailBlobId: row.thumbnail_blob_id };
}

export interface SummaryExtras {
  attachmentCount: number;
  coverThumbnailBlobId: string | null;
}

/**
 * The title, or for an entry without one its local date and time. Only then is the time computed: it costs a
 * time-zone lookup per row (~0.07 ms), most of a 50-hit search's own work.
 */
function titleOf(row: JournalEntryTable): string {
  if (row.title?.trim()) return displayTitle(row.title, row.entry_date, '');
  const { date, time } = localDateTime(Date.parse(row.entry_at), row.time_zone);
  return displayTitle(row.title, date, time);
}

export function toSummary(row: JournalEntryTable, extras: SummaryExtras): EntrySummary {
  return {
    id: row.id,
    journalId: row.journal_id,
    title: row.title,
    displayTitle: titleOf(row),
    excerpt: excerptOf(row.body),
    entryAt: row.entry_at,
    entryDate: row.entry_date,
    timeZone: row.time_zone,
    tags: tagsOf(row),
    starred: row.starred === 1,
    mood: row.mood,
    attachmentCount: extras.attachmentCount,
    coverThumbnailBlobId: extras.coverThumbnailBlobId,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
  };
}

export function toEntry(row: JournalEntryTable, attachments: JournalAttachmentTable[], versionCount: number): Entry {
  const cover = attachments.find((a) => a.thumbnail_blob_id !== null)?.thumbnail_blob_id ?? null;
  return {
    ...toSummary(row, { attachmentCount: attachments.length, coverThumbnailBlobId: cover }),
    body: row.body,
    metrics: parseJson<Record<string, number | boolean>>(row.metrics, {}),
    location: row.location,
    extra: parseJson<Record<string, unknown>>(row.extra, {}),
    attachments: attachments.map(toAttachment),
    createdAt: row.created_at,
    versionCount,
  };
}
