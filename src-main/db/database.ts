import type { Generated } from 'kysely';
import type { BlobRefTable, BlobTable } from '../blobs/blobs.table';
import type {
  CaldavAccountTable,
  CalendarConflictTable,
  CalendarEventTable,
  CalendarFtsTable,
  CalendarReminderTable,
  CalendarTable,
  CalendarTimezoneTable,
} from '../domains/calendar/calendar.table';
import type { BatchTable, LabelPrintTable, ProductTable, StockMovementTable } from '../domains/batches/batches.table';
import type {
  JournalAttachmentTable,
  JournalEntryTable,
  JournalEntryVersionTable,
  JournalFtsTable,
  JournalTable,
  JournalTemplateTable,
} from '../domains/journal/journal.table';
import type {
  GoalEvidenceTable,
  GoalProgressLogTable,
  GoalTable,
  HabitCheckinTable,
  HabitTable,
  KeyResultLogTable,
  KeyResultTable,
  PdpTable,
  TaskFilterTable,
  TaskFtsTable,
  TaskHistoryTable,
  TaskProjectTable,
  TaskTable,
} from '../domains/goals/goals.table';
import type {
  EmailAccountTable,
  EmailFolderTable,
  EmailFtsTable,
  EmailImapStateTable,
  EmailImportRunTable,
  EmailMessageTable,
  EmailProvenanceTable,
  EmailSourceTable,
} from '../domains/email/email.table';
import type { FileFolderTable, FileFtsTable, FileLinkTable, FileTable, FileVersionTable } from '../domains/files/files.table';
import type { SettingsTable } from '../domains/settings/settings.table';
import type { SyncBlobTable } from '../sync/sync-blobs.table';
import type { SyncFieldTable, SyncHistoryTable, SyncOutboxTable, SyncRowTable, SyncStateTable } from '../sync/sync.table';
import type { VaultItemTable, VaultItemVersionTable, VaultPasswordHistoryTable, VaultStrengthCacheTable } from '../domains/vault/vault.table';

/** One row per (write, table, row) changed: the sync outbox (migration 0007, docs/architecture.md#write-path). */
export interface ChangeLogTable {
  seq: Generated<number>;
  hlc: string;
  device_id: string;
  domain: string;
  table_name: string;
  row_id: string;
  op: 'insert' | 'update' | 'delete';
}

/** The single row the write path opens and closes around each write. */
export interface WriteContextTable {
  only: number;
  device_id: string;
  hlc: string | null;
  domain: string | null;
  last_hlc: string;
}

/**
 * The one typed view of the profile database, assembled from each domain's table file.
 *
 * Conventions for every table (sync-ready; docs/architecture.md#store-and-migrations):
 * - `id TEXT PRIMARY KEY` holding a ULID (sortable, made in main);
 * - `created_at`, `updated_at`, `deleted_at` as ISO 8601 UTC text (`nowIso()`); a non-null
 *   `deleted_at` is the trash, and user data is never hard-deleted except by an explicit purge;
 * - STRICT tables, indexes named `<table>_by_<cols>`.
 */
export interface Database {
  settings: SettingsTable;
  vault_items: VaultItemTable;
  vault_password_history: VaultPasswordHistoryTable;
  vault_item_versions: VaultItemVersionTable;
  vault_strength_cache: VaultStrengthCacheTable;
  products: ProductTable;
  batches: BatchTable;
  stock_movements: StockMovementTable;
  label_prints: LabelPrintTable;
  change_log: ChangeLogTable;
  write_context: WriteContextTable;
  blobs: BlobTable;
  blob_refs: BlobRefTable;
  journals: JournalTable;
  journal_entries: JournalEntryTable;
  journal_entry_versions: JournalEntryVersionTable;
  journal_attachments: JournalAttachmentTable;
  journal_templates: JournalTemplateTable;
  journal_fts: JournalFtsTable;
  file_folders: FileFolderTable;
  files: FileTable;
  file_versions: FileVersionTable;
  file_links: FileLinkTable;
  files_fts: FileFtsTable;
  caldav_accounts: CaldavAccountTable;
  calendars: CalendarTable;
  calendar_events: CalendarEventTable;
  calendar_fts: CalendarFtsTable;
  calendar_timezones: CalendarTimezoneTable;
  calendar_reminders: CalendarReminderTable;
  calendar_conflicts: CalendarConflictTable;
  pdps: PdpTable;
  goals: GoalTable;
  key_results: KeyResultTable;
  key_result_log: KeyResultLogTable;
  goal_progress_log: GoalProgressLogTable;
  goal_evidence: GoalEvidenceTable;
  task_projects: TaskProjectTable;
  tasks: TaskTable;
  tasks_fts: TaskFtsTable;
  task_history: TaskHistoryTable;
  habits: HabitTable;
  habit_checkins: HabitCheckinTable;
  task_filters: TaskFilterTable;
  email_folders: EmailFolderTable;
  email_messages: EmailMessageTable;
  email_fts: EmailFtsTable;
  email_sources: EmailSourceTable;
  email_provenance: EmailProvenanceTable;
  email_import_runs: EmailImportRunTable;
  email_accounts: EmailAccountTable;
  email_imap_state: EmailImapStateTable;
  sync_fields: SyncFieldTable;
  sync_rows: SyncRowTable;
  sync_history: SyncHistoryTable;
  sync_outbox: SyncOutboxTable;
  sync_state: SyncStateTable;
  sync_blobs: SyncBlobTable;
}
