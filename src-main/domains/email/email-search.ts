import { sql, type RawBuilder } from 'kysely';
import type { z } from 'zod';
import { parseEmailQuery, type EmailQueryPart } from '../../../src-shared/domains/email/email-query';
import type { SearchInput, SearchResult } from '../../../src-shared/domains/email/email.schemas';
import { AppError } from '../../../src-shared/ipc/result';
import { ftsMatch, ftsPhrase } from '../../../src-shared/lib/fts-query';
import { snippetOf } from '../../../src-shared/domains/journal/snippet';
import { startOfDayIn } from '../../../src-shared/lib/local-date';
import type { EmailCore } from './email-core';
import { toSummary } from './email-rows';
import type { EmailFtsTable, EmailMessageTable } from './email.table';

/**
 * Email search: the query language of `email-query.ts` over `email_fts` (FTS5 in the encrypted database, rowid =
 * `email_messages.doc`) and filters on `email_messages`.
 *
 * Speed (p95 < 30 ms over 100,000 messages): FTS5 drives (CROSS JOIN keeps the planner from starting at the rows)
 * and walks its matches in rowid order, newest stored first, in ONE statement that ranks (bm25) and counts the newest
 * TOTAL_CAP matches passing the filters: every MATCH costs a merge of a prefix term's doclists, so it runs once. Rows
 * are read for one page only, and highlights are made from the indexed text (snippetOf, as the journal does) rather
 * than by FTS5's snippet(), which would merge again per row. A query of operators only walks `email_messages`.
 */

/**
 * The newest this-many matches are ranked and counted: a total above it reads as this number and pages reach no
 * further. Measured on the generated sample mail (20,000 messages of ~10 KB): 10,000 cost ~50 % more per search
 * for words in most messages, where 2,000 already gives a page of good hits.
 */
export const TOTAL_CAP = 2000;
/** Column weights for bm25: subject, participants, body, attachments. */
const WEIGHTS = sql.raw('8.0, 4.0, 1.0, 0.5');

type Filter = RawBuilder<unknown>;

interface Compiled {
  positive: string[];
  negative: string[];
  filters: Filter[];
}

