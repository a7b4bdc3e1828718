/** Mirrors migration 0011. Timestamps ISO UTC text, instants as UTC ms integers, booleans 0/1, JSON as TEXT. */
export interface CaldavAccountTable {
  id: string;
  server_url: string;
  username: string;
  vault_item_id: string;
  home_url: string | null;
  last_sync_at: string | null;
  last_error: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface CalendarTable {
  id: string;
  name: string;
  color: string;
  visible: number;
  default_reminder_minutes: number | null;
  source: 'local' | 'subscription' | 'caldav';
  read_only: number;
  url: string | null;
  publish_path: string | null;
  refresh_minutes: number | null;
  etag: string | null;
  last_modified: string | null;
  caldav_account_id: string | null;
  ctag: string | null;
  sync_token: string | null;
  last_sync_at: string | null;
  last_error: string | null;
  /** JSON string[]: VCALENDAR-level property lines kept verbatim. */
  calendar_props: string;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface CalendarEventTable {
  id: string;
  /** The FTS rowid: given once, never reused. */
  doc: number;
  calendar_id: string;
  uid: string;
  /** '' for a master or a one-off; the instance key for an override. */
  recurrence_key: string;
  kind: 'event' | 'task';
  /** The component's iCalendar text, verbatim (BEGIN:VEVENT … END:VEVENT). */
  ics: string;
  summary: string;
  location: string;
  description: string;
  start_ms: number | null;
  /** End of the last instance; null: the series never ends. */
  end_ms: number | null;
  all_day: number;
  tz: string | null;
  recurring: number;
  has_alarms: number;
  status: string;
  due_ms: number | null;
  completed_at: string | null;
  priority: number;
  caldav_href: string | null;
  caldav_etag: string | null;
  dirty: number;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface CalendarFtsTable {
  rowid: number;
  summary: string;
  location: string;
  description: string;
  calendar_fts: string;
  rank: number;
}

export interface CalendarTimezoneTable {
  id: string;
  ics: string;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface CalendarReminderTable {
  id: string;
  event_id: string;
  occurrence_key: string;
  fire_at_ms: number;
  start_ms: number;
  state: 'fired' | 'snoozed' | 'dismissed';
  snooze_until_ms: number | null;
  missed: number;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface CalendarConflictTable {
  id: string;
  event_id: string;
  calendar_id: string;
  href: string;
  remote_ics: string | null;
  remote_etag: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}
