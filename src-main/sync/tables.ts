/**
 * Which change-logged tables sync (docs/sync.md#what-syncs), in apply ORDER: parents before children, so a page
 * of changes inserts a row's parent before the row (the apply transaction also defers foreign keys to its commit,
 * for self-references and pages that split a family). Every table with change-log triggers is either here or in
 * EXCLUDED_TABLES with a reason; a test checks the two lists against the database's triggers.
 */
export const SYNCED_TABLES = [
  'vault_items',
  'vault_password_history',
  'vault_item_versions',
  'products',
  'batches',
  'stock_movements',
  'label_prints',
  'blobs',
  'blob_refs',
  'journals',
  'journal_entries',
  'journal_entry_versions',
  'journal_attachments',
  'journal_templates',
  'file_folders',
  'files',
  'file_versions',
  'file_links',
  'caldav_accounts',
  'calendars',
  'calendar_events',
  'calendar_timezones',
  'calendar_reminders',
  'pdps',
  'goals',
  'key_results',
  'key_result_log',
  'goal_progress_log',
  'goal_evidence',
  'task_projects',
  'tasks',
  'task_history',
  'habits',
  'habit_checkins',
  'task_filters',
] as const;
export type SyncedTable = (typeof SYNCED_TABLES)[number];

/** Logged tables that do not sync, and why. */
export const EXCLUDED_TABLES: Readonly<Record<string, string>> = {
  settings: 'device-local keys (window, idle lock, background jobs) are mixed with shared ones; needs a per-key split first',
  calendar_conflicts: "a CalDAV conflict is between this device's unpushed edit and the CalDAV server: local by nature",
  email_folders:
    'the email archive is imported per device from its sources; its packs are large and its identity index would make two imports of one mailbox collide',
  email_messages: 'as email_folders',
  email_sources: 'as email_folders',
  email_provenance: 'as email_folders',
  email_accounts: 'as email_folders (each device fetches its IMAP accounts itself)',
  email_imap_state: 'per-device IMAP fetch state',
};

/**
 * Columns that stay on the device: never pushed, never overwritten by a remote change. `doc` is each device's
 * own FTS rowid (given as max + 1 when a row arrives); the CalDAV and subscription fetch state is per device.
 */
export const LOCAL_COLUMNS: Readonly<Partial<Record<SyncedTable, readonly string[]>>> = {
  journal_entries: ['doc'],
  files: ['doc'],
  tasks: ['doc'],
  calendar_events: ['doc'],
  calendars: ['ctag', 'sync_token', 'last_sync_at', 'last_error'],
  caldav_accounts: ['last_sync_at', 'last_error'],
};

/** Tables whose local-only `doc` column (an FTS rowid) is given on arrival as max(doc) + 1. */
export const DOC_TABLES: ReadonlySet<string> = new Set(Object.entries(LOCAL_COLUMNS).flatMap(([table, cols]) => (cols?.includes('doc') ? [table] : [])));

/** The shop's register: helper-owned routing (src-main/sync/collections.ts) may send these to a shared collection's space. */
export const BATCHES_TABLES: readonly SyncedTable[] = ['products', 'batches', 'stock_movements', 'label_prints'];

const ORDER = new Map<string, number>(SYNCED_TABLES.map((t, i) => [t, i]));

/** Whether rows of `table` sync (a name from outside, e.g. a decrypted change, is checked against the list). */
export function isSyncedTable(table: string): table is SyncedTable {
  return ORDER.has(table);
}

/** The apply position of a table: parents first. */
export function tableOrder(table: string): number {
  return ORDER.get(table) ?? Number.MAX_SAFE_INTEGER;
}

/** Every synced table's id column (all are `id` today; settings, keyed by `key`, is excluded). */
export function idColumnOf(_table: SyncedTable): string {
  return 'id';
}

/** Whether `column` of `table` syncs. */
export function isSyncedColumn(table: SyncedTable, column: string): boolean {
  return !(LOCAL_COLUMNS[table]?.includes(column) ?? false);
}

/** Routes a row to a space: the hook's answer, or the personal space. */
export type SpaceRouter = (table: string, rowId: string) => string;

/** The default route: every row to the personal space. */
export function personalRouter(personalSpaceId: string): SpaceRouter {
  return () => personalSpaceId;
}