/** A value lower-cased with LIKE's wildcards escaped (matched with ESCAPE '\'). */
const likeText = (value: string): string => value.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`);
const isAscii = (s: string): boolean => /^[\x20-\x7e]*$/.test(s);

function likeAny(columns: string[], value: string): Filter {
  const pattern = `%${likeText(value)}%`;
  return sql`(${sql.join(
    columns.map((c) => sql`${sql.ref(c)} LIKE ${pattern} ESCAPE '\\'`),
    sql` OR `,
  )})`;
}

const hasLabel = (label: string): Filter =>
  sql`EXISTS (SELECT 1 FROM json_each(m.labels_json) j WHERE lower(j.value) = lower(${label}) OR lower(replace(j.value, ' ', '-')) = lower(${label}))`;

/** The folder itself ('Archive'), its sub-folders ('Archive/2019') and any folder whose last segment it is ('Work/Archive'). */
const inFolder = (folder: string): Filter =>
  sql`EXISTS (SELECT 1 FROM email_provenance p JOIN email_folders f ON f.id = p.folder_id
    WHERE p.message_id = m.id AND p.deleted_at IS NULL AND f.deleted_at IS NULL
    AND (lower(f.path) = lower(${folder}) OR lower(f.path) LIKE ${`${likeText(folder)}/%`} ESCAPE '\\'
      OR lower(f.path) LIKE ${`%/${likeText(folder)}`} ESCAPE '\\'))`;

/** Turns parsed parts into FTS phrases (positive, negative) and row filters. */
export function compile(parts: readonly EmailQueryPart[], zone: string): Compiled {
  const out: Compiled = { positive: [], negative: [], filters: [] };
  const dayStart = (date: string): number => {
    try {
      return startOfDayIn(zone, date);
    } catch {
      throw new AppError('INVALID_INPUT', `The date ${date} cannot be searched.`);
    }
  };
  for (const p of parts) {
    const phrase = (column?: string) => ftsPhrase(p.words, { prefix: p.prefix, column });
    const not = (f: Filter): Filter => (p.negated ? sql`NOT ${f}` : f);
    switch (p.op) {
      case 'text':
      case 'subject':
        (p.negated ? out.negative : out.positive).push(phrase(p.op === 'subject' ? 'subject' : undefined));
        break;
      case 'from':
      case 'to': {
        const columns = p.op === 'from' ? ['m.from_name', 'm.from_addr'] : ['m.to_json', 'm.cc_json'];
        if (!p.negated) out.positive.push(phrase('participants'));
        // The index finds the candidates; the columns tell sender from recipients (plain ASCII: LIKE folds case).
        if (p.negated || isAscii(p.value)) out.filters.push(not(likeAny(columns, p.value)));
        break;
      }
      case 'has':
        out.filters.push(not(p.value === 'invite' ? sql`m.has_calendar = 1` : sql`m.attachment_count > 0`));
        break;
      case 'label':
        out.filters.push(not(hasLabel(p.value)));
        break;
      case 'in':
        out.filters.push(not(inFolder(p.value)));
        break;
      case 'before':
      case 'after': {
        const ms = dayStart(p.value);
        const before = (p.op === 'before') !== p.negated;
        out.filters.push(before ? sql`m.date_ms < ${ms}` : sql`m.date_ms >= ${ms}`);
        break;
      }
    }
  }
  return out;
}

/** The searched words as snippetOf reads them (words, "phrases"), to mark them in the hit's text. */
const markQuery = (parts: readonly EmailQueryPart[]): string =>
  parts
    .filter((p) => !p.negated && p.words.length > 0)
    .map((p) => (p.phrase ? `"${p.words.join(' ')}"` : p.words[0]))
    .join(' ');

const where = (filters: Filter[]): Filter => (filters.length === 0 ? sql`1` : sql.join(filters, sql` AND `));

/** The search op. */
export function createSearch(core: EmailCore) {
  const { ctx } = core;

  async function search(input: z.output<typeof SearchInput>): Promise<z.input<typeof SearchResult>> {
    const limit = input.limit ?? 50;
    const offset = input.offset ?? 0;
    const parts = parseEmailQuery(input.query);
    if (parts.length === 0) return { hits: [], total: 0 };
    const c = compile(parts, ctx.host.systemTimeZone());
    const match = ftsMatch(c.positive, c.negative);
    const filters = [sql`m.deleted_at IS NULL`, ...c.filters];
    // Only exclusions: no FTS5 left side for NOT, so the excluded documents are looked up and left out.
    const exclude = ftsMatch(c.negative);
    if (!match && exclude) filters.push(sql`m.doc NOT IN (SELECT rowid FROM email_fts WHERE email_fts MATCH ${exclude})`);
    const db = ctx.db();

    if (!match) {
      const { rows } = await sql<EmailMessageTable>`SELECT m.* FROM email_messages m WHERE ${where(filters)}
        ORDER BY m.date_ms DESC, m.id DESC LIMIT ${limit} OFFSET ${offset}`.execute(db);
      const total = await sql<{ n: number }>`SELECT count(*) AS n FROM (SELECT 1 FROM email_messages m WHERE ${where(filters)} LIMIT ${TOTAL_CAP})`.execute(db);
      return { hits: rows.map((r) => ({ ...toSummary(r), highlight: r.snippet })), total: Number(total.rows[0]?.n ?? 0) };
    }

    const from = sql`email_fts CROSS JOIN email_messages m ON m.doc = email_fts.rowid`;
    const matched = sql`email_fts MATCH ${match} AND ${where(filters)}`;
    // One pass over the matches (a prefix term's doclists are merged once): the newest TOTAL_CAP that pass the
    // filters are ranked and counted together.
    const top = await sql<{ doc: number; total: number }>`SELECT doc, total FROM (
        SELECT doc, date_ms, rank, count(*) OVER () AS total FROM (
          SELECT m.doc AS doc, m.date_ms AS date_ms, bm25(email_fts, ${WEIGHTS}) AS rank FROM ${from}
          WHERE ${matched} ORDER BY email_fts.rowid DESC LIMIT ${TOTAL_CAP}))
      ORDER BY rank, date_ms DESC, doc DESC LIMIT ${limit} OFFSET ${offset}`.execute(db);
    const docs = top.rows.map((r) => r.doc);
    if (docs.length === 0) {
      // Past the last page (or nothing matched): the count alone.
      const total =
        offset === 0 ? [] : (await sql<{ n: number }>`SELECT count(*) AS n FROM (SELECT 1 FROM ${from} WHERE ${matched} LIMIT ${TOTAL_CAP})`.execute(db)).rows;
      return { hits: [], total: Number(total[0]?.n ?? 0) };
    }
    const list = sql.join(docs.map((d) => sql`${d}`));
    const [rows, texts] = await Promise.all([
      sql<EmailMessageTable>`SELECT * FROM email_messages WHERE doc IN (${list})`.execute(db),
      // No MATCH here: FTS5's snippet() would merge a prefix term's doclists again for every row of the IN list.
      sql<{ doc: number } & Omit<EmailFtsTable, 'rowid'>>`SELECT rowid AS doc, subject, participants, body, attachments FROM email_fts
        WHERE rowid IN (${list})`.execute(db),
    ]);
    const marks = markQuery(parts);
    const snipOf = new Map(texts.rows.map((t) => [t.doc, snippetOf([t.body, t.subject, t.participants, t.attachments], marks, 16)]));
    const byDoc = new Map(rows.rows.map((r) => [r.doc, r]));
    // In the ranking's order; a message removed between the reads is skipped, not an error.
    const hits = docs.flatMap((d) => {
      const r = byDoc.get(d);
      return r ? [{ ...toSummary(r), highlight: snipOf.get(d) ?? r.snippet }] : [];
    });
    return { hits, total: Number(top.rows[0]?.total ?? 0) };
  }

  return { search };
}
