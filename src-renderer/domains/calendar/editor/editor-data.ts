import type { z } from 'zod';
import { api, uploadToStore } from '../../../api/client';
import type { calendarContract } from '../../../../src-shared/domains/calendar/calendar.contract';
import type { goalsContract } from '../../../../src-shared/domains/goals/goals.contract';

/**
 * The calls of the calendar's editor, tools, tasks and reminders. Components call these; only these call `api`
 * (the page's own store belongs to the calendar page).
 */

type Ops = (typeof calendarContract)['ops'];
export type Output<K extends keyof Ops> = z.output<Ops[K]['output']>;
export type Input<K extends keyof Ops> = z.input<Ops[K]['input']>;
export type ImportPreview = Output<'importPreview'>;
export type CaldavAccount = Output<'caldavAccounts'>[number];
export type Conflict = Output<'conflicts'>[number];

export const getEvent = (id: string, occurrenceKey: string | null) => api.calendar.getEvent({ id, occurrenceKey: occurrenceKey ?? undefined });
export const createEvent = (input: Input<'createEvent'>) => api.calendar.createEvent(input);
export const updateEvent = (input: Input<'updateEvent'>) => api.calendar.updateEvent(input);
export const deleteEvent = (input: Input<'deleteEvent'>) => api.calendar.deleteEvent(input);

export const createCalendar = (input: Input<'createCalendar'>) => api.calendar.createCalendar(input);
export const updateCalendar = (input: Input<'updateCalendar'>) => api.calendar.updateCalendar(input);
export const deleteCalendar = (id: string) => api.calendar.deleteCalendar({ id });
export const subscribe = (input: Input<'subscribe'>) => api.calendar.subscribe(input);
export const refreshSubscription = (id: string) => api.calendar.refresh({ id });
export const exportCalendars = (calendarIds: string[] | undefined) => api.calendar.export({ calendarIds });
export const importPreview = (input: Input<'importPreview'>) => api.calendar.importPreview(input);
export const importCommit = (input: Input<'importCommit'>) => api.calendar.importCommit(input);

export const caldavAccounts = () => api.calendar.caldavAccounts();
export const addCaldavAccount = (input: Input<'addCaldavAccount'>) => api.calendar.addCaldavAccount(input);
export const removeCaldavAccount = (id: string) => api.calendar.removeCaldavAccount({ id });
export const syncCaldav = (id: string) => api.calendar.syncCaldav({ id });
export const conflicts = () => api.calendar.conflicts();
export const resolveConflict = (id: string, keep: 'local' | 'remote') => api.calendar.resolveConflict({ id, keep });

export const listTasks = () => api.calendar.listTasks({ includeCompleted: true });
export const createTask = (input: Input<'createTask'>) => api.calendar.createTask(input);
export const updateTask = (input: Input<'updateTask'>) => api.calendar.updateTask(input);
export const onCalendarChanged = (listener: () => void): (() => void) => api.calendar.onChanged(listener);

/** Hearth's own tasks live in the goals module; the tasks panel lists and adds them there (VTODOs stay above). */
export type GoalsTask = z.output<(typeof goalsContract)['ops']['createTask']['output']>;
export const listGoalsTasks = () => api.goals.listTasks({ filter: {}, limit: 300 });
export const createGoalsTask = (input: z.input<(typeof goalsContract)['ops']['createTask']['input']>) => api.goals.createTask(input);
export const completeGoalsTask = (id: string) => api.goals.completeTask({ id });
export const uncompleteGoalsTask = (id: string) => api.goals.uncompleteTask({ id });
export const onGoalsChanged = (listener: () => void): (() => void) => api.goals.onChanged(listener);

export const pendingReminders = () => api.calendar.reminders();
export const snoozeReminder = (key: string, minutes: number) => api.calendar.snoozeReminder({ key, minutes });
export const dismissReminder = (key: string) => api.calendar.dismissReminder({ key });
export const onReminder = (listener: (r: Output<'reminders'>[number]) => void): (() => void) => api.calendar.onReminder(listener);

/** Streams a picked file to the encrypted store (upload ticket) and returns its blob id. */
export async function uploadBlob(file: Blob): Promise<string> {
  return (await uploadToStore(file)).id;
}
