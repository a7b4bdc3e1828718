import { sql, type Kysely } from 'kysely';
// eslint-disable-next-line no-restricted-imports -- 0007's trigger helper is itself a frozen migration, never app code.
import { addChangeLogTriggers } from './0007-create-change-log';

/**
 * The calendar (issue 10). Each VEVENT or VTODO component is one row of `calendar_events`, its iCalendar text kept
 * verbatim in `ics` (unknown properties survive every edit and export) next to the columns a query needs: a series
 * master has `recurrence_key` '' and an edited instance (RECURRENCE-ID) has that instance's key. `start_ms`/`end_ms`
 * bound every instance of the row in UTC (`end_ms` NULL: the series never ends), so a window query reads only the
 * series that can reach it. `calendar_fts` is an FTS5 index over title, location and description inside the
 * encrypted database, external content keyed by the row's `doc` number. CalDAV keeps each resource's href and ETag on
 * its rows and `dirty` marks local changes not yet pushed; a deleted row stays as a tombstone until the server has
 * it. Frozen in time: imports only kysely (and 0007's helper).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE caldav_accounts (
    id TEXT PRIMARY KEY,
    server_url TEXT NOT NULL,
    username TEXT NOT NULL,
    -- The vault login holding the password: the calendar never stores it.
    vault_item_id TEXT NOT NULL,
    home_url TEXT,
    last_sync_at TEXT,
    last_error TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
  ) STRICT`.execute(db);

  await sql`CREATE TABLE calendars (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    color TEXT NOT NULL,
    visible INTEGER NOT NULL DEFAULT 1 CHECK (visible IN (0, 1)),
    default_reminder_minutes INTEGER,
    source TEXT NOT NULL CHECK (source IN ('local', 'subscription', 'caldav')),
    read_only INTEGER NOT NULL DEFAULT 0 CHECK (read_only IN (0, 1)),
    url TEXT,
    publish_path TEXT,
    refresh_minutes INTEGER,
    -- HTTP validators of a subscription (ETag, Last-Modified).
    etag TEXT,
    last_modified TEXT,
    caldav_account_id TEXT REFERENCES caldav_accounts (id),
    ctag TEXT,
    sync_token TEXT,
    last_sync_at TEXT,
    last_error TEXT,
    -- JSON array of VCALENDAR-level property lines kept verbatim (X-WR-CALNAME, X-…).
    calendar_props TEXT NOT NULL DEFAULT '[]',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
  ) STRICT`.execute(db);

  await sql`CREATE TABLE calendar_events (
    id TEXT PRIMARY KEY,
    doc INTEGER NOT NULL UNIQUE,
    calendar_id TEXT NOT NULL REFERENCES calendars (id),
    uid TEXT NOT NULL,
    -- '' for a series master or a one-off; the instance's key for an override (RECURRENCE-ID).
    recurrence_key TEXT NOT NULL DEFAULT '',
    kind TEXT NOT NULL CHECK (kind IN ('event', 'task')),
    ics TEXT NOT NULL,
    summary TEXT NOT NULL,
    location TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT '',
    start_ms INTEGER,
    end_ms INTEGER,
    all_day INTEGER NOT NULL DEFAULT 0 CHECK (all_day IN (0, 1)),
    tz TEXT,
    recurring INTEGER NOT NULL DEFAULT 0 CHECK (recurring IN (0, 1)),
    has_alarms INTEGER NOT NULL DEFAULT 0 CHECK (has_alarms IN (0, 1)),
    status TEXT NOT NULL DEFAULT 'confirmed',
    due_ms INTEGER,
    completed_at TEXT,
    priority INTEGER NOT NULL DEFAULT 0,
    caldav_href TEXT,
    caldav_etag TEXT,
    dirty INTEGER NOT NULL DEFAULT 0 CHECK (dirty IN (0, 1)),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
  ) STRICT`.execute(db);
  await sql`CREATE UNIQUE INDEX calendar_events_by_uid ON calendar_events (calendar_id, uid, recurrence_key) WHERE deleted_at IS NULL`.execute(db);
  await sql`CREATE INDEX calendar_events_by_start ON calendar_events (start_ms, end_ms) WHERE deleted_at IS NULL`.execute(db);
  await sql`CREATE INDEX calendar_events_by_href ON calendar_events (calendar_id, caldav_href)`.execute(db);
  await sql`CREATE INDEX calendar_events_by_due ON calendar_events (due_ms) WHERE kind = 'task' AND deleted_at IS NULL`.execute(db);

  await sql`CREATE VIRTUAL TABLE calendar_fts USING fts5(summary, location, description, content = 'calendar_events', content_rowid = 'doc',
    tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')`.execute(db);
  await sql`CREATE TRIGGER calendar_fts_insert AFTER INSERT ON calendar_events BEGIN
    INSERT INTO calendar_fts (rowid, summary, location, description) VALUES (new.doc, new.summary, new.location, new.description);
  END`.execute(db);
  await sql`CREATE TRIGGER calendar_fts_update AFTER UPDATE OF summary, location, description ON calendar_events BEGIN
    INSERT INTO calendar_fts (calendar_fts, rowid, summary, location, description) VALUES ('delete', old.doc, old.summary, old.location, old.description);
    INSERT INTO calendar_fts (rowid, summary, location, description) VALUES (new.doc, new.summary, new.location, new.description);
  END`.execute(db);
  await sql`CREATE TRIGGER calendar_fts_delete AFTER DELETE ON calendar_events BEGIN
    INSERT INTO calendar_fts (calendar_fts, rowid, summary, location, description) VALUES ('delete', old.doc, old.summary, old.location, old.description);
  END`.execute(db);

  // VTIMEZONE components from imported files, by TZID, exported again verbatim (custom and Windows zone names).
  await sql`CREATE TABLE calendar_timezones (
    id TEXT PRIMARY KEY,
    ics TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
  ) STRICT`.execute(db);

  // Reminders that fired (or came due while Hearth was closed), by key `<event id>|<instance key>|<alarm index>`.
  await sql`CREATE TABLE calendar_reminders (
    id TEXT PRIMARY KEY,
    event_id TEXT NOT NULL,
    occurrence_key TEXT NOT NULL DEFAULT '',
    fire_at_ms INTEGER NOT NULL,
    start_ms INTEGER NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('fired', 'snoozed', 'dismissed')),
    snooze_until_ms INTEGER,
    missed INTEGER NOT NULL DEFAULT 0 CHECK (missed IN (0, 1)),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
  ) STRICT`.execute(db);
  await sql`CREATE INDEX calendar_reminders_open ON calendar_reminders (state, snooze_until_ms) WHERE state <> 'dismissed'`.execute(db);

  // A server change that met an unpushed local change: kept until the user chooses (remote_ics NULL: deleted there).
  await sql`CREATE TABLE calendar_conflicts (
    id TEXT PRIMARY KEY,
    event_id TEXT NOT NULL,
    calendar_id TEXT NOT NULL REFERENCES calendars (id),
    href TEXT NOT NULL,
    remote_ics TEXT,
    remote_etag TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
  ) STRICT`.execute(db);

  for (const table of ['caldav_accounts', 'calendars', 'calendar_events', 'calendar_timezones', 'calendar_reminders', 'calendar_conflicts']) {
    await addChangeLogTriggers(db, table, 'id');
  }
}
