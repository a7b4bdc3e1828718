import type { Calendar } from '../../../../src-shared/domains/calendar/calendar.schemas';
import { allZones, inputClass, Labeled, selectClass } from './controls';
import { FLOATING, type EventForm, type FormErrors } from './event-form';
import { RemindersField } from './RemindersField';
import { RepeatField } from './RepeatField';

interface Props {
  form: EventForm;
  errors: FormErrors;
  calendars: Calendar[];
  onChange(patch: Partial<EventForm>): void;
}

/** The editor's fields. Disabled as a whole by the caller's <fieldset> for read-only calendars. */
export function EventFields({ form: f, errors, calendars, onChange }: Props) {
  const writable = calendars.filter((c) => !c.readOnly || c.id === f.calendarId);
  const setStartDate = (startDate: string) => {
    // Moving the start keeps the length, as calendars do: the end follows by the same number of days.
    const days = (Date.parse(f.endDate) - Date.parse(f.startDate)) / 86_400_000;
    const end = Number.isFinite(days) && startDate ? new Date(Date.parse(startDate) + days * 86_400_000).toISOString().slice(0, 10) : startDate;
    onChange({ startDate, endDate: end });
  };
  return (
    <div className="flex flex-col gap-3">
      <Labeled label="Title" error={errors.title}>
        <input
          autoFocus
          className={`${inputClass} h-9 text-sm font-medium`}
          aria-label="Title"
          aria-invalid={errors.title ? true : undefined}
          maxLength={500}
          value={f.title}
          onChange={(e) => onChange({ title: e.target.value })}
        />
      </Labeled>
      <div className="flex flex-wrap gap-3">
        <Labeled label="Calendar">
          <select className={selectClass} aria-label="Calendar" value={f.calendarId} onChange={(e) => onChange({ calendarId: e.target.value })}>
            {writable.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </Labeled>
        <Labeled label="Status">
          <select className={selectClass} aria-label="Status" value={f.status} onChange={(e) => onChange({ status: e.target.value as EventForm['status'] })}>
            <option value="confirmed">Confirmed</option>
            <option value="tentative">Tentative</option>
            <option value="cancelled">Cancelled</option>
          </select>
        </Labeled>
        <label className="mt-5 flex items-center gap-2 text-[13px]">
          <input type="checkbox" aria-label="All day" checked={f.allDay} onChange={(e) => onChange({ allDay: e.target.checked })} />
          All day
        </label>
      </div>
      <div className="grid grid-cols-[3rem_9.5rem_8.5rem] items-center gap-x-2 gap-y-1.5 text-[12px] font-medium text-muted">
        <span aria-hidden>Starts</span>
        <input type="date" className={inputClass} aria-label="Start date" required value={f.startDate} onChange={(e) => setStartDate(e.target.value)} />
        {f.allDay ? (
          <span />
        ) : (
          <input type="time" className={inputClass} aria-label="Start time" value={f.startTime} onChange={(e) => onChange({ startTime: e.target.value })} />
        )}
        <span aria-hidden>Ends</span>
        <input
          type="date"
          className={inputClass}
          aria-label="End date"
          aria-invalid={errors.end ? true : undefined}
          required
          value={f.endDate}
          onChange={(e) => onChange({ endDate: e.target.value })}
        />
        {f.allDay ? (
          <span />
        ) : (
          <input
            type="time"
            className={inputClass}
            aria-label="End time"
            aria-invalid={errors.end ? true : undefined}
            value={f.endTime}
            onChange={(e) => onChange({ endTime: e.target.value })}
          />
        )}
        {errors.end ? (
          <p role="alert" className="col-span-3 text-danger">
            {errors.end}
          </p>
        ) : null}
      </div>
      {f.allDay ? null : (
        <Labeled label="Time zone" error={errors.zone}>
          {/* A datalist is a searchable list the browser draws: type "berl" and pick Europe/Berlin. */}
          <input
            className={inputClass}
            aria-label="Time zone"
            list="hearth-cal-zones"
            aria-invalid={errors.zone ? true : undefined}
            value={f.zone}
            onChange={(e) => onChange({ zone: e.target.value })}
          />
          <datalist id="hearth-cal-zones">
            <option value={FLOATING} />
            {allZones().map((z) => (
              <option key={z} value={z} />
            ))}
          </datalist>
        </Labeled>
      )}
      <RepeatField date={f.startDate} repeat={f.repeat} customRule={f.customRule} error={errors.rule} onChange={onChange} />
      <RemindersField alarms={f.alarms} error={errors.alarms} onChange={(alarms) => onChange({ alarms })} />
      <Labeled label="Location">
        <input className={inputClass} aria-label="Location" maxLength={1000} value={f.location} onChange={(e) => onChange({ location: e.target.value })} />
      </Labeled>
      <Labeled label="Description">
        <textarea
          className="field-input h-20 resize-y py-1.5 text-[13px]"
          aria-label="Description"
          value={f.description}
          onChange={(e) => onChange({ description: e.target.value })}
        />
      </Labeled>
      <Labeled label="Categories (comma-separated)">
        <input className={inputClass} aria-label="Categories" value={f.categories} onChange={(e) => onChange({ categories: e.target.value })} />
      </Labeled>
    </div>
  );
}
