import type { EditScope, EventDetail } from '../../../../src-shared/domains/calendar/calendar.schemas';
import { AppError } from '../../../../src-shared/ipc/result';
import { createEvent, deleteEvent, updateEvent } from './editor-data';
import { changedFields, readForm, type EventForm, type FormErrors } from './event-form';
import { allZones } from './controls';

export type Ask = (action: 'edit' | 'move' | 'delete') => Promise<EditScope | null>;

/** What a save came to: done (close the editor), cancelled at the scope question, or field errors to show. */
export type SaveOutcome = { done: true } | { done: false; errors?: FormErrors };

const zoneSet = (): ReadonlySet<string> => new Set(allZones());

/**
 * Creates the event, or sends only the changed fields. A repeating event asks which instances change;
 * a new repeat rule cannot apply to this instance alone, so "This event" is refused with a reason.
 */
export async function saveEvent(
  form: EventForm,
  initial: EventForm,
  opened: { detail: EventDetail; occurrenceKey: string | null } | null,
  ask: Ask,
): Promise<SaveOutcome> {
  const read = readForm(form, zoneSet());
  if (!read.ok) return { done: false, errors: read.errors };
  if (!opened) {
    await createEvent({ calendarId: form.calendarId, ...read.value });
    return { done: true };
  }
  const before = readForm(initial, zoneSet());
  const patch = before.ok ? changedFields(read.value, before.value) : read.value;
  const moved = form.calendarId !== initial.calendarId;
  if (Object.keys(patch).length === 0 && !moved) return { done: true };
  const { detail, occurrenceKey } = opened;
  let scope: EditScope = 'all';
  if (occurrenceKey && detail.rrule) {
    const asked = await ask('edit');
    if (!asked) return { done: false };
    if (asked === 'this' && 'rrule' in patch) return { done: false, errors: { rule: 'A new repeat applies to this and following events, or to all of them.' } };
    scope = asked;
  }
  await updateEvent({
    id: detail.id,
    occurrenceKey: occurrenceKey ?? undefined,
    scope,
    patch: { ...patch, ...(moved ? { calendarId: form.calendarId } : {}) },
  });
  return { done: true };
}

/** Deletes the event, asking the scope for an instance of a repeating one; false when cancelled. */
export async function removeEvent(detail: EventDetail, occurrenceKey: string | null, ask: Ask): Promise<boolean> {
  let scope: EditScope = 'all';
  if (occurrenceKey && detail.rrule) {
    const asked = await ask('delete');
    if (!asked) return false;
    scope = asked;
  }
  await deleteEvent({ id: detail.id, occurrenceKey: occurrenceKey ?? undefined, scope });
  return true;
}

/** Field errors main reported (INVALID_INPUT issues by path), placed on the editor's fields where they belong. */
export function fieldErrorsOf(err: unknown): FormErrors | null {
  if (!(err instanceof AppError) || err.code !== 'INVALID_INPUT' || !err.issues?.length) return null;
  const out: FormErrors = {};
  for (const issue of err.issues) {
    const path = issue.path;
    const key = /title/.test(path)
      ? 'title'
      : /rrule/.test(path)
        ? 'rule'
        : /alarm/.test(path)
          ? 'alarms'
          : /tz|zone/.test(path)
            ? 'zone'
            : /start|end/.test(path)
              ? 'end'
              : null;
    if (key) out[key] = issue.message;
  }
  return Object.keys(out).length ? out : null;
}
