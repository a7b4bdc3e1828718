import { Download } from 'lucide-react';
import { useState } from 'react';
import type { Calendar } from '../../../../src-shared/domains/calendar/calendar.schemas';
import { describeError } from '../../../lib/errors';
import { downloadNotice, downloadUrl } from '../../../lib/files';
import { Button } from '../../../ui/Button';
import { Callout } from '../../../ui/Callout';
import { Modal, ModalActions } from '../../../ui/Modal';
import { inputClass, Labeled, selectClass } from './controls';
import { exportCalendars, subscribe, updateCalendar } from './editor-data';

/** Runs an action with busy and error state; the dialog closes (or shows `done`) when it succeeds. */
function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (fn: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await fn();
    } catch (err) {
      setError(describeError(err));
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run };
}

/** Export one calendar or all as one .ics file, downloaded by ticket. */
export function ExportIcsDialog({ calendars, selectedCalendarId, onClose }: { calendars: Calendar[]; selectedCalendarId: string | null; onClose(): void }) {
  const selected = calendars.find((c) => c.id === selectedCalendarId) ?? null;
  const [which, setWhich] = useState<string>(selected?.id ?? '');
  const [done, setDone] = useState<string | null>(null);
  const { busy, error, run } = useAction();
  const go = () =>
    run(async () => {
      const r = await exportCalendars(which ? [which] : undefined);
      downloadUrl(r.name, r.url);
      setDone(`${r.events} ${r.events === 1 ? 'event' : 'events'} exported. ${downloadNotice('The file', r.name)}`);
    });
  return (
    <Modal
      open
      onOpenChange={(o) => !o && onClose()}
      title="Export calendar"
      description="An .ics file any calendar app opens. It is not encrypted: keep it somewhere safe."
    >
      <Labeled label="Calendar">
        <select className={selectClass} aria-label="Calendar to export" value={which} onChange={(e) => setWhich(e.target.value)}>
          <option value="">All calendars</option>
          {calendars.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </Labeled>
      {done ? <Callout className="mt-3">{done}</Callout> : null}
      {error ? (
        <Callout tone="danger" className="mt-3">
          {error}
        </Callout>
      ) : null}
      <ModalActions>
        <Button onClick={onClose}>{done ? 'Close' : 'Cancel'}</Button>
        <Button variant="primary" icon={Download} busy={busy} onClick={() => void go()}>
          Export
        </Button>
      </ModalActions>
    </Modal>
  );
}

/** Subscribe to an ICS URL (http, https, webcal): a read-only calendar refreshed every so often. */
export function SubscribeDialog({ onClose }: { onClose(): void }) {
  const [url, setUrl] = useState('');
  const [name, setName] = useState('');
  const [refresh, setRefresh] = useState(60);
  const { busy, error, run } = useAction();
  const go = () =>
    run(async () => {
      await subscribe({ url: url.trim(), name: name.trim() || undefined, refreshMinutes: refresh });
      onClose();
    });
  return (
    <Modal
      open
      onOpenChange={(o) => !o && onClose()}
      title="Subscribe to a calendar"
      description="Holidays, sports, a shared schedule: Hearth fetches the URL now and then. The calendar is read-only."
    >
      <form className="flex flex-col gap-3" onSubmit={(e) => (e.preventDefault(), void go())}>
        <Labeled label="URL">
          <input
            autoFocus
            type="url"
            className={inputClass}
            aria-label="Subscription URL"
            placeholder="webcal://example.com/holidays.ics"
            maxLength={2048}
            value={url}
            onChange={(e) => setUrl(e.target.value)}
          />
        </Labeled>
        <Labeled label="Name (optional)">
          <input className={inputClass} aria-label="Subscription name" maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />
        </Labeled>
        <Labeled label="Refresh">
          <select className={selectClass} aria-label="Refresh every" value={refresh} onChange={(e) => setRefresh(Number(e.target.value))}>
            <option value={15}>Every 15 minutes</option>
            <option value={60}>Every hour</option>
            <option value={360}>Every 6 hours</option>
            <option value={1440}>Every day</option>
          </select>
        </Labeled>
        {error ? <Callout tone="danger">{error}</Callout> : null}
        <ModalActions>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" busy={busy} disabled={!url.trim()}>
            Subscribe
          </Button>
        </ModalActions>
      </form>
    </Modal>
  );
}

/** Publish a calendar to an .ics file on disk, rewritten on every change (for other apps to read). */
export function PublishDialog({ calendar, onClose }: { calendar: Calendar; onClose(): void }) {
  const [path, setPath] = useState(calendar.publishPath ?? '');
  const { busy, error, run } = useAction();
  const save = (publishPath: string | null) =>
    run(async () => {
      await updateCalendar({ id: calendar.id, publishPath });
      onClose();
    });
  return (
    <Modal
      open
      onOpenChange={(o) => !o && onClose()}
      title={`Publish “${calendar.name}” to a file`}
      description="Hearth rewrites this .ics file whenever the calendar changes. The file is not encrypted."
    >
      <form className="flex flex-col gap-3" onSubmit={(e) => (e.preventDefault(), void save(path.trim() || null))}>
        <Labeled label="File path">
          <input
            autoFocus
            className={`${inputClass} font-mono`}
            aria-label="Publish path"
            placeholder="/home/me/Public/family.ics"
            maxLength={4096}
            value={path}
            onChange={(e) => setPath(e.target.value)}
          />
        </Labeled>
        {error ? <Callout tone="danger">{error}</Callout> : null}
        <ModalActions>
          {calendar.publishPath ? (
            <Button variant="danger-outline" className="mr-auto" onClick={() => void save(null)}>
              Stop publishing
            </Button>
          ) : null}
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" busy={busy} disabled={!path.trim()}>
            Publish
          </Button>
        </ModalActions>
      </form>
    </Modal>
  );
}
