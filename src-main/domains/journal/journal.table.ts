/** Mirrors migration 0009. Timestamps ISO UTC text, dates YYYY-MM-DD, booleans 0/1, JSON as TEXT. */
export interface JournalTable {
  id: string;
  name: string;
  color: string;
  icon: string;
  privacy: 'normal' | 'locked';
  /** JSON `MetricDef[]`. */
  metrics: string;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface JournalEntryTable {
  id: string;
  /** The FTS rowid: given once, never reused. */
  doc: number;
  journal_id: string;
  title: string | null;
  body: string;
  entry_at: string;
  entry_date: string;
  time_zone: string;
  /** JSON string[]. */
  tags: string;
  starred: number;
  mood: number | null;
  /** JSON `Record<string, number | boolean>`. */
  metrics: string;
  location: string | null;
  /** JSON object of imported extras (weather, coordinates, author…). */
  extra: string;
  source: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface JournalEntryVersionTable {
  id: string;
  entry_id: string;
  title: string | null;
  body: string;
  tags: string;
  saved_at: string;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface JournalAttachmentTable {
  id: string;
  entry_id: string;
  blob_id: string;
  thumbnail_blob_id: string | null;
  name: string;
  mime: string;
  size: number;
  position: number;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface JournalTemplateTable {
  id: string;
  name: string;
  body: string;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

/** The FTS5 index (rowid = journal_entries.doc); written only by the migration's triggers. */
export interface JournalFtsTable {
  rowid: number;
  title: string;
  body: string;
  tags: string;
}
