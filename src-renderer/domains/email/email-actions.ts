import { describeError } from '../../lib/errors';
import { downloadNotice, downloadUrl } from '../../lib/files';
import { emailApi } from './email-api';
import { say } from './email.store';

/**
 * What the message pane's buttons do: downloads by ticket (attachments, the PDF) and the links into the rest of
 * Hearth (Files, Calendar, Goals). Each ends with a notice; the links' notice offers to open what was made.
 */

async function attempt(fn: () => Promise<void>): Promise<void> {
  try {
    await fn();
  } catch (err) {
    say(describeError(err), 'danger');
  }
}

export const saveAttachment = (id: string, part: string): Promise<void> =>
  attempt(async () => {
    const r = await emailApi.attachment({ id, part });
    downloadUrl(r.name, r.url);
    say(downloadNotice('The attachment', r.name));
  });

export const attachmentToFiles = (id: string, part: string): Promise<void> =>
  attempt(async () => {
    const r = await emailApi.attachmentToFiles({ id, part });
    say(`“${r.title}” is in Files.`, 'success', { domain: 'files', id: r.id });
  });

export const addToCalendar = (id: string): Promise<void> =>
  attempt(async () => {
    const r = await emailApi.eventFromInvite({ id });
    say(`“${r.title}” is on the calendar.`, 'success', { domain: 'calendar', id: r.id });
  });

export const makeTask = (id: string): Promise<void> =>
  attempt(async () => {
    const r = await emailApi.taskFromMessage({ id });
    say(`Task made: “${r.title}”.`, 'success', { domain: 'goals', id: r.id });
  });

export const savePdf = (id: string, thread: boolean): Promise<void> =>
  attempt(async () => {
    const r = await emailApi.pdf({ id, thread });
    downloadUrl(r.name, r.url);
    say(downloadNotice(`The PDF (${r.pages} ${r.pages === 1 ? 'page' : 'pages'})`, r.name));
  });
