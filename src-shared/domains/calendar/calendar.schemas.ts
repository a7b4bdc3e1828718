import { z } from 'zod';
import { Id, IsoDate, IsoTimestamp, LIMITS, nonEmptyText, Secret, text } from '../../lib/schema';

/** Calendar limits: texts are capped like elsewhere; a window is at most a little over three years of instances. */
export const CALENDAR_LIMITS = {
  title: 500,
  location: 1000,
  description: LIMITS.note,
  categories: 50,
  attendees: 200,
  alarms: 10,
  rrule: 1000,
  windowDays: 1200,
  occurrences: 20_000,
  searchQuery: 500,
  url: 2048,
  path: 4096,
} as const;

export const CALENDAR_COLORS = ['slate', 'red', 'orange', 'amber', 'green', 'teal', 'blue', 'violet', 'pink'] as const;
export const CalendarColor = z.enum(CALENDAR_COLORS);
export const CalendarSource = z.enum(['local', 'subscription', 'caldav']);
export const EditScope = z.enum(['this', 'following', 'all']);
export type EditScope = z.infer<typeof EditScope>;
export const EventStatus = z.enum(['confirmed', 'tentative', 'cancelled']);

/** An IANA zone id (checked against Intl in main). */
export const TimeZoneId = z.string().min(1).max(100);
/** A wall-clock time without a zone: 'YYYY-MM-DDTHH:MM' or with seconds. */
export const LocalDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, 'Expected YYYY-MM-DDTHH:MM');

/**
 * When an event starts or ends, as iCalendar has it: a whole day (all-day), a wall time in an IANA zone (a 09:00 Berlin
 * meeting stays 09:00 Berlin across DST), a floating wall time (08:00 wherever I am) or an instant in UTC.
 */
export const EventTime = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('date'), date: IsoDate }),
  z.strictObject({ kind: z.literal('zoned'), local: LocalDateTime, tz: TimeZoneId }),
  z.strictObject({ kind: z.literal('floating'), local: LocalDateTime }),
  z.strictObject({ kind: z.literal('utc'), at: IsoTimestamp }),
]);
export type EventTime = z.infer<typeof EventTime>;

/** A reminder: minutes before the start (negative: after), or at a fixed time. */
export const Alarm = z.union([
  z.strictObject({ minutesBefore: z.number().int().min(-40_000).max(40_000), related: z.enum(['start', 'end']).default('start') }),
  z.strictObject({ at: IsoTimestamp }),
]);
export type Alarm = z.infer<typeof Alarm>;

export const Attendee = z.strictObject({
  email: text(320),
  name: text(200).default(''),
  role: text(40).default(''),
  status: text(40).default(''),
});

export const Calendar = z.object({
  id: Id,
  name: z.string(),
  color: CalendarColor,
  visible: z.boolean(),
  /** Minutes before the start for new events' reminder; null: none. */
  defaultReminderMinutes: z.number().int().nullable(),
  source: CalendarSource,
  readOnly: z.boolean(),
  /** The subscription URL or the CalDAV collection URL. */
  url: z.string().nullable(),
  /** Where the calendar is published as an .ics file, rewritten on change. */
  publishPath: z.string().nullable(),
  refreshMinutes: z.number().int().nullable(),
  lastSyncAt: IsoTimestamp.nullable(),
  lastError: z.string().nullable(),
  eventCount: z.number().int(),
  createdAt: IsoTimestamp,
  updatedAt: IsoTimestamp,
});
export type Calendar = z.output<typeof Calendar>;

const ReminderMinutes = z.number().int().min(0).max(40_000).nullable();
export const CalendarInput = z.strictObject({
  name: nonEmptyText(LIMITS.name),
  color: CalendarColor.default('blue'),
  defaultReminderMinutes: ReminderMinutes.default(null),
});
export const UpdateCalendarInput = z.strictObject({
  id: Id,
  name: nonEmptyText(LIMITS.name).optional(),
  color: CalendarColor.optional(),
  visible: z.boolean().optional(),
  defaultReminderMinutes: ReminderMinutes.optional(),
  publishPath: text(CALENDAR_LIMITS.path).nullable().optional(),
  refreshMinutes: z.number().int().min(5).max(10_080).nullable().optional(),
});

/** One instance of an event in a window, in UTC, with what a view needs to draw it. */
export const Occurrence = z.object({
  /** The stored event (the series master, or a one-off). */
  eventId: Id,
  calendarId: Id,
  uid: z.string(),
  /** The instance's RECURRENCE-ID key; null for an event that does not repeat. */
  occurrenceKey: z.string().nullable(),
  title: z.string(),
  location: z.string(),
  start: IsoTimestamp,
  end: IsoTimestamp,
  allDay: z.boolean(),
  /** All-day: the first day and the day after the last (exclusive), as the event has them. */
  startDate: IsoDate.nullable(),
  endDate: IsoDate.nullable(),
  /** The event's own zone; null for floating and all-day events. */
  timeZone: z.string().nullable(),
  recurring: z.boolean(),
  /** This instance was edited on its own (an override with RECURRENCE-ID). */
  override: z.boolean(),
  status: EventStatus,
  hasAlarms: z.boolean(),
  readOnly: z.boolean(),
});
export type Occurrence = z.output<typeof Occurrence>;

