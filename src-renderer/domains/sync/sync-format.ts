import type { SyncStatus } from '../../../src-shared/domains/sync/sync.schemas';

/** "just now", "5 min ago", "3 h ago", else the date: for the status line. */
export function ago(iso: string, now = Date.now()): string {
  const ms = now - Date.parse(iso);
  if (!Number.isFinite(ms)) return iso;
  if (ms < 60_000) return 'just now';
  if (ms < 3600_000) return `${Math.floor(ms / 60_000)} min ago`;
  if (ms < 24 * 3600_000) return `${Math.floor(ms / 3600_000)} h ago`;
  return new Date(iso).toLocaleDateString();
}

/** The status in one calm line: what state sync is in, and what (if anything) to do. */
export function statusLine(s: SyncStatus, now = Date.now()): { tone: 'ok' | 'busy' | 'warn' | 'error'; text: string } {
  if (!s.signedIn)
    return {
      tone: 'warn',
      text: s.stopped ? 'Signed out: this device was revoked or its session ended. Sign in again to sync.' : 'Signed out. Sign in to sync again.',
    };
  if (s.running) return { tone: 'busy', text: 'Syncing…' };
  if (s.lastError) return { tone: 'error', text: `Not synced: ${s.lastError.message}` };
  if (!s.lastSyncAt) return { tone: 'warn', text: 'Not synced yet.' };
  const pending = s.pending > 0 ? ` · ${s.pending} change${s.pending === 1 ? '' : 's'} waiting` : '';
  return { tone: 'ok', text: `Synced ${ago(s.lastSyncAt, now)}${pending}` };
}

/** Table names as people say them, for the conflicts view. */
const TABLE_WORDS: Record<string, string> = {
  vault_items: 'Vault item',
  products: 'Product',
  batches: 'Batch',
  stock_movements: 'Stock movement',
  journal_entries: 'Journal entry',
  journals: 'Journal',
  files: 'File',
  file_folders: 'Folder',
  calendar_events: 'Event',
  calendars: 'Calendar',
  tasks: 'Task',
  goals: 'Goal',
  habits: 'Habit',
};

export const tableWords = (table: string): string => TABLE_WORDS[table] ?? table.replace(/_/g, ' ');
