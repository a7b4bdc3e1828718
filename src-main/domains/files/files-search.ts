import { sql } from 'kysely';
import type { Snippet } from '../../../src-shared/domains/files/files.schemas';
import type { FileRow } from './files.table';
import { toSummary, type FilesContext, type FilesHandlers } from './files-core';

// Match markers that cannot occur in indexed text: names and tags refuse control characters, and extracted
// text has them replaced (cleanIndexText), so a file cannot forge a highlight.
const OPEN = '\u0001';
const CLOSE = '\u0002';
const MAX_TERMS = 16;

/** Extracted text as indexed: control characters (other than tab and newline) become spaces. */
export const cleanIndexText = (text: string): string => text.replace(/(?![\t\n])\p{Cc}/gu, ' ');

/**
 * The user's words as an FTS5 query: each word a quoted prefix term, all required. SECURITY: quoting (with
 * inner quotes doubled) means no FTS5 syntax (NEAR, column filters, `*`, parentheses) reaches the parser from input.
 */
export function ftsQuery(input: string): string | null {
  const words = input
    .split(/\s+/u)
    .map((w) => w.replace(/"/g, '""'))
    .filter((w) => w.length > 0)
    .slice(0, MAX_TERMS);
  return words.length === 0 ? null : words.map((w) => `"${w}"*`).join(' ');
}

/** FTS5's marked snippet as plain text plus [start, end) ranges (UTF-16 offsets), for the renderer to highlight. */
export function parseSnippet(marked: string): Snippet {
  let text = '';
  const ranges: [number, number][] = [];
  let start = -1;
  for (const ch of marked) {
    if (ch === OPEN) start = text.length;
    else if (ch === CLOSE) {
      if (start >= 0 && ranges.length < 64) ranges.push([start, text.length]);
      start = -1;
    } else text += ch;
  }
  return { text: text.slice(0, 2000), ranges: ranges.filter(([, end]) => end <= 2000) };
}

interface HitRow extends FileRow {
  s_name: string;
  s_tags: string;
  s_body: string;
}

/** Ranked full-text search (bm25, a name match weighs most) over live files. */
export function createSearchHandler(fx: FilesContext): Pick<FilesHandlers, 'search'> {
  return {
    search: async ({ query, limit }) => {
      const match = ftsQuery(query);
      if (match === null) return { hits: [] };
      const snip = (col: number) => sql<string>`snippet(files_fts, ${sql.lit(col)}, ${OPEN}, ${CLOSE}, '…', 16)`;
      const { rows } = await sql<HitRow>`
        SELECT files.*, ${snip(0)} AS s_name, ${snip(1)} AS s_tags, ${snip(2)} AS s_body
        FROM files_fts JOIN files ON files.doc = files_fts.rowid
        WHERE files_fts MATCH ${match} AND files.deleted_at IS NULL
        ORDER BY bm25(files_fts, 10.0, 5.0, 1.0)
        LIMIT ${limit}`.execute(fx.ctx.db());
      return {
        hits: rows.map((r) => {
          // The text's own words say most about why it matched; the name and tags are shown with the file anyway.
          const field = r.s_body.includes(OPEN) ? 'text' : r.s_name.includes(OPEN) ? 'name' : 'tags';
          const marked = field === 'text' ? r.s_body : field === 'name' ? r.s_name : r.s_tags;
          const { s_name: _n, s_tags: _t, s_body: _b, ...file } = r;
          return { file: toSummary(file), field, snippet: parseSnippet(marked) };
        }),
      };
    },
  };
}