export const OccurrencesInput = z.strictObject({
  from: IsoTimestamp,
  to: IsoTimestamp,
  calendarIds: z.array(Id).max(200).optional(),
  /** The zone floating and all-day events are placed in (default: the computer's). */
  viewerZone: TimeZoneId.optional(),
});

export const EventDetail = z.object({
  id: Id,
  calendarId: Id,
  uid: z.string(),
  title: z.string(),
  location: z.string(),
  description: z.string(),
  start: EventTime,
  end: EventTime,
  allDay: z.boolean(),
  /** The RRULE value (e.g. FREQ=WEEKLY;BYDAY=MO); null when it does not repeat. */
  rrule: z.string().nullable(),
  exdates: z.number().int(),
  overrides: z.number().int(),
  alarms: z.array(Alarm),
  categories: z.array(z.string()),
  attendees: z.array(Attendee),
  status: EventStatus,
  url: z.string(),
  /** Properties Hearth keeps verbatim without interpreting them (X-… and others), by name. */
  keptProperties: z.array(z.string()),
  /** When asked for one instance: that instance as it is (with its override applied). */
  occurrence: z
    .object({ key: z.string(), start: EventTime, end: EventTime, title: z.string(), location: z.string(), description: z.string(), override: z.boolean() })
    .nullable(),
  readOnly: z.boolean(),
  createdAt: IsoTimestamp,
  updatedAt: IsoTimestamp,
});
export type EventDetail = z.output<typeof EventDetail>;

export const GetEventInput = z.strictObject({ id: Id, occurrenceKey: text(40).optional() });

export const EventInput = z.strictObject({
  calendarId: Id,
  title: nonEmptyText(CALENDAR_LIMITS.title),
  location: text(CALENDAR_LIMITS.location).default(''),
  description: text(CALENDAR_LIMITS.description).default(''),
  start: EventTime,
  end: EventTime,
  rrule: text(CALENDAR_LIMITS.rrule).nullable().default(null),
  /** Absent: the calendar's default reminder. */
  alarms: z.array(Alarm).max(CALENDAR_LIMITS.alarms).optional(),
  categories: z.array(nonEmptyText(100)).max(CALENDAR_LIMITS.categories).default([]),
  attendees: z.array(Attendee).max(CALENDAR_LIMITS.attendees).default([]),
  status: EventStatus.default('confirmed'),
});
export type EventInput = z.output<typeof EventInput>;

export const EventPatch = z.strictObject({
  title: nonEmptyText(CALENDAR_LIMITS.title).optional(),
  location: text(CALENDAR_LIMITS.location).optional(),
  description: text(CALENDAR_LIMITS.description).optional(),
  start: EventTime.optional(),
  end: EventTime.optional(),
  rrule: text(CALENDAR_LIMITS.rrule).nullable().optional(),
  alarms: z.array(Alarm).max(CALENDAR_LIMITS.alarms).optional(),
  categories: z.array(nonEmptyText(100)).max(CALENDAR_LIMITS.categories).optional(),
  status: EventStatus.optional(),
  /** Moves the whole series to another calendar (scope all only). */
  calendarId: Id.optional(),
});
export type EventPatch = z.output<typeof EventPatch>;

/** Edit an event; for a repeating one, `occurrenceKey` names the instance and `scope` says which instances change. */
export const UpdateEventInput = z.strictObject({ id: Id, occurrenceKey: text(40).optional(), scope: EditScope.default('all'), patch: EventPatch });
export const DeleteEventInput = z.strictObject({ id: Id, occurrenceKey: text(40).optional(), scope: EditScope.default('all') });
export const UpdateEventResult = z.object({ event: EventDetail, newSeriesId: Id.nullable() });
export const DeleteEventResult = z.object({ deleted: z.number().int() });

// ---------------------------------------------------------------- tasks (VTODO)

export const Task = z.object({
  id: Id,
  calendarId: Id,
  uid: z.string(),
  title: z.string(),
  notes: z.string(),
  due: EventTime.nullable(),
  /** The due time in UTC (all-day: the start of that day in the viewer's zone); null without a due date. */
  dueAt: IsoTimestamp.nullable(),
  completed: z.boolean(),
  completedAt: IsoTimestamp.nullable(),
  priority: z.number().int().min(0).max(9),
  readOnly: z.boolean(),
  createdAt: IsoTimestamp,
  updatedAt: IsoTimestamp,
});
export type Task = z.output<typeof Task>;
export const TaskInput = z.strictObject({
  calendarId: Id,
  title: nonEmptyText(CALENDAR_LIMITS.title),
  notes: text(CALENDAR_LIMITS.description).default(''),
  due: EventTime.nullable().default(null),
  priority: z.number().int().min(0).max(9).default(0),
});
export const UpdateTaskInput = z.strictObject({
  id: Id,
  title: nonEmptyText(CALENDAR_LIMITS.title).optional(),
  notes: text(CALENDAR_LIMITS.description).optional(),
  due: EventTime.nullable().optional(),
  completed: z.boolean().optional(),
  priority: z.number().int().min(0).max(9).optional(),
});
export const ListTasksInput = z.strictObject({ from: IsoTimestamp.optional(), to: IsoTimestamp.optional(), includeCompleted: z.boolean().default(false) });

