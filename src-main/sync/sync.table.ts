import type { Generated } from 'kysely';

/** Mirrors migration 0015: each synced field's last synced value (row-codec JSON) and winning HLC. */
export interface SyncFieldTable {
  table_name: string;
  row_id: string;
  field: string;
  hlc: string;
  value: string;
}

/** Mirrors migration 0015: a tombstone (the row was deleted somewhere; delete wins). */
export interface SyncRowTable {
  table_name: string;
  row_id: string;
  deleted_hlc: string;
  /** JSON: column → the HLC the deleting device knew. */
  seen: string;
}

/** Why a value is in the history: it lost by HLC, it was made after a delete, a local constraint refused it, the server did, or it was too large to send. */
export type SyncHistoryReason = 'lww' | 'deleted' | 'constraint' | 'forbidden' | 'too_large';

/** Mirrors migration 0015: a value that lost (the item's history and the conflicts view). */
export interface SyncHistoryTable {
  id: string;
  table_name: string;
  row_id: string;
  field: string;
  value: string;
  hlc: string;
  lost_to_hlc: string;
  reason: SyncHistoryReason;
  device: string;
  at: string;
}

/** Mirrors migration 0015: a change prepared for the server, kept until the server acknowledges its id. */
export interface SyncOutboxTable {
  seq: Generated<number>;
  id: string;
  space_id: string;
  table_name: string;
  row_id: string;
  hlc: string;
  deleted: number;
  fields: string;
}

/** Mirrors migration 0015: cursors and counters. */
export interface SyncStateTable {
  key: string;
  value: string;
}
