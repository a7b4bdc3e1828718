import type { ParsedEntry } from './model';

/** Small helpers every importer shares: entry defaults, tag de-duplication, dates. */

/** An entry with every optional field at its neutral value. */
export function newEntry(fields: Pick<ParsedEntry, 'sourceId' | 'body' | 'entryAt'> & Partial<ParsedEntry>): ParsedEntry {
  return {
    notebookSourceId: null,
    title: null,
    timeZone: null,
    createdAt: null,
    updatedAt: null,
    starred: false,
    pinned: false,
    archived: false,
    mood: null,
    metrics: {},
    location: null,
    extra: {},
    attachmentIds: [],
    ...fields,
    tags: uniqueTags(fields.tags ?? []),
  };
}

/** Tags as written, trimmed, empty ones dropped, de-duplicated case-insensitively, first spelling and order kept. */
export function uniqueTags(tags: readonly unknown[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of tags) {
    if (typeof raw !== 'string' && typeof raw !== 'number') continue;
    const tag = String(raw).trim();
    const key = tag.normalize('NFC').toLowerCase();
    if (tag === '' || seen.has(key)) continue;
    seen.add(key);
    out.push(tag);
  }
  return out;
}

/**
 * An ISO UTC instant from a date string or epoch milliseconds, or null when it is not a date. A string with
 * no zone ("2024-04-10 18:30", "2026-01-14") is read as UTC: the file gives no better answer.
 */
export function toInstant(value: unknown): string | null {
  if (typeof value === 'number') return Number.isFinite(value) && value > 0 ? safeIso(value) : null;
  if (value instanceof Date) return safeIso(value.getTime());
  if (typeof value !== 'string') return null;
  const text = value.trim();
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i.exec(text);
  if (!m) return null;
  const zone = m[8] ? (m[8].toUpperCase() === 'Z' ? 'Z' : m[8].replace(/^([+-]\d{2})(\d{2})$/, '$1:$2')) : 'Z';
  const iso = `${m[1]}-${m[2]}-${m[3]}T${m[4] ?? '00'}:${m[5] ?? '00'}:${m[6] ?? '00'}${m[7] ?? ''}${zone}`;
  return safeIso(Date.parse(iso));
}

function safeIso(ms: number): string | null {
  if (!Number.isFinite(ms)) return null;
  const d = new Date(ms);
  return d.getUTCFullYear() >= 1000 && d.getUTCFullYear() <= 9999 ? d.toISOString() : null;
}

/** Only plain records (not arrays or null), for reading untrusted JSON. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A string field or null. */
export const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** MIME type from a file name's extension, for the common attachment kinds; null when unknown. */
export function mimeFromName(name: string): string | null {
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';
  return MIME[ext] ?? null;
}

const MIME: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  heic: 'image/heic',
  svg: 'image/svg+xml',
  pdf: 'application/pdf',
  mp3: 'audio/mpeg',
  m4a: 'audio/mp4',
  mp4: 'video/mp4',
  mov: 'video/quicktime',
  txt: 'text/plain',
  md: 'text/markdown',
};
