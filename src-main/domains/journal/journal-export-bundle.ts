import type { z } from 'zod';
import type { ExportInput } from '../../../src-shared/domains/journal/journal.schemas';
import type { JournalCore } from './journal-core';
import { tagsOf } from './journal-mapping';
import type { ExportBundle } from './io/model';

/**
 * What an export holds: the journals asked for (all readable ones by default; locked journals only when
 * asked AND open), their live entries in the date range, oldest first, with their attachments.
 */
export async function buildBundle(core: JournalCore, input: z.output<typeof ExportInput>): Promise<ExportBundle> {
  const db = core.ctx.db();
  let ids: string[];
  if (input.journalIds?.length) {
    ids = [];
    for (const id of input.journalIds) ids.push((await core.assertReadable(id)).id);
  } else {
    ids = await core.readableJournalIds(input.includeLocked);
  }
  if (ids.length === 0) return { journals: [], entries: [] };
  const journals = await db.selectFrom('journals').selectAll().where('id', 'in', ids).orderBy('created_at').execute();
  let q = db.selectFrom('journal_entries').selectAll().where('journal_id', 'in', ids).where('deleted_at', 'is', null);
  if (input.from) q = q.where('entry_date', '>=', input.from);
  if (input.to) q = q.where('entry_date', '<=', input.to);
  const rows = await q.orderBy('entry_at').execute();
  const atts = new Map<string, { id: string; name: string; mime: string; size: number; blobId: string }[]>();
  for (let i = 0; i < rows.length; i += 500) {
    const part = await db
      .selectFrom('journal_attachments')
      .selectAll()
      .where(
        'entry_id',
        'in',
        rows.slice(i, i + 500).map((r) => r.id),
      )
      .where('deleted_at', 'is', null)
      .orderBy('position')
      .execute();
    for (const a of part) atts.set(a.entry_id, [...(atts.get(a.entry_id) ?? []), { id: a.id, name: a.name, mime: a.mime, size: a.size, blobId: a.blob_id }]);
  }
  return {
    journals: journals.map((j) => ({ id: j.id, name: j.name, color: j.color, icon: j.icon, metrics: JSON.parse(j.metrics) as unknown })),
    entries: rows.map((r) => ({
      id: r.id,
      journalId: r.journal_id,
      title: r.title,
      body: r.body,
      entryAt: r.entry_at,
      timeZone: r.time_zone,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      tags: tagsOf(r),
      starred: r.starred === 1,
      mood: r.mood,
      metrics: JSON.parse(r.metrics) as Record<string, number | boolean>,
      location: r.location,
      attachments: atts.get(r.id) ?? [],
    })),
  };
}
