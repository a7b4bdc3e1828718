import { useState } from 'react';
import { CALENDAR_COLORS, type Calendar } from '../../../../src-shared/domains/calendar/calendar.schemas';
import { describeError } from '../../../lib/errors';
import { Button } from '../../../ui/Button';
import { Callout } from '../../../ui/Callout';
import { cx } from '../../../ui/cx';
import { Modal, ModalActions } from '../../../ui/Modal';
import { inputClass, Labeled, selectClass } from './controls';
import { createCalendar, deleteCalendar, updateCalendar } from './editor-data';
import { minutesLabel } from './RemindersField';

type Color = (typeof CALENDAR_COLORS)[number];
const REMINDERS = [null, 0, 5, 10, 15, 30, 60, 1440];

/** The swatch classes of the calendar colours (the same names the page uses for its dots). */
export const COLOR_CLASS: Record<Color, string> = {
  slate: 'bg-slate-500',
  red: 'bg-red-500',
  orange: 'bg-orange-500',
  amber: 'bg-amber-500',
  green: 'bg-green-600',
  teal: 'bg-teal-600',
  blue: 'bg-blue-600',
  violet: 'bg-violet-600',
  pink: 'bg-pink-500',
};

/** A row of colour swatches as radio buttons. */
export function ColorPicker({ value, onChange }: { value: Color; onChange(c: Color): void }) {
  return (
    <div role="radiogroup" aria-label="Colour" className="flex gap-1.5">
      {CALENDAR_COLORS.map((c) => (
        <button
          key={c}
          type="button"
          role="radio"
          aria-checked={value === c}
          aria-label={c}
          onClick={() => onChange(c)}
          className={cx('size-6 rounded-full border-2', COLOR_CLASS[c], value === c ? 'border-text' : 'border-transparent')}
        />
      ))}
    </div>
  );
}

/** New calendar, or edit one: name, colour, default reminder. */
export function CalendarDialog({ calendar, onClose }: { calendar: Calendar | null; onClose(): void }) {
  const [name, setName] = useState(calendar?.name ?? '');
  const [color, setColor] = useState<Color>(calendar?.color ?? 'blue');
  const [reminder, setReminder] = useState<number | null>(calendar ? calendar.defaultReminderMinutes : 10);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function save() {
    if (!name.trim()) return setError('Give the calendar a name.');
    setBusy(true);
    try {
      if (calendar) await updateCalendar({ id: calendar.id, name: name.trim(), color, defaultReminderMinutes: reminder });
      else await createCalendar({ name: name.trim(), color, defaultReminderMinutes: reminder });
      onClose();
    } catch (err) {
      setError(describeError(err));
      setBusy(false);
    }
  }

  return (
    <Modal open onOpenChange={(o) => !o && onClose()} title={calendar ? 'Edit calendar' : 'New calendar'}>
      <form className="flex flex-col gap-3" onSubmit={(e) => (e.preventDefault(), void save())}>
        <Labeled label="Name">
          <input autoFocus className={inputClass} aria-label="Calendar name" maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />
        </Labeled>
        <ColorPicker value={color} onChange={setColor} />
        <Labeled label="Default reminder for new events">
          <select
            className={selectClass}
            aria-label="Default reminder"
            value={String(reminder)}
            onChange={(e) => setReminder(e.target.value === 'null' ? null : Number(e.target.value))}
          >
            {REMINDERS.map((m) => (
              <option key={String(m)} value={String(m)}>
                {m === null ? 'None' : minutesLabel(m)}
              </option>
            ))}
          </select>
        </Labeled>
        {error ? <Callout tone="danger">{error}</Callout> : null}
        <ModalActions>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" busy={busy}>
            {calendar ? 'Save' : 'Create'}
          </Button>
        </ModalActions>
      </form>
    </Modal>
  );
}

/** Delete a calendar with its events, after saying how many. */
export function DeleteCalendarDialog({ calendar, onClose }: { calendar: Calendar; onClose(): void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const what =
    calendar.source === 'caldav'
      ? 'Its events stay on the server; only this copy goes.'
      : calendar.source === 'subscription'
        ? 'You can subscribe again later.'
        : 'This cannot be undone.';
  return (
    <Modal
      open
      onOpenChange={(o) => !o && onClose()}
      title={`Delete “${calendar.name}”?`}
      description={`${calendar.eventCount} ${calendar.eventCount === 1 ? 'event goes' : 'events go'} with it. ${what}`}
    >
      {error ? <Callout tone="danger">{error}</Callout> : null}
      <ModalActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button
          variant="danger"
          busy={busy}
          onClick={() => {
            setBusy(true);
            deleteCalendar(calendar.id).then(onClose, (err: unknown) => (setError(describeError(err)), setBusy(false)));
          }}
        >
          Delete calendar
        </Button>
      </ModalActions>
    </Modal>
  );
}
