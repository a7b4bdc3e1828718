import type { Kysely } from 'kysely';
import type { emailContract } from '../../../src-shared/domains/email/email.contract';
import type { Database } from '../../db/database';
import { newId, nowIso } from '../../lib/ids';
import type { DomainContext } from '../../platform/context';
import { createPacks, type Packs } from './email-packs';

export type EmailCtx = DomainContext<typeof emailContract>;

/** What every part of the email module shares: the context, the clock, the packs and folder lookup. */
export function createEmailCore(ctx: EmailCtx) {
  const iso = (): string => nowIso(() => ctx.now());
  const packs: Packs = createPacks(() => ctx.host.blobs().store);

  /** The next FTS document number of `email_messages`: given once, never reused. */
  async function nextDoc(trx: Kysely<Database>): Promise<number> {
    const r = await trx
      .selectFrom('email_messages')
      .select((eb) => eb.fn.max<number>('doc').as('m'))
      .executeTakeFirst();
    return Number(r?.m ?? 0) + 1;
  }

  /** The live folder at `path` ('Archive/2019'), made inside this write when it does not exist yet. */
  async function folderId(trx: Kysely<Database>, path: string): Promise<string> {
    const clean = normaliseFolder(path);
    const row = await trx.selectFrom('email_folders').select('id').where('path', '=', clean).where('deleted_at', 'is', null).executeTakeFirst();
    if (row) return row.id;
    const now = iso();
    const id = newId();
    await trx.insertInto('email_folders').values({ id, path: clean, created_at: now, updated_at: now, deleted_at: null }).execute();
    return id;
  }

  return { ctx, iso, packs, nextDoc, folderId };
}
export type EmailCore = ReturnType<typeof createEmailCore>;

/** 'a//b/' → 'a/b'; '' → 'Inbox'. Segments keep their case; '/' is the only separator. */
export function normaliseFolder(path: string): string {
  const parts = path
    .split('/')
    .map((p) => p.trim())
    .filter((p) => p !== '' && p !== '.' && p !== '..');
  return parts.length === 0 ? 'Inbox' : parts.join('/').slice(0, 1024);
}
