import { z } from 'zod';
import { JOURNAL_COLORS, JOURNAL_LIMITS, JournalColor, JournalIcon, MetricDef } from '../../../src-shared/domains/journal/journal.schemas';
import { normalizeTags } from '../../../src-shared/domains/journal/journal-text';
import { isValidTimeZone } from '../../../src-shared/lib/local-date';
import { newId } from '../../lib/ids';
import type { JournalCore, JournalCtx } from './journal-core';
import { insertEntries, type NewEntry } from './journal-entries';
import { ATTACHMENT_REF } from './journal-extras';
import type { ImportFormat, ParsedEntry, ParsedImport, ParsedNotebook } from './io/model';

/** Which family a format's source ids belong to: re-importing the same export (any of its shapes) finds the same keys. */
const FAMILY: Record<ImportFormat, string> = {
  'dayone-json': 'dayone',
  'dayone-zip': 'dayone',
  'joplin-jex': 'joplin',
  'joplin-raw': 'joplin',
  markdown: 'markdown',
  'standard-notes': 'standard-notes',
  'hearth-markdown': 'hearth',
  'hearth-json': 'hearth',
};
/** Journals are flat: a nested notebook becomes one journal named by its path ("Personal/Travel"). */
export function notebookNames(parsed: ParsedImport): Map<string, string> {
  const byId = new Map(parsed.notebooks.map((n) => [n.sourceId, n]));
  const names = new Map<string, string>();
  for (const n of parsed.notebooks) {
    const parts: string[] = [];
    const seen = new Set<string>();
    for (let cur: typeof n | undefined = n; cur && !seen.has(cur.sourceId); cur = cur.parentSourceId ? byId.get(cur.parentSourceId) : undefined) {
      seen.add(cur.sourceId); // a parent loop in a hostile file ends here
      parts.unshift(cur.name.trim() || 'Untitled');
    }
    names.set(n.sourceId, parts.join('/').slice(0, 200));
  }
  return names;
}

const sourceKey = (format: ImportFormat, e: ParsedEntry): string => `${FAMILY[format]}:${e.sourceId}`;
const IMAGE = /^image\/(jpeg|png|webp|gif|avif|tiff)$/;
const MAX_THUMBNAILS = 2000;

/** Source ids of parsed entries already in the profile (imported before, or Hearth's own entries by id). */
export async function duplicatesOf(ctx: JournalCtx, parsed: ParsedImport): Promise<Set<string>> {
  const dup = new Set<string>();
  const keys = parsed.entries.map((e) => sourceKey(parsed.format, e));
  const ids = parsed.entries.map((e) => e.sourceId);
  for (let i = 0; i < keys.length; i += 500) {
    const k = keys.slice(i, i + 500);
    const rows = await ctx.db().selectFrom('journal_entries').select('source').where('source', 'in', k).where('deleted_at', 'is', null).execute();
    for (const r of rows) if (r.source) dup.add(r.source.slice(r.source.indexOf(':') + 1));
    if (FAMILY[parsed.format] === 'hearth') {
      const own = await ctx
        .db()
        .selectFrom('journal_entries')
        .select('id')
        .where('id', 'in', ids.slice(i, i + 500))
        .where('deleted_at', 'is', null)
        .execute();
      for (const r of own) dup.add(r.id);
    }
  }
  return dup;
}

/**
 * Stores the attachments' bytes (outside the transaction: the blob store streams to files), then writes
 * journals, entries, attachment rows and their blob refs in ONE write: an import lands whole or not at
 * all. Bodies' `attachment:<source id>` links are rewritten to the new attachment ids.
 */
