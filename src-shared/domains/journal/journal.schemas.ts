import { z } from 'zod';
import { Id, IsoDate, IsoTimestamp, LIMITS, nonEmptyText, Secret, text } from '../../lib/schema';

/** Journal limits: a body is capped like a vault note; tags and metrics are small and few. */
export const JOURNAL_LIMITS = {
  body: LIMITS.note,
  tag: 100,
  tags: 50,
  metrics: 20,
  location: 500,
  page: 200,
  searchQuery: 500,
  importFiles: 20_000,
} as const;

export const JOURNAL_COLORS = ['slate', 'red', 'orange', 'amber', 'green', 'teal', 'blue', 'violet', 'pink'] as const;
export const JOURNAL_ICONS = ['book', 'sun', 'heart', 'star', 'leaf', 'briefcase', 'plane', 'moon', 'feather'] as const;

export const JournalColor = z.enum(JOURNAL_COLORS);
export const JournalIcon = z.enum(JOURNAL_ICONS);
export const Privacy = z.enum(['normal', 'locked']);

/** A check-in metric defined per journal: a number (with unit), a scale (min..max) or yes/no. */
export const MetricDef = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]{1,40}$/, 'Expected a short lowercase id'),
  name: nonEmptyText(60),
  kind: z.enum(['number', 'scale', 'yesno']),
  unit: text(20).default(''),
  min: z.number().int().min(-1000).max(1000).default(1),
  max: z.number().int().min(-1000).max(1000).default(5),
});
export type MetricDef = z.output<typeof MetricDef>;

export const Journal = z.object({
  id: Id,
  name: z.string(),
  color: JournalColor,
  icon: JournalIcon,
  privacy: Privacy,
  /** For a locked journal: whether it is open in this session (its entries readable). */
  open: z.boolean(),
  metrics: z.array(MetricDef),
  entryCount: z.number().int(),
  createdAt: IsoTimestamp,
  updatedAt: IsoTimestamp,
});
export type Journal = z.output<typeof Journal>;

export const JournalInput = z.strictObject({
  name: nonEmptyText(LIMITS.name),
  color: JournalColor.default('blue'),
  icon: JournalIcon.default('book'),
  privacy: Privacy.default('normal'),
  metrics: z.array(MetricDef).max(JOURNAL_LIMITS.metrics).default([]),
});
export const UpdateJournalInput = z.strictObject({
  id: Id,
  name: nonEmptyText(LIMITS.name).optional(),
  color: JournalColor.optional(),
  icon: JournalIcon.optional(),
  privacy: Privacy.optional(),
  metrics: z.array(MetricDef).max(JOURNAL_LIMITS.metrics).optional(),
  /** Making a journal locked, or normal again, needs the master password. */
  password: Secret.optional(),
});
export const OpenJournalInput = z.strictObject({ id: Id, password: Secret.optional() });

export const Tag = z.string().trim().min(1).max(JOURNAL_LIMITS.tag);
export const Mood = z.number().int().min(1).max(5);
export const MetricValues = z.record(z.string().max(40), z.union([z.number().finite(), z.boolean()]));

export const Attachment = z.object({
  id: Id,
  name: z.string(),
  mime: z.string(),
  size: z.number().int(),
  blobId: z.string(),
  thumbnailBlobId: z.string().nullable(),
});
export type Attachment = z.output<typeof Attachment>;

/** What a timeline row shows: no full body (an excerpt), so a page of 50 stays small. */
export const EntrySummary = z.object({
  id: Id,
  journalId: Id,
  title: z.string().nullable(),
  /** The title, or the entry's local date and time when it has none. */
  displayTitle: z.string(),
  excerpt: z.string(),
  entryAt: IsoTimestamp,
  entryDate: IsoDate,
  timeZone: z.string(),
  tags: z.array(z.string()),
  starred: z.boolean(),
  mood: Mood.nullable(),
  attachmentCount: z.number().int(),
  /** The first image attachment's thumbnail, for the timeline and the media grid. */
  coverThumbnailBlobId: z.string().nullable(),
  updatedAt: IsoTimestamp,
  deletedAt: IsoTimestamp.nullable(),
});
export type EntrySummary = z.output<typeof EntrySummary>;

export const Entry = EntrySummary.extend({
  body: z.string(),
  metrics: MetricValues,
  location: z.string().nullable(),
  extra: z.record(z.string(), z.unknown()),
  attachments: z.array(Attachment),
  createdAt: IsoTimestamp,
  versionCount: z.number().int(),
});
export type Entry = z.output<typeof Entry>;

export const EntryInput = z.strictObject({
  journalId: Id,
  title: text(LIMITS.title).nullable().default(null),
  body: text(JOURNAL_LIMITS.body).default(''),
  /** When the entry happened (not when it was written); defaults to now. */
  entryAt: IsoTimestamp.optional(),
  timeZone: z.string().max(64).optional(),
  tags: z.array(Tag).max(JOURNAL_LIMITS.tags).default([]),
  starred: z.boolean().default(false),
  mood: Mood.nullable().default(null),
  metrics: MetricValues.default({}),
  location: text(JOURNAL_LIMITS.location).nullable().default(null),
  templateId: Id.optional(),
});
export const UpdateEntryInput = z.strictObject({
  id: Id,
  journalId: Id.optional(),
  title: text(LIMITS.title).nullable().optional(),
  body: text(JOURNAL_LIMITS.body).optional(),
  entryAt: IsoTimestamp.optional(),
  timeZone: z.string().max(64).optional(),
  tags: z.array(Tag).max(JOURNAL_LIMITS.tags).optional(),
  starred: z.boolean().optional(),
  mood: Mood.nullable().optional(),
  metrics: MetricValues.optional(),
  location: text(JOURNAL_LIMITS.location).nullable().optional(),
});

