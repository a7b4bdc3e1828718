import { z } from 'zod';
import { defineContract, op } from '../../ipc/define';
import { Id, NoInput } from '../../lib/schema';
import {
  AddAccountInput,
  Calendar,
  CalendarInput,
  CaldavAccount,
  Conflict,
  DeleteEventInput,
  DeleteEventResult,
  EventDetail,
  EventInput,
  ExportInput,
  ExportResult,
  GetEventInput,
  ImportCommitInput,
  ImportPreview,
  ImportPreviewInput,
  ImportResult,
  ListTasksInput,
  Occurrence,
  OccurrencesInput,
  RefreshResult,
  Reminder,
  ReminderKey,
  ResolveConflictInput,
  SearchHit,
  SearchInput,
  SnoozeInput,
  SubscribeInput,
  SyncResult,
  Task,
  TaskInput,
  UpdateCalendarInput,
  UpdateEventInput,
  UpdateEventResult,
  UpdateTaskInput,
} from './calendar.schemas';

const ById = z.strictObject({ id: Id });

/** The calendar: calendars, events with RFC 5545 recurrence, tasks, reminders, ICS, subscriptions and CalDAV. */
export const calendarContract = defineContract(
  'calendar',
  {
    listCalendars: op({ input: NoInput, output: z.array(Calendar), summary: 'List calendars' }),
    createCalendar: op({ input: CalendarInput, output: Calendar, summary: 'Create a calendar' }),
    /** Renames, recolours, hides; sets the default reminder, the publish path or the refresh period. */
    updateCalendar: op({ input: UpdateCalendarInput, output: Calendar, summary: 'Edit a calendar' }),
    /** Deletes a calendar with its events (a CalDAV calendar only locally). */
    deleteCalendar: op({ input: ById, output: Calendar, summary: 'Delete a calendar' }),

    /** Every instance in a window, recurring series expanded only inside it. */
    occurrences: op({ input: OccurrencesInput, output: z.array(Occurrence), summary: 'Events in a time range' }),
    getEvent: op({ input: GetEventInput, output: EventDetail, summary: 'Read an event' }),
    createEvent: op({ input: EventInput, output: EventDetail, summary: 'Create an event' }),
    /** Edits an event, or for a repeating one this instance, this and following, or all. */
    updateEvent: op({ input: UpdateEventInput, output: UpdateEventResult, summary: 'Edit an event' }),
    deleteEvent: op({ input: DeleteEventInput, output: DeleteEventResult, summary: 'Delete an event' }),
    search: op({ input: SearchInput, output: z.array(SearchHit), summary: 'Search events and tasks' }),

    listTasks: op({ input: ListTasksInput, output: z.array(Task), summary: 'List tasks' }),
    createTask: op({ input: TaskInput, output: Task, summary: 'Create a task' }),
    updateTask: op({ input: UpdateTaskInput, output: Task, summary: 'Edit or complete a task' }),
    deleteTask: op({ input: ById, output: Task, summary: 'Delete a task' }),

    /** Reminders that fired, or came due while Hearth was closed, and were not dismissed. */
    reminders: op({ input: NoInput, output: z.array(Reminder), summary: 'Pending reminders' }),
    snoozeReminder: op({ input: SnoozeInput, output: Reminder, summary: 'Snooze a reminder' }),
    dismissReminder: op({ input: ReminderKey, output: z.object({ dismissed: z.literal(true) }), summary: 'Dismiss a reminder' }),

    /** Parses an uploaded .ics file and says what would be imported. */
    importPreview: op({ input: ImportPreviewInput, output: ImportPreview, summary: 'Preview an ICS import' }),
    importCommit: op({ input: ImportCommitInput, output: ImportResult, summary: 'Import a previewed ICS file' }),
    export: op({ input: ExportInput, output: ExportResult, summary: 'Export calendars as .ics' }),

    /** Subscribes to an ICS URL (http, https, webcal): read-only, refreshed periodically. */
    subscribe: op({ input: SubscribeInput, output: Calendar, summary: 'Subscribe to a calendar URL' }),
    refresh: op({ input: ById, output: RefreshResult, summary: 'Refresh a subscription now' }),

    caldavAccounts: op({ input: NoInput, output: z.array(CaldavAccount), summary: 'CalDAV accounts' }),
    /** Finds the account's calendars (the password goes into the vault) and syncs them. */
    addCaldavAccount: op({ input: AddAccountInput, output: CaldavAccount, summary: 'Add a CalDAV account' }),
    removeCaldavAccount: op({ input: ById, output: CaldavAccount, summary: 'Remove a CalDAV account (local copies only)' }),
    syncCaldav: op({ input: ById, output: SyncResult, summary: 'Sync a CalDAV account now' }),
    conflicts: op({ input: NoInput, output: z.array(Conflict), summary: 'Sync conflicts waiting for a choice' }),
    resolveConflict: op({ input: ResolveConflictInput, output: z.object({ resolved: z.literal(true) }), summary: 'Keep the local or the server version' }),
  },
  {
    /** Rows written (by the write path): calendars, events or tasks changed. */
    changed: z.strictObject({ ids: z.array(Id).max(1000) }),
    /** A reminder fired now (main's scheduler). */
    reminder: Reminder,
  },
);
