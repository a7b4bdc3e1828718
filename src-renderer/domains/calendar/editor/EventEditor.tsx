import { Trash2 } from 'lucide-react';
import { useEffect, useState, type KeyboardEvent } from 'react';
import type { Calendar, EventDetail, EventTime } from '../../../../src-shared/domains/calendar/calendar.schemas';
import { describeError } from '../../../lib/errors';
import { isMac } from '../../../lib/shortcuts';
import { Button } from '../../../ui/Button';
import { Callout } from '../../../ui/Callout';
import { Modal, ModalActions } from '../../../ui/Modal';
import { Spinner } from '../../../ui/Spinner';
import { computerZone } from './controls';
import { fieldErrorsOf, removeEvent, saveEvent } from './editor-actions';
import { getEvent } from './editor-data';
import { EventFields } from './EventFields';
import { formOf, formOfDetail, type EventForm, type FormErrors } from './event-form';
import { useScopePrompt } from './ScopePrompt';

export type EditorTarget = { eventId: string; occurrenceKey: string | null } | { draft: { start: EventTime; end: EventTime; calendarId?: string } };

interface Props {
  target: EditorTarget | null;
  calendars: Calendar[];
  onClose(): void;
}

/** The event editor: a new event (a draft) or an existing one, an instance of a repeating one included. */
export function EventEditor({ target, calendars, onClose }: Props) {
  if (!target) return null;
  const key = 'draft' in target ? `draft:${JSON.stringify(target.draft)}` : `${target.eventId}:${target.occurrenceKey ?? ''}`;
  return <EditorDialog key={key} target={target} calendars={calendars} onClose={onClose} />;
}

function draftForm(draft: Extract<EditorTarget, { draft: unknown }>['draft'], calendars: Calendar[], zone: string): EventForm {
  const cal =
    calendars.find((c) => c.id === draft.calendarId && !c.readOnly) ?? calendars.find((c) => !c.readOnly && c.visible) ?? calendars.find((c) => !c.readOnly);
  const minutes = cal?.defaultReminderMinutes;
  return formOf({ ...draft, calendarId: cal?.id ?? '', alarms: minutes == null ? [] : [{ minutesBefore: minutes, related: 'start' }] }, zone);
}

function EditorDialog({ target, calendars, onClose }: { target: EditorTarget; calendars: Calendar[]; onClose(): void }) {
  const scope = useScopePrompt();
  const [zone] = useState(computerZone);
  const opened = 'eventId' in target ? target : null;
  const [detail, setDetail] = useState<EventDetail | null>(null);
  const [initial, setInitial] = useState<EventForm | null>(() => ('draft' in target ? draftForm(target.draft, calendars, zone) : null));
  const [form, setForm] = useState<EventForm | null>(initial);
  const [errors, setErrors] = useState<FormErrors>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<'save' | 'delete' | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);

  useEffect(() => {
    if (!opened) return;
    let live = true;
    getEvent(opened.eventId, opened.occurrenceKey).then(
      (d) => {
        if (!live) return;
        const f = formOfDetail(d, zone);
        setDetail(d);
        setInitial(f);
        setForm(f);
      },
      (err: unknown) => live && setError(describeError(err)),
    );
    return () => {
      live = false;
    };
  }, [opened?.eventId, opened?.occurrenceKey, zone]); // eslint-disable-line react-hooks/exhaustive-deps

  const calendar = calendars.find((c) => c.id === form?.calendarId);
  const readOnly = !!detail?.readOnly || !!calendar?.readOnly;
  const creating = !opened;

  async function run(kind: 'save' | 'delete') {
    if (!form || !initial || busy) return;
    setBusy(kind);
    setError(null);
    try {
      const done =
        kind === 'save'
          ? await saveEvent(form, initial, detail ? { detail, occurrenceKey: opened?.occurrenceKey ?? null } : null, scope.ask).then((r) => {
              if (!r.done) setErrors(r.errors ?? {});
              return r.done;
            })
          : await removeEvent(detail!, opened?.occurrenceKey ?? null, scope.ask);
      if (done) onClose();
    } catch (err) {
      const fields = fieldErrorsOf(err);
      if (fields) setErrors(fields);
      else setError(describeError(err));
    } finally {
      setBusy(null);
    }
  }

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && (isMac ? e.metaKey : e.ctrlKey) && !readOnly) {
      e.preventDefault();
      void run('save');
    }
  };
  const change = (patch: Partial<EventForm>) => {
    setForm((f) => (f ? { ...f, ...patch } : f));
    setErrors((e) => (Object.keys(e).length ? {} : e));
  };

  const title = creating ? 'New event' : readOnly ? 'Event' : detail?.occurrence ? 'Edit this event' : 'Edit event';
  return (
    <Modal
      open
      onOpenChange={(o) => !o && onClose()}
      size="md"
      title={title}
      description={readOnly ? 'This calendar is read-only (a subscription): you can look but not change.' : undefined}
    >
      <div onKeyDown={onKeyDown} data-testid="cal-editor">
        {form ? (
          <fieldset disabled={readOnly || busy !== null} className="min-w-0">
            <EventFields form={form} errors={errors} calendars={calendars} onChange={change} />
          </fieldset>
        ) : error ? null : (
          <p className="flex items-center gap-2 text-[13px] text-muted">
            <Spinner /> Loading…
          </p>
        )}
        {form && !form.calendarId ? (
          <Callout className="mt-3">Create a calendar first (Calendar tools → New calendar): subscriptions are read-only.</Callout>
        ) : null}
        {error ? (
          <Callout tone="danger" className="mt-3">
            {error}
          </Callout>
        ) : null}
        {scope.element}
      </div>
      <ModalActions>
        {detail && !readOnly ? (
          <Button
            variant={confirmDelete ? 'danger' : 'danger-outline'}
            icon={Trash2}
            className="mr-auto"
            busy={busy === 'delete'}
            onClick={() => (confirmDelete || (opened?.occurrenceKey && detail.rrule) ? void run('delete') : setConfirmDelete(true))}
          >
            {confirmDelete ? 'Confirm delete' : 'Delete'}
          </Button>
        ) : null}
        <Button onClick={onClose}>{readOnly ? 'Close' : 'Cancel'}</Button>
        {readOnly || !form ? null : (
          <Button
            variant="primary"
            busy={busy === 'save'}
            disabled={!form.calendarId}
            onClick={() => void run('save')}
            title={isMac ? '⌘+Enter' : 'Ctrl+Enter'}
          >
            {creating ? 'Create' : 'Save'}
          </Button>
        )}
      </ModalActions>
    </Modal>
  );
}
