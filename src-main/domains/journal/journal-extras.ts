import type { z } from 'zod';
import type { AttachInput, TemplateInput, TodayInput } from '../../../src-shared/domains/journal/journal.schemas';
import { BUILT_IN_TEMPLATES, localDateTime, renderTemplate } from '../../../src-shared/domains/journal/journal-text';
import { todayIn } from '../../../src-shared/lib/local-date';
import { AppError, notFound } from '../../../src-shared/ipc/result';
import { newId } from '../../lib/ids';
import type { JournalCore } from './journal-core';
import type { Entries } from './journal-entries';
import { tagsOf, toAttachment } from './journal-mapping';

export const ATTACHMENT_REF = { ownerDomain: 'journal', ownerTable: 'journal_attachments', role: 'attachment' } as const;

/** History, today's entry, templates and attachments. */
export function createExtras(core: JournalCore, entries: Entries) {
  const { ctx } = core;

  async function templates() {
    const own = await ctx.db().selectFrom('journal_templates').selectAll().where('deleted_at', 'is', null).orderBy('name').execute();
    return [
      ...BUILT_IN_TEMPLATES.map((t) => ({ ...t, id: builtInId(t.id), builtIn: true })),
      ...own.map((t) => ({ id: t.id, name: t.name, body: t.body, builtIn: false })),
    ];
  }

  return {
    templates,

    async versions(entryId: string) {
      await core.entryRow(entryId);
      const rows = await ctx
        .db()
        .selectFrom('journal_entry_versions')
        .selectAll()
        .where('entry_id', '=', entryId)
        .orderBy('saved_at', 'desc')
        .orderBy('id', 'desc')
        .limit(500)
        .execute();
      return rows.map((v) => ({ id: v.id, savedAt: v.saved_at, title: v.title, body: v.body, tags: tagsOf(v) }));
    },

    /** Restoring is itself an edit: the text being replaced becomes a version too, so a restore can be undone. */
    async restoreVersion(entryId: string, versionId: string) {
      const row = await core.entryRow(entryId);
      const v = await ctx.db().selectFrom('journal_entry_versions').selectAll().where('id', '=', versionId).where('entry_id', '=', entryId).executeTakeFirst();
      if (!v) throw notFound('version', versionId);
      const now = core.iso();
      await ctx.write(async (trx) => {
        await entries.keepVersion(trx, row, now, true);
        await trx
          .updateTable('journal_entries')
          .set({ title: v.title, body: v.body, tags: v.tags, deleted_at: null, updated_at: now })
          .where('id', '=', row.id)
          .execute();
      });
      return entries.full(row.id);
    },

    /** Today's entry in the journal (the first journal when none is named), created from the Daily template when missing. */
    async today(input: z.output<typeof TodayInput>) {
      const zone = input.timeZone ?? ctx.host.systemTimeZone();
      const journal = input.journalId
        ? await core.assertReadable(input.journalId)
        : await ctx
            .db()
            .selectFrom('journals')
            .selectAll()
            .where('deleted_at', 'is', null)
            .where('privacy', '=', 'normal')
            .orderBy('created_at')
            .executeTakeFirst();
      if (!journal) throw new AppError('NOT_FOUND', 'Create a journal first: there is nowhere to write today’s entry.');
      const date = todayIn(zone, ctx.now());
      const existing = await ctx
        .db()
        .selectFrom('journal_entries')
        .select('id')
        .where('journal_id', '=', journal.id)
        .where('entry_date', '=', date)
        .where('deleted_at', 'is', null)
        .orderBy('entry_at')
        .executeTakeFirst();
      if (existing) return entries.full(existing.id);
      const { time } = localDateTime(ctx.now(), zone);
      const body = renderTemplate(BUILT_IN_TEMPLATES[0].body, { date, time, journal: journal.name });
      return entries.create(
        { journalId: journal.id, title: null, body: '', timeZone: zone, tags: [], starred: false, mood: null, metrics: {}, location: null },
        body,
      );
    },

    /** The body a new entry starts with from a template (built-in or the user's). */
    async templateBody(templateId: string, journalName: string, zone: string): Promise<string> {
      const t = (await templates()).find((x) => x.id === templateId);
      if (!t) throw notFound('template', templateId);
      const { date, time } = localDateTime(ctx.now(), zone);
      return renderTemplate(t.body, { date, time, journal: journalName });
    },

    async saveTemplate(input: z.output<typeof TemplateInput>) {
      const now = core.iso();
      if (input.id && (await templates()).some((t) => t.id === input.id && t.builtIn)) {
        throw new AppError('CONFLICT', 'Built-in templates cannot be changed; save it under a new name.');
      }
      const id = input.id ?? newId();
      await ctx.write(async (trx) => {
        const found = input.id ? await trx.selectFrom('journal_templates').select('id').where('id', '=', id).executeTakeFirst() : undefined;
        if (input.id && !found) throw notFound('template', id);
        if (found) await trx.updateTable('journal_templates').set({ name: input.name, body: input.body, updated_at: now }).where('id', '=', id).execute();
        else
          await trx
            .insertInto('journal_templates')
            .values({ id, name: input.name, body: input.body, created_at: now, updated_at: now, deleted_at: null })
            .execute();
      });
      return { id, name: input.name, body: input.body, builtIn: false };
    },

    async deleteTemplate(id: string) {
      const t = await ctx.db().selectFrom('journal_templates').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
      if (!t) throw notFound('template', id);
      const now = core.iso();
      await ctx.write((trx) => trx.updateTable('journal_templates').set({ deleted_at: now, updated_at: now }).where('id', '=', id).execute());
      return { id, name: t.name, body: t.body, builtIn: false };
    },

    /** Claims an uploaded blob as an attachment; images get their thumbnail made (outside the write: libvips is slow). */
    async attach(input: z.output<typeof AttachInput>) {
      const entry = await core.entryRow(input.entryId);
      if (entry.deleted_at) throw new AppError('CONFLICT', 'This entry is in the trash. Restore it before adding files.');
      const store = ctx.host.blobs().store;
      const blob = await store.get(input.blobId);
      const thumb = await store.thumbnail(blob.id).catch(() => null);
      const id = newId();
      const now = core.iso();
      await ctx.write(async (trx) => {
        const pos = await trx
          .selectFrom('journal_attachments')
          .select((eb) => eb.fn.max('position').as('m'))
          .where('entry_id', '=', entry.id)
          .executeTakeFirst();
        await trx
          .insertInto('journal_attachments')
          .values({
            id,
            entry_id: entry.id,
            blob_id: blob.id,
            thumbnail_blob_id: thumb,
            name: input.name,
            mime: blob.mime,
            size: blob.size,
            position: Number(pos?.m ?? -1) + 1,
            created_at: now,
            updated_at: now,
            deleted_at: null,
          })
          .execute();
        await store.addRef(trx, { ...ATTACHMENT_REF, ownerId: id, blobId: blob.id });
        await trx.updateTable('journal_entries').set({ updated_at: now }).where('id', '=', entry.id).execute();
      });
      const row = await ctx.db().selectFrom('journal_attachments').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      return toAttachment(row);
    },

    async detach(id: string) {
      const row = await ctx.db().selectFrom('journal_attachments').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
      if (!row) throw notFound('attachment', id);
      await core.entryRow(row.entry_id);
      const now = core.iso();
      await ctx.write(async (trx) => {
        await trx.updateTable('journal_attachments').set({ deleted_at: now, updated_at: now }).where('id', '=', id).execute();
        await ctx.host.blobs().store.removeRef(trx, { ...ATTACHMENT_REF, ownerId: id, blobId: row.blob_id });
      });
      return toAttachment(row);
    },
  };
}

/** Built-in templates have fixed ULID-shaped ids so the contract's Id schema accepts them. */
export function builtInId(name: string): string {
  const n = BUILT_IN_TEMPLATES.findIndex((t) => t.id === name);
  return `0000000000000000000000000${n}`;
}
