/**
 * Test-only helpers for the calendar tests: a real encrypted profile (testCore) with a pinned clock and zone, the
 * typed client, and `upload` that stores bytes the way a front door's upload ticket does.
 */
import { Readable } from 'node:stream';
import { PASSWORD, testCore } from '../../test/helpers';

export async function setupCalendar(nowIso = '2026-03-15T09:30:00Z', zone = 'Europe/Berlin', root?: string) {
  let nowMs = Date.parse(nowIso);
  const core = testCore(root, { now: () => nowMs, systemTimeZone: () => zone });
  await core.client.profile.create({ name: 'Planner', password: PASSWORD });
  const c = core.client.calendar;
  const upload = async (bytes: Uint8Array | string): Promise<string> => {
    const t = await core.client.blobs.uploadTicket({ maxBytes: 70 * 1024 * 1024 });
    return (await core.blobs().upload(t.ticket, Readable.from([Buffer.from(bytes)]))).id;
  };
  /** The text of an export, read back from the encrypted store. */
  const download = async (blobId: string): Promise<string> => {
    const parts: Buffer[] = [];
    for await (const chunk of await core.blobs().store.open(blobId)) parts.push(chunk as Buffer);
    return Buffer.concat(parts).toString('utf8');
  };
  return { core, c, upload, download, setNow: (iso: string) => (nowMs = Date.parse(iso)) };
}
export type CalendarSetup = Awaited<ReturnType<typeof setupCalendar>>;
