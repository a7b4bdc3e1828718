import { AppError } from '../../../src-shared/ipc/result';
import type { EmailCore } from './email-core';
import type { EmailHandlers } from './email-parts';
import { formatAddress, isoOrNull, liveMessage, messageBytes } from './email-rows';
import { calendarParts, extractAttachment } from './ingest/read-message';

type LinkHandlers = Pick<EmailHandlers, 'attachmentToFiles' | 'eventFromInvite' | 'taskFromMessage'>;

/** A task's title is capped here (goals' limit). */
const TITLE_MAX = 500;
/** The calendar an invitation goes into when there is no writable local calendar yet. */
const INVITES_CALENDAR = 'Invitations';

/** A file name Files accepts: one segment, no slashes or control characters, not `.`/`..`. */
export function safeFileName(name: string, fallback: string): string {
  const clean = name
    .replace(/[/\\\p{Cc}]/gu, '_')
    .trim()
    .slice(0, 200);
  return clean === '' || clean === '.' || clean === '..' ? fallback : clean;
}

/** The first VEVENT's SUMMARY of an iCalendar text (lines unfolded, escapes undone), '' when none. */
export function icsSummary(ics: string): string {
  const unfolded = ics.replace(/\r?\n[ \t]/g, '');
  const event = unfolded.slice(Math.max(0, unfolded.search(/^BEGIN:VEVENT/m)));
  const m = /^SUMMARY(?:;[^:\r\n]*)?:(.*)$/m.exec(event);
  return (m?.[1] ?? '')
    .trim()
    .replace(/\\([,;\\])/g, '$1')
    .replace(/\\[nN]/g, ' ');
}

/** Links to the rest of Hearth, only through their own ops (`ctx.host.app()`): an attachment into Files, an invitation into the calendar, a task. */
export function createLinks(core: EmailCore): { handlers: LinkHandlers } {
  const { ctx } = core;
  const app = () => ctx.host.app();
  /** Bytes into the encrypted store, unowned until the other module's op claims them (as the CLI's `files add` does). */
  const store = async (bytes: Uint8Array, mime: string): Promise<string> => (await ctx.host.blobs().store.put([Buffer.from(bytes)], { mime })).id;

  /** A writable local calendar to add invitations to, made when there is none. */
  async function inviteCalendar(): Promise<string> {
    const calendars = await app().calendar.listCalendars();
    const local = calendars.find((c) => c.source === 'local' && !c.readOnly);
    return local ? local.id : (await app().calendar.createCalendar({ name: INVITES_CALENDAR })).id;
  }

  const handlers: LinkHandlers = {
    async attachmentToFiles({ id, part, folderId }) {
      const r = await liveMessage(core, id);
      const found = await extractAttachment(await messageBytes(core, r), part);
      const blobId = await store(found.bytes, found.mime || 'application/octet-stream');
      const { file } = await app().files.add({ blobId, name: safeFileName(found.name, `attachment-${part}`), folderId: folderId ?? null });
      return { id: file.id, kind: 'file', title: file.name };
    },

    async eventFromInvite({ id }) {
      const r = await liveMessage(core, id);
      const [ics] = await calendarParts(await messageBytes(core, r));
      if (!ics) throw new AppError('NOT_FOUND', 'This message has no invitation');
      const calendarId = await inviteCalendar();
      const blobId = await store(Buffer.from(ics, 'utf8'), 'text/calendar');
      const preview = await app().calendar.importPreview({ blobId, calendarId, fileName: 'invitation.ics' });
      // An invitation imported before (same UID) is kept as it is: the link then points at that event.
      await app().calendar.importCommit({ previewId: preview.previewId, duplicates: 'skip' });
      const title = icsSummary(ics) || r.subject || 'Invitation';
      const hits = await app().calendar.search({ query: title.slice(0, 200), limit: 50 });
      const hit = hits.find((h) => h.calendarId === calendarId && h.title === title) ?? hits.find((h) => h.calendarId === calendarId);
      if (!hit) throw new AppError('INTERNAL', 'The invitation was imported but its event was not found.');
      return { id: hit.eventId, kind: 'event', title: hit.title };
    },

    async taskFromMessage({ id }) {
      const r = await liveMessage(core, id);
      const title = (r.subject.trim() || '(no subject)').slice(0, TITLE_MAX);
      const from = formatAddress({ name: r.from_name, address: r.from_addr });
      const date = isoOrNull(r.date_ms);
      const head = [from ? `From: ${from}` : '', date ? `Date: ${date}` : ''].filter((l) => l !== '').join('\n');
      const notes = [head, r.snippet].filter((l) => l !== '').join('\n\n');
      const task = await app().goals.createTask({ title, notes });
      return { id: task.id, kind: 'task', title: task.title };
    },
  };
  return { handlers };
}
