/** Mirrors migration 0013. Timestamps ISO UTC text, instants UTC ms integers, JSON as TEXT. */
export interface EmailFolderTable {
  id: string;
  path: string;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface EmailMessageTable {
  id: string;
  doc: number;
  message_id: string;
  sha256: string;
  size: number;
  pack_id: string;
  pack_offset: number;
  pack_length: number;
  compression: 'deflate-raw' | 'none';
  subject: string;
  from_name: string;
  from_addr: string;
  to_json: string;
  cc_json: string;
  date_ms: number | null;
  date_header: string;
  in_reply_to: string;
  references_json: string;
  thread_id: string;
  snippet: string;
  attachments_json: string;
  attachment_count: number;
  has_html: number;
  has_calendar: number;
  labels_json: string;
  parse_status: 'ok' | 'unparsed';
  parse_error: string;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface EmailFtsTable {
  rowid: number;
  subject: string;
  participants: string;
  body: string;
  attachments: string;
}

export type EmailSourceKind = 'mbox' | 'eml' | 'emlx' | 'imap';

export interface EmailSourceTable {
  id: string;
  kind: EmailSourceKind;
  name: string;
  preamble: string;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface EmailProvenanceTable {
  id: string;
  message_id: string;
  source_id: string;
  folder_id: string;
  position: number;
  source_path: string;
  from_line: string;
  separator: string;
  segment_pack_id: string | null;
  segment_pack_offset: number | null;
  segment_pack_length: number | null;
  imap_uid: number | null;
  imported_at: string;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface EmailImportRunTable {
  id: string;
  source_id: string;
  kind: EmailSourceKind;
  origin_json: string;
  folder_id: string | null;
  total_bytes: number;
  checkpoint: number;
  imported: number;
  duplicates: number;
  unparsed: number;
  state: 'running' | 'paused' | 'cancelled' | 'done' | 'failed';
  error: string;
  started_at: string;
  finished_at: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface EmailAccountTable {
  id: string;
  host: string;
  port: number;
  security: 'tls' | 'starttls' | 'none';
  username: string;
  vault_item_id: string;
  source_id: string;
  folders_json: string;
  last_sync_at: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface EmailImapStateTable {
  id: string;
  account_id: string;
  mailbox: string;
  uid_validity: string;
  last_uid: number;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}