// ---------------------------------------------------------------- search, reminders

export const SearchInput = z.strictObject({ query: nonEmptyText(CALENDAR_LIMITS.searchQuery), limit: z.number().int().min(1).max(200).default(50) });
export const SearchHit = z.object({
  eventId: Id,
  calendarId: Id,
  title: z.string(),
  location: z.string(),
  snippet: z.string(),
  /** The next instance from now, or the last one when the event is over. */
  start: IsoTimestamp.nullable(),
  recurring: z.boolean(),
  kind: z.enum(['event', 'task']),
});

/** A reminder that fired (or should have while Hearth was closed) and was not dismissed. */
export const Reminder = z.object({
  key: z.string(),
  eventId: Id,
  occurrenceKey: z.string().nullable(),
  title: z.string(),
  location: z.string(),
  start: IsoTimestamp,
  fireAt: IsoTimestamp,
  /** It came due while Hearth was closed or locked. */
  missed: z.boolean(),
  snoozedUntil: IsoTimestamp.nullable(),
});
export type Reminder = z.output<typeof Reminder>;
export const ReminderKey = z.strictObject({ key: text(200) });
export const SnoozeInput = z.strictObject({ key: text(200), minutes: z.number().int().min(1).max(10_080) });

// ---------------------------------------------------------------- interchange

export const ImportPreviewInput = z.strictObject({
  /** The uploaded .ics file (blob id from an upload ticket). */
  blobId: z.string().regex(/^[0-9a-f]{64}$/),
  /** Import into this calendar; absent: a new calendar named after the file. */
  calendarId: Id.optional(),
  fileName: text(255).optional(),
});
export const ImportPreview = z.object({
  previewId: z.string(),
  name: z.string(),
  events: z.number().int(),
  recurring: z.number().int(),
  overrides: z.number().int(),
  tasks: z.number().int(),
  timezones: z.number().int(),
  /** Events whose UID the target calendar already has. */
  duplicates: z.number().int(),
  /** Properties and components Hearth keeps verbatim but does not interpret. */
  unsupported: z.array(z.object({ name: z.string(), count: z.number().int() })),
  warnings: z.array(z.string()),
});
export const ImportCommitInput = z.strictObject({
  previewId: z.string().max(80),
  /** Duplicates by UID: skip them (default) or replace the stored ones. */
  duplicates: z.enum(['skip', 'replace']).default('skip'),
});
export const ImportResult = z.object({
  calendarId: Id,
  events: z.number().int(),
  tasks: z.number().int(),
  skipped: z.number().int(),
  replaced: z.number().int(),
});

export const ExportInput = z.strictObject({
  calendarIds: z.array(Id).max(200).optional(),
  /** A range: only series with an instance in it (all-day and recurring series are kept whole). */
  from: IsoTimestamp.optional(),
  to: IsoTimestamp.optional(),
});
export const ExportResult = z.object({
  blobId: z.string(),
  url: z.string(),
  ticket: z.string(),
  name: z.string(),
  events: z.number().int(),
  expiresAt: IsoTimestamp,
});

export const SubscribeInput = z.strictObject({
  url: nonEmptyText(CALENDAR_LIMITS.url),
  name: nonEmptyText(LIMITS.name).optional(),
  color: CalendarColor.default('teal'),
  refreshMinutes: z.number().int().min(5).max(10_080).default(60),
});
export const RefreshResult = z.object({ calendar: Calendar, changed: z.boolean(), events: z.number().int() });

// ---------------------------------------------------------------- CalDAV

export const CaldavAccount = z.object({
  id: Id,
  serverUrl: z.string(),
  username: z.string(),
  /** The vault login that holds the password. */
  vaultItemId: Id,
  calendars: z.number().int(),
  lastSyncAt: IsoTimestamp.nullable(),
  lastError: z.string().nullable(),
});
export const AddAccountInput = z.strictObject({
  serverUrl: nonEmptyText(CALENDAR_LIMITS.url),
  username: nonEmptyText(320),
  /** Stored in a new vault login; or give an existing login's id instead. */
  password: Secret.optional(),
  vaultItemId: Id.optional(),
});
export const SyncResult = z.object({
  calendars: z.number().int(),
  pulled: z.number().int(),
  pushed: z.number().int(),
  deleted: z.number().int(),
  conflicts: z.number().int(),
});
export const Conflict = z.object({
  id: Id,
  eventId: Id,
  calendarId: Id,
  title: z.string(),
  localTitle: z.string(),
  remoteTitle: z.string(),
  localStart: IsoTimestamp.nullable(),
  remoteStart: IsoTimestamp.nullable(),
  remoteDeleted: z.boolean(),
  createdAt: IsoTimestamp,
});
export const ResolveConflictInput = z.strictObject({ id: Id, keep: z.enum(['local', 'remote']) });