export const ListEntriesInput = z.strictObject({
  journalId: Id.optional(),
  tag: Tag.optional(),
  starred: z.boolean().optional(),
  /** Entries whose local day is within [from, to] (the calendar's day and month views). */
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  trashed: z.boolean().default(false),
  /** Cursor from the previous page (infinite scroll), newest first. */
  cursor: z.string().max(80).optional(),
  limit: z.number().int().min(1).max(JOURNAL_LIMITS.page).default(50),
});
export const EntryPage = z.object({ entries: z.array(EntrySummary), nextCursor: z.string().nullable() });

export const ById = z.strictObject({ id: Id });
export const TodayInput = z.strictObject({ journalId: Id.optional(), timeZone: z.string().max(64).optional() });

export const Version = z.object({ id: Id, savedAt: IsoTimestamp, title: z.string().nullable(), body: z.string(), tags: z.array(z.string()) });
export const RestoreVersionInput = z.strictObject({ entryId: Id, versionId: Id });

export const HeatmapInput = z.strictObject({ from: IsoDate, to: IsoDate, journalId: Id.optional() });
export const HeatmapDay = z.object({ date: IsoDate, count: z.number().int() });
export const OnThisDayInput = z.strictObject({ date: IsoDate, includeLocked: z.boolean().default(false) });
export const TagCount = z.object({ tag: z.string(), count: z.number().int() });

export const SearchInput = z.strictObject({
  query: text(JOURNAL_LIMITS.searchQuery),
  journalId: Id.optional(),
  tag: Tag.optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  hasAttachment: z.boolean().optional(),
  mood: Mood.optional(),
  /** Locked journals are searched only when asked AND opened in this session. */
  includeLocked: z.boolean().default(false),
  limit: z.number().int().min(1).max(JOURNAL_LIMITS.page).default(50),
});
/** `snippet` marks matches with U+0002 … U+0003 (never HTML): the renderer turns them into <mark>. */
export const SearchHit = z.object({ entry: EntrySummary, snippet: z.string(), rank: z.number() });

export const MediaItem = z.object({ entryId: Id, entryDate: IsoDate, attachment: Attachment });
export const MediaInput = z.strictObject({ journalId: Id.optional(), limit: z.number().int().min(1).max(1000).default(200) });

export const MetricSeriesInput = z.strictObject({ journalId: Id, from: IsoDate.optional(), to: IsoDate.optional() });
export const MetricSeries = z.object({
  metrics: z.array(MetricDef.extend({ id: z.string() })),
  points: z.array(z.object({ date: IsoDate, entryId: Id, mood: Mood.nullable(), values: MetricValues })),
});

export const AttachInput = z.strictObject({ entryId: Id, blobId: z.string().regex(/^[0-9a-f]{64}$/), name: nonEmptyText(255) });

export const Template = z.object({ id: Id, name: z.string(), body: z.string(), builtIn: z.boolean() });
export const TemplateInput = z.strictObject({ id: Id.optional(), name: nonEmptyText(LIMITS.name), body: text(64 * 1024) });

export const ImportFormatName = z.enum([
  'dayone-json',
  'dayone-zip',
  'joplin-jex',
  'joplin-raw',
  'markdown',
  'standard-notes',
  'hearth-markdown',
  'hearth-json',
]);
export const ImportPreviewInput = z.strictObject({
  /** Uploaded files (blob ids from the upload tickets) with their paths: one file, or a folder's files. */
  files: z
    .array(z.strictObject({ path: nonEmptyText(1024), blobId: z.string().regex(/^[0-9a-f]{64}$/) }))
    .min(1)
    .max(JOURNAL_LIMITS.importFiles),
  format: ImportFormatName.optional(),
  /** Import into this journal; absent: one journal per source notebook (or a new "Imported" journal). */
  journalId: Id.optional(),
});
export const ImportPreview = z.object({
  previewId: z.string(),
  format: ImportFormatName,
  journals: z.array(z.object({ name: z.string(), entries: z.number().int(), existing: z.boolean() })),
  entries: z.number().int(),
  attachments: z.number().int(),
  missingAttachments: z.number().int(),
  duplicates: z.number().int(),
  tags: z.number().int(),
  sample: z.array(z.object({ title: z.string(), entryDate: IsoDate, tags: z.array(z.string()) })),
  skipped: z.array(z.object({ what: z.string(), why: z.string() })),
  warnings: z.array(z.string()),
});
export const ImportCommitInput = z.strictObject({ previewId: z.string().max(80), skipDuplicates: z.boolean().default(true) });
export const ImportResult = z.object({ journals: z.number().int(), entries: z.number().int(), attachments: z.number().int(), skipped: z.number().int() });

export const ExportInput = z.strictObject({
  format: z.enum(['markdown', 'json', 'pdf']),
  journalIds: z.array(Id).max(100).optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  includeLocked: z.boolean().default(false),
});
export const ExportResult = z.object({
  blobId: z.string(),
  url: z.string(),
  ticket: z.string(),
  name: z.string(),
  entries: z.number().int(),
  expiresAt: IsoTimestamp,
});