export async function commitImport(core: JournalCore, parsed: ParsedImport, opts: { journalId?: string; skip: Set<string> }) {
  const { ctx } = core;
  const store = ctx.host.blobs().store;
  const wanted = parsed.entries.filter((e) => !opts.skip.has(e.sourceId));
  const used = new Set(wanted.flatMap((e) => e.attachmentIds));
  const blobs = new Map<string, { id: string; size: number; mime: string; name: string }>();
  for (const a of parsed.attachments) {
    if (!a.bytes || !used.has(a.sourceId)) continue;
    const put = await store.put([a.bytes], a.mime ? { mime: a.mime } : {});
    blobs.set(a.sourceId, { ...put, name: a.name });
  }
  const zone = ctx.host.systemTimeZone();
  const now = core.iso();
  const made: { attId: string; blobId: string; mime: string }[] = [];

  const result = await ctx.write(async (trx) => {
    const journals = await trx.selectFrom('journals').select(['id', 'name']).where('deleted_at', 'is', null).execute();
    const byName = new Map(journals.map((j) => [j.name.toLocaleLowerCase(), j.id]));
    let createdJournals = 0;
    const journalFor = async (name: string, nb: ParsedNotebook | undefined): Promise<string> => {
      const found = byName.get(name.toLocaleLowerCase());
      if (found) return found;
      const id = newId();
      // Hearth's own exports carry the journal's colour, icon and check-in definitions; anything unknown falls back.
      const color = JournalColor.safeParse(nb?.color);
      const icon = JournalIcon.safeParse(nb?.icon);
      const metrics = z
        .array(MetricDef)
        .max(JOURNAL_LIMITS.metrics)
        .safeParse(nb?.metrics ?? []);
      await trx
        .insertInto('journals')
        .values({
          id,
          name,
          // Journals from another app get colours in turn, so they can be told apart in the sidebar.
          color: color.success ? color.data : JOURNAL_COLORS[(byName.size + 1) % JOURNAL_COLORS.length]!,
          icon: icon.success ? icon.data : 'book',
          privacy: 'normal',
          metrics: JSON.stringify(metrics.success ? metrics.data : []),
          created_at: now,
          updated_at: now,
          deleted_at: null,
        })
        .execute();
      if (!metrics.success) parsed.warnings.push(`The check-ins of "${name}" could not be read and were left out.`);
      byName.set(name.toLocaleLowerCase(), id);
      createdJournals++;
      return id;
    };
    const names = notebookNames(parsed);
    const notebooks = new Map(parsed.notebooks.map((n) => [n.sourceId, n]));
    const fallback = fallbackJournalName(parsed.format);
    const rows: NewEntry[] = [];
    const attIds: Map<string, string>[] = [];
    for (const e of wanted) {
      const nb = e.notebookSourceId ? notebooks.get(e.notebookSourceId) : undefined;
      const journalId = opts.journalId ?? (await journalFor((e.notebookSourceId && names.get(e.notebookSourceId)) || fallback, nb));
      const ids = new Map(e.attachmentIds.filter((s) => blobs.has(s)).map((s) => [s, newId()]));
      attIds.push(ids);
      const body = e.body.replace(/attachment:([^\s)"'>\]]+)/g, (whole, src: string) => (ids.has(src) ? `attachment:${ids.get(src)}` : whole));
      rows.push({
        journal_id: journalId,
        title: e.title?.trim() || null,
        body,
        entry_at: e.entryAt,
        time_zone: e.timeZone && isValidTimeZone(e.timeZone) ? e.timeZone : zone,
        tags: JSON.stringify(normalizeTags(e.tags)),
        starred: e.starred ? 1 : 0,
        mood: e.mood,
        metrics: JSON.stringify(e.metrics),
        location: e.location,
        extra: JSON.stringify({ ...e.extra, ...(e.pinned && { pinned: true }), ...(e.archived && { archived: true }) }),
        source: sourceKey(parsed.format, e),
        created_at: e.createdAt ?? now,
        updated_at: e.updatedAt ?? now,
      });
    }
    const inserted = await insertEntries(trx, rows, now);
    let attachments = 0;
    for (const [i, row] of inserted.entries()) {
      let position = 0;
      for (const [src, attId] of attIds[i]!) {
        const b = blobs.get(src)!;
        await trx
          .insertInto('journal_attachments')
          .values({
            id: attId,
            entry_id: row.id,
            blob_id: b.id,
            thumbnail_blob_id: null,
            name: b.name,
            mime: b.mime,
            size: b.size,
            position: position++,
            created_at: now,
            updated_at: now,
            deleted_at: null,
          })
          .execute();
        await store.addRef(trx, { ...ATTACHMENT_REF, ownerId: attId, blobId: b.id });
        made.push({ attId, blobId: b.id, mime: b.mime });
        attachments++;
      }
    }
    return { journals: createdJournals, entries: inserted.length, attachments, skipped: parsed.entries.length - wanted.length + parsed.skipped.length };
  });
  await thumbnails(core, made);
  return result;
}

/** Previews for imported photos, after the import committed (best effort: a bad photo keeps no preview). */
async function thumbnails(core: JournalCore, made: { attId: string; blobId: string; mime: string }[]): Promise<void> {
  const store = core.ctx.host.blobs().store;
  for (const m of made.filter((x) => IMAGE.test(x.mime)).slice(0, MAX_THUMBNAILS)) {
    const thumb = await store.thumbnail(m.blobId).catch(() => null);
    if (thumb) await core.ctx.write((trx) => trx.updateTable('journal_attachments').set({ thumbnail_blob_id: thumb }).where('id', '=', m.attId).execute());
  }
}

/** The journal for entries that come without a notebook (Day One, Markdown folders): "Imported from Day One". */
export function fallbackJournalName(format: ImportFormat): string {
  return `Imported from ${formatLabel(format)}`;
}

function formatLabel(format: ImportFormat): string {
  return { dayone: 'Day One', joplin: 'Joplin', markdown: 'Markdown', 'standard-notes': 'Standard Notes', hearth: 'Hearth' }[FAMILY[format]] ?? format;
}
